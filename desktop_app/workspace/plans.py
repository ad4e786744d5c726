"""The plans this unit holds (``core.plans``): imported from a YAML file or a workbook
(``plan import``, ``plan_files``), received with a form packet from the parent, shown (``plan show``),
and applied to the form of their period (``Workspace.form_for``), so every report and
consolidation of that period measures against the plan's targets, citing it.

A plan is kept in the database (setting ``plan:<form>:<period>``), so backups hold it;
importing a plan for the same form and period replaces the earlier one (a plan amended),
audited like every setting.

Reading plan files is ``plan_files``' job, so opening the window loads no YAML or workbook
reader (≈ 60 ms of start-up).

May import: ``storage``, ``core``, this package.
"""

from __future__ import annotations

from ..core.plans import Plan, parse_plan
from ..storage import get_setting
from ..storage.settings import set_setting
from .workspace import Workspace


def plan_key(form_id: str, period: str) -> str:
    return f"plan:{form_id}:{period}"


def store_plan(ws: Workspace, plan: Plan) -> bool:
    """Keep ``plan`` for its form and period (replacing an earlier one); whether it changed."""
    return set_setting(ws.db, plan_key(plan.form_id, plan.period), plan.as_document(), ws.user)


def plan_for(ws: Workspace, form_id: str, period: str) -> Plan | None:
    """The plan held for a form and period, or None."""
    document = get_setting(ws.db, plan_key(form_id, period))
    if document is None:
        return None
    return parse_plan(
        document, lambda f, p: ws.form_for(f, p, plan=False)[0], f"{form_id} {period}"
    )


def plan_periods(ws: Workspace, form_id: str) -> list[str]:
    """The periods this unit holds a plan for on ``form_id``, newest first."""
    prefix = plan_key(form_id, "")
    rows = ws.db.fetchall(
        "SELECT key FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
    )
    return sorted((str(r[0])[len(prefix) :] for r in rows), reverse=True)


__all__ = ["plan_for", "plan_key", "plan_periods", "store_plan"]
