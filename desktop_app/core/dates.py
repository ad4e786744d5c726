"""Dates as Vietnamese offices write them: day first, always.

Qt's Vietnamese short date is ``d/M/yy`` (DESIGN §8); documents and this application
write ``dd/mm/yyyy``. A two-digit year is refused rather than guessed: "05/01/26" may be
a date of birth in 1926 as easily as a plan in 2026.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import calendar
import datetime
import re

from desktop_app.core.messages import AppError, Text
from desktop_app.core.text import clean_line

__all__ = [
    "DateFormatError",
    "format_date",
    "format_place_date",
    "format_place_date_en",
    "parse_date",
]

# Same separator on both sides: "05/01-2026" is a typo, not a date format.
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_SHORT_YEAR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}", re.ASCII)

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUOTE_LIMIT = 40


class DateFormatError(AppError):
    """Text that is not a date, or names a day the calendar does not have."""

    def __init__(self, text: str, message: Text, code: str = "date.invalid") -> None:
        super().__init__(code, message, input=text)


def _refuse(text: str, vi: str, en: str, code: str = "date.invalid") -> DateFormatError:
    shown = text.strip()
    if len(shown) > _QUOTE_LIMIT:
        shown = shown[: _QUOTE_LIMIT - 1] + "…"
    return DateFormatError(text, Text(vi.format(q=shown), en.format(q=shown)), code)


def _build(text: str, year: int, month: int, day: int) -> datetime.date:
    if year < 1:
        raise _refuse(text, "«{q}»: không có năm 0.", "«{q}»: there is no year 0.")
    if not 1 <= month <= 12:
        # 12/31/2026 is the American order: say so instead of only "no month 31".
        hint_vi = " Ngày viết trước tháng (dd/mm/yyyy)." if day <= 12 else ""
        hint_en = " Write the day before the month (dd/mm/yyyy)." if day <= 12 else ""
        raise _refuse(
            text,
            f"«{{q}}»: không có tháng {month}.{hint_vi}",
            f"«{{q}}»: there is no month {month}.{hint_en}",
        )
    if day < 1:
        raise _refuse(text, "«{q}»: không có ngày 0.", "«{q}»: there is no day 0.")
    last = calendar.monthrange(year, month)[1]
    if day > last:
        raise _refuse(
            text,
            f"«{{q}}» không có trong lịch: tháng {month} năm {year} chỉ có {last} ngày.",
            f"«{{q}}» is not in the calendar: {MONTHS_EN[month - 1]} {year} has only {last} days.",
        )
    return datetime.date(year, month, day)


def parse_date(text: str) -> datetime.date:
    """``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` or ISO ``yyyy-mm-dd``."""
    s = text.strip()
    if not s:
        raise DateFormatError(text, Text("Chưa nhập ngày.", "No date was entered."))
    if match := _DAY_FIRST.fullmatch(s):
        day, _, month, year = match.groups()
        return _build(text, int(year), int(month), int(day))
    if match := _ISO.fullmatch(s):
        year, month, day = match.groups()
        return _build(text, int(year), int(month), int(day))
    if _SHORT_YEAR.fullmatch(s):
        raise _refuse(
            text,
            "«{q}»: năm phải viết đủ 4 chữ số (ví dụ 05/01/2026), vì năm 2 chữ số có thể hiểu là 19xx hoặc 20xx.",
            "«{q}»: write the year with 4 digits (e.g. 05/01/2026); a 2-digit year could mean 19xx or 20xx.",
            "date.ambiguous_year",
        )
    raise _refuse(
        text,
        "«{q}» không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 05/01/2026.",
        "«{q}» is not a date: write day/month/year, e.g. 05/01/2026.",
    )


def format_date(d: datetime.date) -> str:
    """``05/01/2026``: zero-padded, whatever the system locale says."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_place_date(place: str, d: datetime.date) -> str:
    """The place-and-date line of an administrative document (Decree 30/2020/NĐ-CP):
    "Bình Trung, ngày 05 tháng 01 năm 2026". The decree pads days below 10 and the
    months January and February only, so "tháng 3" is never "tháng 03" (and "tháng 1"
    cannot be misread as the start of "tháng 10"–"12")."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    line = f"ngày {d.day:02d} tháng {month} năm {d.year}"
    name = clean_line(place)
    return f"{name}, {line}" if name else line.capitalize()


def format_place_date_en(place: str, d: datetime.date) -> str:
    """The English counterpart for bilingual output: "Bình Trung, 5 January 2026"."""
    date_text = f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    name = clean_line(place)
    return f"{name}, {date_text}" if name else date_text
