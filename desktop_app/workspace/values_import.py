"""``values import FILE.xlsx``: a district's history in bulk, from a workbook in one of two
layouts (``workspace.xlsx_values``): planned first, every problem listed, then written all
or nothing.

The plan names the form (the title of the application's own report.xlsx, else the form
whose field ids or labels the header matches best), the period (``--period``, else the
own layout's title "… năm 2018"), and each row's unit: the profile's own unit, or one of
its children of that period (``Office.children_in``, declared children included).
Problems, each with its own code: ``import.unknown_unit``, ``import.unknown_field``, a
bad value (the value's own code: ``number.invalid`` …), ``import.rule`` (a rule the
figures break, as an error; a rule's warning is only listed), ``import.duplicate_unit``;
a computed field is ignored (``import.computed``, a warning: it is recomputed). A blank
cell changes nothing, and a required field left blank is no problem of the import.

**Children's values entered by the district.** Imported figures of a child are kept as
that child's report in the receiving unit's own database (one row in ``reports`` per
child, form and period), not as a received packet: the board shows the child as
"entered by the district" (state ``entered``) and consolidation counts the figures with
the unit flagged as such, never as a signed report; a packet the child sends later
counts instead. Every value is an audit row, and each report gets an ``import`` row
naming the file and its sha256.

May import: ``receiving``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.forms import Form
from ..core.forms.model import Field
from ..core.messages import AppError, Text
from ..core.periods import Period, check_started
from ..core.text import TextRejected, nfc
from ..core.units import Unit, unit_for_period
from ..core.validation import validate
from ..core.values import (
    Value,
    ValueRejected,
    check_value,
    from_json,
    parse_comment,
    parse_input,
    to_storage,
)
from .entry import today, typed_values
from .import_problems import ERROR, ImportProblem, computed_field, unknown_field
from .workspace import Workspace
from .xlsx_values import Sheet, read_sheet

_YEAR_TITLE = re.compile(r"năm (\d{4})\s*$")


@dataclass
class UnitValues:
    unit: Unit
    own: bool  # the profile unit's report; else a child's, entered by the receiving unit
    row: int | None
    typed: dict[str, Value] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)  # own layout: its "Ghi chú"


@dataclass
class ImportPlan:
    path: Path
    layout: str  # own | grid
    form: Form
    period: Period
    units: list[UnitValues]
    problems: list[ImportProblem]

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == ERROR]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.path.name,
            "layout": self.layout,
            "form": {"id": self.form.id, "version": self.form.version},
            "period": str(self.period),
            "units": [
                {
                    "code": u.unit.code,
                    "name": u.unit.name,
                    "own": u.own,
                    "row": u.row,
                    "values": len(u.typed),
                }
                for u in self.units
            ],
            "errors": len(self.errors),
            "problems": [p.as_dict() for p in self.problems],
        }


def _fold(text: str) -> str:
    return " ".join(nfc(text).casefold().split())


def _error(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def _period_text(sheet: Sheet, given: str | None, path: Path) -> str:
    if given:
        return given
    found = _YEAR_TITLE.search(sheet.title) if sheet.layout == "own" else None
    if found:
        return found.group(1)
    raise _error(
        "import.no_period",
        f"{path.name}: không biết kỳ báo cáo của tệp; ghi rõ --period (ví dụ 2018).",
        f"{path.name}: the file's reporting period is not known; give --period (e.g. 2018).",
    )


def _field_index(form: Form) -> dict[str, Field]:
    """A header or label, folded → the field: its id, its former ids, its labels."""
    index: dict[str, Field] = {}
    for f in form.fields.values():
        for key in (f.label.vi, f.label.en):
            index.setdefault(_fold(key), f)
    for old, new in form.renamed.items():
        index[_fold(old)] = form.fields[new]
    for f in form.fields.values():
        index[_fold(f.id)] = f
    return index


def _choose_form(
    ws: Workspace, sheet: Sheet, year: int, form_id: str | None, path: Path, levels: set[str]
) -> Form:
    """The form named, else the one the title names, else the one whose fields the
    headers or labels match best among the forms of the rows' units' level (the
    commune and district forms share their field ids)."""
    if form_id:
        return ws.forms.get(form_id, year)
    candidates = [ws.forms.get(i, year) for i in ws.forms.ids() if ws.forms.covers(i, year)]
    if sheet.layout == "grid" and len(levels) == 1:
        candidates = [f for f in candidates if f.level in levels] or candidates
    if sheet.layout == "own":
        for form in candidates:
            # the title printed under "BÁO CÁO" is the form's without its "Báo cáo"
            if _fold(sheet.title).startswith(_fold(form.title.vi).removeprefix("báo cáo ")):
                return form
        keys = [label for _, label, _, _ in sheet.labels]
    else:
        keys = [text for _, text in sheet.headers]
    scored = [(sum(_fold(k) in _field_index(f) for k in keys), f) for f in candidates]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    if best[1] is None or best[0] == 0:
        raise _error(
            "import.no_form",
            f"{path.name}: không nhận ra biểu mẫu của tệp cho năm {year}; ghi rõ --form.",
            f"{path.name}: the file's form for {year} is not recognised; give --form.",
        )
    return best[1]


def _reader(f: Field, raw: Any) -> Any:
    return parse_input(f, raw) if isinstance(raw, str) else from_json(f, raw)


def _typed(plan: ImportPlan, target: UnitValues, f: Field, raw: Any, row: int, where: str) -> None:
    if raw is None:
        return
    try:
        parsed = _reader(f, raw)
        broken = check_value(f, parsed.value)
        if broken is not None:
            raise ValueRejected(f, "value.bound", broken, raw)
    except ValueRejected as exc:
        plan.problems.append(
            ImportProblem(exc.code, ERROR, exc.message, target.unit.code, row, where)
        )
        return
    target.typed[f.id] = parsed.value


def plan_import(
    ws: Workspace, path: Path, period_text: str | None = None, form_id: str | None = None
) -> ImportPlan:
    """Read and check the workbook; nothing is written."""
    from .receive import office

    path = Path(path)
    sheet = read_sheet(path)
    profile = ws.require_profile()
    first = Period.parse(_period_text(sheet, period_text, path))
    own = unit_for_period(profile.catalogue, profile.unit_code, first)
    children = office(ws).children_in(str(first))
    known = {own.code: own, **children}
    rows = [_resolve(c[0], known) for _, c in sheet.rows if c and c[0] is not None]
    form = _choose_form(ws, sheet, first.year, form_id, path, {u.level for u in rows if u})
    period = Period.parse(str(first), form.period_kind)
    check_started(period, today(ws))
    plan = ImportPlan(path, sheet.layout, form, period, [], [])
    index = _field_index(form)
    if sheet.layout == "own":
        _plan_own(plan, sheet, own, children, index)
    else:
        _plan_grid(plan, sheet, own, children, index)
    for target in plan.units:
        _check_rules(ws, plan, target)
    plan.problems.sort(key=lambda p: p.row or 0)  # in the order of the sheet
    return plan


def _plan_own(
    plan: ImportPlan, sheet: Sheet, own: Unit, children: dict[str, Unit], index: dict
) -> None:
    named = _fold(sheet.agency)
    unit = (
        own
        if _fold(own.name) == named
        else next((u for u in children.values() if _fold(u.name) == named), None)
    )
    if unit is None:
        plan.problems.append(
            ImportProblem(
                "import.unknown_unit",
                ERROR,
                Text(
                    f"Báo cáo của «{sheet.agency}»: không phải {own.name} hay một đơn vị trực thuộc trong kỳ {plan.period}.",
                    f"The report of «{sheet.agency}» is neither {own.name}'s nor one of its units' in {plan.period}.",
                ),
                where=sheet.agency,
            )
        )
        return
    target = UnitValues(unit, unit.code == own.code, None)
    plan.units.append(target)
    for row, label, value, note in sheet.labels:
        f = index.get(_fold(label))
        if f is None:
            plan.problems.append(unknown_field(plan.form, label, row, unit.code))
        elif not f.is_computed:  # a printed ratio is recomputed from the counts
            _typed(plan, target, f, value, row, label)
            if isinstance(note, str):
                try:
                    target.comments[f.id] = parse_comment(f, note)
                except TextRejected as exc:
                    plan.problems.append(
                        ImportProblem(exc.code, ERROR, exc.message, unit.code, row, label)
                    )


def _resolve(code: Any, known: dict[str, Unit]) -> Unit | None:
    text = str(code).strip()
    if text in known:
        return known[text]
    if text.isdigit():  # a spreadsheet drops leading zeros: 2080 is 02080
        found = [known[w] for w in (text.zfill(n) for n in (2, 3, 5)) if w in known]
        return found[0] if len(found) == 1 else None
    return None


def _plan_grid(
    plan: ImportPlan, sheet: Sheet, own: Unit, children: dict[str, Unit], index: dict
) -> None:
    columns: list[tuple[int, str, Field]] = []
    for col, text in sheet.headers:
        f = index.get(_fold(text))
        if f is None:
            plan.problems.append(unknown_field(plan.form, text, 1, None))
        elif f.is_computed:
            plan.problems.append(computed_field(f, text, 1))
        else:
            columns.append((col, text, f))
    known = {own.code: own, **children}
    seen: dict[str, int] = {}
    for row, cells in sheet.rows:
        code = cells[0] if cells else None
        unit = _resolve(code, known) if code is not None else None
        if unit is None:
            plan.problems.append(
                ImportProblem(
                    "import.unknown_unit",
                    ERROR,
                    Text(
                        f"Dòng {row}: mã «{code}» không phải {own.name} hay một đơn vị trực thuộc trong kỳ {plan.period}.",
                        f"Row {row}: code «{code}» is neither {own.name} nor one of its units in {plan.period}.",
                    ),
                    None if code is None else str(code),
                    row,
                )
            )
            continue
        if unit.code in seen:
            plan.problems.append(
                ImportProblem(
                    "import.duplicate_unit",
                    ERROR,
                    Text(
                        f"Dòng {row}: {unit.name} ({unit.code}) đã có ở dòng {seen[unit.code]}.",
                        f"Row {row}: {unit.name} ({unit.code}) is already on row {seen[unit.code]}.",
                    ),
                    unit.code,
                    row,
                )
            )
            continue
        seen[unit.code] = row
        target = UnitValues(unit, unit.code == own.code, row)
        plan.units.append(target)
        for col, text, f in columns:
            _typed(plan, target, f, cells[col] if col < len(cells) else None, row, text)


def _check_rules(ws: Workspace, plan: ImportPlan, target: UnitValues) -> None:
    """The report as it would be once imported (values held, then the file's), checked:
    a rule's error is an error of the import, its warning listed."""
    from ..storage import get_report, get_values

    held = get_report(ws.db, target.unit.code, plan.form.id, str(plan.period))
    merged = typed_values(plan.form, get_values(ws.db, held.id)) if held else {}
    merged.update(target.typed)
    for problem in validate(plan.form, merged).problems:
        if problem.code != "rule":
            continue  # a blank required field is the report's, not the import's
        plan.problems.append(
            ImportProblem(
                "import.rule",
                problem.severity,
                Text(
                    f"{target.unit.name}: [{problem.rule_id}] {problem.message.vi}",
                    f"{target.unit.name}: [{problem.rule_id}] {problem.message.en}",
                ),
                target.unit.code,
                target.row,
                problem.rule_id,
            )
        )


def has_errors(plan: ImportPlan) -> AppError:
    """``import.has_errors``: the plan cannot be written."""
    lines_vi = "\n".join(f"  - {p.message.vi}" for p in plan.errors[:20])
    lines_en = "\n".join(f"  - {p.message.en}" for p in plan.errors[:20])
    return _error(
        "import.has_errors",
        f"Không nhập gì từ {plan.path.name}: {len(plan.errors)} lỗi.\n{lines_vi}",
        f"Nothing imported from {plan.path.name}: {len(plan.errors)} errors.\n{lines_en}",
        problems=[p.as_dict() for p in plan.problems],
    )


def apply_import(ws: Workspace, plan: ImportPlan) -> int:
    """Write the plan, all or nothing (AppError ``import.has_errors`` while it has any);
    the number of values that changed."""
    from ..storage import get_or_create_report, get_unit, save_values, set_comment, upsert_units
    from ..storage.audit import write_audit

    if plan.errors:
        raise has_errors(plan)
    digest = hashlib.sha256(plan.path.read_bytes()).hexdigest()
    changed = 0
    with ws.db.transaction():
        for target in plan.units:
            unit = target.unit
            if get_unit(ws.db, unit.code) is None:
                # a child declared for the period: known to the database without a parent,
                # so it is not taken for a child of every period
                upsert_units(ws.db, [Unit(unit.code, unit.name, unit.level, None, "custom")])
            report = get_or_create_report(
                ws.db, unit.code, plan.form.id, plan.form.version, str(plan.period)
            )
            changes = {k: to_storage(plan.form.fields[k], v) for k, v in target.typed.items()}
            changed += len(save_values(ws.db, report.id, changes, ws.user))
            for field_id, text in target.comments.items():
                set_comment(ws.db, report.id, field_id, text, ws.user)
            note = {"file": plan.path.name, "sha256": digest, "layout": plan.layout,
                    "values": len(changes), "entered_by_receiver": not target.own}  # fmt: skip
            write_audit(ws.db, [(ws.db.now(), ws.user, report.id, "import", plan.path.name,
                                 None, json.dumps(note, ensure_ascii=False))])  # fmt: skip
    return changed


__all__ = ["ImportPlan", "ImportProblem", "UnitValues", "apply_import", "has_errors", "plan_import"]
