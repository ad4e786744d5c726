"""The children a receiving unit declared for a period (schema v6, ``declared_children``):
where the catalogue cannot give a year's structure, the officer adds a unit, removes
one or renames one for that period. Read and written here only; which declarations are
allowed is the workspace's rule (``workspace.declared_children``), how they change the
list of children the office's (``receiving.office.Office.children_in``).

A declaration for a year also holds for the quarters and months of that year; one for
the exact period wins over the year's.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .audit import write_audit
from .database import Database

ACTIONS = ("add", "remove", "rename")


@dataclass(frozen=True)
class DeclaredChild:
    code: str
    action: str  # add | remove | rename
    name: str | None  # the name added or the new name; None for a removal
    period: str  # the period declared for ("2018"), which may be the year of the one asked

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "action": self.action, "name": self.name, "period": self.period}


def declared_children(db: Database, parent_code: str, period: str) -> list[DeclaredChild]:
    """The declarations of ``parent_code`` that hold for ``period`` (the year's first,
    then the exact period's, each by code)."""
    year = period[:4]
    rows = db.fetchall(
        "SELECT code, action, name, period FROM declared_children"
        " WHERE parent_code = ? AND period IN (?, ?)"
        " ORDER BY period = ?, code",
        (parent_code, year, period, period),
    )
    found: dict[str, DeclaredChild] = {}
    for row in rows:  # the exact period's come last and replace the year's
        found[row[0]] = DeclaredChild(*row)
    return list(found.values())


def all_declared_codes(db: Database, parent_code: str) -> set[str]:
    """Every code declared added under ``parent_code``, in any period."""
    rows = db.fetchall(
        "SELECT DISTINCT code FROM declared_children WHERE parent_code = ? AND action = 'add'",
        (parent_code,),
    )
    return {row[0] for row in rows}


def save_declaration(
    db: Database,
    parent_code: str,
    period: str,
    code: str,
    action: str | None,
    name: str | None,
    user: str,
) -> None:
    """Set (``action`` given) or drop (None) the declaration of ``code`` for ``period``
    exactly; the change and its audit row are written together."""
    with db.transaction():
        old = db.fetchone(
            "SELECT action, name FROM declared_children"
            " WHERE parent_code = ? AND period = ? AND code = ?",
            (parent_code, period, code),
        )
        if action is None:
            db.execute(
                "DELETE FROM declared_children WHERE parent_code = ? AND period = ? AND code = ?",
                (parent_code, period, code),
            )
        else:
            if action not in ACTIONS:
                raise ValueError(f"action must be one of {ACTIONS}")
            db.execute(
                "INSERT OR REPLACE INTO declared_children"
                " (parent_code, period, code, action, name, declared_at, declared_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (parent_code, period, code, action, name, db.now(), user),
            )
        before = json.dumps({"action": old[0], "name": old[1]}, ensure_ascii=False) if old else None
        after = json.dumps({"action": action, "name": name}, ensure_ascii=False) if action else None
        write_audit(db, [(db.now(), user, None, "children", f"{period}:{code}", before, after)])


__all__ = [
    "ACTIONS",
    "DeclaredChild",
    "all_declared_codes",
    "declared_children",
    "save_declaration",
]
