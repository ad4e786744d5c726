"""report.xlsx: real numbers, text that stays text, print setup, the same bytes twice."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from desktop_app.packets.excel import render_xlsx
from desktop_app.packets.layout import TABLE_HEADERS
from desktop_app.packets.score_sheet import PENDING
from tests.unit.packets.report_data import commune, district


@pytest.fixture(scope="module")
def commune_report():
    form, data = commune()
    return form, data, render_xlsx(form, data)


def _open(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def _table(ws):
    """Row number of the table header, and {label: row} below it."""
    header = next(r for r in ws.iter_rows() if tuple(c.value for c in r[:5]) == TABLE_HEADERS)
    start = header[0].row
    labels = {ws.cell(row=r, column=2).value: r for r in range(start + 1, ws.max_row + 1)}
    return start, labels


def test_numbers_are_numbers_equal_to_data_json(commune_report):
    form, data, content = commune_report
    ws = _open(content)["Báo cáo"]
    _, labels = _table(ws)
    checked = 0
    for fid, raw in {**data["values"], **data["computed"]}.items():
        field = form.fields[fid]
        if not field.is_numeric:
            continue
        cell = ws.cell(row=labels[field.label.vi], column=4)
        assert cell.data_type == "n", fid
        assert Decimal(str(cell.value)) == Decimal(str(raw)), fid
        decimals = 0 if field.type == "integer" else 1  # the forms' display decimals
        assert cell.number_format == ("#,##0" if decimals == 0 else "#,##0.0"), fid
        checked += 1
    assert checked > 40


def test_other_values_as_people_read_them(commune_report):
    form, _, content = commune_report
    ws = _open(content)["Báo cáo"]
    _, labels = _table(ws)

    def value(fid):
        return ws.cell(row=labels[form.fields[fid].label.vi], column=4).value

    assert value("co_cap_quang") == "Có"
    assert value("co_phuong_an_attt") == "Không"
    assert value("hinh_thuc_phu_trach_cntt") == "Kiêm nhiệm"
    assert value("ngay_ban_hanh_ke_hoach_cntt") == datetime.datetime(2026, 2, 5)
    row = labels[form.fields["ngay_ban_hanh_ke_hoach_cntt"].label.vi]
    assert ws.cell(row=row, column=4).number_format == "dd/mm/yyyy"
    # free text follows its label, one paragraph a row
    row = labels[form.fields["kho_khan_vuong_mac"].label.vi]
    assert ws.cell(row=row + 1, column=2).value.startswith("- Một bộ phận người dân")


def test_text_is_never_a_formula(commune_report):
    form, _, content = commune_report
    wb = _open(content)
    ws = wb["Báo cáo"]
    _, labels = _table(ws)
    note = ws.cell(row=labels[form.fields["cbcc_tong"].label.vi], column=5)
    assert note.value == "=1+1" and note.data_type == "s"
    assert note.quotePrefix  # Excel keeps it text even when the cell is edited
    for fid, start in (("may_tinh_tong", "+2"), ("kinh_phi_cntt", "@")):
        cell = ws.cell(row=labels[form.fields[fid].label.vi], column=5)
        assert cell.value.startswith(start) and cell.data_type == "s" and cell.quotePrefix
    for sheet in wb:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    assert b"<f>" not in content and b"<f " not in content


def test_print_setup(commune_report):
    _, _, content = commune_report
    wb = _open(content)
    ws = wb["Báo cáo"]
    header_row, _ = _table(ws)
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_margins.left == pytest.approx(30 / 25.4)
    assert ws.page_margins.right == pytest.approx(15 / 25.4)
    assert ws.HeaderFooter.differentFirst and ws.oddHeader.center.text == "&P"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width
    label = ws.cell(row=header_row + 2, column=2)
    assert label.alignment.wrap_text and label.border.left.style == "thin"
    assert ws.row_dimensions[header_row + 2].height  # every table row is sized


def test_agency_motto_and_signature_blocks(commune_report):
    _, _, content = commune_report
    ws = _open(content)["Báo cáo"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for expected in (
        "UBND HUYỆN CHỢ ĐỒN",
        "ỦY BAN NHÂN DÂN",
        "XÃ BÌNH TRUNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: ……/BC-UBND",
        "Bình Trung, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "NGƯỜI LẬP BIỂU",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Hoàng Văn Nam",
        "Nơi nhận:",
    ):
        assert expected in texts, expected
    assert ws["A2"].font.b and ws["C2"].font.u == "single"


def test_self_assessment_sheet(commune_report):
    _, data, content = commune_report
    ws = _open(content)["Tự chấm điểm"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = rows.index(["STT", "Chỉ số", "Điểm tối đa", "Cách tính", "Điểm tự chấm", "Giải trình"])
    body = rows[header + 1 :]
    total = next(r for r in body if r[0] == "Tổng cộng")
    assert total[2] == 100 and Decimal(str(total[4])) == Decimal(data["score"]["total"])
    assert any(r[4] == PENDING for r in body)
    assert next(r for r in body if r[0] == "Xếp loại")[4] == "C"
    assert ws.print_title_rows == f"${header + 1}:${header + 1}"


def test_same_data_same_bytes(commune_report):
    form, data, content = commune_report
    assert render_xlsx(form, data) == content
    props = _open(content).properties
    assert props.created == props.modified == datetime.datetime(2027, 1, 5)


def test_district_form_and_no_score():
    form, data = district()
    wb = _open(render_xlsx(form, data))
    assert wb.sheetnames == ["Báo cáo", "Tự chấm điểm"]
    assert "HUYỆN CHỢ ĐỒN" in [c.value for row in wb["Báo cáo"].iter_rows() for c in row]
    data["score"] = None
    assert _open(render_xlsx(form, data)).sheetnames == ["Báo cáo"]


def test_long_free_text_fits_spreadsheet_rows():
    form, data = commune()
    data["values"]["kho_khan_vuong_mac"] = ("Nội dung rất dài " * 240).strip()
    data["comments"]["cbcc_tong"] = "Ghi chú dài " * 200
    ws = _open(render_xlsx(form, data))["Báo cáo"]
    heights = [d.height for d in ws.row_dimensions.values() if d.height]
    assert max(heights) <= 409  # Excel's limit
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert " ".join(texts).split().count("Nội") == 240  # nothing lost where the text was cut
