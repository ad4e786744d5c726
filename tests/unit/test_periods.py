import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.messages import AppError
from desktop_app.core.periods import (
    FIRST_YEAR,
    KINDS,
    LAST_YEAR,
    Period,
    PeriodError,
    check_started,
    current_period,
    deadline_for,
    is_late,
)

date = datetime.date


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("typed", "kind", "year", "index", "canonical"),
    [
        ("2026", "year", 2026, 1, "2026"),
        ("2026-H1", "half", 2026, 1, "2026-H1"),
        ("2026-H2", "half", 2026, 2, "2026-H2"),
        ("2026-h2", "half", 2026, 2, "2026-H2"),
        ("2026-Q1", "quarter", 2026, 1, "2026-Q1"),
        ("2026-Q4", "quarter", 2026, 4, "2026-Q4"),
        ("2026-q3", "quarter", 2026, 3, "2026-Q3"),
        ("2026-01", "month", 2026, 1, "2026-01"),
        ("2026-09", "month", 2026, 9, "2026-09"),
        ("2026-9", "month", 2026, 9, "2026-09"),
        ("2026-12", "month", 2026, 12, "2026-12"),
        (" 2026-Q3 ", "quarter", 2026, 3, "2026-Q3"),
        ("2000", "year", 2000, 1, "2000"),
        ("2100-12", "month", 2100, 12, "2100-12"),
    ],
)
def test_parse(typed, kind, year, index, canonical):
    period = Period.parse(typed)
    assert (period.kind, period.year, period.index) == (kind, year, index)
    assert str(period) == canonical
    assert Period.parse(typed, kind) == period


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "26",
        "20026",
        "2026-",
        "2026-H0",
        "2026-H3",
        "2026-Q0",
        "2026-Q5",
        "2026-00",
        "2026-13",
        "2026-123",
        "2026/Q1",
        "Q1-2026",
        "2026 Q1",
        "2026-S1",
        "quý 3 năm 2026",
        "٢٠٢٦",
    ],
)
def test_parse_refuses_garbage(typed):
    with pytest.raises(PeriodError) as info:
        Period.parse(typed)
    assert isinstance(info.value, AppError)
    assert info.value.code == "period.invalid"
    assert f"«{typed.strip()}»" in info.value.message.vi
    assert f"«{typed.strip()}»" in info.value.message.en


def test_garbage_message_shows_every_form():
    with pytest.raises(PeriodError) as info:
        Period.parse("abc")
    for example in ("2026", "2026-H1", "2026-Q3", "2026-09"):
        assert example in info.value.message.vi


def test_out_of_range_index_names_what_a_year_holds():
    with pytest.raises(PeriodError) as info:
        Period.parse("2026-Q5")
    assert "4 quý" in info.value.message.vi
    assert "4 quarters" in info.value.message.en


@pytest.mark.parametrize("typed", ["1999", "2101", "0000", "9999-Q1", "1900-01"])
def test_years_outside_the_range_are_refused(typed):
    with pytest.raises(PeriodError) as info:
        Period.parse(typed)
    assert info.value.code == "period.year"
    assert str(FIRST_YEAR) in info.value.message.vi
    assert str(LAST_YEAR) in info.value.message.en


@pytest.mark.parametrize(
    ("typed", "kind", "example_en"),
    [
        ("2026-Q1", "year", "a year period such as 2026"),
        ("2026", "quarter", "a quarter period such as 2026-Q3"),
        ("2026-09", "half", "a half-year period such as 2026-H1"),
        ("2026-H1", "month", "a month period such as 2026-03"),
    ],
)
def test_kind_mismatch(typed, kind, example_en):
    with pytest.raises(PeriodError) as info:
        Period.parse(typed, kind)
    assert info.value.code == "period.kind"
    assert example_en in info.value.message.en
    assert f"«{typed}»" in info.value.message.vi
    assert "Biểu mẫu này báo cáo theo" in info.value.message.vi
    assert info.value.details["expected"] == kind


def test_unknown_kind():
    with pytest.raises(PeriodError) as info:
        Period.parse("2026", "week")
    assert info.value.code == "period.unknown_kind"
    with pytest.raises(PeriodError):
        Period("week", 2026, 1)


@pytest.mark.parametrize(
    ("kind", "year", "index"),
    [("year", 2026, 2), ("half", 2026, 3), ("quarter", 2026, 0), ("month", 2026, 13)],
)
def test_construction_is_checked(kind, year, index):
    with pytest.raises(PeriodError) as info:
        Period(kind, year, index)
    assert info.value.code == "period.invalid"


def test_period_is_frozen_and_hashable():
    period = Period.parse("2026-Q3")
    with pytest.raises(AttributeError):
        period.year = 2027  # type: ignore[misc]
    assert {period, Period("quarter", 2026, 3)} == {period}


# ---------------------------------------------------------------- dates and labels


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026-09", date(2026, 9, 1), date(2026, 9, 30)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_start_and_end(typed, start, end):
    period = Period.parse(typed)
    assert (period.start, period.end) == (start, end)
    assert start in period and end in period
    assert start - datetime.timedelta(days=1) not in period
    assert end + datetime.timedelta(days=1) not in period


@pytest.mark.parametrize(
    ("typed", "vi", "en"),
    [
        ("2026", "Năm 2026", "Year 2026"),
        ("2026-H1", "6 tháng đầu năm 2026", "First half of 2026"),
        ("2026-H2", "6 tháng cuối năm 2026", "Second half of 2026"),
        ("2026-Q1", "Quý I năm 2026", "Q1 2026"),
        ("2026-Q2", "Quý II năm 2026", "Q2 2026"),
        ("2026-Q3", "Quý III năm 2026", "Q3 2026"),
        ("2026-Q4", "Quý IV năm 2026", "Q4 2026"),
        ("2026-01", "Tháng 1 năm 2026", "January 2026"),
        ("2026-09", "Tháng 9 năm 2026", "September 2026"),
        ("2026-12", "Tháng 12 năm 2026", "December 2026"),
    ],
)
def test_labels(typed, vi, en):
    period = Period.parse(typed)
    assert period.label() == vi
    assert period.label("vi") == vi
    assert period.label("en") == en


@pytest.mark.parametrize(
    ("typed", "previous", "following"),
    [
        ("2026", "2025", "2027"),
        ("2026-H1", "2025-H2", "2026-H2"),
        ("2026-H2", "2026-H1", "2027-H1"),
        ("2026-Q1", "2025-Q4", "2026-Q2"),
        ("2026-Q4", "2026-Q3", "2027-Q1"),
        ("2026-01", "2025-12", "2026-02"),
        ("2026-12", "2026-11", "2027-01"),
    ],
)
def test_previous_and_next(typed, previous, following):
    period = Period.parse(typed)
    assert str(period.previous()) == previous
    assert str(period.next()) == following


def test_stepping_past_the_range_is_refused():
    with pytest.raises(PeriodError):
        Period.parse("2000-01").previous()
    with pytest.raises(PeriodError):
        Period.parse("2100-Q4").next()


def test_ordering_within_a_kind_is_chronological():
    texts = ["2027-Q1", "2026-Q4", "2026-Q1", "2025-Q3"]
    assert [str(p) for p in sorted(Period.parse(t) for t in texts)] == [
        "2025-Q3",
        "2026-Q1",
        "2026-Q4",
        "2027-Q1",
    ]
    assert Period.parse("2026-09") < Period.parse("2026-10")


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        ("year", date(2026, 7, 14), "2026"),
        ("half", date(2026, 6, 30), "2026-H1"),
        ("half", date(2026, 7, 1), "2026-H2"),
        ("quarter", date(2026, 3, 31), "2026-Q1"),
        ("quarter", date(2026, 4, 1), "2026-Q2"),
        ("month", date(2026, 9, 15), "2026-09"),
    ],
)
def test_containing(kind, day, expected):
    assert str(Period.containing(kind, day)) == expected


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("typed", "deadline", "due"),
    [
        ("2026", "01-15", date(2027, 1, 15)),
        ("2026", "12-31", date(2027, 12, 31)),
        ("2026", " 03-01 ", date(2027, 3, 1)),
        ("2026", 15, date(2027, 1, 15)),
        ("2026", 0, date(2026, 12, 31)),
        ("2026-H1", 10, date(2026, 7, 10)),
        ("2026-Q1", 15, date(2026, 4, 15)),
        ("2026-Q4", 20, date(2027, 1, 20)),
        ("2026-02", 5, date(2026, 3, 5)),
        ("2026-12", 10, date(2027, 1, 10)),
    ],
)
def test_deadline_for(typed, deadline, due):
    assert deadline_for(Period.parse(typed), deadline) == due


@pytest.mark.parametrize(
    ("typed", "deadline"),
    [
        ("2026", "1-15"),
        ("2026", "01/15"),
        ("2026", "15-01"),
        ("2026", "13-01"),
        ("2026", "02-30"),
        ("2026", "02-29"),  # would not exist three years in four
        ("2026", "00-10"),
        ("2026", ""),
        ("2026", "15"),
        ("2026", -1),
        ("2026", True),
        ("2026", 1.5),
        ("2026-Q1", "01-15"),  # month-day only for year forms
        ("2026-03", "04-10"),
        ("2026-H1", "07-15"),
    ],
)
def test_deadline_is_checked(typed, deadline):
    with pytest.raises(PeriodError) as info:
        deadline_for(Period.parse(typed), deadline)
    assert info.value.code == "period.deadline"
    assert f"«{deadline}»" in info.value.message.vi


def test_month_day_deadline_on_a_quarter_form_says_why():
    with pytest.raises(PeriodError) as info:
        deadline_for(Period.parse("2026-Q1"), "01-15")
    assert "báo cáo năm" in info.value.message.vi
    assert "year reports" in info.value.message.en


@pytest.mark.parametrize(
    ("kind", "today", "deadline", "expected"),
    [
        # a year form due 15 January: until then, last year is still being reported
        ("year", date(2027, 1, 1), "01-15", "2026"),
        ("year", date(2027, 1, 15), "01-15", "2026"),
        ("year", date(2027, 1, 16), "01-15", "2027"),
        ("year", date(2026, 7, 1), "01-15", "2026"),
        ("year", date(2026, 12, 31), "01-15", "2026"),
        # quarter forms due 15 days after the quarter
        ("quarter", date(2026, 4, 1), 15, "2026-Q1"),
        ("quarter", date(2026, 4, 15), 15, "2026-Q1"),
        ("quarter", date(2026, 4, 16), 15, "2026-Q2"),
        ("quarter", date(2027, 1, 10), 15, "2026-Q4"),
        # a month form with no grace: always the current month
        ("month", date(2026, 9, 1), 0, "2026-09"),
        ("month", date(2026, 10, 5), 10, "2026-09"),
        ("half", date(2026, 7, 5), 10, "2026-H1"),
        ("half", date(2026, 7, 11), 10, "2026-H2"),
        # nothing before the first supported period
        ("year", date(2000, 1, 5), "01-15", "2000"),
    ],
)
def test_current_period(kind, today, deadline, expected):
    assert str(current_period(kind, today, deadline)) == expected


@pytest.mark.parametrize(
    ("submitted", "late"),
    [
        (date(2026, 12, 20), False),
        (date(2027, 1, 14), False),
        (date(2027, 1, 15), False),  # on the day is on time
        (date(2027, 1, 16), True),
        (date(2027, 6, 1), True),
    ],
)
def test_is_late(submitted, late):
    assert is_late(submitted, Period.parse("2026"), "01-15") is late


def test_is_late_with_days():
    quarter = Period.parse("2026-Q2")
    assert not is_late(date(2026, 7, 10), quarter, 10)
    assert is_late(date(2026, 7, 11), quarter, 10)


# ---------------------------------------------------------------- properties


@st.composite
def periods(draw, first=FIRST_YEAR, last=LAST_YEAR):
    kind = draw(st.sampled_from(KINDS))
    count = {"year": 1, "half": 2, "quarter": 4, "month": 12}[kind]
    year = draw(st.integers(min_value=first, max_value=last))
    return Period(kind, year, draw(st.integers(min_value=1, max_value=count)))


@given(periods())
def test_str_parse_round_trips(period):
    assert Period.parse(str(period)) == period
    assert Period.parse(str(period), period.kind) == period
    assert Period.parse(str(period).lower()) == period


@given(periods(first=FIRST_YEAR + 1, last=LAST_YEAR - 1))
def test_previous_and_next_are_inverse_and_ordered(period):
    before, after = period.previous(), period.next()
    assert before.next() == period == after.previous()
    assert before < period < after
    assert before.end + datetime.timedelta(days=1) == period.start
    assert period.end + datetime.timedelta(days=1) == after.start


@given(periods())
def test_start_and_end_belong_to_the_period(period):
    assert period.start <= period.end
    assert Period.containing(period.kind, period.start) == period
    assert Period.containing(period.kind, period.end) == period


@given(
    st.sampled_from(["quarter", "month", "half"]),
    st.dates(min_value=date(2001, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=25),
)
def test_current_period_is_this_or_the_previous_one(kind, today, days):
    period = current_period(kind, today, days)
    containing = Period.containing(kind, today)
    assert period in (containing, containing.previous())
    # whichever it picked is still open on the day
    assert period == containing or not is_late(today, period, days)


@given(st.text(max_size=15), st.sampled_from([None, *KINDS]))
def test_parse_never_raises_anything_else(text, kind):
    try:
        Period.parse(text, kind)
    except PeriodError as error:
        assert error.code in ("period.invalid", "period.year", "period.kind")


def test_offered_periods_newest_first_each_once_within_the_calendar():
    from desktop_app.core.periods import offered_periods

    current = Period.parse("2026")
    offered = offered_periods(current, 2, [Period.parse("2021"), Period.parse("2025")])
    assert [str(p) for p in offered] == ["2026", "2025", "2024", "2021"]
    first = Period(current.kind, FIRST_YEAR, 1)
    assert [str(p) for p in offered_periods(first, 4)] == [str(first)]  # nothing before it


# ---------------------------------------------------------------- started (issue 14 §3)


def test_a_period_is_started_from_its_first_day():
    check_started(Period.parse("2026"), date(2026, 1, 1))  # the current year, from 1 January
    check_started(Period.parse("2026"), date(2026, 6, 30))  # filled during the year
    check_started(Period.parse("2026-Q3"), date(2026, 7, 1))
    for text, today in (("2026", date(2025, 12, 31)), ("2099", date(2026, 12, 2)),
                        ("2026-Q3", date(2026, 6, 30)), ("2026-09", date(2026, 8, 31))):  # fmt: skip
        with pytest.raises(PeriodError) as refused:
            check_started(Period.parse(text), today)
        assert refused.value.code == "period.not_started"
        assert refused.value.message.vi != refused.value.message.en
