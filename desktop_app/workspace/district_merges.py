"""Units merged in the 2025 rearrangement, as the receiving officer declares them.

The catalogue data carry no mapping from old units to new ones (README), so none is
guessed: the officer declares it (old code → the new child unit it became part of),
kept in the setting ``unit_merges`` and audited. With it, the old units' packets are
received like a child's (``receiving.office.Office.former_units``) and consolidated into
the new unit (``workspace.district``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.messages import AppError, Text
from .workspace import Workspace


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

    def as_setting(self) -> dict[str, Any]:
        return {
            "name": self.old_name,
            "parent_code": self.old_parent,
            "level": self.level,
            "catalogue": self.catalogue,
            "into": self.into,
            "into_name": self.into_name,
        }


def unit_merges(ws: Workspace) -> list[MergeEntry]:
    """The declared merges, by old code."""
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting

    table = get_setting(ws.db, MERGES_SETTING) or {}
    return [
        MergeEntry(code, e["name"], e.get("parent_code"), e["level"], e["catalogue"],
                   e["into"], e["into_name"])
        for code, e in sorted(table.items())
    ]  # fmt: skip


def _merge_error(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def declare_merges(
    ws: Workspace, mapping: Mapping[str, str], *, catalogue: str = "legacy"
) -> list[MergeEntry]:
    """Add or change merges (``{old code: new code}``; old units looked up in
    ``catalogue``, new ones among the profile unit's children); all or nothing, audited
    as a setting change. Returns the whole table."""
    from ..core.units import Catalogue
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting, set_setting
    from .receive import office as receiving_office

    office = receiving_office(ws)
    old_units = Catalogue.load(catalogue)
    table = dict(get_setting(ws.db, MERGES_SETTING) or {})
    for old_code, new_code in mapping.items():
        old = old_units.require(old_code)
        new = office.children.get(str(new_code).strip()) or office.catalogue.get(new_code)
        if new is None or new.code not in office.children:
            raise _merge_error(
                "merge.not_child",
                f"Đơn vị mới {new_code} không phải đơn vị trực thuộc {office.unit.name}: chỉ gộp được vào một đơn vị trực thuộc.",
                f"The new unit {new_code} is not under {office.unit.name}: old units can only be merged into one of its units.",
                unit_code=str(new_code),
            )  # fmt: skip
        if old.code == new.code and old.catalogue == new.catalogue:
            raise _merge_error(
                "merge.same_unit",
                f"{old.name} ({old.code}) không thể gộp vào chính nó.",
                f"{old.name} ({old.code}) cannot be merged into itself.",
                unit_code=old.code,
            )
        if old.code in office.children and old.code != new.code and old.catalogue != new.catalogue:
            # a code that lives on in a current unit was kept by the unit the old one became
            # part of; mapping it elsewhere would also move that current unit's place
            kept = office.children[old.code]
            raise _merge_error(
                "merge.code_kept",
                f"Mã {old.code} của {old.name} nay là mã của {kept.name}: đơn vị cũ này chỉ có thể được gộp vào {kept.name}.",
                f"Code {old.code} of {old.name} is now the code of {kept.name}: this old unit can only have become part of {kept.name}.",
                unit_code=old.code,
            )  # fmt: skip
        table[old.code] = MergeEntry(
            old.code, old.name, old.parent_code, old.level, catalogue, new.code, new.name
        ).as_setting()
    set_setting(ws.db, MERGES_SETTING, table, ws.user)
    return unit_merges(ws)


def clear_merges(ws: Workspace, old_codes: Sequence[str] | None = None) -> list[MergeEntry]:
    """Remove some declared merges (all of them without ``old_codes``); audited."""
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting, set_setting

    table = dict(get_setting(ws.db, MERGES_SETTING) or {})
    for code in list(table) if old_codes is None else old_codes:
        table.pop(code, None)
    set_setting(ws.db, MERGES_SETTING, table or None, ws.user)
    return unit_merges(ws)


__all__ = ["MergeEntry", "clear_merges", "declare_merges", "unit_merges"]
