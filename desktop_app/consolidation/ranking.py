"""Scores per section and in total, rating bands, ranks and the change from last period.

Scoring is ``core.scoring`` (linear, stepped, relative to the best unit, yes/no); ranking is
standard competition ranking (17, 17, 19). Items scored *relative to the best unit* depend
on every unit's figure, so while expected units are missing those scores — and the ranks
built on them — are provisional, and the ranking says so in words the report prints.

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.collation import vi_sort_key
from ..core.forms.model import Band
from ..core.messages import Text
from ..core.scoring import UnitScore, best_values, rank, score_unit
from ..core.text import nfc
from .consolidate import Consolidation


def band_text(band: Band | None, lang: str = "vi") -> str:
    """A rating as every screen and paper shows it: its code and label, "A – Tốt"."""
    return f"{band.code} – {nfc(band.label.pick(lang))}" if band is not None else ""


@dataclass(frozen=True)
class RankRow:
    code: str
    name: str
    total: Decimal
    by_section: dict[str, Decimal]
    band: Band | None
    rank: int
    score: UnitScore
    previous_total: Decimal | None = None
    previous_rank: int | None = None

    @property
    def total_change(self) -> Decimal | None:
        return None if self.previous_total is None else self.total - self.previous_total

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive) or lost (negative) since the previous period."""
        return None if self.previous_rank is None else self.previous_rank - self.rank


@dataclass(frozen=True)
class Ranking:
    rows: tuple[RankRow, ...]  # by rank, then name
    section_ids: tuple[str, ...]  # sections that carry points, in form order
    section_maximum: dict[str, Decimal]
    best: dict[str, Decimal | None]  # relative items: the best value among the units scored
    provisional: bool  # relative items scored while expected units are missing
    missing_count: int

    def by_code(self) -> dict[str, RankRow]:
        return {r.code: r for r in self.rows}

    @property
    def note(self) -> Text | None:
        """What the report must say when scores may still change."""
        if not self.provisional:
            return None
        return Text(
            f"Điểm và thứ hạng là tạm tính: còn {self.missing_count} đơn vị chưa nộp báo cáo,"
            " các chỉ số chấm so với đơn vị cao nhất sẽ được tính lại khi đủ báo cáo.",
            f"Scores and ranks are provisional: {self.missing_count} units have not reported;"
            " items scored relative to the best unit will be recomputed once all are in.",
        )


def rank_units(consolidation: Consolidation, previous: Ranking | None = None) -> Ranking:
    """Score and rank every unit that reported; ``previous`` is last period's ranking."""
    form = consolidation.form
    scoring = form.scoring
    if scoring is None:
        raise ValueError(f"form {form.id} has no scoring section")
    best = best_values(scoring, consolidation.values_by_unit)
    scores = {
        code: score_unit(form, code, values, best)
        for code, values in consolidation.values_by_unit.items()
    }
    places = rank({code: s.total for code, s in scores.items()})
    before = previous.by_code() if previous is not None else {}
    rows = []
    for code, s in scores.items():
        prior = before.get(code)
        rows.append(
            RankRow(
                code,
                consolidation.name(code),
                s.total,
                s.by_section,
                s.band,
                places[code],
                s,
                prior.total if prior else None,
                prior.rank if prior else None,
            )
        )
    rows.sort(key=lambda r: (r.rank, vi_sort_key(r.name)))
    section_ids = tuple(
        s.id for s in form.sections if any(i.section_id == s.id for i in scoring.items)
    )
    maximum = {
        sid: sum((i.points for i in scoring.items if i.section_id == sid), Decimal(0))
        for sid in section_ids
    }
    has_relative = any(i.scale == "relative" for i in scoring.items)
    return Ranking(
        tuple(rows),
        section_ids,
        maximum,
        best,
        provisional=has_relative and not consolidation.complete,
        missing_count=len(consolidation.missing),
    )
