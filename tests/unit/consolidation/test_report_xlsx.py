"""The consolidated workbook read back cell by cell: every figure a real number in its
field's format, texts as the communes wrote them, and the page set up for printing."""

from __future__ import annotations

import dataclasses
import datetime
import io
import math
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop_app.consolidation import ReportInfo, consolidate, district_statements, rank_units
from desktop_app.consolidation.report_xlsx import write_consolidated_xlsx

from .samples import expected_units, sample_reports, xa_form

INFO = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn", "A", "B")
MISSING = "02080"
FORMULA_LIKE = "=SUM(A1:A9) là chữ, không phải công thức"


def _format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


@pytest.fixture(scope="module")
def book():
    form = xa_form()
    reports = [r for r in sample_reports() if r.unit_code != MISSING]
    text = next(f for f in form.fields.values() if f.type == "text" and not f.is_computed)
    reports[0] = dataclasses.replace(
        reports[0], values={**reports[0].values, text.id: FORMULA_LIKE}
    )
    c = consolidate(form, reports, expected_units())
    ranking = rank_units(c)
    out = io.BytesIO()
    write_consolidated_xlsx(out, c, ranking, district_statements(c), INFO)
    return c, ranking, out.getvalue()


def test_every_figure_is_a_number_in_its_fields_format(book):
    c, _, content = book
    wb = load_workbook(io.BytesIO(content))
    numbers = 0
    for index, section in enumerate(c.form.sections, start=1):
        ws = wb.worksheets[index]
        assert ws.cell(2, 1).value == "STT"
        total_row = 3 + len(c.expected)
        for col, f in enumerate(section.fields, start=4):
            for row, unit in enumerate(c.expected, start=3):
                cell = ws.cell(row, col)
                assert ws.cell(row, 2).value == unit.code
                value = c.values_by_unit.get(unit.code, {}).get(f.id)
                if value is None:
                    assert cell.value is None, (f.id, unit.code)
                elif f.is_numeric:
                    assert cell.data_type == "n" and isinstance(cell.value, (int, float)), f.id
                    assert Decimal(str(cell.value)) == value, (f.id, unit.code)
                    want = "#,##0" if f.type == "integer" else _format(f.display_decimals)
                    assert cell.number_format == want, f.id
                    numbers += 1
                elif f.type == "boolean":
                    assert cell.value == ("Có" if value else "Không")
                elif f.type == "date":
                    assert cell.value == datetime.datetime.combine(value, datetime.time())
                    assert cell.is_date
            if f.is_numeric and c.figures.values.get(f.id) is not None:
                # a formula over the unit rows (its value: tests/integration/
                # test_workbook_prints.py, computed by LibreOffice)
                total = ws.cell(total_row, col)
                assert total.data_type == "f" and total.font.b, f.id
                column = total.column_letter
                if f.aggregate == "sum":
                    assert total.value == f"=SUM({column}3:{column}{total_row - 1})"
                assert total.number_format == ws.cell(3, col).number_format
        assert ws.cell(total_row, 1).value == "Tổng hợp chung"
        assert f"A{total_row}:C{total_row}" in ws.merged_cells
    assert numbers > 19 * 40  # the sample communes' figures, not a handful


def test_ranking_and_status_figures_are_numbers(book):
    _c, ranking, content = book
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Xếp hạng"]
    assert ws.cell(3, 1).value == "Hạng"  # title, the provisional note, then the header
    n = len(ranking.section_ids)
    for row, expected in zip(ws.iter_rows(min_row=4), ranking.rows, strict=True):
        assert (row[0].value, row[0].number_format) == (expected.rank, "0")
        for cell, section in zip(row[3 : 3 + n], ranking.section_ids, strict=True):
            assert cell.data_type == "n" and cell.number_format == "0.00"
            assert Decimal(str(cell.value)) == expected.by_section[section]
        total = row[3 + n]
        assert Decimal(str(total.value)) == expected.total and total.number_format == "0.00"
        assert total.font.b
    status = wb["Tình hình nộp"]
    for row in status.iter_rows(min_row=3):
        if row[1].value == MISSING:
            assert row[3].value == "Chưa nộp" and row[3].font.b and row[4].value is None
        else:
            assert (row[4].value, row[4].number_format) == (1, "0")


def test_texts_stay_texts_without_a_stray_apostrophe(book):
    c, _, content = book
    wb = load_workbook(io.BytesIO(content))
    texts = [
        cell
        for ws in wb.worksheets[1 : 1 + len(c.form.sections)]
        for row in ws.iter_rows(min_row=3, max_row=2 + len(c.expected))
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    ]
    assert FORMULA_LIKE in [t.value for t in texts]
    assert len(texts) > 20  # the communes' bulleted "- Đề nghị …" answers
    for cell in texts:
        assert cell.data_type == "s" and cell.quotePrefix and not cell.value.startswith("'")


def test_pages_print_landscape_with_the_header_frozen_and_repeated(book):
    c, _, content = book
    wb = load_workbook(io.BytesIO(content))
    assert wb.sheetnames[0] == "Xếp hạng" and wb.sheetnames[-2:] == [
        "Tình hình nộp",
        "Kết quả chung",
    ]
    assert len(wb.sheetnames) == len(c.form.sections) + 3
    split = 0
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9)
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            # fitted only when narrow enough to stay readable (tests/integration)
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        else:
            assert setup.scale == 80 and ws.print_title_cols == "$A:$C", ws.title
            split += 1
        assert ws.column_dimensions["A"].width > 0
        if ws.title != "Kết quả chung":
            header = 3 if ws.title == "Xếp hạng" else 2
            assert ws.print_title_rows == f"${header}:${header}"
            assert ws.freeze_panes == f"D{header + 1}"
            assert ws.cell(header, 1).font.b and ws.cell(header, 1).border.top.style == "thin"
            # tall enough for the longest header's wrapped lines: a column of width w
            # holds at most about w letters of bold 11 pt a line, 15 pt a line
            lines = max(
                math.ceil(len(cell.value) / ws.column_dimensions[cell.column_letter].width)
                for cell in ws[header]
            )
            assert ws.row_dimensions[header].height >= 15 * lines, ws.title
    assert split >= 3  # the wide sections and the ranking
    # a reader streaming the sheets (read-only mode, as pandas uses) knows their size
    streamed = load_workbook(io.BytesIO(content), read_only=True)
    assert streamed["Tình hình nộp"].max_row == 2 + len(c.expected)
    assert streamed["Xếp hạng"].max_column == wb["Xếp hạng"].max_column


def test_dates_read_day_month_year(book):
    _, _, content = book
    wb = load_workbook(io.BytesIO(content))
    dated = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, datetime.datetime)
    ]
    assert dated, "the samples carry the date the plan was issued"
    assert {cell.number_format for cell in dated} == {"dd/mm/yyyy"}


def test_sheets_are_named_by_section_number_and_short_name(book):
    c, _, content = book
    wb = load_workbook(io.BytesIO(content))
    names = wb.sheetnames[1 : 1 + len(c.form.sections)]
    assert names[:3] == ["I. Hạ tầng kỹ thuật", "II. Ứng dụng CNTT", "III. DVC trực tuyến, một cửa"]
    for name, section in zip(names, c.form.sections, strict=True):
        # "/" is not allowed in a sheet name: "IV. Cổng-Trang TTĐT"
        assert len(name) <= 31 and name.endswith(section.short_title.vi.replace("/", "-"))


def test_submission_time_is_a_date_time_cell(tmp_path):
    form = xa_form()
    stamp = "2027-01-15T01:30:00+00:00"  # 08:30 in Vietnam
    reports = [dataclasses.replace(r, submitted_at=stamp) for r in sample_reports()]
    c = consolidate(form, reports, expected_units())
    out = io.BytesIO()
    write_consolidated_xlsx(out, c, rank_units(c), district_statements(c), INFO)
    status = load_workbook(io.BytesIO(out.getvalue()))["Tình hình nộp"]
    cell = status.cell(3, 6)
    assert cell.value == datetime.datetime(2027, 1, 15, 8, 30)
    assert cell.number_format == "dd/mm/yyyy hh:mm"


def test_totals_stay_values_when_unexpected_units_count_in_them():
    form = xa_form()
    expected = [u for u in expected_units() if u.code != "02020"]
    c = consolidate(form, sample_reports(), expected)
    assert c.unexpected == ["02020"]
    out = io.BytesIO()
    write_consolidated_xlsx(out, c, rank_units(c), district_statements(c), INFO)
    ws = load_workbook(io.BytesIO(out.getvalue())).worksheets[1]
    total_row = 3 + len(expected)
    assert ws.cell(total_row, 4).data_type == "n"
    assert (
        Decimal(str(ws.cell(total_row, 4).value)) == c.figures.values[form.sections[0].fields[0].id]
    )


def test_the_totals_results_are_stored_for_readers_that_do_not_calculate(book):
    c, _, content = book
    formulas = load_workbook(io.BytesIO(content))
    values = load_workbook(io.BytesIO(content), data_only=True)
    total_row = 3 + len(c.expected)
    cached = 0
    for index, section in enumerate(c.form.sections, start=1):
        for col, f in enumerate(section.fields, start=4):
            if formulas.worksheets[index].cell(total_row, col).data_type != "f":
                continue
            value = values.worksheets[index].cell(total_row, col).value
            assert Decimal(str(value)) == Decimal(c.figures.values[f.id]), f.id
            cached += 1
    assert cached > 50
