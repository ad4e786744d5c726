"""How a score published by a higher level is worded wherever it is shown (issue 18):
"Năm 2024: 89,2 điểm (tăng 2,2 so với năm 2023; xếp thứ 1/12) — Quyết định số 30/QĐ-UBND
ngày 02/3/2026 của UBND tỉnh", under a heading that says whose score it is, so it is never
read as the score the application computes from the unit's figures.

An entry is plain data, as ``data.json``'s ``published`` list and ``workspace.published_scores``
hold it: period, score (canonical decimal text), rank and of (or null), the source
document as recorded, the change from the published score before (or null) and that
score's period.

May import: ``core`` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .messages import Text
from .numbers import format_number
from .periods import Period

HEADING = Text(
    "Điểm do cấp trên công bố (theo văn bản công bố; không phải điểm tự chấm):",
    "Scores published by the higher level (as its document states; not the self-assessed score):",
)
ENTRY_KEYS = ("period", "score", "rank", "of", "source", "change", "change_from")


def _change(change: Decimal, before: str | None, lang: str) -> str:
    when = Period.parse(before).label(lang).lower() if before else ""
    if change == 0:
        word = "không đổi" if lang == "vi" else "unchanged"
        return f"{word} {'so với' if lang == 'vi' else 'from'} {when}".rstrip()
    up = change > 0
    number = format_number(abs(change))
    if lang == "vi":
        return f"{'tăng' if up else 'giảm'} {number} so với {when}".rstrip()
    return f"{'up' if up else 'down'} {number} on {when}".rstrip()


def published_line(entry: Mapping[str, Any], lang: str = "vi") -> str:
    """ "Năm 2024: 89,2 điểm (tăng 2,2 so với năm 2023; xếp thứ 1/12) — Quyết định số …"."""
    period = Period.parse(str(entry["period"])).label(lang)
    score = format_number(Decimal(str(entry["score"])))
    notes = []
    if entry.get("change") is not None:
        notes.append(_change(Decimal(str(entry["change"])), entry.get("change_from"), lang))
    if entry.get("rank") is not None and entry.get("of") is not None:
        rank = f"{int(entry['rank'])}/{int(entry['of'])}"
        notes.append(f"xếp thứ {rank}" if lang == "vi" else f"ranked {rank}")
    shown = f"{period}: {score} {'điểm' if lang == 'vi' else 'points'}"
    if notes:
        shown += f" ({'; '.join(notes)})"
    return f"{shown} — {entry['source']}"


__all__ = ["ENTRY_KEYS", "HEADING", "published_line"]
