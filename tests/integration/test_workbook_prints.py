"""The consolidated workbook as an officer's LibreOffice opens and prints it, on a PC
set to Vietnamese and on one set to English: the totals' formulas compute the
application's figures (and follow a corrected unit value), numbers show as each locale
writes them, and no printed text is smaller than 8 pt."""

from __future__ import annotations

import csv
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.consolidation import ReportInfo, consolidate, district_statements, rank_units
from desktop_app.consolidation.report_xlsx import write_consolidated_xlsx
from tests.libreoffice import convert, csv_of_sheet, needs_libreoffice, type_sizes
from tests.unit.consolidation.samples import expected_units, sample_reports, xa_form

pytestmark = [pytest.mark.slow, needs_libreoffice]

INFO = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn", "A", "B")
MISSING = "02080"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("book")
    reports = [r for r in sample_reports() if r.unit_code != MISSING]
    c = consolidate(xa_form(), reports, expected_units())
    path = tmp / "tong-hop.xlsx"
    write_consolidated_xlsx(path, c, rank_units(c), district_statements(c), INFO)
    return c, path


def _recalculated(path: Path, out: Path):
    convert(path, "xlsx:Calc MS Excel 2007 XML", out)
    return load_workbook(out / path.name, data_only=True)


def _close(a: float, b: Decimal) -> bool:
    return abs(Decimal(str(a)) - b) <= Decimal("1e-9") * max(1, abs(b))


def test_every_total_is_a_formula_libreoffice_computes_to_the_figure(book, tmp_path):
    c, path = book
    written = load_workbook(path)
    computed = _recalculated(path, tmp_path / "calc")
    total_row = 3 + len(c.expected)
    formulas = 0
    for index, section in enumerate(c.form.sections, start=1):
        sheet = written.worksheets[index].title
        for col, f in enumerate(section.fields, start=4):
            figure = c.figures.values.get(f.id)
            cell = written[sheet].cell(total_row, col)
            if cell.data_type != "f":
                continue
            formulas += 1
            value = computed[sheet].cell(total_row, col).value
            assert figure is not None and _close(value, Decimal(figure)), (f.id, cell.value)
            # unit values stay values
            assert written[sheet].cell(3, col).data_type != "f"
    assert formulas > 50  # sums, counts of yes and ratios across the sections


def test_a_corrected_unit_value_updates_the_total(book, tmp_path):
    c, path = book
    wb = load_workbook(path)
    ws = wb.worksheets[1]  # I. Hạ tầng kỹ thuật
    heads = [cell.value for cell in ws[2]]
    total_col = heads.index("Tổng số cán bộ, công chức cấp xã (người)") + 1
    ratio_col = heads.index("Tỷ lệ cán bộ, công chức có máy tính (%)") + 1
    total_row = 3 + len(c.expected)
    ws.cell(3, total_col).value += 10  # the first commune had 10 officials more
    corrected = tmp_path / "sua.xlsx"
    wb.save(corrected)
    computed = _recalculated(corrected, tmp_path / "calc")[ws.title]
    total = c.figures.values["cbcc_tong"] + 10
    assert computed.cell(total_row, total_col).value == total
    # the ratio: the summed numerator over the new summed denominator, not an average
    # (rounded to its one decimal, as the application rounds it)
    ratio = round(Decimal(c.figures.values["cbcc_co_may_tinh"]) / total * 100, 1)
    assert ratio != c.figures.values["ty_le_cbcc_co_may_tinh"]
    assert _close(computed.cell(total_row, ratio_col).value, ratio)


@pytest.mark.parametrize(("locale", "decimal_mark"), [("vi-VN", ","), ("en-US", ".")])
def test_numbers_show_as_the_pc_locale_writes_them(book, tmp_path, locale, decimal_mark):
    c, path = book
    convert(path, csv_of_sheet(2), tmp_path, locale)
    [out] = tmp_path.glob("*.csv")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    heads = rows[1]
    col = heads.index("Tỷ lệ cán bộ, công chức có máy tính (%)")
    total = rows[2 + len(c.expected)]
    assert total[0] == "Tổng hợp chung"
    figure = Decimal(c.figures.values["cbcc_co_may_tinh"]) / c.figures.values["cbcc_tong"] * 100
    assert total[col] == f"{figure:.1f}".replace(".", decimal_mark)


@pytest.mark.parametrize("locale", ["vi-VN", "en-US"])
def test_every_printed_text_is_at_least_8_pt(book, tmp_path, locale):
    c, path = book
    convert(path, "pdf", tmp_path, locale)
    pdf = tmp_path / "tong-hop.pdf"
    sizes = type_sizes(pdf)
    smallest = min(size for page in sizes for size in page)
    assert smallest >= 8, smallest
    # wide sections are split across pages: more pages than sheets, and every page of a
    # section repeats the unit columns and the header
    assert len(sizes) > len(c.form.sections) + 3
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    first_unit = c.expected[0].name
    # split across the width: the first unit's name on more pages than there are sheets
    assert sum(first_unit in p for p in pages) > len(c.form.sections) + 2
    for page in pages:
        if "Tổng hợp chung" in page or first_unit in page:
            assert "Mã" in page and "Đơn vị" in page  # header row and unit columns
