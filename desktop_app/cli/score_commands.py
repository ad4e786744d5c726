"""``score record`` and ``score list``: the scores a higher level published for this unit
(``workspace.published_scores``), kept apart from the score the application computes.

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.messages import Text
from ..core.numbers import format_number
from ..workspace import Workspace
from ..workspace.published_scores import published_scores, record_published_score
from .output import print_json, say


def add_score_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    score = commands.add_parser(
        "score", parents=[common], help="điểm cấp trên công bố / published scores"
    )
    sub = score.add_subparsers(dest="score_command", metavar="record|list", required=True)
    rec = sub.add_parser("record", parents=[common], help="ghi điểm công bố / record one")
    rec.add_argument("--form", required=True)
    rec.add_argument("--period", required=True)
    rec.add_argument("--score", required=True, help="89,2")
    rec.add_argument("--rank", type=int)
    rec.add_argument("--of", type=int, help="tổng số đơn vị xếp hạng / units ranked")
    rec.add_argument("--source", required=True, help="văn bản công bố / the publishing document")
    lst = sub.add_parser("list", parents=[common], help="các năm / over the years")
    lst.add_argument("--form", required=True)


def _line(s: Any, lang: str) -> str:
    text = f"{s.period}: {format_number(s.score)}"
    if s.change is not None:
        sign = "+" if s.change > 0 else ""
        text += f" ({sign}{format_number(s.change)})"
    if s.rank is not None:
        text += Text(f", hạng {s.rank}/{s.of}", f", ranked {s.rank} of {s.of}").pick(lang)
    label = Text("điểm công bố", "published score").pick(lang)
    return f"{text} — {label}: {s.source}"


def cmd_score(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    if args.score_command == "record":
        entry = record_published_score(
            ws, args.form, args.period, args.score, args.source, args.rank, args.of
        )
        if args.json:
            print_json({"ok": True, **entry.as_dict()})
        else:
            say(_line(entry, lang))
        return 0
    scores = published_scores(ws, args.form)
    if args.json:
        print_json([s.as_dict() for s in scores])
        return 0
    if not scores:
        say(Text("Chưa ghi điểm công bố nào.", "No published score recorded.").pick(lang))
    for s in scores:
        say(_line(s, lang))
    return 0


__all__ = ["add_score_parsers", "cmd_score"]
