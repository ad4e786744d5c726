"""The submission status board: for one form and period, every child unit that fills the
form, whether it has submitted, its revision and date, on time or late, and the
officer's review.

States, in the order the board groups them by default (what needs the officer first):
``conflict`` (two packets of one revision, waiting for a decision), ``missing``,
``returned``, ``submitted`` (received, not yet reviewed), ``accepted``.

**On time** is judged by the date of the unit's *first* submission for the period (the
signing time of its CMS signature, Vietnam time) against the form's deadline
(``core.periods.deadline_for``): a unit that sent on time and corrected a returned
report later is not counted late. The manifest's ``created_at`` must agree with that
signing time to be received at all (``packets.timecheck``), but a packet held from
before that rule may not, so the signature decides. Beside it the board shows when the
current revision was received here: the signing time is the sender's word, the
received time the district's own.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from ..core.collation import vi_sort_key
from ..core.forms import Form
from ..core.messages import Text
from ..core.periods import Period, deadline_for
from ..packets.manifest import vietnam_time
from ..storage.submissions import Submission, find_submissions
from .office import Office

STATES = ("conflict", "missing", "entered", "returned", "submitted", "accepted")
STATE_LABELS = {
    "conflict": Text("Xung đột – chờ quyết định", "Conflict – awaiting a decision"),
    "missing": Text("Chưa nộp", "Missing"),
    # figures this office entered itself (values import): no packet of the unit's
    "entered": Text("Nhập tại đây (không ký số)", "Entered here (not signed)"),
    "returned": Text("Đã trả lại", "Returned"),
    "submitted": Text("Đã nộp – chờ xem xét", "Submitted – awaiting review"),
    "accepted": Text("Đã tiếp nhận", "Accepted"),
}
SORT_KEYS = ("state", "code", "name", "revision", "submitted", "received", "late")


@dataclass(frozen=True)
class BoardRow:
    unit_code: str
    unit_name: str
    state: str
    revision: int | None = None
    submitted_at: str | None = None  # the current revision's created_at (ISO, +07:00)
    first_submitted_at: str | None = None  # the first revision's created_at
    received_at: str | None = None  # when the current revision was received here
    on_time: bool | None = None  # None: nothing submitted
    days_late: int = 0
    signer: str | None = None
    review_reason: str | None = None  # why it was returned
    reviewed_at: str | None = None
    submission_id: int | None = None
    pending_ids: tuple[int, ...] = ()  # conflicting submissions waiting for a decision
    signed_at: str | None = None  # the current revision's CMS signing time
    first_signed_at: str | None = None  # the first revision's: judges on time or late

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Board:
    form: Form
    period: Period
    deadline: datetime.date
    unit_code: str
    unit_name: str
    rows: tuple[BoardRow, ...]

    def counts(self) -> dict[str, int]:
        """Units per state (every state, zeros included), plus ``late`` and ``total``."""
        found = {state: 0 for state in STATES}
        for row in self.rows:
            found[row.state] += 1
        found["late"] = sum(1 for r in self.rows if r.on_time is False)
        found["total"] = len(self.rows)
        return found

    def sorted(self, key: str = "state", descending: bool = False) -> list[BoardRow]:
        return sort_rows(self.rows, key, descending)

    def filtered(self, states: Iterable[str]) -> list[BoardRow]:
        wanted = set(states)
        return [r for r in self.rows if r.state in wanted]

    def as_dict(self) -> dict[str, Any]:
        return {
            "form": {"id": self.form.id, "version": self.form.version},
            "period": str(self.period),
            "deadline": self.deadline.isoformat(),
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "counts": self.counts(),
            "rows": [r.as_dict() for r in self.rows],
        }


def _instant(iso: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(iso) if iso else None


def sort_rows(
    rows: Iterable[BoardRow], key: str = "state", descending: bool = False
) -> list[BoardRow]:
    """Rows sorted by one column (``SORT_KEYS``), names in Vietnamese order; ties keep the
    official code order. Blanks sort last either way."""
    if key not in SORT_KEYS:
        raise ValueError(f"sort key must be one of {SORT_KEYS}, not {key!r}")

    def value(row: BoardRow) -> Any:
        if key == "state":
            return STATES.index(row.state)
        if key == "code":
            return row.unit_code
        if key == "name":
            return vi_sort_key(row.unit_name)
        if key == "revision":
            return row.revision
        # As instants: a signing time is kept in UTC as the signature gives it, a
        # received time in the office's offset; their texts do not sort together.
        if key == "submitted":
            return _instant(row.first_signed_at)
        if key == "received":
            return _instant(row.received_at)
        return row.days_late if row.on_time is not None else None

    by_code = sorted(rows, key=lambda r: r.unit_code)
    present = [r for r in by_code if value(r) is not None]
    blank = [r for r in by_code if value(r) is None]
    return sorted(present, key=value, reverse=descending) + blank


def _row(
    unit_code: str, unit_name: str, held: list[Submission], deadline: datetime.date
) -> BoardRow:
    current = next((s for s in held if s.state == "current"), None)
    if current is None:
        return BoardRow(unit_code, unit_name, "missing")
    pending = tuple(s.id for s in held if s.state == "pending")
    first = min(held, key=lambda s: datetime.datetime.fromisoformat(s.signed_at))
    signed = datetime.datetime.fromisoformat(first.signed_at)
    day = vietnam_time(signed).date()  # the date in Vietnam
    state = "conflict" if pending else current.review
    return BoardRow(
        unit_code=unit_code,
        unit_name=unit_name,
        state=state,
        revision=current.revision,
        submitted_at=current.created_at,
        first_submitted_at=first.created_at,
        received_at=current.received_at,
        on_time=day <= deadline,
        days_late=max((day - deadline).days, 0),
        signer=current.signer_name,
        review_reason=current.review_reason,
        reviewed_at=current.reviewed_at,
        submission_id=current.id,
        pending_ids=pending,
        signed_at=current.signed_at,
        first_signed_at=first.signed_at,
    )


def _entered_codes(office: Office, form_id: str, period: str) -> set[str]:
    """The children whose figures this office entered itself (``values import``)."""
    rows = office.db.fetchall(
        "SELECT unit_code FROM reports WHERE form_id = ? AND period = ? AND unit_code != ?",
        (form_id, period, office.unit_code),
    )
    return {row[0] for row in rows}


def status_board(office: Office, form_id: str, period_text: str) -> Board:
    """The board for the form version that applies to the period."""
    newest = office.forms.get(form_id)
    period = Period.parse(period_text, newest.period_kind)
    form = office.forms.get(form_id, period.year)
    deadline = deadline_for(period, form.deadline)
    held: dict[str, list[Submission]] = {}
    for s in find_submissions(office.db, form.id, str(period)):
        held.setdefault(s.unit_code, []).append(s)
    rows = [
        _row(unit.code, unit.name, held.get(unit.code, []), deadline)
        for unit in office.children_for(form.level, str(period))
    ]
    entered = _entered_codes(office, form.id, str(period))
    rows = [
        BoardRow(r.unit_code, r.unit_name, "entered")
        if r.state == "missing" and r.unit_code in entered
        else r
        for r in rows
    ]
    return Board(form, period, deadline, office.unit_code, office.unit.name, tuple(rows))


__all__ = ["SORT_KEYS", "STATES", "STATE_LABELS", "Board", "BoardRow", "sort_rows", "status_board"]
