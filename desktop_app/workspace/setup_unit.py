"""Choosing the unit this installation reports for (``setup`` and the first-run dialog)."""

from __future__ import annotations

from dataclasses import replace

from ..core.messages import Text
from ..core.text import NAME_MAX_LENGTH, clean_line
from ..core.units import Catalogue
from ..storage import set_setting, upsert_units
from .workspace import PROFILE_KEY, Profile, Workspace

CLERK = Text("Tên người lập biểu", "The clerk's name")
LEADER = Text("Tên lãnh đạo ký", "The signing leader's name")


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
