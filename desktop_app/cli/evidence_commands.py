"""``evidence add|list|remove|extract``: the clerk's evidence files (tài liệu kiểm chứng)
on the own report's indicators, and, with ``--unit``, those a child sent with its report
(``workspace.evidence``).

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core.evidence import megabytes
from ..core.messages import Text
from ..workspace import Workspace
from ..workspace import evidence as ev
from .output import print_json, say


def add_evidence_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    top = commands.add_parser(
        "evidence", parents=[common], help="tài liệu kiểm chứng / evidence files"
    )
    sub = top.add_subparsers(
        dest="evidence_command", metavar="add|list|remove|extract", required=True
    )
    add = sub.add_parser("add", parents=[common], help="đính kèm một tệp / attach a file")
    add.add_argument("field", metavar="FIELD")
    add.add_argument("file", type=Path, metavar="FILE")
    listing = sub.add_parser("list", parents=[common], help="liệt kê / list")
    remove = sub.add_parser("remove", parents=[common], help="bỏ một tệp / remove a file")
    remove.add_argument("id", type=int, metavar="ID", help="số của tệp (evidence list)")
    extract = sub.add_parser("extract", parents=[common], help="lưu bản sao / save copies")
    extract.add_argument("--out", type=Path, required=True, metavar="DIR")
    extract.add_argument("--id", type=int, help="chỉ tệp này / only this file (own report)")
    extract.add_argument("--member", help="chỉ tệp này / only this member (a child's report)")
    for p in (add, listing, remove, extract):
        p.add_argument("--form", required=True)
        p.add_argument("--period", required=True)
    for p in (listing, extract):
        p.add_argument(
            "--unit", help="báo cáo đã nhận của đơn vị này / the report received from this unit"
        )


def _line(row: Any) -> str:
    number = f"#{row.id}" if hasattr(row, "id") else row.member
    return f"    {number}  {row.name}  ({megabytes(row.size)}, {row.sha256[:12]})"


def cmd_evidence(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    command = args.evidence_command
    unit = getattr(args, "unit", None)
    if command == "add":
        row = ev.attach_evidence(ws, args.form, args.period, args.field, args.file)
        if args.json:
            print_json({"ok": True, "file": ev.as_dict(row)})
        else:
            say(Text(f"Đã đính kèm vào {row.field_id}:", f"Attached to {row.field_id}:").pick(lang))
            say(_line(row))
        return 0
    if command == "remove":
        row = ev.remove_evidence(ws, args.form, args.period, args.id)
        if args.json:
            print_json({"ok": True, "removed": ev.as_dict(row)})
        else:
            say(
                Text(
                    f"Đã bỏ «{row.name}» khỏi {row.field_id}.",
                    f"Removed «{row.name}» from {row.field_id}.",
                ).pick(lang)
            )
        return 0
    submission = ev.current_submission_id(ws, unit, args.form, args.period) if unit else None
    if command == "extract":
        if submission is not None:
            written = ev.extract_submission_evidence(ws, submission, args.out, args.member)
        else:
            written = ev.extract_evidence(ws, args.form, args.period, args.out, args.id)
        if args.json:
            print_json({"ok": True, "files": [str(p) for p in written]})
        else:
            for path in written:
                say(str(path))
        return 0
    grouped: dict[str, list[Any]] = dict(
        ev.submission_evidence(ws, submission)
        if submission is not None
        else ev.list_evidence(ws, args.form, args.period)
    )
    if args.json:
        print_json(
            {
                "form": args.form,
                "period": args.period,
                "unit": unit,
                "submission": submission,
                "fields": {fid: [ev.as_dict(r) for r in rows] for fid, rows in grouped.items()},
            }
        )
        return 0
    if not grouped:
        say(Text("Chưa có tài liệu kiểm chứng.", "No evidence files yet.").pick(lang))
    for fid, rows in grouped.items():
        say(fid)
        for row in rows:
            say(_line(row))
    return 0


__all__ = ["add_evidence_parsers", "cmd_evidence"]
