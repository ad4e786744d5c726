"""The consolidated workbook read back cell by cell: every figure a real number in its
field's format, texts as the communes wrote them, and the page set up for printing."""

from __future__ import annotations

import dataclasses
import datetime
import io
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
                total = ws.cell(total_row, col)
                assert Decimal(str(total.value)) == c.figures.values[f.id] and total.font.b
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
        for row in ws.iter_rows(min_row=3)
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
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth) == ("landscape", 9, 1)
        assert setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.column_dimensions["A"].width > 0
        if ws.title != "Kết quả chung":
            header = 3 if ws.title == "Xếp hạng" else 2
            assert ws.print_title_rows == f"${header}:${header}"
            assert ws.freeze_panes == f"D{header + 1}"
            assert ws.cell(header, 1).font.b and ws.cell(header, 1).border.top.style == "thin"
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
