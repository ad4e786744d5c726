"""Looking at what was received (DESIGN §6): the submission status board (``status --form
ID --period P`` for a unit whose children fill the form; ``--json``, ``--xlsx OUT``) and
what changed in a unit's report (``changes``: the current revision against the one it
replaced, and any conflict side by side).

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Any

from ..core.messages import AppError, Text
from ..packets.manifest import vietnam_time
from ..workspace import Workspace
from .output import print_json, say


def board_applies(ws: Workspace, form_id: str, period: str | None = None) -> bool:
    """Whether ``status --form`` means the board: the unit has children filling the form
    in that period (a commune, or a district asking about its own form, keeps the report
    status; a province's districts fill the district form only before 1 July 2025)."""
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace.receive import office

    if ws.profile is None:
        return False
    return bool(office(ws).children_for(ws.forms.get(form_id).level, period))


def cmd_board(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~8 ms to import; the other commands skip it.
    from ..receiving.status import STATE_LABELS
    from ..workspace import receive as use

    board = use.status_board(ws, args.form, args.period)
    rows = board.sorted(getattr(args, "sort", None) or "state")
    if getattr(args, "xlsx", None):
        use.export_status_xlsx(ws, args.form, args.period, args.xlsx, rows)
    if args.json:
        print_json(board.as_dict())
        return 0
    deadline = Text("hạn nộp", "deadline").pick(lang)
    say(
        f"{board.unit_name} — {board.form.id}, {board.period.label(lang)} ({deadline} {board.deadline:%d/%m/%Y})"
    )
    say(
        Text(
            "  (ngày ký: thời điểm ký của lần nộp đầu, tính đúng hạn; ngày nhận: lần hiện tại)",
            "  (signed: the first submission's signing time, which judges on time; received: the current one)",
        ).pick(lang)
    )
    for row in rows:
        late = Text(f"trễ {row.days_late} ngày", f"{row.days_late} days late").pick(lang)
        revision = f"r{row.revision}" if row.revision else "—"
        state = STATE_LABELS[row.state].pick(lang)
        signed, received = _when(row.first_signed_at), _when(row.received_at)
        say(
            f"  {row.unit_code:<6} {row.unit_name:<28} {state:<30} {revision:<4} {signed:<16} {received:<16} {late if row.on_time is False else ''}"
        )
    counts = board.counts()
    say(" ".join(f"{STATE_LABELS[s].pick(lang)}: {counts[s]};" for s in STATE_LABELS))
    return 0


def _when(iso: str | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, or blank."""
    if not iso:
        return ""

    return vietnam_time(datetime.datetime.fromisoformat(iso)).strftime("%d/%m/%Y %H:%M")


def _change_dict(change: Any) -> dict[str, Any]:
    return change._asdict()


def cmd_changes(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace import receive as use

    found = use.submissions(ws, args.form, args.period, unit_code=args.unit, states=("current",))
    if not found:
        raise_not_received(args)
    current = found[0]
    previous, changes = use.latest_changes(ws, current.id)
    conflicts = [
        (pending, use.changes_between(ws, held.id, pending.id))
        for held, pending in use.conflicts(ws, args.form, args.period)
        if pending.unit_code == current.unit_code
    ]
    if args.json:
        print_json({
            "ok": True, "current": current.as_dict(),
            "previous": previous.as_dict() if previous else None,
            "changes": [_change_dict(c) for c in changes],
            "conflicts": [{"pending": p.as_dict(), "changes": [_change_dict(c) for c in cs]}
                          for p, cs in conflicts],
        })  # fmt: skip
        return 0
    if previous is not None:
        say(Text(f"Lần {previous.revision} → lần {current.revision}:",
                 f"Revision {previous.revision} → {current.revision}:").pick(lang))  # fmt: skip
        for c in changes:
            say(f"  {c.kind:<8} {c.field:<34} {c.old!s:>14} → {c.new!s}")
    for pending, differences in conflicts:
        say(
            Text(f"Xung đột, bản chờ số {pending.id}:", f"Conflict, pending id {pending.id}:").pick(
                lang
            )
        )
        for c in differences:
            say(f"  {c.kind:<8} {c.field:<34} {c.old!s:>14} ≠ {c.new!s}")
    return 0


def raise_not_received(args: argparse.Namespace) -> None:
    raise AppError(
        "review.no_submission",
        Text(
            f"Chưa nhận báo cáo {args.form} kỳ {args.period} của đơn vị {args.unit}.",
            f"No {args.form} report for period {args.period} has been received from unit {args.unit}.",
        ),
        unit_code=args.unit,
    )


__all__ = ["board_applies", "cmd_board", "cmd_changes"]
