"""The text one page's content stream shows, in the order it draws it: the text
operators (``Tj``, ``TJ``, ``'``, ``"``), each string unescaped and decoded through its
font's ``/ToUnicode`` map (characters a font maps to themselves, ASCII in the report's
fonts, stay as they are). Spaces and line breaks are dropped: where a line wraps is the
renderer's business, which characters follow which is not.

May import: ``packets``; pyHanko.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from pyhanko.pdf_utils import generic

from .pdfstreams import resolved

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


class Fonts:
    """Fonts by resource name → ``Font``, each font read once for the whole document."""

    def __init__(self, known: dict[int, Font]) -> None:
        self.known = known
        self.fonts: Any = None

    def on(self, resources: Any) -> Fonts:
        self.fonts = resolved(resources, "/Font")
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
        return resolved(ref.get_object(), "/ToUnicode")


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


def page_text(content: bytes, fonts: Fonts) -> str:
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


def _page_text_tokens(content: bytes, fonts: Fonts) -> str:
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


__all__ = ["Fonts", "page_text", "squeeze"]
