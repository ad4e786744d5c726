"""``children``: the receiving unit's children for a period, where the catalogue cannot
give that year's structure (``workspace.declared_children``).

    children list --period 2018 [--json]
    children declare --period 2018 --add 02011 "Xã Đông Viên"
    children declare --period 2018 --remove 02017
    children declare --period 2018 --rename 02020 "Thị trấn Bằng Lũng"

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.messages import Text
from ..workspace import Workspace
from .output import print_json, say

_MARKS = {"add": Text("khai báo thêm", "declared"), "rename": Text("đổi tên", "renamed")}


def add_children_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    children = commands.add_parser(
        "children",
        parents=[common],
        help="đơn vị trực thuộc của một kỳ (khai báo khi danh mục không đúng với năm đó)"
        " / the units under this one for a period (declared where the catalogue differs)",
    )
    sub = children.add_subparsers(dest="children_command", metavar="list|declare", required=True)
    listing = sub.add_parser("list", parents=[common], help="liệt kê / list")
    listing.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2018")
    declare = sub.add_parser(
        "declare", parents=[common], help="thêm, bỏ, đổi tên / add, remove, rename"
    )
    declare.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2018")
    what = declare.add_mutually_exclusive_group(required=True)
    what.add_argument("--add", nargs=2, metavar=("CODE", "NAME"), help="thêm / add a unit")
    what.add_argument("--remove", metavar="CODE", help="bỏ / remove a unit")
    what.add_argument("--rename", nargs=2, metavar=("CODE", "NAME"), help="đổi tên / rename")


def cmd_children(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    from ..workspace.declared_children import children_of_period, declare_child

    if args.children_command == "declare":
        found = declare_child(
            ws,
            args.period,
            add=tuple(args.add) if args.add else None,
            remove=args.remove,
            rename=tuple(args.rename) if args.rename else None,
        )
    else:
        found = children_of_period(ws, args.period)
    if args.json:
        print_json({"ok": True, **found.as_dict()})
        return 0
    head = Text(
        f"Kỳ {found.period}: {len(found.children)} đơn vị trực thuộc",
        f"Period {found.period}: {len(found.children)} units",
    )
    say(head.pick(lang))
    for unit in found.children:
        mark = _MARKS.get(found.declared.get(unit.code, ""))
        say(f"  {unit.code:<8} {unit.name}" + (f"  ({mark.pick(lang)})" if mark else ""))
    for unit in found.removed:
        gone = Text("bỏ trong kỳ này", "removed for this period")
        say(f"  {unit.code:<8} {unit.name}  [{gone.pick(lang)}]")
    return 0


__all__ = ["add_children_parsers", "cmd_children"]
