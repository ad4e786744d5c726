"""The table of units merged in the 2025 rearrangement, as the receiving officer declared
it: old unit code → the new child unit it became part of, with the old unit's name,
level, catalogue and parent as its own packets name them. Kept in the setting
``unit_merges`` (audited like any setting); read here and nowhere else.

Who may declare what is the receiving office's rule (``receiving.office``); how the old
units' reports are added up, consolidation's (``consolidation.merges``).

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.units import Unit
from .database import Database
from .settings import get_setting, set_setting

MERGES_SETTING = "unit_merges"


@dataclass(frozen=True)
class MergeEntry:
    """One old unit and the new child unit it became part of."""

    old_code: str
    old_name: str
    old_parent: str | None  # as the old unit's packets name it (its district)
    level: str
    catalogue: str  # the catalogue the old unit is found in
    into: str
    into_name: str

    @property
    def old_unit(self) -> Unit:
        """The old unit as its own packets describe it."""
        return Unit(self.old_code, self.old_name, self.level, self.old_parent, self.catalogue)

    def as_setting(self) -> dict[str, Any]:
        return {
            "name": self.old_name,
            "parent_code": self.old_parent,
            "level": self.level,
            "catalogue": self.catalogue,
            "into": self.into,
            "into_name": self.into_name,
        }


def unit_merges(db: Database) -> list[MergeEntry]:
    """The declared merges, by old code."""
    table = get_setting(db, MERGES_SETTING) or {}
    return [
        MergeEntry(code, e["name"], e.get("parent_code"), e["level"], e["catalogue"],
                   e["into"], e["into_name"])
        for code, e in sorted(table.items())
    ]  # fmt: skip


def save_unit_merges(db: Database, entries: Iterable[MergeEntry], user: str) -> None:
    """Replace the whole table (audited as a setting change); an empty one is removed."""
    table = {e.old_code: e.as_setting() for e in entries}
    set_setting(db, MERGES_SETTING, table or None, user)


__all__ = ["MERGES_SETTING", "MergeEntry", "save_unit_merges", "unit_merges"]
