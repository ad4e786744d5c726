"""One field's value in its four shapes: typed by a person, read from JSON, held in Python,
stored as text. Exact throughout: an integer is an ``int``, any other number a ``Decimal``.

A value that cannot be read as the field's type is refused with a message naming the
field; a value that reads fine but breaks a bound is refused by ``check_value`` (the CLI
and the window decide what to do with it: nothing is ever silently changed).

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .dates import DateFormatError, format_date, parse_date
from .forms.model import NUMERIC_TYPES, Field
from .messages import AppError, Text
from .number_reading import parse_number
from .numbers import (
    NumberFormatError,
    check_digits,
    format_number,
    from_canonical,
    to_canonical,
)
from .text import (
    COMMENT_MAX_LENGTH,
    TextRejected,
    clean_line,
    clean_text,
    kept_text_problem,
    nfc,
)

Value = int | Decimal | bool | str | datetime.date | None

_YES = {"1", "true", "yes", "y", "có", "co", "x", "đúng", "dung", "c"}
_NO = {"0", "false", "no", "n", "không", "khong", "k", "sai"}


class ValueRejected(AppError):
    """A value refused for a field (wrong type, unknown choice, out of bounds)."""

    def __init__(self, field: Field, code: str, reason: Text, raw: Any = None) -> None:
        message = Text(
            f"«{field.label.vi}» ({field.id}): {reason.vi}",
            f"«{field.label.en}» ({field.id}): {reason.en}",
        )
        super().__init__(code, message, field=field.id, value=None if raw is None else str(raw))
        self.field_id = field.id
        self.reason = reason


@dataclass(frozen=True)
class Parsed:
    value: Value
    warning: Text | None = None


def _refuse(field: Field, code: str, vi: str, en: str, raw: Any) -> ValueRejected:
    return ValueRejected(field, code, Text(vi, en), raw)


def _parse_boolean(field: Field, raw: str) -> bool:
    folded = raw.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise _refuse(
        field, "value.boolean", f"«{raw}» không phải Có/Không", f"«{raw}» is not yes/no", raw
    )


def _parse_choice(field: Field, raw: str) -> str:
    wanted = clean_line(raw, _named(field))
    for choice in field.choices:
        if wanted in (choice.value, choice.label.vi, choice.label.en):
            return choice.value
    allowed = ", ".join(c.value for c in field.choices)
    raise _refuse(
        field,
        "value.choice",
        f"«{raw}» không có trong danh sách ({allowed})",
        f"«{raw}» is not one of the choices ({allowed})",
        raw,
    )


# A value's Python type follows its field's type (``Value`` is their union); these say so
# to the type checker, and a value of the wrong kind is a programming error, not input.
def _number(field: Field, value: Value) -> int | Decimal:
    if isinstance(value, (int, Decimal)):
        return value
    raise TypeError(f"{field.id}: {value!r} is not a number")


def _text(field: Field, value: Value) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"{field.id}: {value!r} is not text")


def _date(field: Field, value: Value) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"{field.id}: {value!r} is not a date")


def _named(field: Field) -> Text:
    return Text(f"«{field.label.vi}» ({field.id})", f"«{field.label.en}» ({field.id})")


def parse_input(field: Field, raw: str) -> Parsed:
    """What a person typed (the window, ``values set``) → a typed value. Blank → None.
    Text is cleaned as ``core.text`` says: a control character or a text over the
    field's limit is refused here, with the same message in the window and the CLI."""
    text = nfc(raw)
    if not text.strip():
        return Parsed(None)
    try:
        if field.is_numeric:
            number = parse_number(
                text, integer=field.type == "integer", percent=field.type == "percent"
            )
            return Parsed(number.value, number.warning)
        if field.type == "boolean":
            return Parsed(_parse_boolean(field, text))
        if field.type == "choice":
            return Parsed(_parse_choice(field, text))
        if field.type == "date":
            return Parsed(parse_date(text))
        cleaned = clean_text(text, multiline=field.multiline, max_length=field.text_limit)
    except (NumberFormatError, DateFormatError) as exc:
        raise ValueRejected(field, exc.code, exc.message, raw) from exc
    except TextRejected as exc:
        raise ValueRejected(field, exc.code, exc.reason, raw) from exc
    return Parsed(cleaned or None)


def parse_comment(field: Field, raw: str) -> str:
    """The clerk's comment on ``field`` as stored ("" for none): free text cleaned as
    ``core.text`` says, at most ``COMMENT_MAX_LENGTH`` characters; ``TextRejected``
    naming the field otherwise."""
    what = Text(f"Ghi chú của «{field.label.vi}» ({field.id})",
                f"The comment on «{field.label.en}» ({field.id})")  # fmt: skip
    return clean_text(raw, what=what, max_length=COMMENT_MAX_LENGTH)


def parse_explanation(rule_id: str, raw: str) -> str:
    """The clerk's explanation of a warning, as ``parse_comment``."""
    what = Text(f"Giải trình cảnh báo {rule_id}", f"The explanation of warning {rule_id}")
    return clean_text(raw, what=what, max_length=COMMENT_MAX_LENGTH)


def from_json(field: Field, raw: Any) -> Parsed:
    """A value from a JSON file (read with ``parse_float=Decimal``) → a typed value."""
    if raw is None:
        return Parsed(None)
    if isinstance(raw, str):
        return parse_input(field, raw)
    if field.type == "boolean" and isinstance(raw, bool):
        return Parsed(raw)
    if field.is_numeric and isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
        try:
            check_digits(raw)  # before int(): int(Decimal("1e9999999")) takes minutes
        except NumberFormatError as exc:
            raise ValueRejected(field, exc.code, exc.message, raw) from exc
        if field.type == "integer":
            if raw != int(raw):
                raise _refuse(
                    field,
                    "number.not_integer",
                    f"{raw} không phải số nguyên",
                    f"{raw} is not a whole number",
                    raw,
                )
            return Parsed(int(raw))
        return Parsed(Decimal(raw))
    raise _refuse(
        field,
        "value.type",
        f"giá trị {raw!r} không đúng kiểu {field.type}",
        f"value {raw!r} does not fit type {field.type}",
        raw,
    )


def check_value(field: Field, value: Value) -> Text | None:
    """A bound the value breaks, or None. Blank values break no bound."""
    if value is None:
        return None
    if field.is_numeric:
        number = _number(field, value)
        unit = f" {field.unit.vi}" if field.unit else ""
        if field.minimum is not None and number < field.minimum:
            low = format_number(field.minimum)
            return Text(f"phải ≥ {low}{unit}", f"must be ≥ {format_number(field.minimum)}")
        if field.maximum is not None and number > field.maximum:
            high = format_number(field.maximum)
            return Text(f"phải ≤ {high}{unit}", f"must be ≤ {high}")
        if field.type == "percent" and not 0 <= number <= 100:
            return Text("tỷ lệ phải từ 0 đến 100", "a percentage must be between 0 and 100")
    if field.type == "text":
        # as typed it was cleaned; kept by an older version it may not be
        return kept_text_problem(_text(field, value), field.text_limit)
    if field.type == "choice" and field.max_length and len(_text(field, value)) > field.max_length:
        limit = field.max_length
        return Text(f"dài quá {limit} ký tự", f"longer than {limit} characters")
    return None


def to_storage(field: Field, value: Value) -> str | None:
    if value is None:
        return None
    if field.is_numeric:
        return to_canonical(_number(field, value))
    if field.type == "boolean":
        return "1" if value else "0"
    if field.type == "date":
        return _date(field, value).isoformat()
    return _text(field, value)


def from_storage(field: Field, text: str | None) -> Value:
    if text is None:
        return None
    if field.is_numeric:
        return from_canonical(text, integer=field.type == "integer")
    if field.type == "boolean":
        return text == "1"
    if field.type == "date":
        return datetime.date.fromisoformat(text)
    return text


def to_json(field: Field, value: Value) -> Any:
    """For canonical JSON (packets, ``--json``): decimals as strings so no reader turns
    them into binary floats; integers, yes/no and text as themselves; dates ISO."""
    if value is None or isinstance(value, bool) or field.type == "integer":
        return value
    if field.is_numeric:
        return to_canonical(_number(field, value))
    if field.type == "date":
        return _date(field, value).isoformat()
    return value


def display(field: Field, value: Value, lang: str = "vi") -> str:
    """How a person reads the value: Vietnamese number format, Có/Không, choice label."""
    if value is None:
        return ""
    if field.is_numeric:
        decimals = field.display_decimals if field.is_computed else None
        return format_number(_number(field, value), decimals)
    if field.type == "boolean":
        return ("Có" if value else "Không") if lang == "vi" else ("Yes" if value else "No")
    if field.type == "choice":
        choice = _text(field, value)
        label = field.choice_label(choice)
        return label.pick(lang) if label else choice
    if field.type == "date":
        return format_date(_date(field, value))
    return _text(field, value)


__all__ = [
    "NUMERIC_TYPES",
    "Parsed",
    "Value",
    "ValueRejected",
    "check_value",
    "display",
    "from_json",
    "from_storage",
    "parse_comment",
    "parse_explanation",
    "parse_input",
    "to_json",
    "to_storage",
]
