"""The plans this unit holds (``core.plans``): imported from a YAML file or a workbook
(``plan import``), received with a form packet from the parent, shown (``plan show``),
and applied to the form of their period (``Workspace.form_for``), so every report and
consolidation of that period measures against the plan's targets, citing it.

A plan is kept in the database (setting ``plan:<form>:<period>``), so backups hold it;
importing a plan for the same form and period replaces the earlier one (a plan amended),
audited like every setting.

May import: ``documents``, ``storage``, ``core``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..core.messages import AppError, Text
from ..core.plans import Plan, parse_plan
from ..documents.plan_workbook import plan_document
from ..storage import get_setting
from ..storage.settings import set_setting
from .workspace import Workspace

MAX_PLAN_BYTES = 2 * 1024 * 1024


def _key(form_id: str, period: str) -> str:
    return f"plan:{form_id}:{period}"


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


def store_plan(ws: Workspace, plan: Plan) -> bool:
    """Keep ``plan`` for its form and period (replacing an earlier one); whether it changed."""
    return set_setting(ws.db, _key(plan.form_id, plan.period), plan.as_document(), ws.user)


def import_plan(ws: Workspace, file: Path) -> Plan:
    plan = read_plan_file(ws, file)
    store_plan(ws, plan)
    return plan


def plan_for(ws: Workspace, form_id: str, period: str) -> Plan | None:
    """The plan held for a form and period, or None."""
    document = get_setting(ws.db, _key(form_id, period))
    if document is None:
        return None
    return parse_plan(
        document, lambda f, p: ws.form_for(f, p, plan=False)[0], f"{form_id} {period}"
    )


def plan_periods(ws: Workspace, form_id: str) -> list[str]:
    """The periods this unit holds a plan for on ``form_id``, newest first."""
    prefix = _key(form_id, "")
    rows = ws.db.fetchall(
        "SELECT key FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
    )
    return sorted((str(r[0])[len(prefix) :] for r in rows), reverse=True)


__all__ = [
    "MAX_PLAN_BYTES",
    "import_plan",
    "plan_for",
    "plan_periods",
    "read_plan_file",
    "store_plan",
]
