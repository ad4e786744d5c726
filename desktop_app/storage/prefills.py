"""Which values of the unit's own report were pre-filled from its children's
consolidation (schema v4, table ``prefills``), with the value as pre-filled and its source.

The value itself is written through ``values.save_values`` like any other (audited,
reopening an exported report); this table only remembers what the pre-fill put there,
so the window can mark the field and show when the officer has overridden it.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .database import Database


@dataclass(frozen=True)
class PrefillRow:
    report_id: int
    field_id: str
    value: str | None  # canonical stored text, None: the children's figure was blank
    source: str  # the comment written with it (Vietnamese), e.g. "Tổng hợp từ 20/20 xã …"
    basis: dict[str, Any]  # what it was computed from: units, submissions, period
    prefilled_at: str
    prefilled_by: str


def record_prefills(
    db: Database,
    report_id: int,
    rows: Iterable[tuple[str, str | None, str, Mapping[str, Any]]],
    *,
    user: str,
    at: str,
) -> None:
    """(field id, value text, source, basis) for each pre-filled field, replacing an
    earlier pre-fill of the same field; call inside the transaction that saves them."""
    db.conn.executemany(
        "INSERT INTO prefills (report_id, field_id, value, source, basis, prefilled_at,"
        " prefilled_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, field_id) DO UPDATE"
        " SET value = excluded.value, source = excluded.source, basis = excluded.basis,"
        " prefilled_at = excluded.prefilled_at, prefilled_by = excluded.prefilled_by",
        [
            (report_id, field_id, value, source,
             json.dumps(basis, ensure_ascii=False, sort_keys=True), at, user)
            for field_id, value, source, basis in rows
        ],
    )  # fmt: skip


def get_prefills(db: Database, report_id: int) -> dict[str, PrefillRow]:
    rows = db.fetchall(
        "SELECT report_id, field_id, value, source, basis, prefilled_at, prefilled_by"
        " FROM prefills WHERE report_id = ? ORDER BY field_id",
        (report_id,),
    )
    return {r[1]: PrefillRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows}


__all__ = ["PrefillRow", "get_prefills", "record_prefills"]
