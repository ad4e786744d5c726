"""Reading a parsed PDF's pages and what they draw: the page tree in order, and each
page's content streams decoded. The renderer's own stream shape (a Flate filter and a
direct length) is sliced and inflated straight from the file's bytes; anything else goes
through pyHanko's parser.

May import: pyHanko.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any

from pyhanko.pdf_utils import generic


def resolved(obj: Any, key: str) -> Any:
    """``obj[key]`` resolved, or None (pyHanko's ``get`` leaves references unresolved)."""
    if not isinstance(obj, generic.DictionaryObject) or key not in obj:
        return None
    return obj.raw_get(key).get_object()


def page_tree(node: Any, depth: int = 0) -> Iterator[Any]:
    if depth > 32:
        raise ValueError("page tree too deep")
    node = node.get_object()
    if not isinstance(node, generic.DictionaryObject):
        raise ValueError("not a page")
    if "/Kids" in node:
        for kid in resolved(node, "/Kids"):
            yield from page_tree(kid, depth + 1)
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


def content(page: Any) -> bytes:
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    found = _plain_stream(contents)
    if found is not None:
        return found
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, generic.ArrayObject):
        return b"\n".join(_stream_data(contents.raw_get(i)) for i in range(len(contents)))
    return contents.data if isinstance(contents, generic.StreamObject) else b""


__all__ = ["content", "page_tree", "resolved"]
