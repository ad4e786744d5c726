"""A report's content: values, per-field comments, explanations of warnings.

Values come in already checked and in the core's canonical text ("12", "12.5", "1",
"2026-03-01"); storage keeps them as the exact strings it was given and never parses
them, so nothing ever passes through a binary float. None means blank: the row goes.

Each call is one transaction. Only what really changes is written, each change with its
audit row, so re-saving an unchanged form costs no disk write and leaves no noise in the
history.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .audit import write_audit
from .database import Database
from .reports import mark_edited, report_state


@dataclass(frozen=True)
class Change:
    field_id: str  # the rule id for an explanation
    old: str | None
    new: str | None


# (table, key column, audit kind). Names come from this table only, never from callers.
_VALUES = ("report_values", "field_id", "value", "value")
_COMMENTS = ("comments", "field_id", "text", "comment")
_EXPLANATIONS = ("explanations", "rule_id", "text", "explanation")


def _read(db: Database, spec: tuple[str, str, str, str], report_id: int) -> dict[str, str]:
    table, key, column, _ = spec
    rows = db.fetchall(f"SELECT {key}, {column} FROM {table} WHERE report_id = ?", (report_id,))
    return dict(rows)


def _write(
    db: Database,
    spec: tuple[str, str, str, str],
    report_id: int,
    changes: Mapping[str, str | None],
    user: str,
) -> list[Change]:
    for target, text in changes.items():
        # A float here would already have lost exactness: refuse rather than store it.
        if not isinstance(target, str) or not (text is None or isinstance(text, str)):
            raise TypeError(f"{target!r}: storage takes text or None, not {type(text).__name__}")
    table, key, column, kind = spec
    with db.transaction():
        state = report_state(db, report_id)
        current = _read(db, spec, report_id)
        diff = [
            Change(k, current.get(k), new) for k, new in changes.items() if current.get(k) != new
        ]
        if not diff:
            return []
        now = db.now()
        mark_edited(db, report_id, state, user, now)
        db.conn.executemany(
            f"INSERT INTO {table} (report_id, {key}, {column}, updated_at, updated_by)"
            f" VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_id, {key}) DO UPDATE SET"
            f" {column} = excluded.{column}, updated_at = excluded.updated_at,"
            " updated_by = excluded.updated_by",
            [(report_id, c.field_id, c.new, now, user) for c in diff if c.new is not None],
        )
        db.conn.executemany(
            f"DELETE FROM {table} WHERE report_id = ? AND {key} = ?",
            [(report_id, c.field_id) for c in diff if c.new is None],
        )
        write_audit(db, [(now, user, report_id, kind, c.field_id, c.old, c.new) for c in diff])
    return diff


def get_values(db: Database, report_id: int) -> dict[str, str]:
    """field id → stored text; blank fields are absent."""
    return _read(db, _VALUES, report_id)


def save_values(
    db: Database, report_id: int, changes: Mapping[str, str | None], user: str
) -> list[Change]:
    """Write ``changes`` (field id → canonical text, None = blank) in one transaction.

    Returns the fields whose stored value really changed, with old and new. Editing a
    report that is no longer a draft reopens it as a draft with the next revision."""
    return _write(db, _VALUES, report_id, changes, user)


def get_comments(db: Database, report_id: int) -> dict[str, str]:
    return _read(db, _COMMENTS, report_id)


def set_comment(
    db: Database, report_id: int, field_id: str, text: str | None, user: str
) -> Change | None:
    """Set or (None or "") remove the comment on a field. Comments travel in the packet,
    so like values they reopen a report that was exported."""
    changed = _write(db, _COMMENTS, report_id, {field_id: text or None}, user)
    return changed[0] if changed else None


def get_explanations(db: Database, report_id: int) -> dict[str, str]:
    """rule id → the clerk's explanation of why the warning is acceptable."""
    return _read(db, _EXPLANATIONS, report_id)


def set_explanation(
    db: Database, report_id: int, rule_id: str, text: str | None, user: str
) -> Change | None:
    """Set or (None or "") remove the explanation of a rule's warning; reopens an
    exported report like any other edit."""
    changed = _write(db, _EXPLANATIONS, report_id, {rule_id: text or None}, user)
    return changed[0] if changed else None
