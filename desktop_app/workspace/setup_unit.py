"""Choosing the unit this installation reports for (``setup`` and the first-run dialog):
finding it in both catalogues by typed name or code, and recording it.

May import: ``core``, ``storage`` and this package's ``workspace``."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.messages import Text
from ..core.text import NAME_MAX_LENGTH, clean_line, nfc
from ..core.units import CATALOGUES, Catalogue
from ..storage import set_setting, upsert_units
from .workspace import PROFILE_KEY, Profile, Workspace

CLERK = Text("Tên người lập biểu", "The clerk's name")
LEADER = Text("Tên lãnh đạo ký", "The signing leader's name")
CATALOGUE_LABELS = {  # the structure in force since 1/7/2025, and the one before
    "current": Text("hiện hành, 2 cấp", "current, 2 levels"),
    "legacy": Text("trước 01/7/2025, 3 cấp", "before 1/7/2025, 3 levels"),
}


@dataclass(frozen=True)
class UnitMatch:
    """One unit found for the clerk, with what tells it apart from its namesakes: the
    full path up to the province and the catalogue it belongs to."""

    code: str
    catalogue: str
    path: tuple[str, ...]  # the unit, then its parents up to the province
    same_accents: bool

    @property
    def path_text(self) -> str:
        """ "Xã Bình Trung – Huyện Chợ Đồn – Tỉnh Bắc Kạn"."""
        return " – ".join(self.path)


def find_units(
    query: str, catalogues: tuple[str, ...] = ("current", "legacy"), limit: int = 30
) -> list[UnitMatch]:
    """The units of ``catalogues`` matching ``query`` (a name, accents optional, or a
    code), best first. Names carrying the query's words with the very accents typed come
    first ("Bình Trưng" before "Bình Trung" when "trưng" was typed), then each
    catalogue's own ranking, the current catalogue before the earlier one."""
    typed = nfc(query).casefold().split()
    accented = not nfc(query).isascii()
    found: list[tuple[bool, int, int, UnitMatch]] = []
    for order, name in enumerate(c for c in catalogues if c in CATALOGUES):
        catalogue = Catalogue.load(name)
        for rank, unit in enumerate(catalogue.search(query, limit=limit)):
            words = unit.name.casefold().split()
            # A query typed without any accent says nothing about accents; one with
            # accents means every word was typed as meant ("bình trung" is not "trưng").
            same = accented and all(any(w.startswith(t) for w in words) for t in typed)
            path = tuple(u.name for u in [unit, *catalogue.ancestors(unit.code)])
            found.append((not same, rank, order, UnitMatch(unit.code, name, path, same)))
    found.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in found[:limit]]


def clean_name(text: str, what: Text) -> str:
    """A person's name as kept: printed under the signatures and carried in every
    packet's manifest, so one line, no control characters, at most what a manifest
    holds (``NAME_MAX_LENGTH``); ``TextRejected`` naming ``what`` otherwise."""
    return clean_line(text, what, NAME_MAX_LENGTH)


def setup_unit(
    ws: Workspace,
    unit_code: str,
    catalogue: str = "current",
    clerk: str | None = None,
    leader: str | None = None,
    language: str | None = None,
) -> Profile:
    """Record the unit, and copy it, its parents and its children into the database so
    reports and (later) received packets can refer to them. Re-running changes only what
    is given: a clerk re-running setup to fix a name keeps the leader."""
    units = Catalogue.load(catalogue)
    unit = units.require(unit_code)
    related = [unit, *units.ancestors(unit.code), *units.children(unit.code)]
    previous = ws.profile
    profile = Profile(unit.code, unit.name, catalogue)
    if previous and previous.unit_code == unit.code:
        profile = replace(previous, catalogue=catalogue, unit_name=unit.name)
    if clerk is not None:
        profile = replace(profile, clerk=clean_name(clerk, CLERK))
    if leader is not None:
        profile = replace(profile, leader=clean_name(leader, LEADER))
    if language is not None:
        profile = replace(profile, language=language)
    with ws.db.transaction():
        upsert_units(ws.db, related)
        set_setting(ws.db, PROFILE_KEY, profile.as_dict())
    return profile
