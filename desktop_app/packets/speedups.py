"""Hot spots of checking a packet's signatures, made fast without changing an answer.

Imported by ``sigcheck`` (so by anything that reads signatures) and applied once. Each
replaces a library function by one that returns exactly what the original returns, or
raises exactly what it raises, and falls back on the original for anything unusual:

- **Comparing certificate names** (asn1crypto's ``Name.__eq__``, RFC 5280 §7.1): value
  by value through RFC 4518 string preparation, character by character in Python
  (stringprep tables, NFKC). pyHanko matches the signer's issuer against the
  signing-certificate attribute five times a packet, each time on a freshly parsed
  name, and its byte-for-byte shortcut never applies there (the attribute's name carries
  its explicit ``[4]`` tag): ~0.15 ms each. Two things are memoised, both pure functions
  of text or bytes and both bounded: the string preparation
  (``NameTypeAndValue._ldap_string_prep``, by string), and the equality of two names by
  the DER encoding of their RDN sequences (what the comparison reads, nothing else).
  Only answers are kept: a name the original refuses (a prohibited character, a broken
  encoding) raises every time, as before. This caches how two names compare, never
  whether a signature, a certificate or a packet is good.
- **pyHanko's reader of PDF hex strings** (``generic.read_hex_string_from_stream``),
  which reads one byte at a time: the signature's ``/Contents`` is a hex string of tens of
  kilobytes. The fast path reads up to the closing ``>`` in blocks, drops PDF whitespace
  and decodes; a comment (``%``), a character that is not a hex digit or a missing
  ``>`` rewinds the stream and lets the original reader handle (and refuse) it.

``tests/unit/packets/test_speedups.py`` compares both with the originals.
"""

from __future__ import annotations

import binascii
import functools
import os
from typing import Any

_PDF_WHITESPACE = b" \n\r\t\f\x00"  # pyhanko.pdf_utils.misc.PDF_WHITESPACE
_HEX_DIGITS = b"0123456789abcdefABCDEF"
_FIRST_BLOCK = 256
_MAX_NAME_PAIRS = 1024
_applied = False


def _memoised_prep(original: Any) -> Any:
    @functools.lru_cache(maxsize=4096)
    def prepared(string: str) -> str:
        return original(None, string)  # the method never reads ``self``

    def _ldap_string_prep(self: Any, string: Any) -> Any:
        if type(string) is not str or len(string) > 1024:
            return original(self, string)
        return prepared(string)

    _ldap_string_prep.__wrapped__ = original  # type: ignore[attr-defined]
    return _ldap_string_prep


def _memoised_name_equality(original: Any, name_class: type) -> Any:
    answers: dict[tuple[bytes, bytes], bool] = {}

    def __eq__(self: Any, other: Any) -> Any:
        if not isinstance(other, name_class):
            return original(self, other)
        try:
            key = (self.chosen.dump(), other.chosen.dump())
        except Exception:  # let the original decide (and raise)
            return original(self, other)
        answer = answers.get(key)
        if answer is None:
            answer = original(self, other)  # raises as it always did: nothing kept
            if len(answers) >= _MAX_NAME_PAIRS:
                answers.clear()
            answers[key] = answer
        return answer

    __eq__.__wrapped__ = original  # type: ignore[attr-defined]
    return __eq__


def _fast_hex_reader(original: Any, pdf_string: Any) -> Any:
    def read_hex_string_from_stream(stream: Any) -> Any:
        start = stream.tell()
        stream.read(1)  # the opening "<", as the original
        buffer = b""
        size = _FIRST_BLOCK
        while True:
            block = stream.read(size)
            buffer += block
            end = buffer.find(b">")
            if end >= 0 or not block:
                break
            size *= 2
        body = buffer[:end] if end >= 0 else b""
        if end < 0 or b"%" in body:
            stream.seek(start, os.SEEK_SET)
            return original(stream)  # no end (it raises) or a comment inside
        digits = body.translate(None, _PDF_WHITESPACE)
        if digits.translate(None, _HEX_DIGITS):
            stream.seek(start, os.SEEK_SET)
            return original(stream)  # it raises on the first stray character
        stream.seek(start + 1 + end + 1, os.SEEK_SET)  # just past the ">"
        if len(digits) % 2:
            digits += b"0"
        return pdf_string(binascii.unhexlify(digits))

    read_hex_string_from_stream.__wrapped__ = original  # type: ignore[attr-defined]
    return read_hex_string_from_stream


def apply() -> None:
    """Install both (idempotent)."""
    global _applied
    if _applied:
        return
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import generic

    # A library release that renames what is replaced leaves that speed-up out (slower,
    # never wrong) rather than stopping every signature check.
    name_value = asn1_x509.NameTypeAndValue
    if hasattr(name_value, "_ldap_string_prep"):
        name_value._ldap_string_prep = _memoised_prep(name_value._ldap_string_prep)
    name = asn1_x509.Name
    name.__eq__ = _memoised_name_equality(name.__eq__, name)  # type: ignore[method-assign]
    if hasattr(generic, "read_hex_string_from_stream") and hasattr(generic, "pdf_string"):
        generic.read_hex_string_from_stream = _fast_hex_reader(
            generic.read_hex_string_from_stream, generic.pdf_string
        )
    _applied = True


__all__ = ["apply"]
