import datetime
from decimal import Decimal

import pytest

from desktop_app.core.values import (
    ValueRejected,
    check_value,
    display,
    from_json,
    from_storage,
    parse_input,
    to_json,
    to_storage,
)


@pytest.fixture
def fields(mini_form):
    return mini_form.fields


@pytest.mark.parametrize(
    ("field_id", "typed", "value"),
    [
        ("cbcc_tong", "21", 21),
        ("cbcc_tong", " 1.234 ", 1234),
        ("kinh_phi", "1.234,5", Decimal("1234.5")),
        ("kinh_phi", "1234.5", Decimal("1234.5")),
        ("kinh_phi", "150,75", Decimal("150.75")),
        ("co_cap_quang", "Có", True),
        ("co_cap_quang", "không", False),
        ("co_cap_quang", "1", True),
        ("muc_do", "Toàn trình", "toan_trinh"),
        ("muc_do", "mot_phan", "mot_phan"),
        ("ngay_ke_hoach", "05/01/2026", datetime.date(2026, 1, 5)),
        ("kho_khan", "  Mất điện\r\nthường xuyên  ", "Mất điện\nthường xuyên"),
        ("cbcc_tong", "   ", None),
    ],
)
def test_parse_input(fields, field_id, typed, value):
    assert parse_input(fields[field_id], typed).value == value


def test_typed_text_is_nfc(fields):
    decomposed = "Bi\u0300nh Trung"  # Unikey in combining mode
    assert parse_input(fields["kho_khan"], decomposed).value == "Bình Trung"


def test_ambiguous_thousands_warns(fields):
    parsed = parse_input(fields["kinh_phi"], "1.500")
    assert parsed.value == 1500
    assert parsed.warning is not None


@pytest.mark.parametrize(
    ("field_id", "typed", "code"),
    [
        ("cbcc_tong", "12,5", "number.not_integer"),
        ("cbcc_tong", "mười", "number.invalid"),
        ("co_cap_quang", "có lẽ", "value.boolean"),
        ("muc_do", "cấp độ 4", "value.choice"),
        ("ngay_ke_hoach", "31/02/2026", "date.invalid"),
    ],
)
def test_wrong_type_is_refused_with_the_field_named(fields, field_id, typed, code):
    with pytest.raises(ValueRejected) as info:
        parse_input(fields[field_id], typed)
    assert info.value.code == code
    assert field_id in info.value.message.vi and field_id in info.value.message.en


def test_from_json(fields):
    assert from_json(fields["cbcc_tong"], 21).value == 21
    assert from_json(fields["cbcc_tong"], Decimal("21.0")).value == 21
    assert from_json(fields["kinh_phi"], Decimal("12.30")).value == Decimal("12.30")
    assert from_json(fields["co_cap_quang"], True).value is True
    assert from_json(fields["kinh_phi"], "1.234,5").value == Decimal("1234.5")
    with pytest.raises(ValueRejected):
        from_json(fields["cbcc_tong"], Decimal("2.5"))
    with pytest.raises(ValueRejected):
        from_json(fields["co_cap_quang"], 1)
    with pytest.raises(ValueRejected):
        from_json(fields["cbcc_tong"], True)
    with pytest.raises(ValueRejected):
        from_json(fields["cbcc_tong"], [1])


def test_bounds(fields):
    assert check_value(fields["cbcc_tong"], 500) is None
    assert "500" in check_value(fields["cbcc_tong"], 501).vi
    assert check_value(fields["kinh_phi"], Decimal("-0.1")) is not None
    assert check_value(fields["cbcc_tong"], None) is None


@pytest.mark.parametrize(
    ("field_id", "value", "stored"),
    [
        ("cbcc_tong", 21, "21"),
        ("kinh_phi", Decimal("1234.50"), "1234.5"),
        ("co_cap_quang", False, "0"),
        ("muc_do", "toan_trinh", "toan_trinh"),
        ("ngay_ke_hoach", datetime.date(2026, 3, 1), "2026-03-01"),
        ("kho_khan", "Dòng 1\nDòng 2", "Dòng 1\nDòng 2"),
    ],
)
def test_storage_round_trip_is_exact(fields, field_id, value, stored):
    f = fields[field_id]
    assert to_storage(f, value) == stored
    assert from_storage(f, stored) == value
    assert type(from_storage(f, stored)) is type(value)


def test_json_keeps_decimals_as_strings(fields):
    assert to_json(fields["kinh_phi"], Decimal("0.1")) == "0.1"
    assert to_json(fields["cbcc_tong"], 3) == 3
    assert to_json(fields["ngay_ke_hoach"], datetime.date(2026, 1, 5)) == "2026-01-05"


def test_display_vietnamese(fields):
    assert display(fields["kinh_phi"], Decimal("1234567.5")) == "1.234.567,5"
    assert display(fields["co_cap_quang"], True) == "Có"
    assert display(fields["co_cap_quang"], True, "en") == "Yes"
    assert display(fields["muc_do"], "mot_phan") == "Một phần"
    assert display(fields["ngay_ke_hoach"], datetime.date(2026, 1, 5)) == "05/01/2026"
    assert display(fields["ty_le_may_tinh"], Decimal("66.7")) == "66,7"


# -- text from the real world, limits, and numbers from JSON (issue 14 §5, §8) ----------


def test_a_word_line_break_in_a_text_is_a_line_break(fields):
    # Word's Shift+Enter pastes a vertical tab; saved as typed it broke the workbook
    assert parse_input(fields["kho_khan"], "Mất điện\vthường xuyên").value == (
        "Mất điện\nthường xuyên"
    )


def test_another_control_character_is_refused_naming_the_field(fields):
    with pytest.raises(ValueRejected) as info:
        parse_input(fields["kho_khan"], "Mất điện\x07")
    error = info.value
    assert error.code == "text.control_character" and error.field_id == "kho_khan"
    assert error.message.vi.startswith("«Khó khăn» (kho_khan): ")
    assert "U+0007" in error.message.en


def test_a_text_field_has_a_default_limit(fields):
    """kho_khan has no max_length of its own: free text takes the default (4,000)."""
    assert fields["kho_khan"].max_length is None and fields["kho_khan"].text_limit == 4000
    assert parse_input(fields["kho_khan"], "x" * 4000).value == "x" * 4000
    with pytest.raises(ValueRejected) as info:
        parse_input(fields["kho_khan"], "x" * 4001)
    assert info.value.code == "text.too_long"
    assert check_value(fields["kho_khan"], "x" * 4001) is not None  # kept ones too


@pytest.mark.parametrize(("field_id", "typed"), [("cbcc_tong", "5%"), ("kinh_phi", "150,5 %")])
def test_a_percent_sign_in_a_count_or_an_amount_is_refused(fields, field_id, typed):
    """Issue 14 §5: "5%" typed into a count was stored as 5."""
    with pytest.raises(ValueRejected) as info:
        parse_input(fields[field_id], typed)
    assert info.value.code == "number.percent_sign"


@pytest.mark.parametrize("raw", [Decimal("1E+9999999"), Decimal("1E-50"), 10**41])
def test_a_json_number_too_long_is_refused_before_use(fields, raw):
    """``int(Decimal("1e9999999"))`` took minutes: the long values-file fuzzer's hang."""
    for field_id in ("cbcc_tong", "kinh_phi"):
        with pytest.raises(ValueRejected) as info:
            from_json(fields[field_id], raw)
        assert info.value.code == "number.too_long"


def test_comments_and_explanations_have_their_limit(fields):
    from desktop_app.core.text import TextRejected
    from desktop_app.core.values import parse_comment, parse_explanation

    assert parse_comment(fields["cbcc_tong"], " Gồm\v2 người ") == "Gồm\n2 người"
    assert parse_comment(fields["cbcc_tong"], "x" * 1000) == "x" * 1000
    for call in (
        lambda: parse_comment(fields["cbcc_tong"], "x" * 1001),
        lambda: parse_explanation("r_bai_viet", "x" * 1001),
    ):
        with pytest.raises(TextRejected) as info:
            call()
        assert info.value.code == "text.too_long"
    with pytest.raises(TextRejected) as info:
        parse_comment(fields["cbcc_tong"], "Gồm\x1b2 người")
    assert info.value.code == "text.control_character"
    assert "(cbcc_tong)" in info.value.message.vi
