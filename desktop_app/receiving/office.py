"""The receiving office: which unit receives, from which children, into which database.

Any unit can receive from its children (DESIGN §1): a district in the legacy catalogue
from its communes, a province in the current one from its communes, a province in the
legacy one from its districts. The catalogue the unit was set up with says who the
children are, plus any custom units the database holds under it.

The receiving modules take an ``Office`` rather than a workspace: ``workspace.receive``
builds one from the profile, tests and tools can build one directly.

**Units merged away (the 2025 rearrangement).** The catalogue data carry no mapping from
old units to new ones, so the officer declares one (``workspace.district_merges``, kept by
``storage.merges``: old code → the new unit it became part of, with the old unit's name
and parent as its packets name them). Which declarations an office accepts is its rule
(``merge_entry``): the new unit must be one of its children. Such an old unit is one of
the office's ``former_units``: its packets (of the periods before the merge) are received
like a child's, and consolidation adds them up into the new unit. It is not a child: the
status board does not list it as missing.

**Children of a period.** Where the catalogue cannot give a year's structure (Chợ Đồn
had 22 communes and towns in 2018, the catalogue 20), the officer declares the children
of a period (``storage.declared_children``): ``children_in(period)`` is the catalogue's
children with those declarations applied; the board, consolidation and the packet check
of that period use it. A unit of the current structure has, for a period before 1 July
2025, the children of the unit its code named then (province 19's districts of 2024).

May import: ``receiving``, ``packets``, ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..core.collation import vi_sort_key
from ..core.forms import FormRegistry
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.units import Catalogue, Unit, unit_for_period
from ..storage import Database, child_units
from ..storage.declared_children import all_declared_codes, declared_children
from ..storage.merges import MergeEntry, unit_merges


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
    def merges(self) -> dict[str, MergeEntry]:
        """Old code → the declared merge into one of the children (see the module's notes)."""
        return {e.old_code: e for e in unit_merges(self.db) if e.into in self.children}

    @cached_property
    def former_units(self) -> dict[str, Unit]:
        """Code → old unit merged into one of the children, as its own packets describe
        it (name, level and its old parent)."""
        return {code: e.old_unit for code, e in self.merges.items()}

    def merge_entry(self, old: Unit, new_code: str, catalogue: str) -> MergeEntry:
        """The declaration that ``old`` (a unit of ``catalogue``) became part of the child
        ``new_code``; AppError ``merge.not_child`` (not one of this unit's children),
        ``merge.same_unit`` or ``merge.code_kept`` (the old code lives on in another
        child: only that child can have kept it)."""
        new = self.children.get(str(new_code).strip()) or self.catalogue.get(new_code)
        if new is None or new.code not in self.children:
            raise _merge_error(
                "merge.not_child",
                f"Đơn vị mới {new_code} không phải đơn vị trực thuộc {self.unit.name}: chỉ gộp được vào một đơn vị trực thuộc.",
                f"The new unit {new_code} is not under {self.unit.name}: old units can only be merged into one of its units.",
                unit_code=str(new_code),
            )  # fmt: skip
        if old.code == new.code and old.catalogue == new.catalogue:
            raise _merge_error(
                "merge.same_unit",
                f"{old.name} ({old.code}) không thể gộp vào chính nó.",
                f"{old.name} ({old.code}) cannot be merged into itself.",
                unit_code=old.code,
            )
        if old.code in self.children and old.code != new.code and old.catalogue != new.catalogue:
            # a code that lives on in a current unit was kept by the unit the old one became
            # part of; mapping it elsewhere would also move that current unit's place
            kept = self.children[old.code]
            raise _merge_error(
                "merge.code_kept",
                f"Mã {old.code} của {old.name} nay là mã của {kept.name}: đơn vị cũ này chỉ có thể được gộp vào {kept.name}.",
                f"Code {old.code} of {old.name} is now the code of {kept.name}: this old unit can only have become part of {kept.name}.",
                unit_code=old.code,
            )  # fmt: skip
        return MergeEntry(
            old.code, old.name, old.parent_code, old.level, catalogue, new.code, new.name
        )

    @cached_property
    def child_level(self) -> str | None:
        """The level of this unit's children: the catalogue's, else the next one down."""
        levels = {u.level for u in self.children.values()}
        if len(levels) == 1:
            return levels.pop()
        below = {"province": "district", "district": "commune"}
        return below.get(self.unit.level) if self.catalogue_name == "legacy" else "commune"

    def children_in(self, period: str | None) -> dict[str, Unit]:
        """The children for ``period``: the catalogue's, with the officer's declarations
        for that period (or its year) applied; ``children`` without a period."""
        if period is None:
            return self.children
        found = self.base_children(period)
        for d in declared_children(self.db, self.unit_code, period):
            if d.action == "remove":
                found.pop(d.code, None)
            elif d.action == "rename" and d.code in found:
                old = found[d.code]
                found[d.code] = Unit(d.code, d.name or old.name, old.level, old.parent_code,
                                     old.catalogue)  # fmt: skip
            elif d.action == "add":
                level = self.child_level or "commune"
                found[d.code] = Unit(d.code, d.name or d.code, level, self.unit_code, "custom")
        # in the catalogue's Vietnamese order, the declared units among the others
        return dict(sorted(found.items(), key=lambda item: (vi_sort_key(item[1].name), item[0])))

    def base_children(self, period: str) -> dict[str, Unit]:
        """The children of ``period`` before any declaration: ``children``, or for a
        current unit's period before 1 July 2025 the children of its unit then."""
        then = self._unit_then(period)
        if then is None:
            return dict(self.children)
        return {u.code: u for u in Catalogue.load(then.catalogue).children(then.code)}

    def _unit_then(self, period: str) -> Unit | None:
        """The unit as it stood in ``period`` when that is another structure's unit (a
        unit of the current structure, in a period before 1 July 2025:
        ``core.units.unit_for_period``); None when it is the unit set up."""
        if self.catalogue_name != "current":
            return None
        then = unit_for_period(self.catalogue_name, self.unit_code, Period.parse(period))
        return then if then.catalogue != self.catalogue_name else None

    @cached_property
    def declared_codes(self) -> set[str]:
        """Codes the officer declared a child in some period (their certificates may be
        trusted, their packets of that period received)."""
        return all_declared_codes(self.db, self.unit_code)

    def children_for(self, level: str | None, period: str | None = None) -> list[Unit]:
        """The children that fill a form of ``level`` (all of them if it names none), in
        ``period`` if one is given (``children_in``)."""
        units = self.children_in(period).values()
        return [u for u in units if level is None or u.level == level]


def _merge_error(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


__all__ = ["Office"]
