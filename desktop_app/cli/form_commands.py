"""``forms export-xlsx`` and ``forms import-xlsx``: a form definition to a workbook an
author edits in Excel or LibreOffice, and back into the data folder's own forms;
``forms publish`` and ``forms install``: a form signed for the units below, installed
there once its signature is checked.

``workspace.form_library`` is imported by each command that uses it, not with the
module: through receiving and the workbook reader it loads pyHanko and openpyxl, ≈ 390 ms
of every CLI command's start by ``-X importtime`` (``status`` went from 1.2 s to 0.45 s here).

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse

from ..core.messages import Text
from ..workspace import Workspace
from .output import print_json, say


def _publish(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    from ..workspace.form_library import publish_form_packet  # lazy: see the docstring
    from .packet_commands import secret_from_env

    secret = secret_from_env(args.passphrase_env or args.pin_env)
    form, path, fingerprint = publish_form_packet(
        ws, args.form_id, args.version, args.out, secret, period=args.period
    )
    if args.json:
        print_json({"ok": True, "form": form.id, "version": form.version, "file": str(path),
                    "fingerprint": fingerprint})  # fmt: skip
    else:
        say(str(path))
    return 0


def _install(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    from ..workspace.form_library import install_published_form  # lazy: see the docstring

    done = install_published_form(
        ws, args.file, trust_cert=args.trust, fingerprint=args.fingerprint
    )
    v = done.verified
    if args.json:
        print_json({"ok": True, "form": v.form.id, "version": v.form.version,
                    "issuer": v.issuer, "fingerprint": v.fingerprint,
                    "first_use": v.first_use, "already_installed": done.already_installed,
                    "file": str(done.path)})  # fmt: skip
        return 0
    if done.already_installed:
        say(
            Text(
                f"Biểu mẫu {v.form.id} {v.form.version} đã có, giống hệt; không thay đổi gì.",
                f"Form {v.form.id} {v.form.version} is already installed, identical; nothing changed.",
            ).pick(lang)
        )
        return 0
    say(
        Text(
            f"Đã cài biểu mẫu {v.form.id} {v.form.version} do {v.issuer['name']} phát hành.",
            f"Installed form {v.form.id} {v.form.version} published by {v.issuer['name']}.",
        ).pick(lang)
    )
    if v.first_use:
        say(
            Text(
                f"Đã đăng ký chứng thư của đơn vị cấp trên (vân tay {v.fingerprint}).",
                f"The parent unit's certificate is now registered (fingerprint {v.fingerprint}).",
            ).pick(lang)
        )
    return 0


def cmd_forms_files(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # lazy: see the docstring
    from ..workspace.form_library import export_form_workbook, import_form_workbook

    if args.forms_command == "publish":
        return _publish(ws, args, lang)
    if args.forms_command == "install":
        return _install(ws, args, lang)
    if args.forms_command == "export-xlsx":
        form = export_form_workbook(ws, args.form_id, args.version, args.out)
        if args.json:
            print_json(
                {"ok": True, "form": form.id, "version": form.version, "file": str(args.out)}
            )
        else:
            say(
                Text(
                    f"Đã ghi biểu mẫu {form.id} {form.version} vào {args.out}",
                    f"Wrote form {form.id} {form.version} to {args.out}",
                ).pick(lang)
            )
        return 0
    imported = import_form_workbook(ws, args.file)
    form = imported.form
    if args.json:
        print_json(
            {
                "ok": True,
                "form": form.id,
                "version": form.version,
                "years": ws.forms.years_text(form)
                if ws.forms.by_version(form.id, form.version)
                else None,
                "already_installed": imported.already_installed,
                "file": str(imported.path),
            }
        )
    elif imported.already_installed:
        say(
            Text(
                f"Biểu mẫu {form.id} {form.version} đã có, giống hệt; không thay đổi gì.",
                f"Form {form.id} {form.version} is already installed, identical; nothing changed.",
            ).pick(lang)
        )
    else:
        say(
            Text(
                f"Đã cài biểu mẫu {form.id} {form.version} (năm {form.year}): {imported.path}",
                f"Installed form {form.id} {form.version} (year {form.year}): {imported.path}",
            ).pick(lang)
        )
    return 0


__all__ = ["cmd_forms_files"]
