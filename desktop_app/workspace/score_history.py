"""The unit's score over the periods (issue 18, published scores): for each period, the
score the application computes from the unit's own figures (self-assessed, the relative
items left out as they are in the packet) beside the score a higher level published,
with its rank and source. Two columns that are never merged: a period may have either,
both, or neither.

May import: ``workspace`` and every layer below it, ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.messages import AppError
from ..packets.data import self_score
from ..storage.reports import list_reports
from .entry import check_report
from .published_scores import PublishedScore, published_scores
from .workspace import Workspace


@dataclass(frozen=True)
class ScorePeriod:
    period: str
    computed: Decimal | None  # the application's own computation from the unit's figures
    published: PublishedScore | None  # what the higher level published, as recorded


def score_history(ws: Workspace, form_id: str) -> list[ScorePeriod]:
    """Every period with an own report or a published score of ``form_id``, oldest first."""
    profile = ws.require_profile()
    computed: dict[str, Decimal | None] = {}
    for report in list_reports(ws.db, profile.unit_code, form_id):
        try:
            state = check_report(ws, form_id, report.period)
        except AppError:
            continue  # a period no form version serves any more: nothing to compute
        score = self_score(state.form, state.result)
        computed[report.period] = None if score is None else score.total
    published = {s.period: s for s in published_scores(ws, form_id)}
    periods = sorted(set(computed) | set(published))
    return [ScorePeriod(p, computed.get(p), published.get(p)) for p in periods]


__all__ = ["ScorePeriod", "score_history"]
