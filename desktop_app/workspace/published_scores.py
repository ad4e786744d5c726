"""Scores a higher level published for this unit (issue 18, "published scores"): e.g.
the province's official score of a district for 2025, 89,2, first of 12, by its decision
number. Recorded with that source document, listed year after year with the change, and
always marked as published: never mixed with the score the application computes from the
unit's own figures (``core.scoring``).

Kept in the database (setting ``published_score:<form>:<period>``), audited like every
setting; recording a period again replaces its entry (a corrected decision).

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..core.messages import AppError, Text
from ..core.number_reading import parse_number
from ..core.periods import check_started
from ..core.text import LINE_MAX_LENGTH, clean_line
from ..storage.settings import set_setting
from .entry import today
from .workspace import Workspace

_PREFIX = "published_score:"


@dataclass(frozen=True)
class PublishedScore:
    form_id: str
    period: str
    score: Decimal
    rank: int | None
    of: int | None
    source: str
    change: Decimal | None = None  # from the previous published score of the same form
    rank_change: int | None = None  # places gained since then
    change_from: str | None = None  # the period of that previous published score

    def _said(self) -> dict[str, Any]:
        """What both the report and ``data.json`` say of the score, in their order."""
        return {
            "period": self.period,
            "score": str(self.score),
            "rank": self.rank,
            "of": self.of,
            "source": self.source,
            "change": None if self.change is None else str(self.change),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "form": self.form_id,
            **self._said(),
            "rank_change": self.rank_change,
            "published": True,
        }

    def entry(self) -> dict[str, Any]:
        """As ``data.json``'s ``published`` list holds it (``core.published_words``)."""
        return {**self._said(), "change_from": self.change_from}


def _refuse(vi: str, en: str) -> AppError:
    return AppError("score.invalid", Text(vi, en))


def record_published_score(
    ws: Workspace,
    form_id: str,
    period_text: str,
    score_text: str,
    source: str,
    rank: int | None = None,
    of: int | None = None,
) -> PublishedScore:
    form, period = ws.form_for(form_id, period_text, plan=False)
    check_started(period, today(ws))
    score = Decimal(parse_number(score_text).value)
    maximum = (
        sum((i.points for i in form.scoring.items), Decimal(0)) if form.scoring else Decimal(1000)
    )
    if not Decimal(0) <= score <= maximum:
        raise _refuse(
            f"Điểm {score_text} nằm ngoài 0–{maximum} của biểu mẫu {form.id}.",
            f"The score {score_text} is outside 0–{maximum} of form {form.id}.",
        )
    if (rank is None) != (of is None) or (
        rank is not None and of is not None and not 1 <= rank <= of
    ):
        raise _refuse(
            "Thứ hạng cần cả hạng và tổng số đơn vị, hạng từ 1 đến tổng số.",
            "A rank needs both the place and the number of units, the place from 1 to that number.",
        )
    cited = clean_line(source, Text("nguồn công bố", "the source"), LINE_MAX_LENGTH)
    if not cited:
        raise _refuse(
            "Cần ghi văn bản công bố điểm (số, ngày, cơ quan ban hành).",
            "Name the document that published the score (number, date, issuer).",
        )
    entry = {"score": str(score), "rank": rank, "of": of, "source": cited}
    set_setting(ws.db, f"{_PREFIX}{form.id}:{period}", entry, ws.user)
    found = {s.period: s for s in published_scores(ws, form.id)}
    return found[str(period)]


def published_scores(ws: Workspace, form_id: str) -> list[PublishedScore]:
    """Every published score held for ``form_id``, oldest first, each with its change from
    the one before."""
    rows = ws.db.fetchall(
        "SELECT key, value FROM settings WHERE key LIKE ? ORDER BY key", (f"{_PREFIX}{form_id}:%",)
    )
    # Periods of one form are of one kind ("2025", "2026-H1"…): their text sorts in time.
    held = sorted((key.rsplit(":", 1)[1], json.loads(value)) for key, value in rows)
    out: list[PublishedScore] = []
    for period, entry in held:
        before = out[-1] if out else None
        score = Decimal(entry["score"])
        rank = entry.get("rank")
        out.append(
            PublishedScore(
                form_id,
                period,
                score,
                rank,
                entry.get("of"),
                entry["source"],
                None if before is None else score - before.score,
                None
                if before is None or before.rank is None or rank is None
                else before.rank - rank,
                None if before is None else before.period,
            )
        )
    return out


def published_entries(
    ws: Workspace, form_id: str, period: str, limit: int = 3
) -> list[dict[str, Any]]:
    """For the report of ``period``: the published scores of that period and those before
    it, the latest ``limit`` of them, oldest first (``PublishedScore.entry``)."""
    held = [s for s in published_scores(ws, form_id) if s.period <= period]
    return [s.entry() for s in held[-limit:]]


__all__ = ["PublishedScore", "published_entries", "published_scores", "record_published_score"]
