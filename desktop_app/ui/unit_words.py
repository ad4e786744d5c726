"""The words the window uses for the unit a clerk sends packets to ("huyện" for a commune
of the three-level structure, "tỉnh" for one of the current structure or for a district)
and for the clerk's own unit: ``core.levels`` through the workspace, in the window's
language, to put in place of ``%N`` in a translated sentence.

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

from ..core.levels import ANY_LEVEL, capitalized, words
from ..workspace import Workspace


def receiver(workspace: Workspace | None, lang: str, *, capital: bool = False) -> str:
    """The unit the profile's unit reports to: "huyện" / "the district", "tỉnh" …;
    "đơn vị cấp trên" before a unit is set up (or without a data folder)."""
    import contextlib
    import sqlite3

    from ..core.levels import UNIT_ABOVE
    from ..core.messages import AppError

    text = UNIT_ABOVE
    # a closed or damaged data file (the error reporter asks at any moment): plain words
    with contextlib.suppress(AppError, sqlite3.Error):
        text = workspace.reports_to() if workspace is not None else UNIT_ABOVE
    return (capitalized(text) if capital else text).pick(lang)


def own_unit(workspace: Workspace, lang: str) -> str:
    """The profile's unit by its level: "xã" / "the commune", "huyện" …"""
    if workspace.profile is None:
        return ANY_LEVEL.one.pick(lang)
    unit, _ = workspace.unit_and_parent()
    return words(unit.level).one.pick(lang)


__all__ = ["own_unit", "receiver"]
