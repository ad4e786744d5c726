"""Bar charts in the documents' font, drawn with reportlab.graphics (vector, fonts
embedded); the consolidated PDF charts its units' scores and key indicators with them.

Horizontal bars, one per unit, the unit's name on the axis: long Vietnamese names read
better than under vertical bars (with a province's 3,321 communes the consolidated report
charts the top ones and says so in the title); a reference line marks the district-wide
figure or the plan target.

May import: ``documents``, ``core``; reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from ..core.numbers import format_number
from .fonts import SERIF, SERIF_ITALIC

BAR = 8.5  # points per bar
BAR_COLOUR = colors.HexColor("#3b6ea5")
REF_COLOUR = colors.HexColor("#b03a2e")


@dataclass(frozen=True)
class Reference:
    value: Decimal
    label: str


def bar_chart(
    labels: Sequence[str],
    values: Sequence[Decimal | int | None],
    maximum: float,
    references: Sequence[Reference] = (),
    decimals: int = 1,
    *,
    width: float,
) -> Drawing:
    """One horizontal bar per label (top to bottom in the given order), ``width`` points
    wide; blanks draw no bar."""
    n = max(len(labels), 1)
    label_room, right_room = 150.0, 40.0
    plot_w = width - label_room - right_room
    height = n * BAR + 30 + 9 * len(references)
    drawing = Drawing(width, height)
    # the renderer's initial state names Helvetica, which is not embedded: use our font
    drawing.initialFontName, drawing.initialFontSize = SERIF, 8
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_room, 22, plot_w, n * BAR
    # reportlab draws the first category at the bottom: reverse to read top-down
    data = [float(v) if v is not None else 0.0 for v in values][::-1]
    chart.data = [data or [0.0]]
    chart.categoryAxis.categoryNames = list(labels)[::-1] or [""]
    chart.categoryAxis.labels.fontName = SERIF
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, maximum
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = lambda v: format_number(Decimal(str(v)), 0)
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: format_number(Decimal(str(v)), decimals)  # "96,39"
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barWidth = BAR * 0.7
    drawing.add(chart)
    for i, ref in enumerate(references):
        # each label on its own line: a target and the overall figure are often close
        x = label_room + plot_w * min(float(ref.value), maximum) / maximum
        top = 24 + n * BAR + 9 * i
        drawing.add(Line(x, 18, x, top + 6, strokeColor=REF_COLOUR, strokeDashArray=[3, 2]))
        drawing.add(
            String(x + 2, top, ref.label, fontName=SERIF_ITALIC, fontSize=8,
                   fillColor=REF_COLOUR)
        )  # fmt: skip
    return drawing


__all__ = ["Reference", "bar_chart"]
