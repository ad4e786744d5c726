"""Reading a plan from a file the receiving unit issued (``plan import``): a YAML file or
a workbook (``documents.plan_workbook``), checked by ``core.plans`` against the form of
its period, then kept by ``plans.store_plan``.

May import: ``documents``, ``storage``, ``core``, this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..core.messages import AppError, Text
from ..core.plans import Plan, parse_plan
from ..documents.plan_workbook import plan_document
from .plans import store_plan
from .workspace import Workspace

MAX_PLAN_BYTES = 2 * 1024 * 1024


def _unreadable(name: str, vi: str, en: str) -> AppError:
    return AppError("plan.unreadable", Text(f"{name}: {vi}", f"{name}: {en}"), file=name)


def read_plan_file(ws: Workspace, file: Path) -> Plan:
    """The checked plan a YAML file or a workbook holds; nothing is stored."""
    file = Path(file)
    try:
        if file.stat().st_size > MAX_PLAN_BYTES or not file.is_file():
            raise _unreadable(
                file.name, "quá lớn hoặc không phải tệp thường", "too large or not a regular file"
            )
        data = file.read_bytes()
    except OSError as exc:
        raise _unreadable(
            file.name, f"không đọc được ({exc.strerror})", f"cannot be read ({exc.strerror})"
        ) from exc
    if data.startswith(b"PK\x03\x04"):
        document: Any = plan_document(data, file.name)
    else:
        try:
            document = yaml.safe_load(data.decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
            raise _unreadable(
                file.name,
                "không phải tệp YAML hay Excel đọc được",
                "not a readable YAML or Excel file",
            ) from exc
    return parse_plan(
        document, lambda form_id, period: ws.form_for(form_id, period, plan=False)[0], file.name
    )


def import_plan(ws: Workspace, file: Path) -> Plan:
    plan = read_plan_file(ws, file)
    store_plan(ws, plan)
    return plan


__all__ = ["MAX_PLAN_BYTES", "import_plan", "read_plan_file"]
