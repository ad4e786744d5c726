"""Submissions a receiving unit holds (schema v3, tables ``submissions`` and
``submission_values``): one row per verified packet kept, with its values as the
canonical JSON text of ``data.json`` (``"93.7"``, ``12``, ``true``), so consolidation reads
them with SQL and ``json.loads`` and never through a binary float.

``state``: ``current`` (the one that counts; at most one per unit × form × period, an
index makes sure), ``superseded`` (an older revision, kept for the diff), ``pending`` (a
same-revision conflict waiting for the officer) or ``discarded`` (set aside by the
officer's decision). ``review``: ``submitted`` → ``accepted`` | ``returned``.
``parent_code`` (v5): the parent unit the packet names, which tells an old unit's packet
from a new unit's that kept its code.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .database import Database

STATES = ("current", "superseded", "pending", "discarded")
REVIEWS = ("submitted", "accepted", "returned")
KINDS = ("input", "computed", "comment")

_COLUMNS = (
    "id, unit_code, unit_name, parent_code, form_id, form_version, period, revision, data_sha256, "
    "created_at, signed_at, received_at, packet_path, signer_fingerprint, signer_name, "
    "data_json, state, review, reviewed_at, reviewed_by, review_reason"
)
_FIELDS = tuple(c.strip() for c in _COLUMNS.split(","))


@dataclass(frozen=True)
class Submission:
    id: int
    unit_code: str
    unit_name: str
    parent_code: str | None  # the parent its packet names (schema v5): the old one for an old unit
    form_id: str
    form_version: str
    period: str
    revision: int
    data_sha256: str
    created_at: str  # the packet's manifest created_at (when the unit signed it)
    signed_at: str  # the CMS signing time
    received_at: str
    packet_path: str  # the kept copy, relative to the data directory
    signer_fingerprint: str
    signer_name: str
    data_json: str  # the whole data.json (comments, warnings, self-score)
    state: str
    review: str
    reviewed_at: str | None
    reviewed_by: str | None
    review_reason: str | None

    @property
    def key(self) -> str:
        """ "02080/cntt-xa/2026": the audit log's target for this unit × form × period."""
        return f"{self.unit_code}/{self.form_id}/{self.period}"

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "data_json"}


def insert_submission(
    db: Database, values: Mapping[tuple[str, str], str], **fields: Any
) -> Submission:
    """Add a submission and its values ({(kind, field id): JSON text}), inside the
    caller's transaction."""
    names = [n for n in _FIELDS if n in fields]
    cursor = db.execute(
        f"INSERT INTO submissions ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [fields[n] for n in names],
    )
    new_id = int(cursor.lastrowid or 0)
    db.conn.executemany(
        "INSERT INTO submission_values (submission_id, kind, field_id, value) VALUES (?, ?, ?, ?)",
        [(new_id, kind, field_id, text) for (kind, field_id), text in values.items()],
    )
    row = get_submission(db, new_id)
    assert row is not None
    return row


def get_submission(db: Database, submission_id: int) -> Submission | None:
    row = db.fetchone(f"SELECT {_COLUMNS} FROM submissions WHERE id = ?", (submission_id,))
    return Submission(*row) if row else None


def find_submissions(
    db: Database,
    form_id: str,
    period: str,
    unit_code: str | None = None,
    *,
    states: Iterable[str] = STATES,
    revision: int | None = None,
    with_data: bool = True,
) -> list[Submission]:
    """Submissions of a form and period (of one unit, in some states, at one revision),
    by unit then oldest first. ``with_data=False`` leaves ``data_json`` empty: a
    province's thousands of data.json texts are tens of MB that a consolidation, which
    reads the values themselves, does not need."""
    wanted = list(states)
    columns = _COLUMNS if with_data else _COLUMNS.replace("data_json", "'' AS data_json")
    where = ["form_id = ?", "period = ?", f"state IN ({', '.join('?' * len(wanted))})"]
    params: list[Any] = [form_id, period, *wanted]
    if unit_code is not None:
        where.append("unit_code = ?")
        params.append(unit_code)
    if revision is not None:
        where.append("revision = ?")
        params.append(revision)
    sql = f"SELECT {columns} FROM submissions WHERE {' AND '.join(where)} ORDER BY unit_code, id"
    return [Submission(*r) for r in db.fetchall(sql, params)]


def current_submission(
    db: Database, unit_code: str, form_id: str, period: str
) -> Submission | None:
    found = find_submissions(db, form_id, period, unit_code, states=("current",))
    return found[0] if found else None


def set_state(db: Database, submission_id: int, state: str) -> None:
    if state not in STATES:
        raise ValueError(f"unknown submission state {state!r}")
    db.execute("UPDATE submissions SET state = ? WHERE id = ?", (state, submission_id))


def set_review(
    db: Database, submission_id: int, review: str, *, user: str, reason: str, at: str
) -> None:
    if review not in REVIEWS:
        raise ValueError(f"unknown review {review!r}")
    db.execute(
        "UPDATE submissions SET review = ?, reviewed_at = ?, reviewed_by = ?, review_reason = ?"
        " WHERE id = ?",
        (review, at, user, reason, submission_id),
    )


def submission_values(db: Database, submission_id: int, kind: str = "input") -> dict[str, str]:
    """field id → canonical JSON text, for one kind (inputs, computed fields, comments)."""
    rows = db.fetchall(
        "SELECT field_id, value FROM submission_values WHERE submission_id = ? AND kind = ?",
        (submission_id, kind),
    )
    return dict(rows)


def iter_values(
    db: Database, form_id: str, period: str, states: Iterable[str] = ("current",)
) -> Iterator[tuple[int, dict[str, str]]]:
    """(submission id, {field id: canonical JSON text} of the inputs) for every submission
    of a form and period in ``states``, by submission id: one query for a consolidation
    of thousands, read as it goes rather than held whole."""
    wanted = list(states)
    cursor = db.execute(
        "SELECT v.submission_id, v.field_id, v.value FROM submissions s"
        " JOIN submission_values v ON v.submission_id = s.id AND v.kind = 'input'"
        f" WHERE s.form_id = ? AND s.period = ? AND s.state IN ({', '.join('?' * len(wanted))})"
        " ORDER BY v.submission_id",
        [form_id, period, *wanted],
    )
    current: int | None = None
    values: dict[str, str] = {}
    for submission_id, field_id, value in cursor:
        if submission_id != current:
            if current is not None:
                yield current, values
            current, values = submission_id, {}
        values[field_id] = value
    if current is not None:
        yield current, values


def periods_with_submissions(db: Database, form_id: str) -> list[str]:
    """The periods of a form for which some submission currently counts, sorted."""
    rows = db.fetchall(
        "SELECT DISTINCT period FROM submissions WHERE form_id = ? AND state = 'current'"
        " ORDER BY period",
        (form_id,),
    )
    return [period for (period,) in rows]


__all__ = [
    "KINDS",
    "REVIEWS",
    "STATES",
    "Submission",
    "current_submission",
    "find_submissions",
    "get_submission",
    "insert_submission",
    "periods_with_submissions",
    "set_review",
    "set_state",
    "submission_values",
]
