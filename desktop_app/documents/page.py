"""A4 pages with the margins of Decree 30/2020 (20 mm top and bottom, 30 mm left, 15 mm
right), page numbers from page 2, and building a PDF from a story of flowables.

A PDF is built deterministically (reportlab ``invariant``: fixed IDs, and the creation
time given by the caller, e.g. the export's, rather than the clock), so the same story
made at the same time gives the same bytes: a packet hashes its members. Builds take turns: reportlab keeps the stream filters and the
fonts' subsets in the process, and two builds at once (an export on a worker thread
while another report is made) gave other bytes or failed inside reportlab.

May import: ``documents``; reportlab.
"""

from __future__ import annotations

import datetime
import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from .decree30 import MARGINS_MM
from .fonts import SERIF, register_pdf_fonts

MM = 72 / 25.4
_BUILDING = threading.Lock()


@dataclass(frozen=True)
class Page:
    """A page and its text frame, in points."""

    size: tuple[float, float]
    left_block: float  # the agency block's width; the motto block takes the rest
    top: float = MARGINS_MM.top * MM
    bottom: float = MARGINS_MM.bottom * MM
    left: float = MARGINS_MM.left * MM
    right: float = MARGINS_MM.right * MM

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def height(self) -> float:
        return self.size[1] - self.top - self.bottom

    def number(self, canvas: Any, doc: Any) -> None:
        """Decree 30: Arabic numerals, 13 pt, centred in the top margin (the first page's
        template does not call this: none on page 1)."""
        canvas.saveState()
        canvas.setFont(SERIF, 13)
        canvas.drawCentredString(self.left + self.width / 2, self.size[1] - self.top / 2 - 4,
                                 str(doc.page))  # fmt: skip
        canvas.restoreState()


# The motto needs 96 mm: 62 mm are left for the agency block on a portrait page.
PORTRAIT = Page(A4, left_block=62 * MM)
LANDSCAPE = Page(landscape(A4), left_block=90 * MM)


def build_pdf(
    story: Iterable[Flowable],
    page: Page,
    *,
    title: str,
    author: str,
    subject: str | None = None,
    ascii85: bool = True,
    created: datetime.datetime | None = None,
    wide: Page | None = None,
) -> bytes:
    """The PDF of ``story`` on ``page``: the first page without a number, the others
    numbered. With ``wide`` (landscape for a portrait document), the story may turn to
    it for wide tables and back (``turn_to_wide``, ``turn_back``). ``ascii85=False`` compresses streams without the ASCII85 layer (20 %
    smaller, and read back by zlib alone). ``created`` (with its zone) is the document's
    creation and modification date; without it, reportlab's fixed 2000-01-01."""
    register_pdf_fonts()
    out = io.BytesIO()
    when = _pdf_date(created) if created is not None else None

    def stamp(canvas: Any, _doc: Any) -> None:
        if when is not None:  # invariant mode would write 2000-01-01
            canvas.setDateFormatter(lambda *_: when)

    # The frame has no padding of its own, so the margins are exactly the decree's.
    frame = Frame(page.left, page.bottom, page.width, page.height, 0, 0, 0, 0, id="body")

    def numbered(on: Page) -> Callable[[Any, Any], None]:
        def draw(c: Any, d: Any) -> None:
            stamp(c, d)
            on.number(c, d)

        return draw

    templates = [
        PageTemplate("first", [frame], autoNextPageTemplate="later", onPage=stamp),
        PageTemplate("later", [frame], onPage=numbered(page)),
    ]
    if wide is not None:
        turned = Frame(wide.left, wide.bottom, wide.width, wide.height, 0, 0, 0, 0, id="wide")
        templates.append(PageTemplate(WIDE, [turned], onPage=numbered(wide), pagesize=wide.size))
    doc = BaseDocTemplate(
        out,
        pagesize=page.size,
        pageTemplates=templates,
        title=title,
        author=author,
        subject=subject,
        creator="cntt-baocao",
        lang="vi",
        initialFontName=SERIF,  # else every page names Helvetica, a font not embedded
        initialFontSize=13,
        invariant=1,
    )
    with _BUILDING:
        saved, rl_config.useA85 = rl_config.useA85, int(ascii85)
        try:
            doc.build(list(story))
        finally:
            rl_config.useA85 = saved
    return out.getvalue()


WIDE = "wide"


def turn_to_wide() -> list[Flowable]:
    """Flowables that continue the story on a new ``wide`` page (``build_pdf``)."""
    return [NextPageTemplate(WIDE), PageBreak()]


def turn_back() -> list[Flowable]:
    """Flowables that continue the story on a new page of the document's own size."""
    return [NextPageTemplate("later"), PageBreak()]


def _pdf_date(moment: datetime.datetime) -> str:
    """``D:20261215093000+07'00'`` (PDF 32000 §7.9.4); a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    offset = moment.utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


__all__ = ["LANDSCAPE", "MM", "PORTRAIT", "Page", "build_pdf", "turn_back", "turn_to_wide"]
