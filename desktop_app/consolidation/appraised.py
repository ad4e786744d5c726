"""The receiving unit's appraisal (thẩm định) in its consolidated report: the official
ranking beside the self-assessed totals, which units are not fully appraised yet, and
every item set to other points with its reason, in the PDF (a part of its own) and in
the workbook (a sheet of its own). The report's computed ranking stays as it is: these
are the officer's decisions, printed apart from the application's computation.

The summary is made by ``workspace.appraisal`` from the stored appraisals; this module
holds it as plain data, and ``appraisal_print`` lays it out (reportlab and openpyxl are
loaded only there, when a report is written).

May import: ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.text import nfc


@dataclass(frozen=True)
class AppraisedUnit:
    code: str
    name: str
    self_total: Decimal
    official_total: Decimal
    rank: int  # by official total
    complete: bool  # every item appraised


@dataclass(frozen=True)
class Adjustment:
    """An item the officer set to other points than the unit's own."""

    code: str
    name: str
    item: str  # the scoring item's title
    self_points: Decimal
    appraised: Decimal
    reason: str


@dataclass(frozen=True)
class AppraisalSummary:
    units: tuple[AppraisedUnit, ...]  # by official rank
    adjustments: tuple[Adjustment, ...]

    @property
    def incomplete(self) -> list[str]:
        return [u.name for u in self.units if not u.complete]

    def note(self) -> str:
        """Which ranks may still change, in the report's words."""
        left = self.incomplete
        if not left:
            return "Tất cả các đơn vị đã được thẩm định đủ các tiêu chí."
        names = ", ".join(nfc(n) for n in left)
        return (
            f"Còn {len(left)} đơn vị chưa được thẩm định đủ các tiêu chí ({names}): các tiêu"
            " chí chưa thẩm định được tính theo điểm tự đánh giá, thứ hạng còn tạm tính."
        )


__all__ = ["Adjustment", "AppraisalSummary", "AppraisedUnit"]
