"""Units merged in the 2025 rearrangement, as the receiving officer declares them: the
use cases over a data folder (list, declare, clear).

The catalogue data carry no mapping from old units to new ones (README), so none is
guessed: the officer declares it (old code → the new child unit it became part of). The
table is kept by ``storage.merges``; which declarations are accepted is the office's rule
(``receiving.office.Office.merge_entry``). With it, the old units' packets are received
like a child's (``Office.former_units``) and consolidated into the new unit
(``consolidation.merges``).

May import: ``receiving``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.units import Catalogue
from ..storage.merges import MergeEntry, save_unit_merges
from ..storage.merges import unit_merges as stored
from .receive import office as receiving_office
from .workspace import Workspace


def unit_merges(ws: Workspace) -> list[MergeEntry]:
    """The declared merges, by old code."""

    return stored(ws.db)


def declare_merges(
    ws: Workspace, mapping: Mapping[str, str], *, catalogue: str = "legacy"
) -> list[MergeEntry]:
    """Add or change merges (``{old code: new code}``; old units looked up in
    ``catalogue``, new ones among the profile unit's children); all or nothing, audited
    as a setting change. Returns the whole table."""

    office = receiving_office(ws)
    old_units = Catalogue.load(catalogue)
    table = {e.old_code: e for e in unit_merges(ws)}
    for old_code, new_code in mapping.items():
        entry = office.merge_entry(old_units.require(old_code), new_code, catalogue)
        table[entry.old_code] = entry
    save_unit_merges(ws.db, table.values(), ws.user)
    return unit_merges(ws)


def clear_merges(ws: Workspace, old_codes: Sequence[str] | None = None) -> list[MergeEntry]:
    """Remove some declared merges (all of them without ``old_codes``); audited."""

    gone = None if old_codes is None else set(old_codes)
    kept = [e for e in unit_merges(ws) if gone is not None and e.old_code not in gone]
    save_unit_merges(ws.db, kept, ws.user)
    return unit_merges(ws)


__all__ = ["MergeEntry", "clear_merges", "declare_merges", "unit_merges"]
