"""The child's side of the appraisal (thẩm định, issue 18): what its parent decided, as
the signed receipt carried it (kept by ``receiving.receipt_open``). Apart from
``appraisal``, the receiving unit's side, which consolidates its children's reports: the
commune's window reads this at every status update and must not load consolidation.

May import: ``storage``, ``core``, this package.
"""

from __future__ import annotations

from typing import Any

from ..storage import get_setting
from ..storage.appraisals import appraisal_key
from .workspace import Workspace


def held_appraisal(ws: Workspace, form_id: str, period: str) -> dict[str, Any] | None:
    """The appraisal the parent sent with its receipt for this unit's report, if any."""
    held = get_setting(ws.db, appraisal_key(form_id, period))
    return held if isinstance(held, dict) else None


__all__ = ["held_appraisal"]
