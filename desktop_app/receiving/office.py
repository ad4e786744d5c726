"""The receiving office: which unit receives, from which children, into which database.

Any unit can receive from its children (DESIGN §1): a district in the legacy catalogue
from its communes, a province in the current one from its communes, a province in the
legacy one from its districts. The catalogue the unit was set up with says who the
children are, plus any custom units the database holds under it.

The receiving modules take an ``Office`` rather than a workspace: ``workspace.receive``
builds one from the profile, tests and tools can build one directly.

**Units merged away (the 2025 rearrangement).** The catalogue data carry no mapping from
old units to new ones, so the officer declares one (``workspace.district_merges.declare_merges``,
kept in the setting ``unit_merges``: old code → the new unit it became part of, with the
old unit's name and parent as its packets name them). Such an old unit is one of the
office's ``former_units``: its packets (of the periods before the merge) are received like
a child's, and consolidation adds them up into the new unit. It is not a child: the status
board does not list it as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.forms import FormRegistry
from ..core.units import Catalogue, Unit
from ..storage import Database, child_units, get_setting

MERGES_SETTING = "unit_merges"


@dataclass
class Office:
    db: Database
    data_dir: Path
    forms: FormRegistry
    unit_code: str  # the receiving unit
    catalogue_name: str  # "legacy" | "current"
    user: str  # written in the audit log and on each received file

    @cached_property
    def catalogue(self) -> Catalogue:
        return Catalogue.load(self.catalogue_name)

    @cached_property
    def unit(self) -> Unit:
        return self.catalogue.require(self.unit_code)

    @cached_property
    def parent(self) -> Unit | None:
        """The unit this one reports to (who signs the receipts it receives)."""
        code = self.unit.parent_code
        return self.catalogue.get(code) if code else None

    @cached_property
    def children(self) -> dict[str, Unit]:
        """Code → unit, in the catalogue's Vietnamese order, custom units after."""
        found = {u.code: u for u in self.catalogue.children(self.unit_code)}
        for unit in child_units(self.db, self.unit_code):
            if unit.catalogue == "custom":
                found.setdefault(unit.code, unit)
        return found

    @cached_property
    def former_units(self) -> dict[str, Unit]:
        """Code → old unit merged into one of the children (see the module's notes), as
        its own packets describe it (name, level and its old parent)."""
        table = get_setting(self.db, MERGES_SETTING) or {}
        return {
            code: Unit(code, e["name"], e["level"], e.get("parent_code"), e["catalogue"])
            for code, e in table.items()
            if e.get("into") in self.children
        }

    def children_for(self, level: str | None) -> list[Unit]:
        """The children that fill a form of ``level`` (all of them if it names none)."""
        return [u for u in self.children.values() if level is None or u.level == level]


__all__ = ["Office"]
