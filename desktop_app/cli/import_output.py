"""``values import FILE.xlsx [--period P] [--form F] [--dry-run] [--json]``: the plan's
problems told line by line (or as JSON), then written all or nothing
(``workspace.values_import``). Exit 0 when written (or, with ``--dry-run``, when it
could be), 1 when any error stops it: nothing is written then.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
import sys

from ..core.messages import Text
from ..workspace import Workspace
from .output import print_json, say

_SEVERITY = {"error": Text("LỖI", "ERROR"), "warning": Text("CẢNH BÁO", "WARNING")}


def cmd_values_import(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    from ..workspace.values_import import apply_import, plan_import

    plan = plan_import(ws, args.file, args.period, args.form)
    written = not plan.errors and not args.dry_run
    changed = apply_import(ws, plan) if written else 0
    if args.json:
        print_json({"ok": not plan.errors, "dry_run": bool(args.dry_run), "written": written,
                    "changed": changed, **plan.as_dict()})  # fmt: skip
        return 1 if plan.errors else 0
    own = sum(1 for u in plan.units if u.own)
    head = Text(
        f"{plan.path.name}: biểu mẫu {plan.form.id} {plan.form.version}, kỳ {plan.period}, "
        f"{len(plan.units)} đơn vị ({len(plan.units) - own} đơn vị trực thuộc do đơn vị này nhập).",
        f"{plan.path.name}: form {plan.form.id} {plan.form.version}, period {plan.period}, "
        f"{len(plan.units)} units ({len(plan.units) - own} units under this one, entered here).",
    )
    say(head.pick(lang))
    for p in plan.problems:
        where = Text(f" dòng {p.row}", f" row {p.row}") if p.row else Text("", "")
        line = f"{_SEVERITY[p.severity].pick(lang)}{where.pick(lang)} [{p.code}] {p.message.pick(lang)}"
        if p.severity == "error":
            sys.stderr.write(line + "\n")
        else:
            say(line)
    if plan.errors:
        gone = Text(
            f"Không nhập gì: {len(plan.errors)} lỗi.",
            f"Nothing imported: {len(plan.errors)} errors.",
        )
        sys.stderr.write(gone.pick(lang) + "\n")
        return 1
    if args.dry_run:
        say(Text("Thử: không lỗi, chưa ghi gì.", "Dry run: no errors, nothing written.").pick(lang))
    else:
        say(
            Text(
                f"Đã nhập: {changed} giá trị thay đổi.", f"Imported: {changed} values changed."
            ).pick(lang)
        )
    return 0


__all__ = ["cmd_values_import"]
