"""The command line's output on whatever it is written to: a UTF-8 terminal, a Windows
console or a file or pipe in a Windows code page (cp1252, or Vietnamese cp1258), or a pipe
that the reader closes early (``units search … | head``).

Python encodes stdout with the code page when output is redirected on Windows, and a
Vietnamese letter that the code page lacks would end the command with a
UnicodeEncodeError. Here such a letter degrades instead: cp1258 writes Vietnamese as a
base letter plus combining tone marks, so "ỗ" becomes "ô" + U+0303 there; a code page with
no way to write it gets the letter without its marks ("Lỗi" → "Loi", "Đ" → "D", the way
Vietnamese is typed without accents), and "?" as the last resort. JSON output stays exact
(``ensure_ascii`` escapes) whenever the stream cannot carry every character.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from typing import TextIO

_UNMARKED = {"đ": "d", "Đ": "D"}
_PLAIN = {"«": '"', "»": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
          "…": "...", "→": "->", "×": "x", "≤": "<=", "≥": ">=", "≠": "!=", "\u00a0": " "}  # fmt: skip


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _degrade(char: str, encoding: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    # Compose as many marks onto the base as the code page has a letter for; the rest
    # follow as combining marks (cp1258's way of writing Vietnamese).
    for composed in range(len(marks), -1, -1):
        candidate = unicodedata.normalize("NFC", base + marks[:composed]) + marks[composed:]
        if _encodable(candidate, encoding):
            return candidate
    plain = _PLAIN.get(char) or _UNMARKED.get(base, base)
    return plain if plain and _encodable(plain, encoding) else "?"


def error_handler(encoding: str) -> str:
    """The name of a codec error handler that degrades text for ``encoding`` (registered
    on first use). One per encoding: a charmap codec reports itself as "charmap", so the
    handler cannot learn the code page from the error."""
    name = f"desktop_app.degrade.{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def handler(error: UnicodeError) -> tuple[str, int]:
            if not isinstance(error, UnicodeEncodeError):
                raise error
            bad = error.object[error.start : error.end]
            return "".join(_degrade(c, encoding) for c in bad), error.end

        codecs.register_error(name, handler)
    return name


def carries_unicode(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("_", "-")
    return encoding.startswith("utf")


def prepare(*streams: TextIO) -> None:
    """Let stdout and stderr degrade rather than fail on a code page."""
    for stream in streams or (sys.stdout, sys.stderr):
        if stream is not None and not carries_unicode(stream):
            try:
                errors = error_handler(stream.encoding)
                stream.reconfigure(errors=errors)  # type: ignore[attr-defined]
            except (AttributeError, ValueError, LookupError):
                pass  # not a TextIOWrapper (a test's StringIO carries Unicode anyway)


def silence_stdout() -> None:
    """After the reader of a pipe has gone: nothing more can be said there, and Python
    must not fail again flushing stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
