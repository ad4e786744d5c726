"""``plan import FILE.yaml|FILE.xlsx`` and ``plan show --form F --period P``: the receiving
unit's plan and its targets (``workspace.plans``).

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core.messages import Text
from ..core.targets import evaluate_targets
from ..core.values import display
from ..workspace import Workspace
from ..workspace.entry import check_report
from ..workspace.plan_files import import_plan
from ..workspace.plans import plan_for
from .output import print_json, say

_OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def add_plan_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    plan = commands.add_parser("plan", parents=[common], help="kế hoạch, chỉ tiêu / plan, targets")
    sub = plan.add_subparsers(dest="plan_command", metavar="import|show", required=True)
    imp = sub.add_parser("import", parents=[common], help="nhập kế hoạch / import a plan")
    imp.add_argument("file", type=Path, metavar="FILE.yaml|FILE.xlsx")
    show = sub.add_parser("show", parents=[common], help="xem kế hoạch / show a plan")
    show.add_argument("--form", required=True)
    show.add_argument("--period", required=True)


def cmd_plan(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    if args.plan_command == "import":
        plan = import_plan(ws, args.file)
        if args.json:
            print_json({"ok": True, **plan.as_document()})
        else:
            say(
                Text(
                    f"Đã nhập {plan.citation().vi}: {len(plan.targets)} mục tiêu cho biểu mẫu {plan.form_id} kỳ {plan.period}.",
                    f"Imported {plan.citation().en}: {len(plan.targets)} targets for form {plan.form_id}, period {plan.period}.",
                ).pick(lang)
            )
        return 0
    plan = plan_for(ws, args.form, args.period)
    state = check_report(ws, args.form, args.period) if ws.profile else None
    own = state is not None and state.report is not None
    results = evaluate_targets(state.form, state.result.values) if own and state else []
    if args.json:
        print_json(
            {
                "plan": plan.as_document()["plan"] if plan else None,
                "citation": plan.citation().as_dict() if plan else None,
                "targets": [r.as_dict() for r in results]
                if own
                else [
                    {"id": t.id, "field": t.field_id, "op": t.op, "label": t.label.as_dict()}
                    for t in (state.form.targets if state else ())
                ],
            }
        )
        return 0
    if plan is None:
        say(
            Text(
                f"Chưa có kế hoạch cho {args.form} kỳ {args.period}; dùng các mục tiêu ví dụ của biểu mẫu.",
                f"No plan for {args.form}, period {args.period}; the form's example targets apply.",
            ).pick(lang)
        )
    else:
        say(plan.citation().pick(lang))
    verdicts = {
        True: Text("đạt", "reached"),
        False: Text("chưa đạt", "not reached"),
        None: Text("chưa biết", "not known"),
    }
    form = state.form if state else None
    for index, target in enumerate(form.targets if form else ()):
        assert form is not None
        field = form.fields[target.field_id]
        goal = f"{_OPS[target.op]} {display(field, target.value, lang)}"
        line = f"  {target.label.pick(lang)} ({goal})"
        if own:
            result = results[index]
            shown = display(field, result.value, lang) or "—"
            line += f": {shown} — {verdicts[result.achieved].pick(lang)}"
        say(line)
    return 0


__all__ = ["add_plan_parsers", "cmd_plan"]
