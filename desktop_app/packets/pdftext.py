"""The text a PDF's pages show, in the order they draw it, and the text ``pdf.py`` draws
for a report: the two must be the same for a received ``report.pdf``.

What is read: every page of the last revision (the one a viewer shows, ``pdfstreams``),
the text its content streams show, decoded through each font's ``/ToUnicode`` map
(``pdfshown``). Spaces and line breaks are dropped on both sides: where a line wraps is
the renderer's business, which characters follow which is not.

What is not read, and why that is acceptable: the shapes of glyphs (a font whose glyph
for "2" draws a "9" would lie under a right ``/ToUnicode``), text drawn as paths or
images, and what clipping or colour hide. Those are deliberate forgeries by the holder
of the signing key, whose signature then stands on them; this check catches a report
that simply says something else than its data.json (edited before signing, or made by
another program).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..documents.decree30 import MOTTO, closing_texts
from .layout import TABLE_HEADERS, ReportLayout, previous_shown, table_headers
from .pdfshown import Fonts, page_text
from .pdfstreams import content as page_content
from .pdfstreams import page_tree, resolved
from .score_sheet import SCORE_HEADERS
from .textpieces import paragraphs

MAX_PAGES = 200


_ASCII_SPACE = b" \t\n\r\x0b\x0c"
_LITERAL_SHOWN = re.compile(rb"\(([^()\\]*(?:\\.[^()\\]*)*)\)\s*Tj", re.S)
_OCTAL = re.compile(rb"\\[0-7]{1,3}")
_CONTROL = re.compile(rb"\\[nrtbf\n\r]")
_ESCAPED = re.compile(rb"\\(.)", re.S)
_LATER_SUBSET = re.compile(rb"/[^\s/\[\]()<>]+\+[1-9][0-9]*\s")


def residue(text: str) -> bytes:
    """What the comparison keeps of a text: its ASCII characters (figures, Latin
    letters, punctuation) as they are and every other character as ``?``, in order,
    spaces dropped. "Có" and "Không", 23 and 999, differ in it; where a line wraps does
    not."""
    return text.encode("ascii", "replace").translate(None, _ASCII_SPACE)


def _residue_as_written(content: bytes) -> bytes | None:
    """A page's ``residue`` read straight from its content, when the content has the
    renderer's shape: every string a literal shown by ``Tj`` in a font's first subset,
    where ASCII characters are their own codes and every other character one escaped
    code. None otherwise (the page is then decoded through its fonts)."""
    if b"<" in content or b"TJ" in content or b"'" in content or b'"' in content:
        return None
    if _LATER_SUBSET.search(content):
        return None
    strings = _LITERAL_SHOWN.findall(content)
    if content.count(b"(") != len(strings) + content.count(b"\\("):
        return None  # a string that is not shown by Tj, or parentheses nested unescaped
    shown = b"\x00".join(strings).replace(b"\\\\", b"\x01")  # an escaped backslash
    shown = _OCTAL.sub(b"?", shown)
    shown = _CONTROL.sub(b" ", shown)
    shown = _ESCAPED.sub(rb"\1", shown).replace(b"\x01", b"\\")
    return shown.translate(None, _ASCII_SPACE + b"\x00")


def shown_pages(reader: Any) -> list[bytes]:
    """Each page's ``residue``, in drawing order (ValueError if the structure is not a
    readable page tree, or a page draws content this does not read)."""
    pages: list[bytes] = []
    fonts = Fonts({})
    for page in page_tree(reader.root.raw_get("/Pages")):
        if len(pages) >= MAX_PAGES:
            raise ValueError("too many pages")
        content = page_content(page)
        if b" Do" in content or b"\nDo" in content:
            raise ValueError("the page draws an external object (XObject)")
        found = _residue_as_written(content)
        if found is None:
            found = residue(page_text(content, fonts.on(resolved(page, "/Resources"))))
        pages.append(found)
    return pages


def shown_text(reader: Any, report_headers: Sequence[str] = TABLE_HEADERS) -> bytes:
    """The whole document's ``residue`` in drawing order, without the page numbers drawn
    at the top of pages 2… nor a table's header row repeated where the table continues
    (``report_headers``: the indicator table's, ``layout.table_headers``)."""
    headers = [residue("".join(h)) for h in (report_headers, SCORE_HEADERS)]
    text = b""
    for number, page in enumerate(shown_pages(reader), start=1):
        if number > 1:
            mark = str(number).encode()
            if not page.startswith(mark):
                raise ValueError(f"page {number} has no page number")
            page = page[len(mark) :]
            for header in headers:
                if page.startswith(header) and header in text:
                    page = page[len(header) :]
        text += page
    return text


def expected_texts(layout: ReportLayout) -> tuple[bytes, ...]:
    """The ``residue`` of what ``pdf.render_pdf`` draws for ``layout``, in drawing order;
    then that of the earlier closing (the two signature blocks, then "Nơi nhận"), which
    packets signed by earlier versions carry and which stay valid."""
    return expected_text(layout), expected_text(layout, earlier=True)


def expected_text(layout: ReportLayout, earlier: bool = False) -> bytes:
    """The ``residue`` of what ``pdf.render_pdf`` draws for ``layout``, in drawing order
    (``earlier``: as versions before the side-by-side closing drew it)."""
    h = layout.header
    parts: list[str] = []
    if h.parent_agency:
        parts.append(h.parent_agency)
    parts += [
        *h.issuer,
        *MOTTO,
        h.number,
        h.place_date,
        h.doc_type,
        h.summary,
        *table_headers(layout),
    ]
    for row in layout.rows:
        if row.kind == "section":
            parts += [row.number, row.label]
        elif row.kind == "text":
            parts += [row.number, row.label, row.note, *paragraphs(row.value.text)]
        else:
            parts += [row.number, row.label, row.unit, row.value.text]
            parts += [previous_shown(row)] if layout.previous_period is not None else []
            parts.append(row.note)
    if layout.general_notes:
        parts.append("Giải trình thêm:" + "".join(f"- {n}" for n in layout.general_notes))
    if layout.evidence:
        parts.append("Tài liệu kiểm chứng kèm theo:" + "".join(layout.evidence))
    preparer, approver = layout.preparer, layout.approver
    if earlier:
        parts += [*preparer.titles, preparer.hint, *approver.titles, preparer.name, approver.name]
        parts += ["Nơi nhận:", *layout.recipients]
    else:
        parts += closing_texts(layout.recipients, preparer, approver)
    if layout.score is not None:
        parts += [*layout.score.heading, *SCORE_HEADERS]
        for item in layout.score.rows:
            first = [] if item.kind in ("total", "band") else [item.number]
            parts += [*first, item.label, item.maximum.text, item.method, item.points.text,
                      item.note]  # fmt: skip
        parts += layout.published
    return residue("".join(parts))


__all__ = ["expected_text", "expected_texts", "residue", "shown_pages", "shown_text"]
