"""The report's row model, shared by report.xlsx and report.pdf."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal

from desktop_app.packets.cells import roman, section_title
from desktop_app.packets.layout import build_layout
from desktop_app.packets.score_sheet import PENDING
from desktop_app.packets.textpieces import paragraphs
from tests.unit.packets.report_data import EXPLANATION, commune, district


def _field_rows(layout):
    return {row.field_id: row for row in layout.rows if row.field_id}


def test_header_follows_decree_30():
    form, data = commune()
    h = build_layout(form, data).header
    assert h.parent_agency == "UBND HUYỆN CHỢ ĐỒN"
    assert h.issuer == ("ỦY BAN NHÂN DÂN", "XÃ BÌNH TRUNG")
    assert h.number == "Số: ……/BC-UBND"
    assert h.place_date == "Bình Trung, ngày 05 tháng 01 năm 2027"
    assert h.doc_type == "BÁO CÁO"
    assert h.summary == "Mức độ ứng dụng công nghệ thông tin cấp xã năm 2026"


def test_number_and_period_in_the_title():
    form, data = commune()
    data["number"] = "15"
    data["period"] = "2026-Q3"
    h = build_layout(form, data).header
    assert h.number == "Số: 15/BC-UBND"
    # the form's own year is replaced by the period, named once
    assert h.summary == "Mức độ ứng dụng công nghệ thông tin cấp xã quý III năm 2026"
    data["number"] = "15/BC-VP"
    assert build_layout(form, data).header.number == "Số: 15/BC-VP"


def test_sections_are_roman_and_fields_numbered_within_each():
    form, data = commune()
    rows = build_layout(form, data).rows
    sections = [r for r in rows if r.kind == "section"]
    assert [r.number for r in sections] == [roman(i) for i in range(1, len(form.sections) + 1)]
    assert sections[0].number == "I" and sections[-1].number == "VIII"
    assert sections[0].label == "Hạ tầng kỹ thuật"  # the form's own "I. " is not repeated
    first = form.sections[0]
    numbers = [r.number for r in rows[1 : 1 + len(first.fields)]]
    assert numbers == [str(i) for i in range(1, len(first.fields) + 1)]
    # every field of the form is printed once, computed ratios included
    assert [r.field_id for r in rows if r.field_id] == list(form.fields)
    ratio = _field_rows(build_layout(form, data))["ty_le_cbcc_co_may_tinh"]
    assert ratio.computed and ratio.unit == "%" and ratio.label.startswith("Tỷ lệ")


def test_values_keep_their_type():
    form, data = commune()
    rows = _field_rows(build_layout(form, data))
    assert rows["cbcc_tong"].value.value == 23 and rows["cbcc_tong"].value.text == "23"
    assert rows["vb_den_tong"].value.text == "1.355"
    assert rows["kinh_phi_cntt"].value.value == Decimal("112.5")
    assert rows["kinh_phi_cntt"].value.decimals == 1
    ratio = rows["ty_le_cbcc_co_may_tinh"].value
    assert ratio.value == Decimal(data["computed"]["ty_le_cbcc_co_may_tinh"])
    assert (ratio.text, ratio.decimals) == ("87,0", 1)
    assert rows["co_cap_quang"].value.text == "Có"
    assert rows["co_phuong_an_attt"].value.text == "Không"
    assert rows["hinh_thuc_phu_trach_cntt"].value.text == "Kiêm nhiệm"
    plan = rows["ngay_ban_hanh_ke_hoach_cntt"].value
    assert plan.value == datetime.date(2026, 2, 5) and plan.text == "05/02/2026"
    difficulties = rows["kho_khan_vuong_mac"]
    assert difficulties.kind == "text" and difficulties.value.text.startswith("- Một bộ phận")
    # a blank value prints blank
    data["values"].pop("so_bai_dang")
    assert _field_rows(build_layout(form, data))["so_bai_dang"].value.value is None


def test_every_number_equals_data_json():
    form, data = commune()
    rows = _field_rows(build_layout(form, data))
    for fid, raw in {**data["values"], **data["computed"]}.items():
        if form.fields[fid].is_numeric:
            assert rows[fid].value.value == Decimal(str(raw)), fid


def test_notes_hold_comments_and_explanations():
    form, data = commune()
    layout = build_layout(form, data)
    rows = _field_rows(layout)
    assert rows["cbcc_tong"].note == "=1+1"
    assert rows["so_bai_dang"].note == f"Giải trình: {EXPLANATION}"
    assert layout.general_notes == ()
    data["warnings"].append(
        {"rule": "r_x", "fields": [], "message": {"vi": "x", "en": "x"}, "explanation": "Lý do"}
    )
    assert build_layout(form, data).general_notes == ("Lý do",)


def test_self_assessment_appendix():
    form, data = commune()
    score = build_layout(form, data).score
    heading, title, reference = score.heading
    assert heading == "Phụ lục" and title.startswith("BẢNG TỰ CHẤM ĐIỂM")
    assert reference == "(Kèm theo Báo cáo số ……/BC-UBND ngày 05/01/2027 của UBND xã Bình Trung)"
    items = {r.label: r for r in score.rows if r.kind == "item"}
    assert len(items) == len(form.scoring.items)
    assert items["Tỷ lệ hồ sơ tiếp nhận trực tuyến (so với xã cao nhất)"].points.text == PENDING
    assert items["Tỷ lệ cán bộ, công chức có máy tính"].points.value == Decimal("5.22")
    assert items["Tỷ lệ cán bộ, công chức có máy tính"].method.startswith("Tỷ lệ thuận")
    assert items["Có đường truyền cáp quang"].method == "Có: đủ điểm; Không: 0 điểm"
    assert items["Số tin, bài đăng trong năm"].method.startswith("Theo mức: từ 60 bài: 5 điểm")
    assert (
        "đơn vị cao nhất" in items["Tỷ lệ hồ sơ tiếp nhận trực tuyến (so với xã cao nhất)"].method
    )
    sections = [r for r in score.rows if r.kind == "section"]
    assert sum(r.maximum.value for r in sections) == 100
    total, band = score.rows[-2:]
    assert total.points.value == Decimal(data["score"]["total"])
    assert "1 chỉ số chấm khi tổng hợp" in total.note
    assert band.points.text == data["score"]["band"] == "C"
    assert band.note == "Trung bình (từ 65 đến dưới 80 điểm)"


def test_no_score_no_appendix():
    form, data = commune()
    data["score"] = None
    assert build_layout(form, data).score is None


def test_signatures_and_recipients():
    form, data = commune()
    layout = build_layout(form, data)
    assert layout.preparer.titles == ("NGƯỜI LẬP BIỂU",)
    assert layout.preparer.name == "Nguyễn Thị Hoa"
    assert layout.approver.titles == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert layout.approver.name == "Hoàng Văn Nam"
    assert layout.recipients == ("- UBND huyện Chợ Đồn (để b/c);", "- Lưu: VT.")


def test_district_and_other_units():
    form, data = district()
    layout = build_layout(form, data)
    assert layout.header.parent_agency == "UBND TỈNH BẮC KẠN"
    assert layout.header.issuer == ("ỦY BAN NHÂN DÂN", "HUYỆN CHỢ ĐỒN")
    assert layout.score is not None
    # a unit that is not a People's Committee, with no parent
    data["unit"] = {"code": "X1", "name": "Phòng Văn hóa - Thông tin", "parent_code": None}
    layout = build_layout(form, data)
    assert layout.header.parent_agency is None
    assert layout.header.issuer == ("PHÒNG VĂN HÓA - THÔNG TIN",)
    assert layout.header.number == "Số: ……/BC"
    assert layout.approver.titles == ("THỦ TRƯỞNG ĐƠN VỊ",)
    assert layout.recipients == ("- Lưu: VT.",)


def test_text_is_nfc():
    form, data = commune()
    nfd = unicodedata.normalize("NFD", "Bình Trung")
    data["place"] = nfd
    data["comments"]["cbcc_tong"] = unicodedata.normalize("NFD", "Đã rà soát")
    layout = build_layout(form, data)
    assert layout.header.place_date.startswith("Bình Trung,")
    assert _field_rows(layout)["cbcc_tong"].note == "Đã rà soát"


def test_helpers():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert section_title("VIII. Khó khăn") == "Khó khăn"
    assert section_title("Hạ tầng") == "Hạ tầng"


def test_paragraphs_cut_long_text_between_words():
    text = "Mở đầu.\n\n" + "chữ " * 1000
    parts = paragraphs(text)
    assert parts[0] == "Mở đầu." and len(parts) > 3
    assert all(0 < len(p) <= 1200 for p in parts)
    assert " ".join(parts[1:]).split() == ["chữ"] * 1000


def test_a_version_serving_a_later_year_names_that_year_once():
    """A form version covers the years after its own: the 2026 district form serving 2027
    must not print "… năm 2026 năm 2027" (issue 17)."""
    from desktop_app.core.periods import Period
    from desktop_app.packets.layout import _summary as summary_of
    from desktop_app.workspace.workspace import shipped_forms

    form = shipped_forms().get("cntt-huyen", 2026)
    assert summary_of(form, Period.parse("2026")).endswith("cấp huyện năm 2026")
    later = summary_of(form, Period.parse("2027"))
    assert later.endswith("cấp huyện năm 2027") and "2026" not in later
