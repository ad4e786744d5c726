"""The headless commands: each takes parsed arguments and an open workspace, prints for
people or for scripts, and returns the exit status.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.forms.describe import form_as_dict, form_summary
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.targets import evaluate_targets
from ..core.units import Catalogue, catalogue_for_period
from ..core.validation import progress
from ..core.values import display
from ..storage import list_reports
from ..workspace import Workspace
from ..workspace.entry import check_report, load_values, set_values
from ..workspace.setup_unit import setup_unit
from .appraisal_commands import cmd_appraisal
from .board_commands import board_applies, cmd_board, cmd_changes
from .children_commands import cmd_children
from .evidence_commands import cmd_evidence
from .form_commands import cmd_forms_files
from .output import print_json, say, warn
from .packet_commands import cmd_export, cmd_identity, cmd_verify
from .plan_commands import cmd_plan
from .receive_commands import (
    cmd_accept,
    cmd_decide,
    cmd_receipt,
    cmd_receive,
    cmd_return,
    cmd_trust,
)
from .report_commands import cmd_merges, cmd_prefill, cmd_report, cmd_trend
from .score_commands import cmd_score

__all__ = [
    "cmd_accept",
    "cmd_appraisal",
    "cmd_changes",
    "cmd_children",
    "cmd_decide",
    "cmd_evidence",
    "cmd_export",
    "cmd_forms",
    "cmd_identity",
    "cmd_merges",
    "cmd_plan",
    "cmd_prefill",
    "cmd_receipt",
    "cmd_receive",
    "cmd_report",
    "cmd_return",
    "cmd_score",
    "cmd_setup",
    "cmd_status",
    "cmd_trend",
    "cmd_trust",
    "cmd_units",
    "cmd_validate",
    "cmd_values",
    "cmd_verify",
]


def cmd_setup(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    profile = setup_unit(ws, args.unit, args.catalogue, args.clerk, args.leader)
    catalogue = Catalogue.load(profile.catalogue)
    described = catalogue.describe(profile.unit_code)
    if args.json:
        unit = catalogue.require(profile.unit_code)
        print_json(
            {
                "ok": True,
                "profile": profile.as_dict(),
                "unit": {
                    "code": unit.code,
                    "name": unit.name,
                    "level": unit.level,
                    "parent_code": unit.parent_code,
                },
                "described": described,
                "ancestors": [
                    {"code": u.code, "name": u.name, "level": u.level}
                    for u in catalogue.ancestors(unit.code)
                ],
                "children": len(catalogue.children(unit.code)),
            }
        )
    else:
        say(
            Text(
                f"Đã thiết lập đơn vị: {profile.unit_code} – {described}",
                f"Reporting unit set: {profile.unit_code} – {described}",
            ).pick(lang)
        )
    return 0


def cmd_units(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    name = args.catalogue or "current"
    if args.period:  # a report's period says which structure its units belong to
        name = catalogue_for_period(Period.parse(args.period))
    catalogue = Catalogue.load(name)
    found = catalogue.search(args.query, limit=args.limit, level=args.level)
    if args.json:
        print_json(
            [
                {
                    "code": u.code,
                    "name": u.name,
                    "level": u.level,
                    "parent_code": u.parent_code,
                    "described": catalogue.describe(u.code),
                }
                for u in found
            ]
        )
    else:
        for u in found:
            say(f"{u.code:<6} {catalogue.describe(u.code)}")
        if not found:
            say(Text("Không tìm thấy đơn vị nào.", "No unit found.").pick(lang))
    return 0 if found else 1


def cmd_forms(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    if args.forms_command in ("export-xlsx", "import-xlsx", "publish", "install"):
        return cmd_forms_files(ws, args, lang)
    if args.forms_command == "list":
        forms = [
            {**form_summary(f, ws.forms.span(f)), "source": ws.forms.source(f)}
            for fid in ws.forms.ids()
            for f in ws.forms.versions(fid)
        ]
        if args.json:
            print_json(forms)
        else:
            counts = Text("{} chỉ tiêu, {} quy tắc", "{} fields, {} rules").pick(lang)
            for f in forms:
                source = (
                    "" if f["source"] == "shipped" else Text(" [đã nhập]", " [imported]").pick(lang)
                )
                say(
                    f"{f['id']:<12} {f['version']:<8} {f['years']['text']:<10} {f['level']:<9}"
                    f" {f['title'][lang]}  ({counts.format(f['fields'], f['rules'])}){source}"
                )
            for path, error in ws.forms.broken:
                warn(
                    Text(
                        f"Bỏ qua biểu mẫu hỏng {path.name}: {error.message.vi}",
                        f"Skipped a broken form {path.name}: {error.message.en}",
                    )
                )
        return 0
    form = ws.forms.get(args.form_id, args.year)
    if args.json:
        print_json(form_as_dict(form, ws.forms.span(form)))
        return 0
    years = Text("năm", "years").pick(lang)
    say(f"{form.id} {form.version} ({years} {ws.forms.years_text(form)}) — {form.title.pick(lang)}")
    for section in form.sections:
        say(f"\n[{section.id}] {section.title.pick(lang)}")
        for f in section.fields:
            bounds = (
                "" if f.minimum is None and f.maximum is None else f" [{f.minimum}..{f.maximum}]"
            )
            extra = f" = {f.compute.source}" if f.compute else (" *" if f.required else "")
            say(f"  {f.id:<32} {f.type:<8}{bounds}{extra}  {f.label.pick(lang)}")
    return 0


def _print_outcome(outcome: Any, args: argparse.Namespace, lang: str) -> int:
    for warning in outcome.warnings:
        warn(warning)
    if args.json:
        print_json(
            {
                "ok": True,
                "report": outcome.report.__dict__,
                "changed": outcome.changed,
                "warnings": [w.as_dict() for w in outcome.warnings],
            }
        )
    else:
        say(
            Text(
                f"Đã lưu {len(outcome.changed)} giá trị thay đổi (lần sửa {outcome.report.revision}).",
                f"Saved {len(outcome.changed)} changed values (revision {outcome.report.revision}).",
            ).pick(lang)
        )
    return 0


def cmd_values(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    if args.values_command == "load":
        return _print_outcome(load_values(ws, args.file), args, lang)
    if args.values_command == "import":
        from .import_output import cmd_values_import

        return cmd_values_import(ws, args, lang)
    assignments: dict[str, str] = {}
    for item in args.assignments:
        field_id, sep, value = item.partition("=")
        if not sep or not field_id.strip():
            raise AppError(
                "values.syntax",
                Text(f"«{item}» không đúng dạng CHỈ_TIÊU=GIÁ_TRỊ", f"«{item}» is not FIELD=VALUE"),
            )
        assignments[field_id.strip()] = value
    return _print_outcome(set_values(ws, args.form, args.period, assignments), args, lang)


def cmd_validate(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    state = check_report(ws, args.form, args.period)
    result = state.result
    form = state.form
    targets = evaluate_targets(form, result.values)
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "form": form.id,
                "version": form.version,
                "period": str(state.period),
                "report": state.report.__dict__ if state.report else None,
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "problems": [p.as_dict() for p in result.problems],
                "computed": {
                    k: (str(v) if v is not None else None) for k, v in result.computed.items()
                },
                "sections": [s.__dict__ for s in progress(form, result)],
                "targets": [t.as_dict() for t in targets],
            }
        )
    else:
        say(f"{form.title.pick(lang)} — {state.period.label(lang)}")
        for p in result.problems:
            label = Text("LỖI", "ERROR") if p.is_error else Text("CẢNH BÁO", "WARNING")
            where = f" [{p.rule_id or p.field_id}]"
            note = f" — {p.explanation}" if p.explanation else ""
            say(f"  {label.pick(lang)}{where} {p.message.pick(lang)}{note}")
        for fid, value in result.computed.items():
            if value is not None:
                f = form.fields[fid]
                say(f"  = {f.label.pick(lang)}: {display(f, value, lang)}")
        verdicts = {
            True: Text("ĐẠT", "MET"),
            False: Text("CHƯA ĐẠT", "NOT MET"),
            None: Text("CHƯA RÕ", "UNKNOWN"),
        }
        for t in targets:
            say(f"  {verdicts[t.achieved].pick(lang)}: {t.target.label.pick(lang)}")
        say(
            Text(
                f"{len(result.errors)} lỗi, {len(result.warnings)} cảnh báo.",
                f"{len(result.errors)} errors, {len(result.warnings)} warnings.",
            ).pick(lang)
        )
    return 0 if result.ok else 1


def cmd_status(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # A unit with children filling the form: the submission status board (DESIGN §6).
    if args.form and args.period and board_applies(ws, args.form, args.period):
        return cmd_board(ws, args, lang)
    profile = ws.require_profile()
    rows = []
    for report in list_reports(ws.db, profile.unit_code, args.form, args.period):
        state = check_report(ws, report.form_id, report.period)
        filled = sum(s.filled for s in progress(state.form, state.result))
        rows.append(
            {
                **report.__dict__,
                "errors": len(state.result.errors),
                "warnings": len(state.result.warnings),
                "filled": filled,
                "inputs": len(state.form.input_fields),
            }
        )
    if args.json:
        print_json({"unit": profile.as_dict(), "reports": rows})
        return 0
    say(f"{profile.unit_code} – {profile.unit_name}")
    if not rows:
        say(Text("Chưa có báo cáo nào.", "No reports yet.").pick(lang))
    for r in rows:
        say(
            f"  {r['form_id']:<12} {r['period']:<8} {r['status']:<9} r{r['revision']}  "
            f"{r['filled']}/{r['inputs']}  {r['errors']} lỗi/errors, {r['warnings']} cảnh báo/warnings"
        )
    return 0
