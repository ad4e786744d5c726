"""The packet commands (DESIGN §6): ``identity new|import|use-token|export-cert|show``,
``export`` and ``verify``. Heavy modules (cryptography, pyHanko) are imported inside the
commands, so ``--help`` and the other commands do not pay for them.

Secrets never appear on the command line (where ``ps`` and the shell history would show
them): ``--passphrase-env VAR`` / ``--pin-env VAR`` name an environment variable.

May import: ``cli``, ``workspace``, ``packets`` (error wording), ``core``; never Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..packets.identity_errors import KINDS
from ..workspace import Workspace
from .output import print_json, refuse, say


def add_packet_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register ``identity``, ``export`` and ``verify`` on the main parser's subparsers."""
    identity = commands.add_parser(
        "identity",
        parents=[common],
        help="chứng thư ký số của đơn vị / the unit's signing identity",
    )
    sub = identity.add_subparsers(
        dest="identity_command", metavar="new|import|use-token|export-cert|show", required=True
    )
    new = sub.add_parser(
        "new", parents=[common], help="tạo chứng thư tự cấp / create a self-signed certificate"
    )
    new.add_argument("--passphrase-env", required=True, metavar="VAR")
    new.add_argument(
        "--key",
        choices=["rsa", "ec"],
        default="rsa",
        help="RSA-2048 (mặc định, như chứng thư của CA / default, as CAs issue) or EC P-256",
    )
    new.add_argument("--replace", action="store_true", help="thay chứng thư cũ / replace")
    imp = sub.add_parser("import", parents=[common], help="nhập tệp .p12/.pfx / import a .p12")
    imp.add_argument("file", type=Path)
    imp.add_argument("--passphrase-env", required=True, metavar="VAR")
    imp.add_argument("--replace", action="store_true")
    token = sub.add_parser("use-token", parents=[common], help="dùng USB ký số / use a token")
    token.add_argument("--module", required=True, help="thư viện PKCS#11 / PKCS#11 module")
    token.add_argument("--token", required=True, help="nhãn USB / token label")
    token.add_argument("--key-label", required=True)
    token.add_argument("--cert-label", help="mặc định như --key-label / default: --key-label")
    token.add_argument("--pin-env", metavar="VAR", help="kiểm tra PIN ngay / check the PIN now")
    token.add_argument("--replace", action="store_true")
    cert = sub.add_parser(
        "export-cert",
        parents=[common],
        help="xuất chứng thư cho đơn vị cấp trên / certificate for the unit you report to",
    )
    cert.add_argument("out", type=Path, metavar="OUT.pem|OUT.cer")
    sub.add_parser("show", parents=[common], help="xem chứng thư / show the identity")

    export = commands.add_parser(
        "export", parents=[common], help="xuất gói nộp đã ký / export a signed packet"
    )
    export.add_argument("--form", required=True)
    export.add_argument("--period", required=True)
    export.add_argument("--out", required=True, type=Path, metavar="DIR")
    export.add_argument(
        "--doc-number",
        metavar="N",
        help='số văn bản do văn thư cấp ("12" hoặc "12/BC-UBND"; "" để trống) / document number',
    )
    export.add_argument(
        "--doc-date", metavar="dd/mm/yyyy", help="ngày văn bản / the document's date"
    )
    secret = export.add_mutually_exclusive_group()
    secret.add_argument("--passphrase-env", metavar="VAR")
    secret.add_argument("--pin-env", metavar="VAR")

    verify = commands.add_parser(
        "verify", parents=[common], help="kiểm tra gói nộp / check packets"
    )
    verify.add_argument("packets", nargs="+", type=Path, metavar="PACKET")
    verify.add_argument(
        "--trust",
        action="append",
        type=Path,
        default=[],
        metavar="FILE.pem",
        help="chứng thư được tin cậy (đơn vị hoặc CA) / trusted certificate (unit or CA)",
    )


def secret_from_env(variable: str | None) -> str | None:
    """The passphrase or PIN in the environment variable named (``--passphrase-env``,
    ``--pin-env``); AppError ``cli.env_missing`` when it is not set."""
    if variable is None:
        return None
    value = os.environ.get(variable)
    if value is None:
        raise AppError(
            "cli.env_missing",
            Text(
                f"Biến môi trường {variable} chưa được đặt.",
                f"The environment variable {variable} is not set.",
            ),
            variable=variable,
        )
    return value


def _date(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _show_identity(info: Any, args: argparse.Namespace, lang: str) -> None:
    data = info.as_dict()
    if args.json:
        print_json({"ok": True, "identity": data})
        return
    say(
        Text(
            f"Chứng thư ký số: {KINDS[info.kind].vi}",
            f"Signing identity: {KINDS[info.kind].en}",
        ).pick(lang)
    )
    say(Text(f"  Chủ thể: {data['subject']}", f"  Subject: {data['subject']}").pick(lang))
    if not data["self_signed"]:
        say(Text(f"  Nơi cấp: {data['issuer']}", f"  Issuer: {data['issuer']}").pick(lang))
    valid = f"{_date(data['not_before'])} – {_date(data['not_after'])}"
    say(Text(f"  Hiệu lực: {valid}", f"  Valid: {valid}").pick(lang))
    say(
        Text(
            f"  Vân tay SHA-256: {data['fingerprint']}",
            f"  SHA-256 fingerprint: {data['fingerprint']}",
        ).pick(lang)
    )


def cmd_identity(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~50 ms (cryptography) to import; the other commands skip it.
    from ..workspace import identity as use

    command = args.identity_command
    if command == "new":
        info = use.create_unit_identity(
            ws, secret_from_env(args.passphrase_env) or "", key_kind=args.key, replace=args.replace
        )
    elif command == "import":
        info = use.import_identity(
            ws, args.file, secret_from_env(args.passphrase_env) or "", replace=args.replace
        )
    elif command == "use-token":
        info = use.use_token_identity(
            ws,
            module=args.module,
            token=args.token,
            key_label=args.key_label,
            cert_label=args.cert_label,
            pin=secret_from_env(args.pin_env),
            replace=args.replace,
        )
    elif command == "export-cert":
        path, info = use.export_unit_certificate(ws, args.out)
        if args.json:
            print_json({"ok": True, "path": str(path), "fingerprint": info.fingerprint})
        else:
            say(Text(f"Đã ghi {path}", f"Wrote {path}").pick(lang))
            to = ws.reports_to()
            say(
                Text(
                    f"Vân tay SHA-256 (đọc cho {to.vi} qua điện thoại): {info.fingerprint}",
                    f"SHA-256 fingerprint (read it to {to.en} by phone): {info.fingerprint}",
                ).pick(lang)
            )
        return 0
    else:
        info = use.current(ws)
    _show_identity(info, args, lang)
    return 0


def cmd_export(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~250 ms (reportlab, openpyxl, pyhanko) to import; the other commands skip it.
    from ..workspace.doc_number import chosen_number
    from ..workspace.export import export_report

    secret = secret_from_env(args.passphrase_env or args.pin_env)
    document = chosen_number(ws.db, args.form, args.period, args.doc_number, args.doc_date)
    result = export_report(ws, args.form, args.period, args.out, secret=secret, document=document)
    if args.json:
        print_json(
            {
                "ok": True,
                "path": str(result.path),
                "revision": result.revision,
                "duplicate": result.duplicate,
                "data_sha256": result.data_sha256,
                "fingerprint": result.fingerprint,
                "manifest": result.manifest,
            }
        )
        return 0
    say(str(result.path))  # stdout holds only the path, for scripts
    note = Text(
        f"Đã xuất lần nộp r{result.revision}"
        + (" (số liệu như lần xuất trước)" if result.duplicate else "")
        + f"; vân tay chứng thư: {result.fingerprint}",
        f"Exported revision {result.revision}"
        + (" (same data as the previous export)" if result.duplicate else "")
        + f"; certificate fingerprint: {result.fingerprint}",
    )
    sys.stderr.write(note.pick(lang) + "\n")
    return 0


def cmd_verify(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~90 ms and more (pyhanko) to import; the other commands skip it.
    from ..workspace.check_packets import check_packets

    rejected = 0
    results = []
    for outcome in check_packets(ws, args.packets, args.trust):
        path, error = outcome.path, outcome.error
        if error is not None:
            rejected += 1
            results.append({"path": str(path), "ok": False, "error": error.as_dict()})
            if not args.json:
                say(f"{Text('TỪ CHỐI', 'REJECTED').pick(lang)}  {path}  [{error.code}]")
                refuse(error)
            continue
        summary = outcome.packet.summary()
        results.append({"path": str(path), "ok": True, **summary})
        if not args.json:
            unit = summary["unit"]
            say(
                f"{Text('HỢP LỆ', 'VALID').pick(lang)}  {path}  {unit['code']} {unit['name']}"
                f"  {summary['form']['id']} {summary['period']} r{summary['revision']}"
                f"  — {summary['signer']} ({summary['fingerprint']})"
            )
    if args.json:
        print_json({"ok": rejected == 0, "packets": results})
    return 1 if rejected else 0


__all__ = ["add_packet_parsers", "cmd_export", "cmd_identity", "cmd_verify", "secret_from_env"]
