"""Scores a higher level published for the unit, in its own report (issue 18): the lines
under the self-assessment appendix, "Điểm do cấp trên công bố …" then one line a period
("Năm 2024: 89,2 điểm (tăng 2,2 so với năm 2023; xếp thứ 1/12) — Quyết định số …"),
drawn from ``data.json``'s ``published`` list alone, so the receiving side reads them back
as it reads the rest. They stand apart from the self-assessed score, under their own
heading, and are never added to it.

May import: ``packets``, ``documents``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.published_words import HEADING, published_line
from ..core.text import nfc
from ..documents.flow import Flowable, Spacer, para, style
from ..documents.fonts import SERIF, SERIF_BOLD


def published_lines(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The heading and one line a published score; none when data.json has none."""
    entries = data.get("published") or []
    if not entries:
        return ()
    return (HEADING.vi, *(f"- {nfc(published_line(e, 'vi'))}" for e in entries))


def published_flowables(lines: tuple[str, ...]) -> list[Flowable]:
    """The lines for report.pdf, after the appendix's table."""
    if not lines:
        return []
    heading, *rest = lines
    story: list[Flowable] = [Spacer(1, 10), para(heading, style(12, SERIF_BOLD))]
    story += [para(line, style(12, SERIF, leftIndent=10)) for line in rest]
    return story


__all__ = ["published_flowables", "published_lines"]
