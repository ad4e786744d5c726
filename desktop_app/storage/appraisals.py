"""The receiving unit's appraisal (thẩm định) of a child's self-assessed score items: for
one submission (one revision of one unit's report), each item accepted or set to other
points with a reason. A new revision is a new submission and is appraised afresh: its
figures, and so its self-assessment, may have changed.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .database import Database


@dataclass(frozen=True)
class AppraisalRow:
    submission_id: int
    item_id: str
    points: Decimal
    reason: str
    appraised_at: str
    appraised_by: str


def set_appraisal(
    db: Database, submission_id: int, item_id: str, points: Decimal, reason: str, by: str, at: str
) -> None:
    """Record (or replace) one item's appraisal; call inside the change's transaction."""
    db.execute(
        "INSERT INTO appraisals (submission_id, item_id, points, reason, appraised_at,"
        " appraised_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id, item_id) DO UPDATE"
        " SET points = excluded.points, reason = excluded.reason,"
        " appraised_at = excluded.appraised_at, appraised_by = excluded.appraised_by",
        (submission_id, item_id, str(points), reason, at, by),
    )


def appraisals_for(db: Database, submission_id: int) -> dict[str, AppraisalRow]:
    rows = db.fetchall(
        "SELECT submission_id, item_id, points, reason, appraised_at, appraised_by"
        " FROM appraisals WHERE submission_id = ?",
        (submission_id,),
    )
    return {r[1]: AppraisalRow(r[0], r[1], Decimal(r[2]), r[3], r[4], r[5]) for r in rows}


def appraisal_key(form_id: str, period: str) -> str:
    """The setting under which a child unit keeps the appraisal its parent sent."""
    return f"appraisal:{form_id}:{period}"


__all__ = ["AppraisalRow", "appraisal_key", "appraisals_for", "set_appraisal"]
