"""The words for a level of units (core.levels): one place for "xã", "cấp huyện",
"Toàn tỉnh" and "UBND huyện …"."""

from __future__ import annotations

from desktop_app.consolidation import consolidate, district_statements
from desktop_app.core.levels import (
    agency_heading,
    committee,
    is_committee,
    level_name,
    units_word,
    whole_of,
)
from tests.unit.consolidation.samples import expected_units, sample_reports, xa_form


def test_each_level_has_its_words():
    assert [units_word(level).vi for level in ("commune", "district", "province")] == [
        "xã",
        "huyện",
        "tỉnh",
    ]
    assert units_word("district").en == "districts"
    assert level_name("district").vi == "cấp huyện" and level_name("commune").en == "commune"
    assert units_word(None).vi == "đơn vị" and level_name(None).vi == "mọi cấp"


def test_the_whole_is_the_receiving_units_never_the_level_above_the_form():
    assert whole_of("district", "commune").vi == "Toàn huyện"
    assert whole_of("province", "commune").vi == "Toàn tỉnh"  # the current structure
    assert whole_of("province", "district").en == "Province-wide"
    # without a receiving unit (plain inputs): as the three-level structure received it
    assert whole_of(None, "commune").vi == "Toàn huyện"
    assert whole_of(None, "district").vi == "Toàn tỉnh"
    assert whole_of(None, None).vi == "Toàn đơn vị"


def test_agency_names_follow_the_units_own_name():
    assert committee("Huyện Chợ Đồn") == "UBND huyện Chợ Đồn"
    assert committee("Thành phố Bắc Kạn") == "UBND thành phố Bắc Kạn"  # district level, no "huyện"
    assert committee("Thị xã Phổ Yên") == "UBND thị xã Phổ Yên"
    assert committee("Sở Thông tin và Truyền thông") == "Sở Thông tin và Truyền thông"
    assert agency_heading("Tỉnh Bắc Kạn") == "UBND TỈNH BẮC KẠN"
    assert agency_heading("Sở Nội vụ") == "SỞ NỘI VỤ"
    assert is_committee("Đặc khu Phú Quốc") and not is_committee("Thịnh Long")


def test_a_consolidation_is_worded_by_its_receiving_unit():
    reports, expected = sample_reports(), expected_units()
    for level, whole in (("province", "Toàn tỉnh"), ("district", "Toàn huyện")):
        c = consolidate(xa_form(), reports, expected, receiving_level=level)
        overall = [s.text.vi for s in district_statements(c) if s.id.endswith(".overall")]
        assert overall and all(text.startswith(f"{whole}: ") for text in overall)
