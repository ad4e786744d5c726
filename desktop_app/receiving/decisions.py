"""The officer's decisions on what was received: a same-revision conflict (keep the held
packet or take the new one), and a submission accepted or returned with a reason.

Conflicts are never resolved silently: nothing changes until the officer picks one,
and the choice is an audit row (kind ``conflict``) with who, when and why. Reviewing is
in ``review`` (it signs a receipt).

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import json

from ..core.messages import AppError, Text
from ..core.text import clean_multiline
from ..storage.audit import write_audit
from ..storage.submissions import Submission, find_submissions, get_submission, set_state
from .office import Office

CHOICES = ("held", "new")


def _error(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), **details)


def require_reason(reason: str | None, what: Text) -> str:
    text = clean_multiline(reason or "")
    if not text:
        raise _error(
            "receive.reason_required",
            f"Hãy ghi lý do {what.vi}.",
            f"Give the reason for {what.en}.",
        )
    return text


def list_conflicts(
    office: Office, form_id: str | None = None, period: str | None = None
) -> list[tuple[Submission, Submission]]:
    """(held, pending) pairs waiting for the officer, by unit."""
    sql = "SELECT DISTINCT form_id, period FROM submissions WHERE state = 'pending'"
    pairs = []
    for fid, per in office.db.fetchall(sql):
        if (form_id and fid != form_id) or (period and per != period):
            continue
        current = {
            s.unit_code: s for s in find_submissions(office.db, fid, per, states=("current",))
        }
        for pending in find_submissions(office.db, fid, per, states=("pending",)):
            if pending.unit_code in current:
                pairs.append((current[pending.unit_code], pending))
    return pairs


def decide_conflict(office: Office, pending_id: int, take: str, reason: str) -> Submission:
    """Resolve a conflict: ``take="held"`` keeps the submission held (the pending one is
    discarded), ``take="new"`` makes the pending one current (the held one is discarded).
    Both stay in the database. Returns the submission that now counts."""
    if take not in CHOICES:
        raise ValueError(f"take must be one of {CHOICES}, not {take!r}")
    why = require_reason(reason, Text("chọn bản số liệu", "the choice"))
    db = office.db
    with db.transaction():
        pending = get_submission(db, pending_id)
        held = find_submissions(
            db, pending.form_id, pending.period, pending.unit_code, states=("current",)
        ) if pending else []  # fmt: skip
        if pending is None or pending.state != "pending" or not held:
            raise _error(
                "receive.no_conflict",
                f"Không có xung đột nào đang chờ quyết định với mã {pending_id}.",
                f"There is no conflict waiting for a decision with id {pending_id}.",
                submission_id=pending_id,
            )
        current = held[0]
        kept, dropped = (current, pending) if take == "held" else (pending, current)
        set_state(db, dropped.id, "discarded")
        set_state(db, kept.id, "current")
        now = db.now()
        record = {"take": take, "kept": kept.data_sha256, "discarded": dropped.data_sha256}
        record["reason"] = why
        write_audit(
            db,
            [(now, office.user, None, "conflict", kept.key, current.data_sha256,
              json.dumps(record, ensure_ascii=False, sort_keys=True))],
        )  # fmt: skip
        chosen = get_submission(db, kept.id)
    assert chosen is not None
    return chosen


__all__ = ["CHOICES", "decide_conflict", "list_conflicts", "require_reason"]
