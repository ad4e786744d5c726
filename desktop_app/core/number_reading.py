"""Reading a number as Vietnamese offices type it, exactly (DESIGN §8); showing and
storing it is ``numbers``.

Clerks type ``1.234,5`` (Vietnamese), ``1234.5`` or ``1,234.5`` (English habits, or a
number pasted from a web page) and ``1 234`` (Word, with a non-breaking space). Qt's
locale parser reads ``1.500`` as 1500 but refuses ``89.2``, so the application decides
with the rules below and says so whenever a reading was a guess.

Values are exact: an ``int`` when the caller asks for a whole number, a ``Decimal``
otherwise, never a float. The value's type follows the field, not the keystrokes, so a
decimal field holds a ``Decimal`` whether "12" or "12,0" was typed (as ``values.from_json``
does for JSON numbers).

Reading rules, in order:

* white space (including NBSP and thin spaces) around the number is dropped; inside it,
  spaces group thousands (``1 234 567``), and then a single ``.`` or ``,`` is the decimal
  separator whatever it is (``1 234.500`` is 1234.5);
* when both ``.`` and ``,`` appear, the last one is the decimal separator and the other
  must group in threes (``1.234,5``, ``1,234.5``);
* several ``.`` (or several ``,``) group in threes: ``1.234.567``, ``1,234,567``;
* a single ``,`` is a decimal comma: ``1,5`` and ``1,500`` are both 1.5;
* a single ``.`` is a decimal point (``89.2``, ``1234.567``), except when it could group
  thousands, i.e. one to three digits not starting with 0 on its left and exactly three
  on its right (``1.500``, ``12.345``): that is read as thousands, the Vietnamese
  reading, consistent with ``1.234.567``, and comes back with a warning.

A single ``,`` in that same thousands-like shape (``1,500``) is read as decimal, as the
rules say, but also comes back with a warning: it is where an English-habit ``1,500``
meaning fifteen hundred turns into 1.5 without a sound (a budget off by a thousand times).

May import: ``core.numbers`` (the shared error and limits), ``core.messages`` and the
standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .messages import Text
from .numbers import MAX_DIGITS, NumberFormatError, quoted, refusal

__all__ = ["ParsedNumber", "parse_number"]

_DIGITS = frozenset("0123456789")
_MINUS = ("-", "\u2212")
_SIGNS = ("+", *_MINUS)
# Word, Excel and web pages leave these in copied numbers; they are never meaningful.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True)
class ParsedNumber:
    value: int | Decimal
    # Set when the reading was a guess the person should confirm (``1.500``).
    warning: Text | None = None


def _is_digits(part: str) -> bool:
    return bool(part) and all(c in _DIGITS for c in part)


def _groups_ok(groups: list[str]) -> bool:
    """Thousands groups: a lead of 1–3 digits (no leading zero), then threes."""
    lead, rest = groups[0], groups[1:]
    if not (_is_digits(lead) and len(lead) <= 3 and lead[0] != "0"):
        return False
    return all(_is_digits(g) and len(g) == 3 for g in rest)


def _thousands_like(whole: str, fraction: str) -> bool:
    """``1.500``, ``12,345``: a single separator that could be grouping as well as decimal."""
    return _groups_ok([whole, fraction])


@dataclass(frozen=True)
class _Reading:
    whole: str  # digits before the decimal separator ("" for ",5")
    fraction: str | None  # digits after it, None when there is none
    warning: Text | None = None


def _group_error(text: str, sep: str) -> NumberFormatError:
    name_vi, name_en = ("dấu cách", "space") if sep == " " else (f"dấu «{sep}»", f"«{sep}»")
    example = f"1{sep}234{sep}567"
    return refusal(
        text,
        f"«{{q}}» nhóm hàng nghìn không đúng: nhóm đầu có 1 đến 3 chữ số (không bắt đầu bằng 0), "
        f"sau mỗi {name_vi} phải có đúng 3 chữ số (ví dụ {example}).",
        f"«{{q}}» has wrong thousands groups: 1 to 3 digits first (not starting with 0), "
        f"then exactly 3 digits after each {name_en} (e.g. {example}).",
    )


def _split_decimal(text: str, body: str, sep: str) -> tuple[str, str]:
    whole, _, fraction = body.partition(sep)
    if not _is_digits(fraction):
        raise refusal(
            text,
            f"«{{q}}» thiếu chữ số sau dấu thập phân «{sep}».",
            f"«{{q}}» has no digits after the decimal separator «{sep}».",
        )
    return whole, fraction


def _read_spaced(text: str, body: str) -> _Reading:
    """Spaces group thousands; at most one ``.``/``,`` remains, the decimal separator."""
    seps = [c for c in body if c in ".,"]
    if len(seps) > 1:
        raise refusal(
            text,
            "«{q}» vừa dùng dấu cách vừa dùng dấu chấm/phẩy để nhóm hàng nghìn: chỉ dùng một kiểu (ví dụ 1 234 567,5 hoặc 1.234.567,5).",
            "«{q}» groups thousands with both spaces and dots/commas: use one kind only (e.g. 1 234 567,5 or 1.234.567,5).",
        )
    whole, fraction = body, None
    if seps:
        if any(c.isspace() for c in body.partition(seps[0])[2]):
            raise refusal(
                text,
                "«{q}» có dấu cách trong phần thập phân.",
                "«{q}» has a space in its decimal part.",
            )
        whole, fraction = _split_decimal(text, body, seps[0])
    groups = whole.split()
    if not _groups_ok(groups):
        raise _group_error(text, " ")
    return _Reading("".join(groups), fraction)


def _read_both(text: str, body: str) -> _Reading:
    decimal_sep = "," if body.rfind(",") > body.rfind(".") else "."
    group_sep = "." if decimal_sep == "," else ","
    if body.count(decimal_sep) > 1:
        raise refusal(
            text,
            "«{q}» dùng lẫn dấu chấm và dấu phẩy: chỉ được một dấu thập phân, đặt sau cùng (ví dụ 1.234,5).",
            "«{q}» mixes dots and commas: only one decimal separator is allowed, and it comes last (e.g. 1.234,5 or 1,234.5).",
        )
    whole, fraction = _split_decimal(text, body, decimal_sep)
    groups = whole.split(group_sep)
    if not _groups_ok(groups):
        raise _group_error(text, group_sep)
    return _Reading("".join(groups), fraction)


def _read_single(text: str, body: str, sep: str, sign: str) -> _Reading:
    whole, fraction = _split_decimal(text, body, sep)
    if not _thousands_like(whole, fraction):
        return _Reading(whole, fraction)
    q = quoted(text)
    thousands = f"{sign}{whole}{fraction}"
    significant = fraction.rstrip("0")
    decimal_vi = f"{sign}{whole}" + (f",{significant}" if significant else "")
    decimal_en = f"{sign}{whole}" + (f".{significant}" if significant else "")
    if sep == ".":
        warning = Text(
            f"Đã hiểu «{q}» là {thousands} (dấu chấm ngăn cách hàng nghìn). "
            f"Nếu ý là {decimal_vi}, hãy viết {decimal_vi}.",
            f"Read «{q}» as {thousands} (the dot groups thousands). "
            f"If you meant {decimal_en}, write {decimal_vi}.",
        )
        return _Reading(whole + fraction, None, warning)
    warning = Text(
        f"Đã hiểu «{q}» là {decimal_vi} (dấu phẩy là dấu thập phân). "
        f"Nếu ý là {thousands}, hãy viết {thousands} (không có dấu phẩy).",
        f"Read «{q}» as {decimal_en} (the comma is the decimal separator). "
        f"If you meant {thousands}, write {thousands} (no comma).",
    )
    return _Reading(whole, fraction, warning)


def _read_body(text: str, body: str, sign: str) -> _Reading:
    if any(c.isspace() for c in body):
        return _read_spaced(text, body)
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        return _read_both(text, body)
    if dots + commas == 0:
        return _Reading(body, None)
    sep = "." if dots else ","
    if dots + commas == 1:
        return _read_single(text, body, sep, sign)
    groups = body.split(sep)
    if not _groups_ok(groups):
        raise _group_error(text, sep)
    return _Reading("".join(groups), None)


def _split_sign(text: str, s: str, percent: bool) -> tuple[bool, str, str]:
    """(negative, sign as typed, the rest) with a trailing ``%`` dropped where the field
    is a percentage; anywhere else "5%" is refused, never read as 5."""
    if s.endswith("%"):
        if not percent:
            raise refusal(
                text,
                "«{q}»: dấu % chỉ dùng cho ô tỷ lệ phần trăm; ô này nhận một số "
                "(số lượng, số tiền…): hãy nhập số, không có dấu %.",
                "«{q}»: % belongs only in a percentage; this field takes a number (a count, "
                "an amount…): type the number without %.",
                "number.percent_sign",
            )
        s = s[:-1].rstrip()
    sign = ""
    if s[:1] in _SIGNS:
        sign, s = s[0], s[1:].lstrip()
    if s[:1] in _SIGNS:
        raise refusal(
            text, "«{q}» có nhiều hơn một dấu (+/−).", "«{q}» has more than one sign (+/−)."
        )
    if not s:
        raise refusal(text, "«{q}» thiếu chữ số.", "«{q}» has no digits.")
    if any(c in _SIGNS or c == "%" for c in s):
        raise refusal(
            text,
            "«{q}»: dấu trừ chỉ được đặt ở đầu số, dấu % chỉ ở cuối.",
            "«{q}»: a minus sign may only come first, and % only last.",
        )
    return sign in _MINUS, "-" if sign in _MINUS else "", s


def parse_number(text: str, *, integer: bool = False, percent: bool = False) -> ParsedNumber:
    """What a person typed → an exact number, with a warning when the reading was a guess.

    ``integer=True`` asks for a whole number: the result is an ``int``, ``12,0`` is 12 and
    ``12,5`` is refused (code ``number.not_integer``). ``percent=True`` (a percentage
    field) allows a trailing ``%``; elsewhere it is refused (``number.percent_sign``).
    Everything else that is not a number, including ``1e5``, ``inf`` and ``nan``, is
    refused with ``number.invalid``.
    """
    s = text.translate(_INVISIBLE).strip()
    if not s:
        raise NumberFormatError(text, Text("Chưa nhập số.", "No number was entered."))
    negative, sign, body = _split_sign(text, s, percent)
    if not all(c in _DIGITS or c in ".," or c.isspace() for c in body):
        raise refusal(
            text,
            "«{q}» không phải là số: chỉ được dùng chữ số 0–9, dấu chấm, dấu phẩy, dấu cách và dấu trừ ở đầu (ô tỷ lệ: thêm dấu % ở cuối).",
            "«{q}» is not a number: use only the digits 0–9, dots, commas, spaces and a leading minus (a percentage may end in %).",
        )
    if not any(c in _DIGITS for c in body):
        raise refusal(text, "«{q}» không có chữ số nào.", "«{q}» has no digits.")
    reading = _read_body(text, body, sign)
    if len(reading.whole) + len(reading.fraction or "") > MAX_DIGITS:
        raise refusal(
            text,
            f"«{{q}}» dài quá {MAX_DIGITS} chữ số.",
            f"«{{q}}» has more than {MAX_DIGITS} digits.",
        )
    value = Decimal(f"{reading.whole or '0'}.{reading.fraction or ''}")
    if negative:
        value = value.copy_negate()  # exact: unary minus would round to 28 digits
    if integer:
        if value != value.to_integral_value():
            raise refusal(
                text,
                "«{q}» không phải số nguyên.",
                "«{q}» is not a whole number.",
                "number.not_integer",
            )
        # "1.500" read as 1 500 needs no word in a count: 1,5 is no count anyway. A
        # comma reading ("1,000" → 1) keeps its warning, the thousand it may have meant.
        warning = None if reading.fraction is None else reading.warning
        return ParsedNumber(int(value), warning)
    return ParsedNumber(value.copy_abs() if value.is_zero() else value, reading.warning)
