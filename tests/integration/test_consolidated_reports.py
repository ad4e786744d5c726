"""The consolidated workbook and PDF of the 20 Chợ Đồn samples, read back with openpyxl,
LibreOffice, pdftotext and pdffonts: what the officer and the leadership will see."""

from __future__ import annotations

import csv
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop_app.consolidation import ReportInfo, consolidate
from desktop_app.consolidation.reports import write_reports
from tests.pdf_boxes import collisions, outside_margins
from tests.pdf_boxes import words as word_boxes
from tests.unit.consolidation.samples import expected_units, raw_values, sample_reports, xa_form

INFO = ReportInfo(
    "Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn",
    "Nguyễn Văn An", "Hoàng Thị Bình",
)  # fmt: skip
MISSING = "02080"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    reports = [r for r in sample_reports() if r.unit_code != MISSING]
    c = consolidate(xa_form(), reports, expected_units())
    return c, write_reports(tmp_path_factory.mktemp("report"), c, INFO)


def test_workbook_has_real_numbers_and_the_expected_sheets(written):
    _c, out = written
    wb = load_workbook(out.xlsx)
    assert wb.sheetnames[0] == "Xếp hạng" and "Tình hình nộp" in wb.sheetnames
    ranking = wb["Xếp hạng"]
    assert ranking.page_setup.orientation == "landscape" and ranking.freeze_panes
    first = out.ranking.rows[0]
    header_row = 3  # a provisional note sits under the title
    row = [cell.value for cell in ranking[header_row + 1]]
    assert row[:3] == [1, first.code, first.name]
    assert isinstance(row[3 + len(out.ranking.section_ids)], (int, float))
    assert Decimal(str(row[3 + len(out.ranking.section_ids)])) == first.total
    infra = wb[wb.sheetnames[1]]
    heads = [cell.value for cell in infra[2]]
    col = heads.index("Tổng số cán bộ, công chức cấp xã (người)") + 1
    numbers = [infra.cell(r, col).value for r in range(3, 3 + 20)]
    raw = raw_values()
    assert sum(n for n in numbers if n is not None) == sum(
        v["cbcc_tong"] for u, v in raw.items() if u != MISSING
    )
    assert (col, infra.cell(23, col).value) == (4, "=SUM(D3:D22)")  # computed: test_workbook_prints
    assert infra.cell(3, col).number_format == "#,##0"
    status = [[cell.value for cell in r] for r in wb["Tình hình nộp"].iter_rows(min_row=3)]
    assert [r[3] for r in status if r[1] == MISSING] == ["Chưa nộp"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_reads_the_ranking_as_numbers(written, tmp_path):
    _, out = written
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(out.xlsx)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    rows = list(csv.reader((tmp_path / f"{out.xlsx.stem}.csv").open(encoding="utf-8")))
    assert rows[0][0].startswith("BẢNG XẾP HẠNG")
    first = out.ranking.rows[0]
    data = rows[3]
    assert data[1] == first.code and data[2] == first.name
    assert Decimal(data[3 + len(out.ranking.section_ids)]) == first.total


def test_pdf_text_and_embedded_fonts(written):
    _c, out = written
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "tạm tính", "Biểu đồ 1",
                  "CÁC ĐƠN VỊ CHƯA NỘP BÁO CÁO", "Xã Bình Trung", "19/20 xã đã nộp báo cáo",
                  "TM. ỦY BAN NHÂN DÂN", "Hoàng Thị Bình"):  # fmt: skip
        assert words in text, words
    assert out.ranking.rows[0].name in text
    fonts = subprocess.run(
        ["pdffonts", str(out.pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), fonts
    assert not any("Helvetica" in line for line in fonts)


def test_pdf_is_deterministic(written, tmp_path):
    c, out = written
    again = write_reports(tmp_path, c, INFO)
    assert again.pdf.read_bytes() == out.pdf.read_bytes()


def test_pdf_pages_margins_recipients_and_no_colliding_text(written):
    _c, out = written
    found = word_boxes(out.pdf)
    sizes = {(w.page, w.width, w.height) for w in found}
    first = next(s for s in sizes if s[0] == 1)
    assert first[1] < first[2]  # the motto's page: A4 portrait
    ranking_page = next(w.page for w in found if w.text == "XẾP" and w.top < 120)
    turned = next(s for s in sizes if s[0] == ranking_page)
    assert turned[1] > turned[2]  # only the wide ranking is landscape
    assert [s for s in sizes if s[0] != ranking_page and s[1] > s[2]] == []
    assert not outside_margins(found, 15)  # Decree 30 minimums; charts included
    assert collisions(found) == []
    # "Nơi nhận" at the left, level with the leader's title at the right, on the last page
    last = max(w.page for w in found)
    recipients = next(w for w in found if w.text == "Nơi" and w.page == last)
    chair = next(w for w in found if w.text == "TM." and w.page == last)
    assert abs(recipients.top - chair.top) < 4 and recipients.x1 < chair.x0
    # the rating as on screen and in the workbook: code and label
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    first_row = out.ranking.rows[0]
    assert f"{first_row.band.code} – {first_row.band.label.vi}" in text
    assert "UBND tỉnh Bắc Kạn (để b/c);" in text and "Lưu: VT." in text
