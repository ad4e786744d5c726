"""One unit, or the whole district, across periods: the key indicators in a table and the
chosen one as a chart, with the form's target as a dashed line.

The view shows a ``consolidation.Trend``; it does not gather periods itself. Choosing
another unit asks the owner (``unit_changed``), who builds that unit's trend with
``consolidation.trend`` and hands it back through ``set_trend``.

May import: Qt, ``ui``, and plain data from the layers below (``consolidation``, ``core``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...consolidation import Trend
from ...core.forms.model import Form
from ...core.levels import whole_of
from ...core.numbers import format_number
from .sorting import period_label
from .trend_chart import ChartSeries, TrendChart
from .trend_model import RANK, TOTAL, TrendModel

_OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


class TrendView(QWidget):
    unit_changed = Signal(object)  # the unit's code, or None for the whole district

    def __init__(
        self,
        trend: Trend,
        form: Form,
        lang: str = "vi",
        units: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``form``: the latest period's form (labels, types, targets); ``units``: (code,
        name) of the units to offer besides the whole district; none hides the choice."""
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.setObjectName("trendView")
        layout = QVBoxLayout(self)
        choices = QHBoxLayout()
        self.unit_label = QLabel(self.tr("Đơn vị:"), self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("trendUnit")
        scope = whole_of(trend.receiving_level, form.level).pick(lang)
        self.unit_combo.addItem(scope, None)
        for code, name in units:
            self.unit_combo.addItem(name, code)
        self.unit_combo.currentIndexChanged.connect(
            lambda i: self.unit_changed.emit(self.unit_combo.itemData(i))
        )
        self.unit_label.setVisible(bool(units))
        self.unit_combo.setVisible(bool(units))
        choices.addWidget(self.unit_label)
        choices.addWidget(self.unit_combo)
        choices.addSpacing(16)
        choices.addWidget(QLabel(self.tr("Chỉ số:"), self))
        self.indicator = QComboBox(self)
        self.indicator.setObjectName("trendIndicator")
        self.indicator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.indicator.currentIndexChanged.connect(self._indicator_chosen)
        choices.addWidget(self.indicator)
        choices.addStretch(1)
        layout.addLayout(choices)

        self.chart = TrendChart(self)
        self.model = TrendModel(trend, form, lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("trendTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(lambda index: self.indicator.setCurrentIndex(index.row()))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.set_trend(trend)

    def set_trend(self, trend: Trend) -> None:
        """Show ``trend``, keeping the chosen indicator when the new one has it too."""
        kept = self.current_indicator()
        self.model.set_trend(trend)
        at = self.unit_combo.findData(trend.unit)
        if at >= 0:
            self.unit_combo.blockSignals(True)  # shown, not chosen: no unit_changed
            self.unit_combo.setCurrentIndex(at)
            self.unit_combo.blockSignals(False)
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for row_id in self.model.row_ids:
            self.indicator.addItem(self.model.label(row_id), row_id)
        self.indicator.blockSignals(False)
        index = self.indicator.findData(kept) if kept else -1
        self.indicator.setCurrentIndex(max(index, 0))
        self._indicator_chosen(self.indicator.currentIndex())

    def unit_name(self) -> str:
        """Whom the shown trend is about (the trend's unit, whatever the combo says while
        the owner builds the next one)."""
        unit = self.model.trend.unit
        at = self.unit_combo.findData(unit)
        return self.unit_combo.itemText(at) if at >= 0 else str(unit)

    def current_indicator(self) -> str | None:
        return self.indicator.currentData()

    def choose_indicator(self, row_id: str) -> None:
        self.indicator.setCurrentIndex(self.indicator.findData(row_id))

    def _indicator_chosen(self, index: int) -> None:
        if index < 0:
            self.chart.set_series(None, self.tr("Chưa có chỉ số để theo dõi."))
            return
        self.table.selectRow(index)
        row_id = self.model.row_ids[index]
        self.chart.set_series(
            self.series(row_id),
            self.tr("Chỉ số này không có số liệu dạng số để vẽ biểu đồ; xem bảng bên dưới."),
        )

    def series(self, row_id: str) -> ChartSeries:
        """The chart of one row of the table."""
        model, trend = self.model, self.model.trend
        periods = tuple(period_label(p, self.lang) for p in trend.periods)
        values = tuple(model.number(v) for v in model.values(row_id))
        title = f"{model.label(row_id)} — {self.unit_name()}"
        if row_id == RANK:
            return ChartSeries(title, periods, values, 0, inverted=True)
        if row_id == TOTAL:
            return ChartSeries(title, periods, values, 2, ceiling=Decimal(100))
        field = self.form.fields[row_id]
        if model.is_count(row_id):
            return ChartSeries(title, periods, values, 0)
        unit = field.unit.pick(self.lang) if field.unit else ""
        suffix = unit if unit == "%" else f" {unit}" if unit else ""
        percent = field.type == "percent"
        target = next(
            (
                t
                for t in self.form.targets
                if t.field_id == row_id and not isinstance(t.value, bool)
            ),
            None,
        )
        target_label = ""
        if target is not None:
            shown = format_number(target.value) + ("%" if percent else "")  # type: ignore[arg-type]
            target_label = self.tr("Chỉ tiêu %1").replace("%1", f"{_OPS[target.op]} {shown}")
        return ChartSeries(
            title,
            periods,
            values,
            field.display_decimals if field.is_computed else None,
            suffix,
            Decimal(target.value) if target is not None else None,  # type: ignore[arg-type]
            target_label,
            Decimal(100) if percent else None,
        )


__all__ = ["TrendView"]
