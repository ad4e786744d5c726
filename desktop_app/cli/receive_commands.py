"""The receiving commands (DESIGN §6): ``trust add|list|revoke``, ``receive``, ``decide``,
``changes``, ``accept``, ``return``, the status board (``status --form --period`` for a
unit with children) and, for the unit that sent a report, ``receipt open|check``.

Heavy modules (cryptography, pyHanko, openpyxl) are imported inside the commands.
Secrets only through ``--passphrase-env`` / ``--pin-env``. Exit 1 when any packet is
rejected or an input is refused.

May import: ``cli``, ``workspace``, ``receiving`` (its wording), ``core``; never Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.messages import Text
from ..workspace import Workspace
from .output import print_json, refuse, say
from .packet_commands import secret_from_env


def _review_options(parser: argparse.ArgumentParser, reason_required: bool) -> None:
    parser.add_argument("--unit", required=True, help="mã đơn vị / unit code")
    parser.add_argument("--form", required=True)
    parser.add_argument("--period", required=True)
    parser.add_argument("--reason", required=reason_required, help="lý do / reason")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--passphrase-env", metavar="VAR")
    secret.add_argument("--pin-env", metavar="VAR")


def _trust_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    trust = commands.add_parser(
        "trust", parents=[common], help="danh sách tin cậy / the trust list"
    )
    sub = trust.add_subparsers(dest="trust_command", metavar="add|list|revoke", required=True)
    add = sub.add_parser("add", parents=[common], help="đăng ký chứng thư / register a certificate")
    add.add_argument("cert", metavar="CERT", help="tệp .pem/.cer, hoặc - (dán PEM) / file or -")
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--unit", help="mã đơn vị trực thuộc / the child unit's code")
    target.add_argument("--ca", action="store_true", help="tin cậy CA gốc / trust a CA root")
    add.add_argument("--replace", action="store_true", help="thay chứng thư cũ / replace")
    add.add_argument("--note", default="", help="ghi chú / note")
    listing = sub.add_parser("list", parents=[common], help="liệt kê / list")
    listing.add_argument("--all", action="store_true", help="cả lịch sử / with history")
    revoke = sub.add_parser("revoke", parents=[common], help="thu hồi / revoke")
    revoke.add_argument(
        "target",
        metavar="CODE|FINGERPRINT|CERT.pem",
        help="mã đơn vị, vân tay hoặc tệp chứng thư / unit code, fingerprint or certificate file",
    )
    revoke.add_argument("--reason", required=True)


def add_receive_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register the receiving commands on the main parser's subparsers."""
    _trust_parsers(commands, common)
    receive = commands.add_parser(
        "receive", parents=[common], help="nhận gói nộp / receive packets"
    )
    receive.add_argument("paths", nargs="+", type=Path, metavar="PACKET|DIR")
    decide = commands.add_parser(
        "decide", parents=[common], help="giải quyết xung đột / resolve a conflict"
    )
    decide.add_argument("--submission", type=int, required=True, help="mã bản chờ / pending id")
    decide.add_argument("--take", choices=["held", "new"], required=True)
    decide.add_argument("--reason", required=True)
    changes = commands.add_parser(
        "changes", parents=[common], help="số liệu thay đổi / what changed"
    )
    for option in ("--unit", "--form", "--period"):
        changes.add_argument(option, required=True)
    for name, text, reason in (
        ("accept", "tiếp nhận / accept a report", False),
        ("return", "trả lại / return a report", True),
    ):
        _review_options(commands.add_parser(name, parents=[common], help=text), reason)
    receipt = commands.add_parser(
        "receipt", parents=[common], help="biên nhận của cấp trên / the parent's receipt"
    )
    rsub = receipt.add_subparsers(dest="receipt_command", metavar="open|check", required=True)
    opening = rsub.add_parser("open", parents=[common], help="mở và áp dụng / open and apply")
    opening.add_argument("file", type=Path)
    confirm = opening.add_mutually_exclusive_group()
    confirm.add_argument(
        "--trust",
        type=Path,
        metavar="CERT.pem",
        help="lần đầu: chứng thư đơn vị cấp trên gửi / first time: the parent's certificate",
    )
    confirm.add_argument(
        "--fingerprint",
        metavar="SHA256",
        help="lần đầu: vân tay đã đối chiếu qua điện thoại / first time: the fingerprint confirmed by phone",
    )
    rsub.add_parser("check", parents=[common], help="chỉ kiểm tra / check only").add_argument(
        "file", type=Path
    )


def _entry_line(entry: Any, lang: str) -> str:
    unit = entry.unit_code or Text("CA (mọi đơn vị)", "CA (any unit)").pick(lang)
    state = (
        Text("đang dùng", "active").pick(lang)
        if entry.active
        else f"{entry.end_reason} {entry.ended_at[:10]}"
    )
    return f"{unit:<8} {state:<20} {entry.fingerprint}  {entry.subject}"


def cmd_trust(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace import receive as use

    command = args.trust_command
    if command == "list":
        entries = use.trust_list(ws, include_ended=args.all)
        if args.json:
            print_json({"ok": True, "entries": [e.as_dict() for e in entries]})
        for entry in [] if args.json else entries:
            say(_entry_line(entry, lang))
        return 0
    if command == "revoke":
        target: Path | str = Path(args.target) if Path(args.target).is_file() else args.target
        ended = use.revoke_trust(ws, target, args.reason)
        if args.json:
            print_json({"ok": True, "revoked": [e.as_dict() for e in ended]})
        for entry in [] if args.json else ended:
            say(Text("Đã thu hồi: ", "Revoked: ").pick(lang) + _entry_line(entry, lang))
        return 0
    source: Path | str = sys.stdin.read() if args.cert == "-" else Path(args.cert)
    if args.ca:
        done = use.trust_ca(ws, source, note=args.note)
    else:
        done = [
            use.register_certificate(ws, source, args.unit, replace=args.replace, note=args.note)
        ]
    if args.json:
        print_json({"ok": True, "entries": [
            {**r.entry.as_dict(), "already": r.already,
             "replaced": r.replaced.as_dict() if r.replaced else None} for r in done
        ]})  # fmt: skip
        return 0
    for r in done:
        say(_entry_line(r.entry, lang))
        say(
            Text(
                f"Vân tay SHA-256 (đối chiếu qua điện thoại): {r.entry.fingerprint}",
                f"SHA-256 fingerprint (confirm by phone): {r.entry.fingerprint}",
            ).pick(lang)
        )
    return 0


def cmd_receive(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~90 ms (pyhanko) to import; the other commands skip it.
    from ..receiving.receive import WAITING
    from ..workspace.receive import receive

    def waiting() -> None:
        sys.stderr.write(WAITING.pick(lang) + "\n")
        sys.stderr.flush()

    report = receive(ws, args.paths, waiting=waiting)
    if args.json:
        print_json(report.as_dict())
    else:
        labels = {
            "accepted": Text("ĐÃ NHẬN", "ACCEPTED"),
            "duplicate": Text("TRÙNG", "DUPLICATE"),
            "superseding": Text("THAY THẾ", "SUPERSEDING"),
            "conflict": Text("XUNG ĐỘT", "CONFLICT"),
            "rejected": Text("TỪ CHỐI", "REJECTED"),
        }
        for o in report.outcomes:
            code = f"  [{o.error.code}]" if o.error else ""
            say(f"{labels[o.verdict].pick(lang):<12} {o.path.name}{code}")
            say(f"    {o.message().pick(lang)}")
    for o in report.rejected:
        refuse(o.error)
    for skipped in report.skipped:
        sys.stderr.write(
            Text(f"Bỏ qua: {skipped.path} ({skipped.reason.vi})",
                 f"Skipped: {skipped.path} ({skipped.reason.en})").pick(lang) + "\n"
        )  # fmt: skip
    return 1 if report.rejected else 0


def cmd_decide(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace.receive import decide_conflict

    chosen = decide_conflict(ws, args.submission, args.take, args.reason)
    if args.json:
        print_json({"ok": True, "current": chosen.as_dict()})
    else:
        say(
            Text(
                f"Đã chọn lần {chosen.revision} (mã băm {chosen.data_sha256[:12]}…) cho {chosen.key}.",
                f"Kept revision {chosen.revision} (hash {chosen.data_sha256[:12]}…) for {chosen.key}.",
            ).pick(lang)
        )
    return 0


def _review(ws: Workspace, args: argparse.Namespace, lang: str, decision: str) -> int:
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace.receive import review

    secret = secret_from_env(args.passphrase_env or args.pin_env)
    result = review(
        ws, args.unit, args.form, args.period, decision, args.reason or "", args.out, secret=secret
    )
    if args.json:
        print_json({"ok": True, "path": str(result.path), "submission": result.submission.as_dict(),
                    "fingerprint": result.fingerprint})  # fmt: skip
        return 0
    say(str(result.path))
    return 0


def cmd_accept(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    return _review(ws, args, lang, "accepted")


def cmd_return(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    return _review(ws, args, lang, "returned")


def cmd_receipt(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~190 ms (pyhanko, openpyxl) to import; the other commands skip it.
    from ..workspace import receive as use

    if args.receipt_command == "open":
        check = use.open_receipt(ws, args.file, trust_cert=args.trust, fingerprint=args.fingerprint)
    else:
        check = use.check_receipt(ws, args.file)
    if args.json:
        print_json({"ok": True, **check.as_dict()})
        return 0
    say(check.message().pick(lang))
    fp = check.verified.fingerprint
    if check.verified.first_use and args.receipt_command == "check":
        say(
            Text(
                f"Lần đầu nhận biên nhận của đơn vị cấp trên: hãy đối chiếu vân tay {fp} qua điện thoại, rồi mở với --fingerprint.",
                f"First receipt from the parent unit: confirm the fingerprint {fp} by phone, then open it with --fingerprint.",
            ).pick(lang)
        )
    elif check.verified.first_use:
        say(
            Text(
                f"Đã đăng ký chứng thư của đơn vị cấp trên (vân tay {fp}).",
                f"The parent unit's certificate is now registered (fingerprint {fp}).",
            ).pick(lang)
        )
    return 0


__all__ = [
    "add_receive_parsers",
    "cmd_accept",
    "cmd_decide",
    "cmd_receipt",
    "cmd_receive",
    "cmd_return",
    "cmd_trust",
]
