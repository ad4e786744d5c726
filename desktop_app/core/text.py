"""Text on the way in: Unicode NFC, so that "Bình Trung" typed with Unikey in combining
mode and in precomposed mode is the same string in the database, in sorting and in a
signed packet (NFD renders with misplaced accents in PDFs: DESIGN §8).

Text pasted from Word, a web page or a PDF also carries characters nobody typed. What
happens to each kind (the README and ``forms/README.md`` say the same):

- line breaks: CR LF, CR, Word's Shift+Enter (vertical tab), a page break (form feed),
  NEL, and the Unicode line and paragraph separators become one line feed in free text,
  and a space in a one-line entry;
- a tab becomes a space;
- spaces of other widths (thin, en, em, ideographic…) become an ordinary space; the
  no-break space is kept in free text (it means "keep these together");
- invisible characters that change nothing a reader sees (zero-width space and joiners,
  word joiner, byte-order mark, soft hyphen, left-to-right / right-to-left marks) are
  dropped;
- every other control character (``\\x00``–``\\x1f``, DEL, ``\\x80``–``\\x9f``), the
  direction overrides, embeddings and isolates (they can make text read differently
  from what was typed), other format characters, lone surrogates and Unicode
  noncharacters are refused with a message naming the field and the character.

Every free text has a maximum length in characters, counted after cleaning; the limits
are below and in the form format.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import unicodedata

from .messages import AppError, Text

# Limits, in characters (Unicode code points after NFC). A form's ``max_length`` sets a
# text field's own; these apply when it does not.
TEXT_MAX_LENGTH = 4000  # free text ("Khó khăn, vướng mắc"): about a page and a half of A4
LINE_MAX_LENGTH = 300  # a one-line text field
COMMENT_MAX_LENGTH = 1000  # a note on one figure, or the explanation of a warning
NAME_MAX_LENGTH = 200  # a person's name or a place: as much as a packet's manifest holds

_LINE_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u180e")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNWANTED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_KEPT_SPACE = "\u00a0"  # the no-break space, kept in free text
# Spaces other than the ordinary one and the no-break space (category Zs).
_OTHER_SPACES = (
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_TABLE = (
    {ord(c): "\n" for c in _LINE_BREAKS}
    | {ord(c): None for c in _DROPPED}
    | {ord(c): " " for c in _OTHER_SPACES + "\t"}
)


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _refused(char: str) -> bool:
    """A character refused on the way in (after line breaks, tabs and the dropped
    invisible ones were dealt with)."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cs") or char in _BIDI:
        return char != "\n"
    return category == "Cf" or _is_noncharacter(ord(char))


def _describe(char: str) -> Text:
    code = f"U+{ord(char):04X}"
    if char in _BIDI:
        return Text(f"ký tự đổi chiều văn bản {code}", f"the text-direction control {code}")
    if unicodedata.category(char) == "Cc":
        return Text(f"ký tự điều khiển {code}", f"the control character {code}")
    return Text(f"ký tự ẩn không hợp lệ {code}", f"the invisible character {code}")


class TextRejected(AppError):
    """Text refused on the way in: a control character, or longer than its limit.
    ``what`` names the field (or the comment, the name…) in both languages."""

    def __init__(self, code: str, what: Text, reason: Text, **details: object) -> None:
        message = Text(f"{what.vi}: {reason.vi}", f"{what.en}: {reason.en}")
        super().__init__(code, message, **details)
        self.what = what
        self.reason = reason


def control_character(what: Text, at: int, char: str) -> TextRejected:
    kind = _describe(char)
    return TextRejected(
        "text.control_character",
        what,
        Text(
            f"có {kind.vi} ở vị trí {at + 1} (thường do dán từ Word hoặc trang web): "
            "hãy xoá ký tự đó rồi nhập lại",
            f"has {kind.en} at position {at + 1} (usually from pasting out of Word or a "
            "web page): delete it and type the text again",
        ),
        character=f"U+{ord(char):04X}",
        position=at + 1,
    )


def too_long(what: Text, length: int, limit: int) -> TextRejected:
    return TextRejected(
        "text.too_long",
        what,
        Text(
            f"dài {length} ký tự, quá giới hạn {limit} ký tự: hãy rút gọn",
            f"is {length} characters long, over the limit of {limit}: please shorten it",
        ),
        length=length,
        limit=limit,
    )


def first_unwanted(text: str) -> int | None:
    """Where ``text`` has a character that cleaning would change or refuse (a control or
    format character, a line break other than LF, a surrogate, a noncharacter), or None.
    Received text must pass: it is what the application itself writes into a packet."""
    if text.replace("\n", "").isprintable():
        return None  # the usual case, checked at C speed (noncharacters are not printable)
    for at, char in enumerate(text):
        if char != "\n" and (
            unicodedata.category(char) in _UNWANTED or _is_noncharacter(ord(char))
        ):
            return at
    return None


def kept_text_problem(text: str, limit: int) -> Text | None:
    """Why text already kept (saved by an older version, or received) could not be
    printed or sent as it is: a character ``first_unwanted`` finds, or over ``limit``."""
    at = first_unwanted(text)
    if at is not None:
        code = f"U+{ord(text[at]):04X}"
        return Text(
            f"có ký tự điều khiển {code} ở vị trí {at + 1}: hãy nhập lại nội dung này",
            f"has the control character {code} at position {at + 1}: enter this text again",
        )
    if len(text) > limit:
        return Text(f"dài quá {limit} ký tự", f"longer than {limit} characters")
    return None


def printable(text: str) -> str:
    """Text received or saved before these checks, as a report prints it: cleaned as
    typed text is, and any character still refused shown as U+FFFD (�) rather than
    hidden, so the text is never lost and no writer (openpyxl) fails on it."""
    if first_unwanted(text) is None:
        return text
    cleaned = nfc(text).replace("\r\n", "\n").translate(_TABLE)
    return "".join("\ufffd" if _refused(char) else char for char in cleaned)


def _normalise(value: str, multiline: bool) -> str:
    text = nfc(value).replace("\r\n", "\n").translate(_TABLE)
    if not multiline:
        text = text.replace("\n", " ").replace(_KEPT_SPACE, " ")
    return text


def _first_refused(text: str) -> int | None:
    if text.replace("\n", "").replace(_KEPT_SPACE, "").isprintable():
        return None  # the usual case, checked at C speed
    return next((at for at, char in enumerate(text) if _refused(char)), None)


def clean_text(
    value: str,
    *,
    multiline: bool = True,
    what: Text | None = None,
    max_length: int | None = None,
) -> str:
    """A free text as it is stored: NFC, characters pasted by accident dealt with as the
    module says, then, for free text, one kind of line break, trailing spaces and blank
    edges dropped; for a one-line entry, surrounding spaces dropped and inner runs folded.
    ``TextRejected`` (naming ``what``) for a refused character or text over ``max_length``."""
    what = what or Text("Văn bản", "The text")
    text = _normalise(value, multiline)
    at = _first_refused(text)
    if at is not None:
        raise control_character(what, at, text[at])
    if multiline:
        lines = [line.rstrip() for line in text.split("\n")]
        text = "\n".join(lines).strip()
    else:
        text = " ".join(part for part in text.split(" ") if part)
    if max_length is not None and len(text) > max_length:
        raise too_long(what, len(text), max_length)
    return text


def clean_line(value: str, what: Text | None = None, max_length: int | None = None) -> str:
    """A single-line entry: NFC, surrounding white space dropped, inner runs folded."""
    return clean_text(value, multiline=False, what=what, max_length=max_length)


def clean_multiline(value: str, what: Text | None = None, max_length: int | None = None) -> str:
    """Free text: NFC, one kind of line break, trailing spaces and blank edges dropped."""
    return clean_text(value, multiline=True, what=what, max_length=max_length)


__all__ = [
    "COMMENT_MAX_LENGTH",
    "LINE_MAX_LENGTH",
    "NAME_MAX_LENGTH",
    "TEXT_MAX_LENGTH",
    "TextRejected",
    "clean_line",
    "clean_multiline",
    "clean_text",
    "first_unwanted",
    "kept_text_problem",
    "nfc",
    "printable",
]
