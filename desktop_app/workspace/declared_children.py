"""The receiving unit's children for a period, as its officer declares them where the
catalogue cannot give that year's structure (Chợ Đồn counted 22 communes and towns in
2018; the catalogue, rearranged before 2025, shows 20): add a unit, remove one, rename
one, for one period (a year's declaration also holds for its quarters and months).
The status board, consolidation and the packet check of that period then use the
declared list (``receiving.office.Office.children_in``).

May import: ``receiving``, ``packets``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.levels import level_name
from ..core.messages import AppError, Text
from ..core.periods import Period, check_started
from ..core.text import NAME_MAX_LENGTH, clean_line
from ..core.units import Unit
from ..storage.declared_children import declared_children, save_declaration
from .entry import today
from .workspace import Workspace

# Official codes are digits; a declared unit that has none is given one by the officer
# (letters, digits, "-", "_", "."), short enough to stay readable on the board.
_CODE = re.compile(r"[0-9A-Za-z._-]{1,20}", re.ASCII)
UNIT_NAME = Text("Tên đơn vị", "Unit name")


@dataclass(frozen=True)
class PeriodChildren:
    """The children of ``period`` with what was declared: ``declared`` code → action
    for the units added or renamed; ``removed`` the catalogue's units taken out."""

    period: str
    children: list[Unit]
    declared: dict[str, str]
    removed: list[Unit]

    def as_dict(self) -> dict:
        return {
            "period": self.period,
            "children": [self._child(u) for u in self.children],
            "removed": [{"code": u.code, "name": u.name} for u in self.removed],
        }

    def _child(self, unit: Unit) -> dict:
        declared = self.declared.get(unit.code)
        return {"code": unit.code, "name": unit.name, "level": unit.level, "declared": declared}


def _error(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), **details)


def _period(ws: Workspace, text: str) -> Period:
    period = Period.parse(text)
    check_started(period, today(ws))
    return period


def children_of_period(ws: Workspace, period_text: str) -> PeriodChildren:
    """The profile unit's children for the period, declarations applied."""
    from .receive import office

    period = Period.parse(period_text)
    found = office(ws)
    units = found.children_in(str(period))
    declared = {
        d.code: d.action
        for d in declared_children(ws.db, found.unit_code, str(period))
        if d.action != "remove" and d.code in units
    }
    removed = [u for code, u in found.base_children(str(period)).items() if code not in units]
    return PeriodChildren(str(period), list(units.values()), declared, removed)


def declare_child(
    ws: Workspace,
    period_text: str,
    *,
    add: tuple[str, str] | None = None,
    remove: str | None = None,
    rename: tuple[str, str] | None = None,
) -> PeriodChildren:
    """One declaration for the period (exactly one of ``add`` (code, name), ``remove``
    code, ``rename`` (code, new name)); AppError ``children.bad_code``,
    ``children.already_child``, ``children.not_child`` or a text code for the name, the
    database unchanged. Removing or renaming a unit added for this same period changes
    that addition."""
    from .receive import office

    period = str(_period(ws, period_text))
    unit = office(ws)
    if unit.unit.level == "commune":  # the lowest level: no unit reports to a commune
        level = level_name(unit.unit.level)
        raise _error(
            "children.not_receiving",
            f"{unit.unit.name} là đơn vị {level.vi}: không có đơn vị trực thuộc để khai báo.",
            f"{unit.unit.name} is a {level.en} unit: it has no units under it to declare.",
        )
    current = unit.children_in(period)
    exact = {
        d.code: d for d in declared_children(ws.db, unit.unit_code, period) if d.period == period
    }
    code_text = (add or rename or (remove, ""))[0] or ""
    code = code_text.strip()
    if not _CODE.fullmatch(code):
        raise _error(
            "children.bad_code",
            f"Mã đơn vị «{code_text}» không dùng được: 1 đến 20 chữ số, chữ cái không dấu, «-», «_» hoặc «.».",
            f"Unit code «{code_text}» cannot be used: 1 to 20 digits, unaccented letters, «-», «_» or «.».",
            unit_code=code_text,
        )  # fmt: skip
    if add is not None:
        if code in current:
            raise _error(
                "children.already_child",
                f"{current[code].name} ({code}) đã là đơn vị trực thuộc {unit.unit.name} trong kỳ {period}.",
                f"{current[code].name} ({code}) is already under {unit.unit.name} in {period}.",
                unit_code=code,
            )  # fmt: skip
        name = clean_line(add[1], UNIT_NAME, NAME_MAX_LENGTH)
        _need_name(name)
        save_declaration(ws.db, unit.unit_code, period, code, "add", name, ws.user)
        return children_of_period(ws, period)
    if code not in current:
        raise _error(
            "children.not_child",
            f"Đơn vị {code} không trực thuộc {unit.unit.name} trong kỳ {period}.",
            f"Unit {code} is not under {unit.unit.name} in {period}.",
            unit_code=code,
        )
    added_here = code in exact and exact[code].action == "add"
    if remove is not None:
        if added_here:  # an addition taken back: the declaration goes
            save_declaration(ws.db, unit.unit_code, period, code, None, None, ws.user)
        else:
            save_declaration(ws.db, unit.unit_code, period, code, "remove", None, ws.user)
        return children_of_period(ws, period)
    assert rename is not None
    name = clean_line(rename[1], UNIT_NAME, NAME_MAX_LENGTH)
    _need_name(name)
    action = "add" if added_here else "rename"
    save_declaration(ws.db, unit.unit_code, period, code, action, name, ws.user)
    return children_of_period(ws, period)


def _need_name(name: str) -> None:
    if not name.strip():
        raise _error(
            "children.no_name",
            "Cần tên đơn vị (ví dụ «Xã Đông Viên»).",
            "A unit name is needed (e.g. «Xã Đông Viên»).",
        )


__all__ = ["PeriodChildren", "children_of_period", "declare_child"]
