"""Long text in a PDF table, and long names on a line of their own.

A table row cannot break across a page (reportlab raises ``LayoutError`` when one is
taller than the frame), so a cell's text that would be taller than ``MAX_CELL_HEIGHT``
is cut into pieces, each no taller than that, which the table puts in rows of their own
under it: the text continues on the next page, never lost and never a ``LayoutError``.
Pieces are measured with the real font, cut at a space where there is one, so a word of
300 letters with no space is broken like any other line (reportlab breaks a word longer
than a line where it must). Reportlab's own ``Paragraph.split`` is not used: its pieces
lay out again from the whole text when the table wraps them.

May import: ``documents``; reportlab.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

# The A4 frame is 728 points high; a piece of 300 leaves room for the repeated header,
# a section title kept with its first row, and the signatures kept with the last row.
MAX_CELL_HEIGHT = 300.0
PADDING = 6.0  # a table cell's left + right padding (tables.grid)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` as a paragraph, shown as written (no markup), its line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _surely_short(text: str, style: ParagraphStyle, width: float) -> bool:
    """True when even the widest glyphs (about one em each) could not make the text
    taller than a piece: most cells, which are then not measured twice."""
    per_line = max(1, int(width // style.fontSize))
    lines = sum(math.ceil(max(len(part), 1) / per_line) for part in text.split("\n"))
    return lines * style.leading <= MAX_CELL_HEIGHT


def _height(text: str, style: ParagraphStyle, width: float) -> float:
    return para(text, style).wrap(width, 1e9)[1]


def _cut(text: str, style: ParagraphStyle, width: float) -> int:
    """Where to end the first piece of ``text``: the most characters that fit
    ``MAX_CELL_HEIGHT`` (by bisection, heights growing with the text), moved back to
    the last space or line break when there is one in the second half."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _height(text[:middle], style, width) <= MAX_CELL_HEIGHT:
            low = middle
        else:
            high = middle - 1
    space = max(text.rfind(" ", 0, low + 1), text.rfind("\n", 0, low + 1))
    return space if space > low // 2 else low


def pieces(text: str, style: ParagraphStyle, width: float) -> list[Paragraph]:
    """``text`` as paragraphs each at most ``MAX_CELL_HEIGHT`` high in a cell ``width``
    wide (the column's, padding included). Each piece is a paragraph of its own, so the
    table lays it out exactly as measured here."""
    inner = width - PADDING
    if _surely_short(text, style, inner) or _height(text, style, inner) <= MAX_CELL_HEIGHT:
        return [para(text, style)]
    out: list[Paragraph] = []
    rest = text
    while rest:
        if _height(rest, style, inner) <= MAX_CELL_HEIGHT:
            out.append(para(rest, style))
            break
        cut = _cut(rest, style, inner)
        out.append(para(rest[:cut].rstrip(), style))
        rest = rest[cut:].lstrip(" \n")
    return out


def _longest_prefix(word: str, font: str, size: float, width: float) -> int:
    """How many leading characters of ``word`` fit ``width`` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at spaces; a word wider than a
    line is cut where it must be."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width:
            cut = _longest_prefix(word, font, size, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


__all__ = ["MAX_CELL_HEIGHT", "para", "pieces", "wrap_line"]
