"""Where a PDF's words are, read with poppler's ``pdftotext -bbox``: for tests of margins,
of blocks side by side and of text that must never collide."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    x0: float  # points from the page's left edge
    top: float  # points from the page's top edge
    x1: float
    bottom: float
    text: str
    width: float  # the page's
    height: float


def words(pdf: Path) -> list[Word]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for number, (w, h, body) in enumerate(_PAGE.findall(html), start=1):
        for x0, y0, x1, y1, text in _WORD.findall(body):
            out.append(Word(number, float(x0), float(y0), float(x1), float(y1), text,
                            float(w), float(h)))  # fmt: skip
    return out


def outside_margins(found: list[Word], least_mm: float) -> list[Word]:
    """Words nearer than ``least_mm`` to an edge of their page, but the page numbers
    Decree 30 puts in the top margin (the page's number, alone, centred above the text)."""
    m = least_mm * MM - 0.01  # a justified line ends on the margin itself (pdftotext rounds)
    return [
        w for w in found
        if (w.x0 < m or w.top < m or w.x1 > w.width - m or w.bottom > w.height - m)
        and not (w.text == str(w.page) and w.bottom < 20 * MM)
    ]  # fmt: skip


def collisions(found: list[Word], slack: float = 0.5) -> list[tuple[Word, Word]]:
    """Pairs of words on one page whose boxes overlap by more than ``slack`` points each
    way (a font's boxes of two lines set solid touch; they must not cross)."""
    pairs = []
    by_page: dict[int, list[Word]] = {}
    for w in found:
        by_page.setdefault(w.page, []).append(w)
    for page in by_page.values():
        page.sort(key=lambda w: w.top)
        for i, a in enumerate(page):
            for b in page[i + 1 :]:
                if b.top >= a.bottom - slack:
                    break
                if (
                    min(a.x1, b.x1) - max(a.x0, b.x0) > slack
                    and min(a.bottom, b.bottom) - max(a.top, b.top) > slack
                ):
                    pairs.append((a, b))
    return pairs
