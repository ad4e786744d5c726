"""Reporting periods (DESIGN §2): ``2026``, ``2026-H1``, ``2026-Q3``, ``2026-09``.

The canonical text is what file names, packets and the database carry; the labels are
what documents print ("Quý III năm 2026"). A form names its period kind and its
deadline, either ``"MM-DD"`` of the following year (year forms) or a number of days
after the period ends.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, cast

from .dates import MONTHS_EN
from .messages import AppError, Text

__all__ = [
    "FIRST_YEAR",
    "KINDS",
    "LAST_YEAR",
    "Period",
    "PeriodError",
    "PeriodKind",
    "check_started",
    "current_period",
    "deadline_for",
    "is_late",
    "offered_periods",
]

PeriodKind = Literal["year", "half", "quarter", "month"]
KINDS: tuple[PeriodKind, ...] = ("year", "half", "quarter", "month")
# Outside this a year is a typo (2062 for 2026 would still pass; 226 or 20026 will not).
FIRST_YEAR, LAST_YEAR = 2000, 2100

_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_COUNT = {kind: 12 // months for kind, months in _MONTHS.items()}
_ROMAN = ("I", "II", "III", "IV")
_NAMES = {
    "year": Text("năm", "year"),
    "half": Text("6 tháng", "half-year"),
    "quarter": Text("quý", "quarter"),
    "month": Text("tháng", "month"),
}

# What a year holds, for the message when an index is out of range.
_SPAN = {
    "half": Text("2 kỳ 6 tháng (H1, H2)", "2 halves (H1, H2)"),
    "quarter": Text("4 quý (Q1 đến Q4)", "4 quarters (Q1 to Q4)"),
    "month": Text("12 tháng (01 đến 12)", "12 months (01 to 12)"),
}

_PATTERN = re.compile(r"(\d{4})(?:-(?:H(\d)|Q(\d)|(\d{1,2})))?", re.ASCII)
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})", re.ASCII)


class PeriodError(AppError):
    """A period, period kind or deadline that cannot be used."""


def _example(kind: PeriodKind, year: int) -> str:
    return str(Period(kind, year, 3 if kind in ("quarter", "month") else 1))


def _check_kind(kind: str) -> PeriodKind:
    if kind not in _MONTHS:
        raise PeriodError(
            "period.unknown_kind",
            Text(
                f"Loại kỳ báo cáo «{kind}» không có: chỉ có {', '.join(KINDS)}.",
                f"Unknown period kind «{kind}»: use one of {', '.join(KINDS)}.",
            ),
            kind=kind,
        )
    return cast(PeriodKind, kind)


def _check_year(year: int, shown: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(
            "period.year",
            Text(
                f"Kỳ báo cáo «{shown}»: năm phải từ {FIRST_YEAR} đến {LAST_YEAR}.",
                f"Period «{shown}»: the year must be between {FIRST_YEAR} and {LAST_YEAR}.",
            ),
            input=shown,
        )


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period. Ordering is chronological among periods of one kind."""

    kind: PeriodKind
    year: int
    index: int  # 1 for a year; 1–2 halves; 1–4 quarters; 1–12 months

    def __post_init__(self) -> None:
        _check_kind(self.kind)
        _check_year(self.year, f"{self.year}")
        count = _COUNT[self.kind]
        if not 1 <= self.index <= count:
            raise PeriodError(
                "period.invalid",
                Text(
                    f"Kỳ {_NAMES[self.kind].vi} số {self.index} không có: chỉ từ 1 đến {count}.",
                    f"There is no {_NAMES[self.kind].en} number {self.index}: only 1 to {count}.",
                ),
                kind=self.kind,
                index=self.index,
            )

    @classmethod
    def parse(cls, text: str, kind: str | None = None) -> Period:
        """Canonical text (any letter case) → a period; ``kind`` is what a form expects."""
        shown = text.strip()
        match = _PATTERN.fullmatch(shown.upper())
        if not match:
            raise PeriodError(
                "period.invalid",
                Text(
                    f"«{shown}» không phải kỳ báo cáo: viết 2026 (năm), 2026-H1 (6 tháng), 2026-Q3 (quý) hoặc 2026-09 (tháng).",
                    f"«{shown}» is not a reporting period: write 2026 (year), 2026-H1 (half-year), 2026-Q3 (quarter) or 2026-09 (month).",
                ),
                input=text,
            )
        year_text, half, quarter, month = match.groups()
        year = int(year_text)
        _check_year(year, shown)
        found: PeriodKind = "year"
        index = 1
        parts: tuple[tuple[PeriodKind, str | None], ...] = (
            ("half", half),
            ("quarter", quarter),
            ("month", month),
        )
        for name, part in parts:
            if part is not None:
                found, index = name, int(part)
        if not 1 <= index <= _COUNT[found]:
            raise PeriodError(
                "period.invalid",
                Text(
                    f"«{shown}» không phải kỳ báo cáo: một năm chỉ có {_SPAN[found].vi}, ví dụ {_example(found, year)}.",
                    f"«{shown}» is not a reporting period: a year has only {_SPAN[found].en}, e.g. {_example(found, year)}.",
                ),
                input=text,
            )
        period = cls(found, year, index)
        expected = None if kind is None else _check_kind(kind)
        if expected is not None and expected != found:
            raise PeriodError(
                "period.kind",
                Text(
                    f"Biểu mẫu này báo cáo theo {_NAMES[expected].vi}, ví dụ {_example(expected, year)}; «{shown}» là kỳ {_NAMES[found].vi}.",
                    f"This form expects a {_NAMES[expected].en} period such as {_example(expected, year)}; «{shown}» is a {_NAMES[found].en}.",
                ),
                input=text,
                expected=kind,
            )
        return period

    @classmethod
    def containing(cls, kind: str, day: datetime.date) -> Period:
        """The period of this kind that ``day`` falls in."""
        checked = _check_kind(kind)
        return cls(checked, day.year, (day.month - 1) // _MONTHS[checked] + 1)

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "half":
            return f"{self.year}-H{self.index}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, (self.index - 1) * _MONTHS[self.kind] + 1, 1)

    @property
    def end(self) -> datetime.date:
        last_month = self.index * _MONTHS[self.kind]
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def __contains__(self, day: object) -> bool:
        return isinstance(day, datetime.date) and self.start <= day <= self.end

    def label(self, lang: str = "vi") -> str:
        """How documents name the period: "Quý III năm 2026", "Q3 2026"."""
        en = lang == "en"
        if self.kind == "year":
            return f"Year {self.year}" if en else f"Năm {self.year}"
        if self.kind == "half":
            if en:
                return f"{('First', 'Second')[self.index - 1]} half of {self.year}"
            return f"6 tháng {('đầu', 'cuối')[self.index - 1]} năm {self.year}"
        if self.kind == "quarter":
            return (
                f"Q{self.index} {self.year}"
                if en
                else f"Quý {_ROMAN[self.index - 1]} năm {self.year}"
            )
        if en:
            return f"{MONTHS_EN[self.index - 1]} {self.year}"
        return f"Tháng {self.index} năm {self.year}"

    def _step(self, delta: int) -> Period:
        count = _COUNT[self.kind]
        position = self.year * count + self.index - 1 + delta
        return Period(self.kind, position // count, position % count + 1)

    def previous(self) -> Period:
        return self._step(-1)

    def next(self) -> Period:
        return self._step(1)


def _month_day(deadline: str, kind: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(deadline.strip())
    month, day = (int(g) for g in match.groups()) if match else (0, 0)
    # 29 February is refused: it would not exist in three years out of four.
    if not match or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2001, month)[1]:
        raise PeriodError(
            "period.deadline",
            Text(
                f'Hạn nộp «{deadline}» không đúng: viết tháng-ngày của năm sau, ví dụ "01-15" (15 tháng 01), hoặc một số ngày sau khi hết kỳ.',
                f'Deadline «{deadline}» is not valid: write the month-day of the following year, such as "01-15" (15 January), or a number of days after the period ends.',
            ),
            deadline=deadline,
        )
    if kind != "year":
        raise PeriodError(
            "period.deadline",
            Text(
                f"Hạn nộp «{deadline}» (tháng-ngày của năm sau) chỉ dùng cho báo cáo năm; báo cáo theo {_NAMES[kind].vi} cần một số ngày sau khi hết kỳ, ví dụ 10.",
                f"Deadline «{deadline}» (month-day of the following year) only suits year reports; a {_NAMES[kind].en} report needs a number of days after the period ends, such as 10.",
            ),
            deadline=deadline,
        )
    return month, day


def deadline_for(period: Period, deadline: str | int) -> datetime.date:
    """The last day a report for ``period`` is on time.

    ``"MM-DD"`` (year forms only): that day of the following year, "01-15" → 15/01/2027
    for 2026. An int: that many days after the period's last day (0 = the last day).
    """
    if isinstance(deadline, str):
        month, day = _month_day(deadline, period.kind)
        return datetime.date(period.year + 1, month, day)
    # bool is an int, and True days is a slip in a form file, not a deadline.
    if isinstance(deadline, bool) or not isinstance(deadline, int) or deadline < 0:
        raise PeriodError(
            "period.deadline",
            Text(
                f"Hạn nộp «{deadline}» không đúng: số ngày sau khi hết kỳ phải là số nguyên không âm.",
                f"Deadline «{deadline}» is not valid: the days after the period ends must be a whole number, 0 or more.",
            ),
            deadline=str(deadline),
        )
    return period.end + datetime.timedelta(days=deadline)


def current_period(kind: str, today: datetime.date, deadline: str | int) -> Period:
    """The period a clerk is most likely reporting on ``today``: the one containing
    today, except that until the previous period's deadline has passed, the previous
    one (in early January a year form is still about last year)."""
    period = Period.containing(kind, today)
    try:
        previous = period.previous()
    except PeriodError:  # today is in the first supported period: nothing before it
        return period
    return previous if today <= deadline_for(previous, deadline) else period


def is_late(submitted: datetime.date, period: Period, deadline: str | int) -> bool:
    """True when ``submitted`` is after the period's deadline (on the day is on time)."""
    return submitted > deadline_for(period, deadline)


def check_started(period: Period, today: datetime.date) -> None:
    """Refuse a period that has not started on ``today``: a year period starts on
    1 January, the others on their first day. A report for the current year may be
    filled during the year; next year's, or 2099's, may not be entered at all."""
    if period.start > today:
        raise PeriodError(
            "period.not_started",
            Text(
                f"Kỳ báo cáo {period.label('vi')} chưa bắt đầu (bắt đầu ngày {period.start:%d/%m/%Y}): chưa nhập được số liệu cho kỳ này.",
                f"The reporting period {period.label('en')} has not started (it starts on {period.start:%d/%m/%Y}): no figures can be entered for it yet.",
            ),
            period=str(period),
        )


def offered_periods(current: Period, back: int, also: Iterable[Period] = ()) -> list[Period]:
    """The periods a report chooser offers, newest first and each once: ``current``, up to
    ``back`` earlier ones (as far as the calendar of forms goes), and ``also`` (periods
    that already hold something)."""
    found = {str(current): current}
    step = current
    for _ in range(back):
        try:
            step = step.previous()
        except AppError:
            break
        found[str(step)] = step
    for period in also:
        found.setdefault(str(period), period)
    return [found[key] for key in sorted(found, reverse=True)]
