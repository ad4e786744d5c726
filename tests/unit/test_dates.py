import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.dates import (
    DateFormatError,
    format_date,
    format_place_date,
    format_place_date_en,
    parse_date,
)
from desktop_app.core.messages import AppError

date = datetime.date


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("05/01/2026", date(2026, 1, 5)),
        ("5/1/2026", date(2026, 1, 5)),
        ("05/1/2026", date(2026, 1, 5)),
        ("5/01/2026", date(2026, 1, 5)),
        ("31/12/2026", date(2026, 12, 31)),
        ("05-01-2026", date(2026, 1, 5)),
        ("05.01.2026", date(2026, 1, 5)),
        ("2026-01-05", date(2026, 1, 5)),
        ("2026-1-5", date(2026, 1, 5)),
        ("  05/01/2026\u00a0", date(2026, 1, 5)),
        ("29/02/2028", date(2028, 2, 29)),
        ("29/02/2000", date(2000, 2, 29)),
        ("01/07/2025", date(2025, 7, 1)),
    ],
)
def test_parse_date(typed, value):
    assert parse_date(typed) == value


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "31/02/2026",
        "29/02/2026",
        "29/02/1900",
        "31/04/2026",
        "32/01/2026",
        "00/01/2026",
        "01/00/2026",
        "01/13/2026",
        "12/31/2026",  # American order
        "2026-02-30",
        "2026-13-01",
        "01/01/0000",
        "05/01-2026",  # mixed separators
        "05 01 2026",
        "05/01/2026 10:00",
        "05012026",
        "5/1",
        "ngày 5 tháng 1",
        "abc",
        "05/01/20266",
        "005/01/2026",
        "٠٥/٠١/٢٠٢٦",  # Arabic-Indic digits
    ],
)
def test_parse_date_refuses(typed):
    with pytest.raises(DateFormatError) as info:
        parse_date(typed)
    assert isinstance(info.value, AppError)
    assert info.value.code == "date.invalid"
    assert info.value.message.vi != info.value.message.en


@pytest.mark.parametrize("typed", ["05/01/26", "5/1/26", "05-01-26", "05.01.26"])
def test_two_digit_years_are_refused_as_ambiguous(typed):
    with pytest.raises(DateFormatError) as info:
        parse_date(typed)
    assert info.value.code == "date.ambiguous_year"
    assert f"«{typed}»" in info.value.message.vi
    assert "4" in info.value.message.en


def test_impossible_day_names_the_month_length():
    with pytest.raises(DateFormatError) as info:
        parse_date("31/02/2026")
    assert "«31/02/2026»" in info.value.message.vi
    assert "28" in info.value.message.vi
    assert "February 2026" in info.value.message.en


def test_american_order_gets_a_hint():
    with pytest.raises(DateFormatError) as info:
        parse_date("12/31/2026")
    assert "dd/mm/yyyy" in info.value.message.vi
    assert "day before the month" in info.value.message.en


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 1, 5), "05/01/2026"),
        (date(2026, 12, 31), "31/12/2026"),
        (date(2026, 10, 10), "10/10/2026"),
        (datetime.datetime(2026, 3, 1, 15, 30), "01/03/2026"),
    ],
)
def test_format_date(value, text):
    assert format_date(value) == text


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (date(2026, 1, 5), "Bình Trung, ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "Bình Trung, ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Bình Trung, ngày 09 tháng 3 năm 2026"),
        (date(2026, 9, 10), "Bình Trung, ngày 10 tháng 9 năm 2026"),
        (date(2026, 10, 1), "Bình Trung, ngày 01 tháng 10 năm 2026"),
        (date(2026, 12, 31), "Bình Trung, ngày 31 tháng 12 năm 2026"),
    ],
)
def test_format_place_date_follows_decree_30(value, line):
    assert format_place_date("Bình Trung", value) == line


def test_format_place_date_cleans_the_place():
    decomposed = "Cho\u031b\u0300 \u0110o\u0302\u0300n"  # NFD, as some keyboards type
    assert format_place_date(f"  {decomposed} ", date(2026, 1, 5)) == (
        "Chờ Đồn, ngày 05 tháng 01 năm 2026"
    )


def test_format_place_date_without_a_place():
    assert format_place_date("", date(2026, 3, 15)) == "Ngày 15 tháng 3 năm 2026"


def test_format_place_date_en():
    assert format_place_date_en("Bình Trung", date(2026, 1, 5)) == "Bình Trung, 5 January 2026"
    assert format_place_date_en("", date(2026, 9, 30)) == "30 September 2026"


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(dates)
def test_format_then_parse_round_trips(value):
    assert parse_date(format_date(value)) == value


@given(dates)
def test_iso_round_trips(value):
    assert parse_date(value.isoformat()) == value


@given(st.text(max_size=20))
def test_parse_date_never_raises_anything_else(text):
    try:
        parse_date(text)
    except DateFormatError as error:
        assert error.code in ("date.invalid", "date.ambiguous_year")


@given(st.text(alphabet="0123456789/-. ", max_size=12))
def test_parse_date_on_dateish_text_returns_or_refuses(text):
    try:
        value = parse_date(text)
    except DateFormatError:
        return
    assert isinstance(value, date)
