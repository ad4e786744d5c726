"""The text a PDF's pages show, in the order they draw it, and the text ``pdf.py`` draws
for a report: the two must be the same for a received ``report.pdf``.

What is read: every page of the last revision (the one a viewer shows), its content
streams' text operators (``Tj``, ``TJ``, ``'``, ``"``), each string decoded through its
font's ``/ToUnicode`` map (characters a font maps to themselves, ASCII in the report's
fonts, stay as they are). Spaces and line breaks are dropped on both sides: where a line
wraps is the renderer's business, which characters follow which is not.

What is not read, and why that is acceptable: the shapes of glyphs (a font whose glyph
for "2" draws a "9" would lie under a right ``/ToUnicode``), text drawn as paths or
images, and what clipping or colour hide. Those are deliberate forgeries by the holder
of the signing key, whose signature then stands on them; this check catches a report
that simply says something else than its data.json (edited before signing, or made by
another program).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from pyhanko.pdf_utils import generic

from ..documents.decree30 import MOTTO, closing_texts
from .layout import TABLE_HEADERS, ReportLayout, previous_shown, table_headers
from .score_sheet import SCORE_HEADERS
from .textpieces import paragraphs

# Only what shows text is matched, the C regex engine skipping the drawing operators
# between: a font selection (``/F1+0 12 Tf``), a string shown by ``Tj``, ``'`` or ``"``,
# and an array shown by ``TJ``.
_STRING = rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>"
_SHOWN = re.compile(
    rb"/([^\s/\[\]()<>{}%]+)\s+[-+.\d]+\s+Tf"
    rb"|(" + _STRING + rb")\s*(?:Tj|'|\")"
    rb"|\[((?:" + _STRING + rb"|[^\]()<])*)\]\s*TJ",
    re.S,
)
_IN_ARRAY = re.compile(_STRING, re.S)
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+(\d+)\s+R")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_OTHER_ESCAPE = re.compile(rb"\\(?![0-3][0-7][0-7]|[()\\nrtbf\n])")
_CMAP_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
MAX_PAGES = 200


def _get(obj: Any, key: str) -> Any:
    """``obj[key]`` resolved, or None (pyHanko's ``get`` leaves references unresolved)."""
    if not isinstance(obj, generic.DictionaryObject) or key not in obj:
        return None
    return obj.raw_get(key).get_object()


def squeeze(text: str) -> str:
    return "".join(text.split())


def _one(match: re.Match[bytes]) -> bytes:
    what = match.group(1)
    if what[:1].isdigit():
        return bytes([int(what, 8) & 0xFF])
    return _ESCAPES.get(what, b"" if what in b"\r\n" else what)


def _unescape(body: bytes) -> bytes:
    """A literal string's bytes (without its parentheses), escapes resolved. The escapes
    the renderer writes (three-digit octal below 400, ``\\(``, ``\\)``, ``\\\\``, ``\\n``…)
    mean the same to Python's byte-string decoder, which does it at C speed; any other
    escape is resolved one by one by PDF's own rules."""
    if _OTHER_ESCAPE.search(body) is None:
        unescaped = body.replace(b"\\(", b"(").replace(b"\\)", b")")
        return codecs.escape_decode(unescaped)[0]  # type: ignore[return-value]  # typeshed says str; it gives bytes
    return _ESCAPE.sub(_one, body)


Font = tuple[dict[int, str], int, dict[int, str]]  # code → text, code width, str.translate table


def _cmap(stream: Any) -> Font:
    """A ``/ToUnicode`` CMap as {code: text}, the code width in bytes, and for one-byte
    codes the same as a ``str.translate`` table (codes it does not map stay as they are)."""
    table: dict[int, str] = {}
    width = 1
    for kind, body in _BLOCK.findall(stream.data):
        if kind == b"bfchar":
            for code, text in _CMAP_CHAR.findall(body):
                width = max(width, len(code) // 2)
                table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
        else:
            for low, high, start in _CMAP_RANGE.findall(body):
                width = max(width, len(low) // 2)
                first, low_code = int(start, 16), int(low, 16)
                for offset in range(min(int(high, 16) - low_code, 0xFFFF) + 1):
                    table[low_code + offset] = chr(min(first + offset, 0x10FFFF))
    return table, width, (table if width == 1 else {})


_NO_MAP: Font = ({}, 1, {})


class _Fonts:
    """Fonts by resource name → ``Font``, each font read once for the whole document."""

    def __init__(self, known: dict[int, Font]) -> None:
        self.known = known
        self.fonts: Any = None

    def on(self, resources: Any) -> _Fonts:
        self.fonts = _get(resources, "/Font")
        return self

    def get(self, name: str) -> Font:
        if not isinstance(self.fonts, generic.DictionaryObject) or name not in self.fonts:
            return _NO_MAP
        ref = self.fonts.raw_get(name)
        key = ref.idnum if isinstance(ref, generic.IndirectObject) else id(ref)
        if key not in self.known:
            to_unicode = self._to_unicode(ref)
            self.known[key] = (
                _cmap(to_unicode) if isinstance(to_unicode, generic.StreamObject) else _NO_MAP
            )
        return self.known[key]

    def _to_unicode(self, ref: Any) -> Any:
        """The font's ``/ToUnicode`` stream. A font dictionary carries its glyph widths
        (hundreds of numbers, slow to parse one by one): when the font is a plain object
        whose bytes hold exactly one ``/ToUnicode`` reference and no string that could
        imitate one, the reference is read from those bytes; otherwise the dictionary
        is parsed in full."""
        if isinstance(ref, generic.IndirectObject):
            reader = ref.get_pdf_handler()
            offset = reader.xrefs[ref.reference]
            if isinstance(offset, int):
                raw = reader.stream.getvalue()
                end = raw.find(b"endobj", offset, offset + 65536)
                body = raw[offset:end] if end > 0 else b""
                found = _TO_UNICODE.findall(body)
                if len(found) == 1 and b"(" not in body and b"stream" not in body:
                    target = generic.Reference(int(found[0][0]), int(found[0][1]), reader)
                    return generic.IndirectObject(
                        target.idnum, target.generation, reader
                    ).get_object()
        return _get(ref.get_object(), "/ToUnicode")


def _decode(raw: bytes, font: Font) -> str:
    table, width, translate = font
    if width == 1:
        return raw.decode("latin-1").translate(translate)
    return "".join(table.get(int.from_bytes(raw[i : i + width], "big"), "\ufffd")
                   for i in range(0, len(raw) - width + 1, width))  # fmt: skip


def _strings(token: bytes) -> bytes:
    if token.startswith(b"("):
        return _unescape(token[1:-1]) if b"\\" in token else token[1:-1]
    return bytes.fromhex(token[1:-1].decode("ascii"))


def _page_text(content: bytes, fonts: _Fonts) -> str:
    """The text one page's content shows. The renderer writes every string as a literal
    ``( … )`` with ``(``, ``)`` and ``\\`` escaped, followed by ``Tj``: the content is cut
    at each ``(`` (a C-speed split rather than a tokenizer over every drawing operator),
    and the operators between two strings say which font is selected. Anything else (a
    hex string, a ``TJ`` array, a string not shown) goes through the full tokenizer."""
    if (
        b"<" in content.replace(b"<<", b"")
        or b"TJ" in content
        or b'"' in content
        or b"'" in content
    ):
        return _page_text_tokens(content, fonts)
    out: list[str] = []
    font = _NO_MAP
    pieces = content.split(b"(")
    between, index = pieces[0], 1
    while index < len(pieces):
        at = between.rfind(b" Tf")
        if at >= 0:
            name_at = between.rfind(b"/", 0, at)
            name = between[name_at + 1 : at].split(None, 1)[0] if name_at >= 0 else b""
            font = fonts.get("/" + name.decode("latin-1"))
        piece, index = pieces[index], index + 1
        end = _closing(piece)
        while end < 0 and index < len(pieces) and _escaped(piece, len(piece)):
            piece, index = piece + b"(" + pieces[index], index + 1  # an escaped "(" in the text
            end = _closing(piece)
        if end < 0:
            return _page_text_tokens(content, fonts)
        string, between = piece[:end], piece[end + 1 :]
        if between.lstrip().startswith(b"Tj"):
            out.append(_decode(_unescape(string) if b"\\" in string else string, font))
    return squeeze("".join(out))


def _escaped(buffer: bytes, position: int) -> bool:
    """Whether the character at ``position`` follows an odd number of backslashes."""
    count = 0
    while position - count > 0 and buffer[position - count - 1] == 0x5C:
        count += 1
    return count % 2 == 1


def _closing(piece: bytes) -> int:
    """Where the unescaped ``)`` that ends a literal string is in ``piece``, or -1."""
    end = piece.find(b")")
    while end >= 0 and _escaped(piece, end):
        end = piece.find(b")", end + 1)
    return end


def _page_text_tokens(content: bytes, fonts: _Fonts) -> str:
    out: list[str] = []
    font = _NO_MAP
    for name, shown, array in _SHOWN.findall(content):
        if name:
            font = fonts.get("/" + name.decode("latin-1"))
        elif shown:
            out.append(_decode(_strings(shown), font))
        else:
            out.extend(_decode(_strings(t), font) for t in _IN_ARRAY.findall(array))
    return squeeze("".join(out))


def _pages(node: Any, depth: int = 0) -> Iterator[Any]:
    if depth > 32:
        raise ValueError("page tree too deep")
    node = node.get_object()
    if not isinstance(node, generic.DictionaryObject):
        raise ValueError("not a page")
    if "/Kids" in node:
        for kid in _get(node, "/Kids"):
            yield from _pages(kid, depth + 1)
    else:
        yield node


# A stream object as the renderer writes it: a dictionary of exactly a Flate filter and a
# direct length. Its data is sliced and inflated without the PDF parser (which reads a
# stream's dictionary one token at a time); any other shape goes through the parser.
_PLAIN_STREAM = re.compile(
    rb"(\d+)\s+(\d+)\s+obj\s*<<\s*/Filter\s*(?:\[\s*/FlateDecode\s*\]|/FlateDecode)"
    rb"\s*/Length\s+(\d+)\s*>>\s*stream\r?\n"
)


def _plain_stream(item: Any) -> bytes | None:
    """The decoded data of the stream that ``item`` refers to, when it has the plain
    shape above; None otherwise."""
    if not isinstance(item, generic.IndirectObject):
        return None
    reader = item.get_pdf_handler()
    offset = reader.xrefs[item.reference]
    if not isinstance(offset, int):
        return None
    raw = reader.stream.getbuffer()
    head = _PLAIN_STREAM.match(raw, offset)
    if not head or (int(head[1]), int(head[2])) != (item.idnum, item.generation):
        return None
    start, length = head.end(), int(head[3])
    if not bytes(raw[start + length : start + length + 12]).lstrip().startswith(b"endstream"):
        return None
    return zlib.decompress(raw[start : start + length])


def _stream_data(item: Any) -> bytes:
    """The decoded data of the stream ``item`` (a reference, or the stream itself)."""
    found = _plain_stream(item)
    if found is not None:
        return found
    item = item.get_object()
    return item.data if isinstance(item, generic.StreamObject) else b""


def _contents(page: Any) -> bytes:
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    found = _plain_stream(contents)
    if found is not None:
        return found
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, generic.ArrayObject):
        return b"\n".join(_stream_data(contents.raw_get(i)) for i in range(len(contents)))
    return contents.data if isinstance(contents, generic.StreamObject) else b""


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
    fonts = _Fonts({})
    for page in _pages(reader.root.raw_get("/Pages")):
        if len(pages) >= MAX_PAGES:
            raise ValueError("too many pages")
        content = _contents(page)
        if b" Do" in content or b"\nDo" in content:
            raise ValueError("the page draws an external object (XObject)")
        found = _residue_as_written(content)
        if found is None:
            found = residue(_page_text(content, fonts.on(_get(page, "/Resources"))))
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
    return residue("".join(parts))


__all__ = ["expected_text", "expected_texts", "residue", "shown_pages", "shown_text"]
