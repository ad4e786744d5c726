"""``forms export-xlsx`` and ``forms import-xlsx``: a form definition to a workbook an
author edits in Excel or LibreOffice, and back into the data folder's own forms.

May import: ``workspace``, ``core``.
"""

from __future__ import annotations

import argparse

from ..core.messages import Text
from ..workspace import Workspace
from ..workspace.form_library import export_form_workbook, import_form_workbook
from .output import print_json, say


def cmd_forms_workbook(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
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


__all__ = ["cmd_forms_workbook"]
