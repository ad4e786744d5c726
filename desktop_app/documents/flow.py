"""The reportlab vocabulary the PDF renderers use, named once here so that reportlab is
imported by no package but ``documents``: paragraph styles, text widths, spacers, page
breaks, keeping flowables together, the table and paragraph types.

May import: ``documents``; reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
)

from .fonts import SERIF
from .long_text import para

CENTRE, JUSTIFY, LEFT, RIGHT = TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT


def style(size: float, font: str = SERIF, align: int = LEFT, **kw: Any) -> ParagraphStyle:
    """A paragraph style: ``font`` at ``size`` points, lines 1.2 times as high."""
    return ParagraphStyle(
        f"s{size}{font}{align}", fontName=font, fontSize=size, leading=size * 1.2,
        alignment=align, **kw,
    )  # fmt: skip


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` on one line, in points (the font must be registered)."""
    return stringWidth(text, font, size)


__all__ = [
    "CENTRE",
    "JUSTIFY",
    "LEFT",
    "RIGHT",
    "CondPageBreak",
    "Flowable",
    "KeepTogether",
    "LongTable",
    "PageBreak",
    "Paragraph",
    "ParagraphStyle",
    "Spacer",
    "para",
    "style",
    "text_width",
]
