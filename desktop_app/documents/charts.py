"""Bar charts in the documents' font, drawn with reportlab.graphics (vector, fonts
embedded); the consolidated PDF charts its units' scores and key indicators with them.

Horizontal bars, one per unit, the unit's name on the axis: long Vietnamese names read
better than under vertical bars (with a province's 3,321 communes the consolidated report
charts the top ones and says so in the title); a reference line marks the district-wide
figure or the plan target.

Everything stays inside the drawing, which is as wide as the text frame (so within the
page margins): a unit name longer than its room is shortened with "…", a reference label
that would run past the right edge is set to the left of its line, each reference label
has a line of its own above the bars, and the bars' value labels sit on a white ground
over the dashed reference lines, which are drawn first.

May import: ``documents``, ``core``; reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..core.numbers import format_number
from .fonts import SERIF, SERIF_ITALIC

BAR = 10.0  # points per bar: 8 pt names one under another never touch
BAR_COLOUR = colors.HexColor("#3b6ea5")
REF_COLOUR = colors.HexColor("#b03a2e")
LABEL_PT = 8  # unit names, axis and reference labels
REF_LINE = 11.0  # points between two reference labels' baselines (8 pt text: no overlap)


def _shortened(text: str, room: float) -> str:
    """``text`` cut at a word with "…" to fit ``room`` points at ``LABEL_PT``."""
    if stringWidth(text, SERIF, LABEL_PT) <= room:
        return text
    words = text.split(" ")
    while len(words) > 1 and stringWidth(" ".join(words) + "…", SERIF, LABEL_PT) > room:
        words.pop()
    cut = " ".join(words)
    while cut and stringWidth(cut + "…", SERIF, LABEL_PT) > room:
        cut = cut[:-1]
    return cut + "…"


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
    height = n * BAR + 30 + REF_LINE * len(references)
    drawing = Drawing(width, height)
    # the renderer's initial state names Helvetica, which is not embedded: use our font
    drawing.initialFontName, drawing.initialFontSize = SERIF, 8
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_room, 22, plot_w, n * BAR
    # reportlab draws the first category at the bottom: reverse to read top-down
    data = [float(v) if v is not None else 0.0 for v in values][::-1]
    chart.data = [data or [0.0]]
    names = [_shortened(label, label_room - 8) for label in labels]
    chart.categoryAxis.categoryNames = names[::-1] or [""]
    chart.categoryAxis.labels.fontName = SERIF
    chart.categoryAxis.labels.fontSize = LABEL_PT
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, maximum
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = LABEL_PT
    chart.valueAxis.labelTextFormat = lambda v: format_number(Decimal(str(v)), 0)
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: format_number(Decimal(str(v)), decimals)  # "96,39"
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.boxFillColor = colors.white  # readable where a reference line runs
    chart.barWidth = BAR * 0.7
    labels_above = []
    for i, ref in enumerate(references):
        # each label on its own line: a target and the overall figure are often close
        x = label_room + plot_w * min(float(ref.value), maximum) / maximum
        top = 24 + n * BAR + REF_LINE * i + 2
        drawing.add(Line(x, 18, x, top + 6, strokeColor=REF_COLOUR, strokeDashArray=[3, 2]))
        room = width - (x + 2)
        text_w = stringWidth(ref.label, SERIF_ITALIC, LABEL_PT)
        anchor, at = ("start", x + 2) if text_w <= room else ("end", x - 2)
        left = at if anchor == "start" else at - text_w
        # a white ground: another reference's line never runs through the label
        labels_above.append(Rect(left - 1, top - 2.5, text_w + 2, LABEL_PT + 3,
                                 fillColor=colors.white, strokeColor=None))  # fmt: skip
        labels_above.append(String(at, top, ref.label, fontName=SERIF_ITALIC,
                                   fontSize=LABEL_PT, fillColor=REF_COLOUR, textAnchor=anchor))  # fmt: skip
    drawing.add(chart)  # over the reference lines
    for label in labels_above:
        drawing.add(label)
    return drawing


__all__ = ["Reference", "bar_chart"]
