"""A small line chart of one indicator across periods, drawn with QPainter: a handful of
points needs no chart library (QtCharts would add ~1 s of import and a module the PDF
packaging must keep). Blank periods leave a gap, never a fall to zero.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.numbers import format_number

LINE = QColor("#1565c0")
TARGET = QColor("#c62828")
GRID = QColor("#dfe5ec")
INK = QColor("#263238")
MUTED = QColor("#546e7a")


@dataclass(frozen=True)
class ChartSeries:
    title: str
    periods: tuple[str, ...]  # x-axis labels
    values: tuple[Decimal | None, ...]
    decimals: int | None = None  # None: each value's own digits
    suffix: str = ""  # "%", " người"
    target: Decimal | None = None
    target_label: str = ""
    ceiling: Decimal | None = None  # a percentage's axis stops at 100
    inverted: bool = False  # ranks: 1st at the top

    @property
    def known(self) -> list[Decimal]:
        return [v for v in self.values if v is not None]

    def label(self, value: Decimal) -> str:
        return format_number(value, self.decimals) + self.suffix


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` intervals."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def axis_range(series: ChartSeries) -> list[float]:
    """The value axis's ticks, lowest first (for ranks: 1st first, drawn at the top)."""
    values = [float(v) for v in series.known]
    if series.target is not None:
        values.append(float(series.target))
    if series.inverted:  # places: 1, then round numbers (1, 5, 10, 15, 20)
        step = max(1.0, float(math.ceil(nice_step(max(values, default=1.0)))))
        last = max(step * math.ceil(max(values, default=1.0) / step), 2.0)
        return [1.0, *(k * step for k in range(1, round(last / step) + 1) if k * step > 1)]
    low = min(0.0, *values) if values else 0.0
    top = max(values, default=1.0)
    if series.ceiling is not None and top <= float(series.ceiling):
        top = float(series.ceiling)
    step = nice_step(top - low or 1.0)
    low = step * math.floor(low / step)
    high = step * math.ceil(top / step - 1e-9) if top > 0 else step
    return [low + i * step for i in range(round((high - low) / step) + 1)]


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.series: ChartSeries | None = None
        self.empty_text = ""
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)

    def set_series(self, series: ChartSeries | None, empty_text: str = "") -> None:
        """``empty_text`` is shown when there is nothing to draw."""
        self.series = series
        self.empty_text = empty_text
        self.update()

    # -- drawing --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        series = self.series
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() * 1.1)
        painter.setFont(bold)
        painter.setPen(INK)
        title_height = QFontMetrics(bold).height() + 10
        if series is not None:
            painter.drawText(
                QRectF(12, 6, self.width() - 24, title_height),
                Qt.AlignmentFlag.AlignLeft,
                series.title,
            )
        painter.setFont(self.font())
        if series is None or not series.known:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        self._draw(painter, series, title_height + 10)

    def _draw(self, painter: QPainter, series: ChartSeries, top: float) -> None:
        metrics = QFontMetrics(self.font())
        ticks = axis_range(series)
        low, high = ticks[0], ticks[-1]
        tick_labels = [format_number(Decimal(str(round(t, 6))).normalize()) for t in ticks]
        left = max(metrics.horizontalAdvance(t) for t in tick_labels) + 18
        plot = QRectF(
            left, top, self.width() - left - 24, self.height() - top - 2.4 * metrics.height()
        )

        def y_of(value: float) -> float:
            share = (value - low) / (high - low)
            return (
                plot.top() + share * plot.height()
                if series.inverted
                else plot.bottom() - share * plot.height()
            )

        def x_of(index: int) -> float:
            return plot.left() + (index + 0.5) * plot.width() / len(series.periods)

        for tick, text in zip(ticks, tick_labels, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 8, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.setPen(INK)
        for i, period in enumerate(series.periods):
            box = QRectF(x_of(i) - 80, plot.bottom() + 6, 160, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, period)
        if series.target is not None:
            self._draw_target(painter, series, plot, y_of(float(series.target)))
        self._draw_line(painter, series, x_of, y_of)

    def _draw_target(self, painter: QPainter, series: ChartSeries, plot: QRectF, y: float) -> None:
        pen = QPen(TARGET, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(TARGET)
        height = QFontMetrics(self.font()).height()
        painter.drawText(
            QRectF(plot.left() + 4, y - height - 2, plot.width() - 8, height),
            Qt.AlignmentFlag.AlignRight,
            series.target_label,
        )

    def _draw_line(
        self,
        painter: QPainter,
        series: ChartSeries,
        x_of: Callable[[int], float],
        y_of: Callable[[float], float],
    ) -> None:
        points = [
            None if v is None else QPointF(x_of(i), y_of(float(v)))
            for i, v in enumerate(series.values)
        ]
        painter.setPen(QPen(LINE, 2.5))
        for a, b in itertools.pairwise(points):
            if a is not None and b is not None:  # a blank period leaves a gap
                painter.drawLine(a, b)
        height = QFontMetrics(self.font()).height()
        for point, value in zip(points, series.values, strict=True):
            if point is None or value is None:
                continue
            painter.setPen(QPen(LINE, 2))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(point, 5, 5)
            painter.setPen(INK)
            painter.drawText(
                QRectF(point.x() - 80, point.y() - height - 8, 160, height),
                Qt.AlignmentFlag.AlignHCenter,
                series.label(value),
            )


__all__ = ["ChartSeries", "TrendChart", "axis_range", "nice_step"]
