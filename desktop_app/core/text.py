"""Text on the way in: Unicode NFC, so that "Bình Trung" typed with Unikey in combining
mode and in precomposed mode is the same string in the database, in sorting and in a
signed packet (NFD renders with misplaced accents in PDFs: DESIGN §8)."""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n"}


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def clean_line(value: str) -> str:
    """A single-line entry: NFC, surrounding white space dropped, inner runs folded."""
    return " ".join(nfc(value).split())


def clean_multiline(value: str) -> str:
    """Free text: NFC, one kind of line break, trailing spaces and blank edges dropped."""
    text = nfc(value)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()
