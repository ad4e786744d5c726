"""The appraisal (``appraised.AppraisalSummary``) laid out in the consolidated report:
the PDF part "KẾT QUẢ THẨM ĐỊNH" and the workbook's sheet «Thẩm định» — the official
ranking beside the self-assessed totals, then each item set to other points with its
reason.

May import: ``consolidation``, ``documents``, ``core``; openpyxl.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.numbers import format_number
from ..core.text import nfc
from ..documents.flow import CENTRE, Flowable, Spacer, para, style
from ..documents.fonts import SERIF_BOLD
from ..documents.page import MM, PORTRAIT
from ..documents.tables import string_table
from .appraised import AppraisalSummary, AppraisedUnit
from .report_xlsx import line_cells, table_sheet

if TYPE_CHECKING:
    from openpyxl import Workbook


UNIT_HEADS = [
    "Hạng",
    "Mã",
    "Đơn vị",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Chênh lệch",
    "Tình trạng",
]
ITEM_HEADS = ["Mã", "Đơn vị", "Tiêu chí", "Tự đánh giá", "Thẩm định", "Lý do"]


def _unit_row(u: AppraisedUnit) -> list[str]:
    change = u.official_total - u.self_total
    state = "Đã thẩm định đủ" if u.complete else "Chưa thẩm định đủ"
    signed = ("+" if change > 0 else "") + format_number(change, 2)
    return [str(u.rank), u.code, nfc(u.name), format_number(u.self_total, 2),
            format_number(u.official_total, 2), signed, state]  # fmt: skip


def _heads(heads: Sequence[str]) -> list[Flowable]:
    """Header cells that wrap ("Điểm tự đánh giá" in a narrow column)."""
    return [para(h, style(10, SERIF_BOLD, CENTRE)) for h in heads]


def appraisal_story(summary: AppraisalSummary, numeral: str) -> list[Flowable]:
    """The PDF part "KẾT QUẢ THẨM ĐỊNH" (portrait): the official ranking, then the items
    set to other points with their reasons."""
    heading = style(13, SERIF_BOLD, spaceBefore=8, spaceAfter=4)
    story: list[Flowable] = [para(f"{numeral}. KẾT QUẢ THẨM ĐỊNH", heading)]
    story.append(para(f"Ghi chú: {summary.note()}", style(10)))
    story.append(Spacer(1, 3))
    widths = [13, 14, 0, 26, 26, 22, 32]
    widths[2] = PORTRAIT.width / MM - sum(widths)
    rows = [_heads(UNIT_HEADS), *(_unit_row(u) for u in summary.units)]
    table = string_table(rows, [w * MM for w in widths], 3)
    table.setStyle([("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (-1, 1), (-1, -1), "LEFT")])
    story.append(table)
    if summary.adjustments:
        story.append(Spacer(1, 6))
        story.append(para("Các tiêu chí được thẩm định khác điểm tự đánh giá:", style(12)))
        cell = style(10)
        rows = [_heads(ITEM_HEADS)] + [
            [
                a.code,
                para(nfc(a.name), cell),
                para(nfc(a.item), cell),
                format_number(a.self_points, 2),
                format_number(a.appraised, 2),
                para(nfc(a.reason), cell),
            ]
            for a in summary.adjustments
        ]
        widths = [14, 30, 0, 20, 20, 50]
        widths[2] = PORTRAIT.width / MM - sum(widths)
        table = string_table(rows, [w * MM for w in widths], 3)
        table.setStyle([("ALIGN", (-1, 1), (-1, -1), "LEFT"), ("VALIGN", (0, 1), (-1, -1), "TOP")])
        story.append(table)
    return story


def appraisal_sheet(wb: Workbook, summary: AppraisalSummary, period: str) -> None:
    """The sheet «Thẩm định»: the official ranking, a blank row, then the items set to
    other points with their reasons."""
    title = f"KẾT QUẢ THẨM ĐỊNH KỲ {period}"
    lines = len(summary.units) + (2 + len(summary.adjustments) if summary.adjustments else 0)
    widths = [6, 8, 28, 14, 14, 12, 40]
    ws, cells, _ = table_sheet(wb, "Thẩm định", widths, title, summary.note(), UNIT_HEADS, lines)
    for u in summary.units:
        change = u.official_total - u.self_total
        values = [(u.rank, "0"), (u.code, None), (u.name, None), (u.self_total, "0.00"),
                  (u.official_total, "0.00"), (change, "+0.00;-0.00;0.00"),
                  ("Đã thẩm định đủ" if u.complete else "Chưa thẩm định đủ", None)]  # fmt: skip
        ws.append(line_cells(cells, values, bold_col=5))
    if summary.adjustments:
        ws.append([])
        ws.append(line_cells(cells, [(h, None) for h in ["", *ITEM_HEADS]], bold_col=0))
        for a in summary.adjustments:
            values = [(None, None), (a.code, None), (a.name, None), (a.item, None),
                      (a.self_points, "0.00"), (a.appraised, "0.00"), (a.reason, None)]  # fmt: skip
            ws.append(line_cells(cells, values, bold_col=0))


__all__ = ["appraisal_sheet", "appraisal_story"]
