from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.messages import AppError
from desktop_app.core.number_reading import ParsedNumber, parse_number
from desktop_app.core.numbers import (
    MAX_DIGITS,
    NumberFormatError,
    format_number,
    from_canonical,
    round_half_up,
    to_canonical,
)

D = Decimal


# ---------------------------------------------------------------- parse_number: accepted


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        # plain
        ("0", D(0)),
        ("21", D(21)),
        ("007", D(7)),
        # white space around and inside (NBSP, thin space, narrow NBSP, tab)
        ("  42\t", D(42)),
        ("1 234", D(1234)),
        ("1\u00a0234", D(1234)),
        ("1\u2009234\u2009567", D(1234567)),
        ("1\u202f234,5", D("1234.5")),
        ("1  234", D(1234)),
        ("\u00a012\u00a0", D(12)),
        ("\u200b12\ufeff", D(12)),  # zero-width junk from copy and paste
        # spaces group, so the one separator left is the decimal one
        ("1 234,5", D("1234.5")),
        ("1 234.5", D("1234.5")),
        ("1 234.500", D("1234.500")),
        # signs and percent
        ("-5", D(-5)),
        ("\u22125", D(-5)),
        ("+5", D(5)),
        ("- 5", D(-5)),
        ("-1.234,5", D("-1234.5")),
        # Vietnamese style
        ("1.234,5", D("1234.5")),
        ("1234,5", D("1234.5")),
        ("1.234.567", D(1234567)),
        ("1.234.567,89", D("1234567.89")),
        ("150,75", D("150.75")),
        # English style
        ("1234.5", D("1234.5")),
        ("1,234.5", D("1234.5")),
        ("1,234,567", D(1234567)),
        ("1,234,567.25", D("1234567.25")),
        # a single comma is a decimal comma
        ("1,5", D("1.5")),
        ("1,500", D("1.500")),
        ("0,125", D("0.125")),
        ("1234,567", D("1234.567")),
        # a single dot followed by other than three digits is a decimal point
        ("89.2", D("89.2")),
        ("1234.56", D("1234.56")),
        ("0.5", D("0.5")),
        ("1.5000", D("1.5000")),
        # ... and so is one that cannot be grouping: 4 digits before it, or a leading 0
        ("1234.567", D("1234.567")),
        ("0.500", D("0.500")),
        # a single dot before exactly three digits groups thousands (with a warning)
        ("1.500", D(1500)),
        ("12.345", D(12345)),
        ("123.456", D(123456)),
        ("-1.500", D(-1500)),
        # nothing before the separator
        (",5", D("0.5")),
        (".5", D("0.5")),
        ("-,25", D("-0.25")),
        # zero has no sign
        ("-0", D(0)),
        ("-0,0", D("0.0")),
        # the digits written are kept
        ("12,0", D("12.0")),
        ("1.234,50", D("1234.50")),
        ("9" * MAX_DIGITS, D("9" * MAX_DIGITS)),
    ],
)
def test_parse_number_reads(typed, value):
    parsed = parse_number(typed)
    assert parsed.value == value
    assert type(parsed.value) is Decimal
    assert str(parsed.value) == str(value)  # same digits, not just the same value


@pytest.mark.parametrize(
    ("typed", "value"), [("58,5%", D("58.5")), ("58,5 %", D("58.5")), ("-3%", D(-3)), ("100%", 100)]
)
def test_a_percentage_may_end_in_a_percent_sign(typed, value):
    assert parse_number(typed, percent=True).value == value


@pytest.mark.parametrize("typed", ["5%", "58,5 %", "100%", "1.234%"])
@pytest.mark.parametrize("integer", [False, True])
def test_a_percent_sign_is_refused_in_any_other_number(typed, integer):
    """Issue 14 §5: "5%" typed into a count or money field was stored as 5."""
    with pytest.raises(NumberFormatError) as info:
        parse_number(typed, integer=integer)
    assert info.value.code == "number.percent_sign"
    assert "%" in info.value.message.vi and "%" in info.value.message.en


def test_negative_zero_is_plain_zero():
    assert not parse_number("-0").value.is_signed()
    assert not parse_number("-0,00").value.is_signed()


def test_parsed_number_is_frozen():
    parsed = parse_number("1")
    assert isinstance(parsed, ParsedNumber)
    with pytest.raises(AttributeError):
        parsed.value = 2  # type: ignore[misc]


# ---------------------------------------------------------------- parse_number: warnings


@pytest.mark.parametrize(
    ("typed", "value", "read_as", "other"),
    [
        ("1.500", 1500, "1500", "1,5"),
        ("12.345", 12345, "12345", "12,345"),
        ("-1.500", -1500, "-1500", "-1,5"),
        ("1.000", 1000, "1000", "1"),
    ],
)
def test_single_dot_before_three_digits_is_thousands_with_a_warning(typed, value, read_as, other):
    parsed = parse_number(typed)
    assert parsed.value == value
    assert parsed.warning is not None
    for text in (parsed.warning.vi, parsed.warning.en):
        assert f"«{typed}»" in text
        assert read_as in text
        assert f"write {other}" in text or f"viết {other}" in text
    assert "hàng nghìn" in parsed.warning.vi
    assert "thousands" in parsed.warning.en


@pytest.mark.parametrize(
    ("typed", "value"), [("1.500", 1500), ("12.345", 12345), ("-1.000", -1000)]
)
def test_a_whole_number_grouped_with_one_dot_needs_no_warning(typed, value):
    """A count (documents, dossiers) cannot be 1,5: a dot before three digits is only
    thousands there, and saying "1.234 could mean 1,234" under it is noise."""
    parsed = parse_number(typed, integer=True)
    assert parsed.value == value and parsed.warning is None


def test_a_whole_number_with_a_comma_before_three_digits_still_warns():
    """«1,000» in a count reads as 1 (comma = decimal): the warning is what catches the
    English-habit thousand."""
    parsed = parse_number("1,000", integer=True)
    assert parsed.value == 1 and parsed.warning is not None


@pytest.mark.parametrize(("typed", "decimal"), [("1,500", "1.5"), ("12,345", "12.345")])
def test_single_comma_before_three_digits_is_decimal_with_a_warning(typed, decimal):
    parsed = parse_number(typed)
    assert parsed.value == D(decimal)
    assert parsed.warning is not None
    assert f"«{typed}»" in parsed.warning.vi
    assert decimal in parsed.warning.en
    assert "thập phân" in parsed.warning.vi


@pytest.mark.parametrize(
    "typed",
    [
        "1500",
        "1.234.567",
        "1,234,567",
        "1.234,5",
        "1,5",
        "89.2",
        "0.500",
        "0,500",
        "1234.567",
        "1234,567",
        "1 500",
        "1 234.500",
    ],
)
def test_unambiguous_input_gives_no_warning(typed):
    assert parse_number(typed).warning is None


# ---------------------------------------------------------------- parse_number: refused


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "\u00a0",
        "-",
        "+",
        "%",
        "−",
        "--5",
        "+-5",
        "-−5",
        "5-",
        "5-3",
        "%5",
        "5%%",
        "abc",
        "12a",
        "mười",
        "1e5",
        "1E5",
        "inf",
        "-inf",
        "Infinity",
        "nan",
        "NaN",
        "0x10",
        "1_000",
        "1'000",
        "١٢",  # Arabic-Indic digits: str.isdigit() says yes, we say no
        "１２",  # full-width digits
        "²",
        ".",
        ",",
        ".,",
        "5,",
        "5.",
        "1.234,",
        # malformed groups
        "1.23.4",
        "1,2,3",
        "1.2345.678",
        "1234.567.890",
        "01.234.567",
        "1.234.56",
        ".234.567",
        "1..234",
        "1,,5",
        # both separators, wrongly
        "1.234,5,6",
        "1,234.5.6",
        "1.23,5",
        "12,34.5",
        ",5.3",
        # spaces
        "1 2",
        "12 34",
        "1 234.567,5",
        "1,5 0",
        "1, 5",
        "0 500",
        # too many digits
        "1" * (MAX_DIGITS + 1),
        "0," + "1" * MAX_DIGITS,
    ],
)
def test_parse_number_refuses(typed):
    with pytest.raises(NumberFormatError) as info:
        parse_number(typed, percent=True)
    error = info.value
    assert isinstance(error, AppError)
    assert error.code == "number.invalid"
    assert error.message.vi and error.message.en
    assert error.message.vi != error.message.en
    assert error.details["input"] == typed


@pytest.mark.parametrize("typed", ["12a", "1.23.4", "1,2,3", "1e5", "--5", "5,"])
def test_refusal_quotes_the_input(typed):
    with pytest.raises(NumberFormatError) as info:
        parse_number(typed)
    assert f"«{typed}»" in info.value.message.vi
    assert f"«{typed}»" in info.value.message.en


def test_refusal_of_a_pasted_paragraph_is_short():
    typed = "số liệu " * 100
    with pytest.raises(NumberFormatError) as info:
        parse_number(typed)
    assert len(info.value.message.vi) < 300


def test_grouping_error_names_the_separator_and_an_example():
    with pytest.raises(NumberFormatError) as info:
        parse_number("1.23.4")
    assert "1.234.567" in info.value.message.vi
    assert "3" in info.value.message.en


# ---------------------------------------------------------------- parse_number: integer=True


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("21", 21),
        (" 1.234 ", 1234),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("12,0", 12),
        ("12.00", 12),
        ("-7", -7),
        ("-0", 0),
        ("1 500", 1500),
    ],
)
def test_integer_mode_gives_ints(typed, value):
    parsed = parse_number(typed, integer=True)
    assert parsed.value == value
    assert type(parsed.value) is int


@pytest.mark.parametrize("typed", ["12,5", "0,1", "1,500", "1234.5", "-0,01"])
def test_integer_mode_refuses_fractions(typed):
    with pytest.raises(NumberFormatError) as info:
        parse_number(typed, integer=True)
    assert info.value.code == "number.not_integer"
    assert f"«{typed}»" in info.value.message.vi
    assert "số nguyên" in info.value.message.vi
    assert "whole number" in info.value.message.en


def test_integer_mode_still_refuses_garbage_as_invalid():
    with pytest.raises(NumberFormatError) as info:
        parse_number("abc", integer=True)
    assert info.value.code == "number.invalid"


# ---------------------------------------------------------------- format_number


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0, None, "0"),
        (12, None, "12"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (1234567, None, "1.234.567"),
        (-1234, None, "-1.234"),
        (D("1234567.5"), None, "1.234.567,5"),
        (D("1.50"), None, "1,50"),
        (D("0.05"), None, "0,05"),
        (D("-0.25"), None, "-0,25"),
        (D("1E+3"), None, "1.000"),
        (D("1.2E+4"), None, "12.000"),
        (D("1E-7"), None, "0,0000001"),
        (D("-0"), None, "0"),
        (D("-0.00"), None, "0,00"),
        (D("66.666"), 1, "66,7"),
        (D("2.345"), 2, "2,35"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("0.125"), 2, "0,13"),
        (D("-0.001"), 2, "0,00"),
        (5, 2, "5,00"),
        (D("1234.5"), 3, "1.234,500"),
        (D("999.95"), 1, "1.000,0"),
        (D("1E+3"), 1, "1.000,0"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234567, "1234567"), (D("1234567.5"), "1234567,5"), (-1000, "-1000")],
)
def test_format_number_without_grouping(value, text):
    assert format_number(value, grouping=False) == text


@pytest.mark.parametrize("value", [1.5, True, "1", None])
def test_format_number_refuses_non_numbers(value):
    with pytest.raises(TypeError):
        format_number(value)


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_format_number_refuses_non_finite(value):
    with pytest.raises(ValueError):
        format_number(value)


def test_format_number_refuses_negative_decimals():
    with pytest.raises(ValueError):
        format_number(D(1), -1)


# ---------------------------------------------------------------- round_half_up


@pytest.mark.parametrize(
    ("value", "decimals", "rounded"),
    [
        (D("2.45"), 1, D("2.5")),
        (D("2.449"), 1, D("2.4")),
        (D("0.5"), 0, D(1)),
        (D("1.5"), 0, D(2)),
        (D("2.5"), 0, D(3)),  # banker's rounding would give 2
        (D("-2.5"), 0, D(-3)),  # halves go away from zero, as Excel's ROUND
        (D("89.25"), 1, D("89.3")),
        (D(7), 2, D("7.00")),
        (D("1234"), -2, D("1.2E+3")),
        (D("1250"), -2, D("1.3E+3")),
        (D("9" * 35 + ".5"), 0, D("1" + "0" * 35)),  # beyond the default 28 digits
    ],
)
def test_round_half_up(value, decimals, rounded):
    result = round_half_up(value, decimals)
    assert result == rounded
    assert result.as_tuple().exponent == -decimals


# ---------------------------------------------------------------- canonical form


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1234.5"), "1234.5"),
        (D("1234.50"), "1234.5"),
        (12, "12"),
        (D("12.000"), "12"),
        (D("-0.25"), "-0.25"),
        (D("-0"), "0"),
        (D("-0.000"), "0"),
        (0, "0"),
        (D("1E+3"), "1000"),
        (D("100"), "100"),
        (D("1E-7"), "0.0000001"),
        (-1234567, "-1234567"),
    ],
)
def test_to_canonical(value, text):
    assert to_canonical(value) == text


@pytest.mark.parametrize("value", [1.5, True, None, D("NaN"), D("Infinity")])
def test_to_canonical_refuses_non_numbers(value):
    with pytest.raises((TypeError, ValueError)):
        to_canonical(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1234.5", D("1234.5")), ("12", D(12)), ("-0.25", D("-0.25")), ("0", D(0))],
)
def test_from_canonical(text, value):
    result = from_canonical(text)
    assert result == value
    assert type(result) is Decimal


def test_from_canonical_integer():
    assert from_canonical("12", integer=True) == 12
    assert type(from_canonical("12", integer=True)) is int
    assert from_canonical("-7", integer=True) == -7
    with pytest.raises(NumberFormatError) as info:
        from_canonical("12.5", integer=True)
    assert info.value.code == "number.not_integer"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " 12",
        "12 ",
        "+12",
        "-0",
        "012",
        "00",
        "12.",
        ".5",
        "12.50",
        "12.0",
        "1,5",
        "1.234,5",
        "1 234",
        "1e5",
        "1E+3",
        "inf",
        "NaN",
        "١٢",
        "−5",
        "1" * 5000,
    ],
)
def test_from_canonical_is_strict(text):
    with pytest.raises(NumberFormatError) as info:
        from_canonical(text)
    assert info.value.code == "number.not_canonical"


# ---------------------------------------------------------------- properties

# Sizes a report can hold, kept inside MAX_DIGITS.
places = st.integers(min_value=0, max_value=8)


@st.composite
def decimals_(draw):
    exponent = draw(places)
    units = draw(st.integers(min_value=-(10**18), max_value=10**18))
    return D(units).scaleb(-exponent)


integers = st.integers(min_value=-(10**20), max_value=10**20)


@given(decimals_())
def test_format_then_parse_round_trips_decimals(value):
    parsed = parse_number(format_number(value))
    assert parsed.value == value
    assert to_canonical(parsed.value) == to_canonical(value)


@given(decimals_(), st.booleans())
def test_format_without_grouping_round_trips(value, grouping):
    assert parse_number(format_number(value, grouping=grouping)).value == value


@given(integers)
def test_format_then_parse_round_trips_integers(value):
    parsed = parse_number(format_number(value), integer=True)
    assert parsed.value == value
    assert type(parsed.value) is int


@given(decimals_(), st.integers(min_value=0, max_value=6))
def test_format_with_decimals_round_trips_the_rounded_value(value, decimals):
    text = format_number(value, decimals)
    parsed = parse_number(text)
    assert parsed.value == round_half_up(value, decimals)
    assert parsed.value.as_tuple().exponent == -decimals


@given(integers, st.integers(min_value=0, max_value=4))
def test_format_integer_with_decimals_round_trips(value, decimals):
    assert parse_number(format_number(value, decimals)).value == value


@given(st.text(max_size=25), st.booleans(), st.booleans())
def test_parse_number_never_raises_anything_else(text, integer, percent):
    try:
        parsed = parse_number(text, integer=integer, percent=percent)
    except NumberFormatError as error:
        codes = ("number.invalid", "number.not_integer", "number.percent_sign")
        assert error.code in codes[: 3 - percent]
    else:
        assert isinstance(parsed.value, int if integer else Decimal)
        assert not isinstance(parsed.value, bool)


NUMBERISH = st.text(alphabet="0123456789.,-+% \u00a0\u2212", max_size=20)


@given(NUMBERISH, st.booleans())
def test_parse_number_on_numberish_text_returns_or_refuses(text, integer):
    try:
        parsed = parse_number(text, integer=integer)
    except NumberFormatError:
        return
    assert to_canonical(parsed.value)  # always a finite exact number


@given(st.one_of(decimals_(), integers))
def test_canonical_round_trips(value):
    text = to_canonical(value)
    assert from_canonical(text) == value
    assert to_canonical(from_canonical(text)) == text
    if isinstance(value, int):
        assert from_canonical(text, integer=True) == value


@given(st.text(alphabet="0123456789.-e+ ", max_size=12))
def test_from_canonical_accepts_only_its_own_output(text):
    try:
        value = from_canonical(text)
    except NumberFormatError:
        return
    assert to_canonical(value) == text


@given(decimals_(), st.integers(min_value=0, max_value=6))
def test_round_half_up_is_within_half_a_unit(value, decimals):
    rounded = round_half_up(value, decimals)
    assert abs(rounded - value) <= D(1).scaleb(-decimals) / 2


def test_integer_mode_reads_comma_thousands_the_vietnamese_way_but_warns():
    # "1,000" is 1,000 = 1 to a Vietnamese reader; the warning is what catches the
    # English-habit clerk who meant a thousand.
    parsed = parse_number("1,000", integer=True)
    assert parsed.value == 1
    assert parsed.warning is not None
    assert "1000" in parsed.warning.vi
