"""The receiving unit appraises its children's self-assessed scores (thẩm định, issue 18):
each score item of a child's current report is accepted or set to other points with a
reason, seeing the figure and the self-assessed points side by side. The official score
is the sum of the appraised items; the official ranking uses it and says which units are
not fully appraised yet (their unappraised items count at the self-assessed points, so
the ranking is provisional for them). The appraisal goes back to the unit in its signed
receipt (``receipt_appraisal``), and the unit keeps it (``appraisal held``).

The self-assessed points of an item are those the application computes from the unit's
figures (``core.scoring``; an item scored relative to the best unit can only be computed
here, against every unit that reported).

May import: ``consolidation``, ``receiving``, ``storage``, ``core``, this package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..consolidation.appraised import Adjustment, AppraisalSummary, AppraisedUnit
from ..core.messages import AppError, Text
from ..core.number_reading import parse_number
from ..core.numbers import format_number
from ..core.scoring import rank
from ..core.text import LINE_MAX_LENGTH, clean_line
from ..core.values import Value
from ..storage.appraisals import appraisals_for, set_appraisal
from ..storage.audit import write_audit
from ..storage.submissions import current_submission
from .workspace import Workspace


@dataclass(frozen=True)
class ItemAppraisal:
    item_id: str
    title: Text
    field_id: str
    value: Value
    maximum: Decimal
    self_points: Decimal
    appraised: Decimal | None  # None: not appraised yet
    reason: str

    @property
    def official(self) -> Decimal:
        return self.self_points if self.appraised is None else self.appraised


@dataclass(frozen=True)
class UnitAppraisal:
    unit_code: str
    unit_name: str
    submission_id: int
    revision: int
    items: tuple[ItemAppraisal, ...]

    @property
    def self_total(self) -> Decimal:
        return sum((i.self_points for i in self.items), Decimal(0))

    @property
    def official_total(self) -> Decimal:
        """The appraised points, the self-assessed ones for items not appraised yet."""
        return sum((i.official for i in self.items), Decimal(0))

    @property
    def complete(self) -> bool:
        return all(i.appraised is not None for i in self.items)

    def as_receipt(self) -> dict[str, Any]:
        """What the unit is told in its receipt."""
        return {
            "items": {
                i.item_id: {
                    "self": str(i.self_points),
                    "appraised": None if i.appraised is None else str(i.appraised),
                    "reason": i.reason,
                }
                for i in self.items
            },
            "self_total": str(self.self_total),
            "official_total": str(self.official_total),
            "complete": self.complete,
        }


def _refuse(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def appraisal_district(ws: Workspace, form_id: str, period: str) -> Any:
    """The children's reports consolidated as appraisal sees them (returned ones left
    out). Reading every submission is the slow part: a window reads it once, off its GUI
    thread, and passes it to ``appraise`` and ``official_ranking`` as ``district``, since
    appraising changes no figure and so no self-assessed point."""
    from .district import consolidation_for

    district = consolidation_for(ws, form_id, period, include_returned=False)
    if district.ranking is None:
        raise _refuse(
            "appraisal.no_scoring",
            f"Biểu mẫu {form_id} kỳ {period} không chấm điểm: không có gì để thẩm định.",
            f"Form {form_id} for {period} carries no scoring: there is nothing to appraise.",
        )
    return district


def unit_appraisal(
    ws: Workspace, unit_code: str, form_id: str, period: str, district: Any = None
) -> UnitAppraisal:
    """One child's current report: every score item, self-assessed and appraised."""
    district = district or appraisal_district(ws, form_id, period)
    row = district.ranking.by_code().get(unit_code)
    submission = current_submission(ws.db, unit_code, form_id, str(district.period))
    if row is None or submission is None:
        raise _refuse(
            "appraisal.no_report",
            f"Chưa có báo cáo {form_id} kỳ {period} của đơn vị {unit_code} để thẩm định.",
            f"There is no {form_id} report for {period} from unit {unit_code} to appraise.",
            unit_code=unit_code,
        )
    form = district.form
    values = district.consolidation.values_by_unit.get(unit_code, {})
    done = appraisals_for(ws.db, submission.id)
    assert form.scoring is not None
    items = tuple(
        ItemAppraisal(
            item.id,
            item.title,
            item.field_id,
            values.get(item.field_id),
            item.points,
            row.score.items[item.id].points,
            done[item.id].points if item.id in done else None,
            done[item.id].reason if item.id in done else "",
        )
        for item in form.scoring.items
    )
    return UnitAppraisal(unit_code, row.name, submission.id, submission.revision, items)


def appraise(
    ws: Workspace,
    unit_code: str,
    form_id: str,
    period: str,
    item_id: str,
    points: str | None,
    reason: str = "",
    district: Any = None,
) -> UnitAppraisal:
    """Accept an item's self-assessed points (``points`` None) or set others, with a
    reason whenever they differ; audited (kind ``appraisal``). ``district``: as
    ``appraisal_district`` returned it, read once for many items."""
    current = unit_appraisal(ws, unit_code, form_id, period, district)
    item = next((i for i in current.items if i.item_id == item_id), None)
    if item is None:
        known = ", ".join(i.item_id for i in current.items)
        raise _refuse(
            "appraisal.unknown_item",
            f"Không có mục chấm điểm «{item_id}» (có: {known}).",
            f"No score item «{item_id}» (known: {known}).",
        )
    chosen = item.self_points if points is None else Decimal(parse_number(points).value)
    if not Decimal(0) <= chosen <= item.maximum:
        raise _refuse(
            "appraisal.out_of_range",
            f"Điểm thẩm định của «{item.title.vi}» phải từ 0 đến {format_number(item.maximum)}.",
            f"The appraised points of «{item.title.en}» must be from 0 to {item.maximum}.",
        )
    why = clean_line(reason or "", Text("lý do", "the reason"), LINE_MAX_LENGTH)
    if chosen != item.self_points and not why:
        raise _refuse(
            "appraisal.reason_required",
            f"Cần ghi lý do khi chấm «{item.title.vi}» khác điểm tự đánh giá ({format_number(item.self_points)}).",
            f"Give the reason when «{item.title.en}» differs from the self-assessed points ({item.self_points}).",
        )
    db = ws.db
    with db.transaction():
        now = db.now()
        set_appraisal(db, current.submission_id, item_id, chosen, why, ws.user, now)
        record = {"unit": unit_code, "item": item_id, "self": str(item.self_points),
                  "appraised": str(chosen), "reason": why, "revision": current.revision}  # fmt: skip
        write_audit(
            db,
            [(now, ws.user, None, "appraisal", f"{unit_code} {form_id} {period} {item_id}",
              None if item.appraised is None else str(item.appraised),
              json.dumps(record, ensure_ascii=False, sort_keys=True))],
        )  # fmt: skip
    return unit_appraisal(ws, unit_code, form_id, period, district)


@dataclass(frozen=True)
class OfficialRow:
    unit_code: str
    unit_name: str
    self_total: Decimal
    official_total: Decimal
    complete: bool
    rank: int


def official_ranking(
    ws: Workspace, form_id: str, period: str, district: Any = None
) -> list[OfficialRow]:
    """Every reporting child by official score (appraised items; self-assessed points
    where not appraised yet, and ``complete`` False for that unit)."""
    district = district or appraisal_district(ws, form_id, period)
    return _official_rows(
        [unit_appraisal(ws, row.code, form_id, period, district) for row in district.ranking.rows]
    )


def _official_rows(units: list[UnitAppraisal]) -> list[OfficialRow]:
    places = rank({u.unit_code: u.official_total for u in units})
    rows = [
        OfficialRow(
            u.unit_code,
            u.unit_name,
            u.self_total,
            u.official_total,
            u.complete,
            places[u.unit_code],
        )
        for u in units
    ]
    return sorted(rows, key=lambda r: (r.rank, r.unit_code))


def appraisal_summary(ws: Workspace, district: Any) -> AppraisalSummary | None:
    """What the consolidated report prints of the appraisal of ``district`` (a
    ``DistrictConsolidation`` with a ranking): None while no item of any unit is
    appraised, so a report made before the appraisal begins has no such part."""
    form_id, period = district.form.id, str(district.period)
    units = []
    for row in district.ranking.rows:
        try:
            units.append(unit_appraisal(ws, row.code, form_id, period, district))
        except AppError:  # figures the receiving unit entered: no submission to appraise
            continue
    if not any(i.appraised is not None for u in units for i in u.items):
        return None
    names = {u.unit_code: u.unit_name for u in units}
    adjustments = tuple(
        Adjustment(u.unit_code, u.unit_name, i.title.vi, i.self_points, i.appraised, i.reason)
        for u in units
        for i in u.items
        if i.appraised is not None and i.appraised != i.self_points
    )
    rows = tuple(
        AppraisedUnit(
            r.unit_code, names[r.unit_code], r.self_total, r.official_total, r.rank, r.complete
        )
        for r in _official_rows(units)
    )
    return AppraisalSummary(rows, adjustments)


@dataclass(frozen=True)
class AppraisalState:
    """What the view shows of a form and period: the children's reports as appraisal
    reads them (``appraisal_district``) and the official ranking."""

    district: Any
    official: list[OfficialRow]


def appraisal_state(ws: Workspace, district: Any) -> AppraisalState | None:
    """For the background job that consolidated ``district`` (returned reports counted):
    the same, unless a report was returned, which appraisal leaves out. None when the
    form scores nothing."""
    if district.ranking is None:
        return None
    reports = district.consolidation.reports.values()
    if any(getattr(r, "returned", False) for r in reports):
        district = appraisal_district(ws, district.form.id, str(district.period))
    return AppraisalState(
        district, official_ranking(ws, district.form.id, str(district.period), district)
    )


def receipt_appraisal(
    ws: Workspace, unit_code: str, form_id: str, period: str
) -> dict[str, Any] | None:
    """The appraisal to send in the unit's receipt, if any item was appraised."""
    try:
        current = unit_appraisal(ws, unit_code, form_id, period)
    except AppError:
        return None
    if all(i.appraised is None for i in current.items):
        return None
    return current.as_receipt()


__all__ = [
    "AppraisalState",
    "ItemAppraisal",
    "OfficialRow",
    "UnitAppraisal",
    "appraisal_district",
    "appraisal_state",
    "appraise",
    "official_ranking",
    "receipt_appraisal",
    "unit_appraisal",
]
