"""Long text cut into pieces a report can print: a table row cannot break across a PDF
page, and a spreadsheet row is at most 409 points high, so a long text goes into several
rows, each holding a piece (``excel.py``; ``documents.long_text`` cuts PDF pieces by
measured height).

May import: nothing of the application (plain text).
"""

from __future__ import annotations


def paragraphs(text: str, limit: int = 1200) -> list[str]:
    """Free text as printed rows: its non-blank paragraphs, a very long one cut between
    words. A table row cannot break across a PDF page, and a spreadsheet row is at most
    409 points high; 1,200 characters fit either."""
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        while len(paragraph) > limit:
            cut = paragraph.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        if paragraph.strip():
            pieces.append(paragraph)
    return pieces


def chunks(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, line breaks kept, each cut at
    the last line break or space before the limit (inside a word only when there is
    none): a note too long for one spreadsheet row continues in the rows under it."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n", 0, limit + 1), text.rfind(" ", 0, limit + 1))
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" \n")
    if text or not pieces:
        pieces.append(text)
    return pieces


__all__ = ["chunks", "paragraphs"]
