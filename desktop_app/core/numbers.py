"""Exact numbers as Vietnamese documents show them (``1.234.567,5``) and as the
database and a packet store them (``1234567.5``), rounded the way Excel and Vietnamese
arithmetic do (DESIGN §8). Values are ``int`` or ``Decimal``, never a float.

Reading what a clerk types is ``number_reading``; this module also holds what both share:
``NumberFormatError``, ``MAX_DIGITS`` and ``refusal``.

May import: ``core.messages`` and the standard library.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from desktop_app.core.messages import AppError, Text

__all__ = [
    "MAX_DIGITS",
    "NumberFormatError",
    "check_digits",
    "format_number",
    "from_canonical",
    "quoted",
    "refusal",
    "round_half_up",
    "to_canonical",
]

# No indicator comes near this; the cap keeps int() clear of Python's 4300-digit limit
# and a pasted page of digits out of the database.
MAX_DIGITS = 40
# Longest input quoted back in a message, so a pasted paragraph does not fill the screen.
_QUOTE_LIMIT = 40

_CANONICAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?", re.ASCII)


class NumberFormatError(AppError):
    """Text that is not a number, or not the kind of number asked for."""

    def __init__(self, text: str, reason: Text, code: str = "number.invalid") -> None:
        super().__init__(code, reason, input=text)


def quoted(text: str) -> str:
    """``text`` as a message quotes it: stripped, and shortened past ``_QUOTE_LIMIT``."""
    shown = text.strip()
    return shown if len(shown) <= _QUOTE_LIMIT else shown[: _QUOTE_LIMIT - 1] + "…"


def refusal(text: str, vi: str, en: str, code: str = "number.invalid") -> NumberFormatError:
    """A NumberFormatError quoting ``text`` (shortened) into ``vi``/``en`` as ``{q}``."""
    q = quoted(text)
    return NumberFormatError(text, Text(vi.format(q=q), en.format(q=q)), code)


def _head(value: int) -> str:
    """The first digits of a huge integer, for a message (``str`` refuses beyond 4,300)."""
    try:
        return str(value)[:12] + "…"
    except ValueError:
        return "…"


def check_digits(value: int | Decimal) -> int | Decimal:
    """``value`` if written out in full it has at most ``MAX_DIGITS`` digits; else
    ``number.too_long``. A number read from JSON (``1e9999999``, 4,000 digits) is checked
    before anything computes with it: turning 1e9999999 into an ``int``, or printing it,
    would take minutes."""
    if isinstance(value, int):
        fits = -(10**MAX_DIGITS) < value < 10**MAX_DIGITS
        shown = "" if fits else _head(value)
    else:
        _, digits, exponent = value.as_tuple()
        fits = isinstance(exponent, int) and (
            max(0, len(digits) + exponent) + max(0, -exponent) <= MAX_DIGITS
        )
        shown = str(value)
    if not fits:
        raise refusal(
            shown,
            f"«{{q}}» dài quá {MAX_DIGITS} chữ số.",
            f"«{{q}}» has more than {MAX_DIGITS} digits.",
            "number.too_long",
        )
    return value


def _check(value: object) -> Decimal:
    # bool is an int subclass and float is the inexactness this module exists to avoid:
    # either reaching here is a programming error, not a user's typo.
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"expected int or Decimal, got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return number


def round_half_up(value: Decimal | int, decimals: int) -> Decimal:
    """Round as Excel's ROUND and Vietnamese arithmetic do: halves away from zero
    (2,45 → 2,5; −2,5 → −3), not Python's banker's rounding. ``decimals`` may be
    negative (round to tens, hundreds…)."""
    number = _check(value)
    # Enough precision for the whole result: quantize fails rather than round digits away.
    with localcontext() as ctx:
        ctx.prec = max(28, number.adjusted() + max(decimals, 0) + 3)
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    """Fixed-point digits, no exponent, no sign on a zero."""
    digits = format(number, "f")
    return digits.lstrip("-") if number.is_zero() else digits


def format_number(
    value: int | Decimal, decimals: int | None = None, *, grouping: bool = True
) -> str:
    """A number as Vietnamese documents print it: ``1.234.567,5``.

    ``decimals`` rounds half-up and pads with zeros; None keeps the value's own digits
    (``Decimal("1.50")`` → ``1,50``, ``Decimal("1E+3")`` → ``1.000``).
    """
    number = _check(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError(f"decimals must be ≥ 0, got {decimals}")
        number = round_half_up(number, decimals)
    digits = _plain(number)
    negative = digits.startswith("-")
    whole, _, fraction = digits.lstrip("-").partition(".")
    if grouping:
        lead = len(whole) % 3 or 3
        whole = ".".join([whole[:lead], *(whole[i : i + 3] for i in range(lead, len(whole), 3))])
    return ("-" if negative else "") + whole + ("," + fraction if fraction else "")


def to_canonical(value: int | Decimal) -> str:
    """The one way a number is stored and signed: ``1234.5``, ``12``, ``-0.25``.

    No grouping, a dot, no exponent, no trailing zeros, no negative zero, so equal values
    give equal bytes in the database and in a packet's hash.
    """
    digits = _plain(_check(value))
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return "0" if digits == "-0" else digits


def from_canonical(text: str, *, integer: bool = False) -> int | Decimal:
    """The strict inverse of :func:`to_canonical`; anything else is refused, because
    stored or signed text that is not canonical was written by something else."""
    # The length cap keeps int() clear of Python's 4300-digit limit.
    if len(text) > 4000 or not _CANONICAL.fullmatch(text) or text == "-0":
        raise refusal(
            text,
            "«{q}» không phải số ở dạng chuẩn (ví dụ 1234.5).",
            "«{q}» is not a number in canonical form (such as 1234.5).",
            "number.not_canonical",
        )
    if not integer:
        return Decimal(text)
    if "." in text:
        raise refusal(
            text,
            "«{q}» không phải số nguyên.",
            "«{q}» is not a whole number.",
            "number.not_integer",
        )
    return int(text)
