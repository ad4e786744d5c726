"""The tables of the documents: framed, their header row repeated on every page.

Two kinds: ``ClosedTable`` with ``grid`` for a report's rows of paragraphs (rows may be
joined without a rule between them, and the last row may be an unframed closing), and
``string_table`` for long tables of plain strings (a province's 3,321-row ranking lays
out in seconds without a paragraph per cell).

May import: ``documents``; reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, LongTable

from .blocks import LINE
from .fonts import SERIF, SERIF_BOLD


class ClosedTable(LongTable):
    """A table whose part on each page is closed by a rule, even when the page ends
    inside a free text (reportlab drops a "splitlast" rule after the first split)."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        if len(parts) == 2:
            parts[0]._addCommand(("LINEBELOW", (0, -1), (-1, -1), LINE, colors.black))
        return parts


def grid(framed: int, joined: set[int]) -> list[tuple]:
    """Cell borders for the first ``framed`` rows (rows after them, the signatures, have
    none); no line between a free-text label and its paragraphs (the ``joined`` rows)."""
    style: list[tuple] = [
        ("LINEABOVE", (0, 0), (-1, 0), LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells, which would name Helvetica
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(framed):
        style.append(("LINEBEFORE", (0, r), (0, r), LINE, colors.black))
        style.append(("LINEAFTER", (0, r), (-1, r), LINE, colors.black))
        if r + 1 not in joined:
            style.append(("LINEBELOW", (0, r), (-1, r), LINE, colors.black))
    return style


def string_table(rows: list[list[Any]], widths: Sequence[float], right_from: int) -> LongTable:
    """A framed table of plain strings at 10 pt, its bold header repeated; columns from
    ``right_from`` on are numbers, set to the right."""
    st = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("LEADING", (0, 0), (-1, -1), 12),
        ("GRID", (0, 0), (-1, -1), LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    return LongTable(rows, colWidths=widths, repeatRows=1, style=st)


__all__ = ["ClosedTable", "grid", "string_table"]
