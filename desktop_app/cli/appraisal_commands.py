"""``appraisal show|set|rank|held``: the receiving unit appraises its children's
self-assessed score items, ranks by official score, and a child reads the appraisal its
parent sent with the receipt (``workspace.appraisal``).

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.messages import Text
from ..core.numbers import format_number
from ..core.values import display
from ..workspace import Workspace
from ..workspace.appraisal import (
    appraise,
    official_ranking,
    unit_appraisal,
)
from ..workspace.appraisal_held import held_appraisal
from .output import print_json, say


def add_appraisal_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    top = commands.add_parser("appraisal", parents=[common], help="thẩm định điểm / appraisal")
    sub = top.add_subparsers(dest="appraisal_command", metavar="show|set|rank|held", required=True)
    for name, text in (
        ("show", "xem / show a unit's items"),
        ("set", "thẩm định một mục / one item"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("--unit", required=True)
        p.add_argument("--form", required=True)
        p.add_argument("--period", required=True)
        if name == "set":
            p.add_argument("--item", required=True)
            choice = p.add_mutually_exclusive_group(required=True)
            choice.add_argument("--accept", action="store_true", help="giữ điểm tự đánh giá")
            choice.add_argument("--points", help="điểm thẩm định / appraised points")
            p.add_argument("--reason", default="", help="lý do / reason")
    for name, text in (
        ("rank", "xếp hạng theo điểm chính thức"),
        ("held", "điểm cấp trên thẩm định"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("--form", required=True)
        p.add_argument("--period", required=True)


def _show(ws: Workspace, unit: Any, form: Any, lang: str, as_json: bool) -> None:
    if as_json:
        sent = unit.as_receipt()
        # The officer's view adds what the receipt need not carry: each item's title,
        # field and maximum, beside the self-assessed and appraised points.
        for i in unit.items:
            sent["items"][i.item_id].update(
                title=i.title.pick(lang), field=i.field_id, maximum=str(i.maximum)
            )
        print_json(
            {
                "unit": unit.unit_code,
                "revision": unit.revision,
                **sent,
                "values": {
                    i.item_id: display(form.fields[i.field_id], i.value, lang) for i in unit.items
                },
            }
        )
        return
    say(f"{unit.unit_code} – {unit.unit_name} (r{unit.revision})")
    for i in unit.items:
        appraised = "…" if i.appraised is None else format_number(i.appraised)
        shown = display(form.fields[i.field_id], i.value, lang) or "—"
        line = f"  {i.item_id:<22} {shown:>12}  {format_number(i.self_points):>6} → {appraised:>6} / {format_number(i.maximum)}"
        say(line + (f"  ({i.reason})" if i.reason else ""))
    state = (
        Text("đã thẩm định xong", "fully appraised")
        if unit.complete
        else Text("chưa thẩm định xong", "not fully appraised")
    )
    say(
        Text(
            f"Tự đánh giá {format_number(unit.self_total)}; chính thức {format_number(unit.official_total)} ({state.vi})",
            f"Self-assessed {format_number(unit.self_total)}; official {format_number(unit.official_total)} ({state.en})",
        ).pick(lang)
    )


def cmd_appraisal(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    command = args.appraisal_command
    if command == "held":
        held = held_appraisal(ws, args.form, args.period)
        if args.json:
            print_json(held)
        elif held is None:
            say(
                Text(
                    "Cấp trên chưa gửi kết quả thẩm định.", "No appraisal from the parent yet."
                ).pick(lang)
            )
        else:
            for item_id, item in held["items"].items():
                appraised = item["appraised"] if item["appraised"] is not None else "…"
                say(f"  {item_id:<22} {item['self']:>6} → {appraised:>6}  {item['reason']}")
            say(f"{held['self_total']} → {held['official_total']}")
        return 0
    if command == "rank":
        rows = official_ranking(ws, args.form, args.period)
        if args.json:
            print_json(
                [
                    {
                        **r.__dict__,
                        "self_total": str(r.self_total),
                        "official_total": str(r.official_total),
                    }
                    for r in rows
                ]
            )
            return 0
        for r in rows:
            mark = (
                ""
                if r.complete
                else Text("  (chưa thẩm định xong)", "  (not fully appraised)").pick(lang)
            )
            say(
                f"{r.rank:>3}. {r.unit_code:<6} {r.unit_name:<28} {format_number(r.official_total):>7}{mark}"
            )
        return 0
    form, _ = ws.form_for(args.form, args.period)
    if command == "set":
        unit = appraise(
            ws,
            args.unit,
            args.form,
            args.period,
            args.item,
            None if args.accept else args.points,
            args.reason,
        )
    else:
        unit = unit_appraisal(ws, args.unit, args.form, args.period)
    _show(ws, unit, form, lang, args.json)
    return 0


__all__ = ["add_appraisal_parsers", "cmd_appraisal"]
