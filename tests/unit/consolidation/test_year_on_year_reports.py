"""The consolidated PDF and workbook beside the previous period (2026 on form 2026.1
against 2025 on form 2022.1, one commune not reported in 2025), and the yes/no lines:
"N/M xã …" in each field's own statement, the denominator explained, blanks named."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop_app.consolidation import (
    ExpectedUnit,
    ReportInfo,
    UnitReport,
    consolidate,
    district_statements,
    rank_units,
    typed_inputs,
)
from desktop_app.consolidation.compare import consolidated_year_on_year
from desktop_app.consolidation.reports import write_reports
from desktop_app.core.comparison import NONE
from desktop_app.core.forms import load_form_file
from desktop_app.core.units import Catalogue
from desktop_app.workspace.entry import read_values_file
from tests.conftest import PROJECT

FORM = load_form_file(PROJECT / "forms" / "cntt-xa-2026.yaml")
BEFORE = load_form_file(PROJECT / "forms" / "cntt-xa-2022.yaml")
INFO = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn")
LATE = "02083"  # did not report in 2025
BLANK = "02020"  # Thị trấn Bằng Lũng leaves "LAN" blank in 2026


def _reports(form, drop=(), blank=()) -> list[UnitReport]:
    catalogue = Catalogue.load("legacy")
    out = []
    for path in sorted((PROJECT / "resources" / "samples").glob("cntt-xa_2026_*.json")):
        data = read_values_file(path)
        unit = catalogue.require(data["unit"])
        if unit.code in drop:
            continue
        raw = {k: v for k, v in data["values"].items() if k in form.fields}
        values = typed_inputs(form, raw)
        if unit.code in blank:
            values.pop("co_mang_lan", None)
        if form is BEFORE:  # a year earlier: fewer documents signed
            values["vb_di_ky_so"] = int(values["vb_di_ky_so"] * Decimal("0.8"))
        out.append(UnitReport(unit.code, unit.name, form, values))
    return out


@pytest.fixture(scope="module")
def consolidations():
    expected = [ExpectedUnit(u.code, u.name) for u in Catalogue.load("legacy").children("064")]
    now = consolidate(FORM, _reports(FORM, blank={BLANK}), expected)
    before = consolidate(BEFORE, _reports(BEFORE, drop={LATE}), expected)
    return now, before


@pytest.fixture(scope="module")
def written(consolidations, tmp_path_factory):
    now, before = consolidations
    yoy = consolidated_year_on_year(now, before, "2025")
    return write_reports(
        tmp_path_factory.mktemp("yoy"), now, INFO, ranking=rank_units(now),
        statements=district_statements(now), year_on_year=yoy,
    )  # fmt: skip


def test_figures_are_compared_across_the_version_change(consolidations):
    now, before = consolidations
    yoy = consolidated_year_on_year(now, before, "2025")
    signed = yoy.rows["vb_di_ky_so"]
    assert signed.current == now.figures.values["vb_di_ky_so"]
    assert signed.previous == before.figures.values["vb_di_ky_so"]
    assert signed.change == signed.current - signed.previous > 0
    assert yoy.rows["co_wifi_mot_cua"].previous is None  # not on the 2022 form
    assert (yoy.reported, yoy.expected) == (19, 20)
    nothing = consolidated_year_on_year(now, None, "2025")
    assert all(c.previous is None and c.change is None for c in nothing.rows.values())


def test_the_pdf_has_the_year_on_year_section(written, tmp_path):
    text = subprocess.run(
        ["pdftotext", "-layout", str(written.pdf), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    assert "V. CÁC CHỈ SỐ TỔNG HỢP SO VỚI NĂM 2025" in text
    assert "Năm 2025: 19/20 xã đã nộp báo cáo; Năm 2026: 20/20." in text
    section = text[text.index("V. CÁC CHỈ SỐ TỔNG HỢP") :].splitlines()

    def row_of(words: str) -> list[str]:
        # a label wraps in its cell: the figures stand on one of the row's lines
        at = next(i for i, line in enumerate(section) if words in line)
        return section[at : at + 3]

    # not on the 2022 form: "—", never empty
    assert any(line.split()[-2:] == [NONE, NONE] for line in row_of("Wi-Fi miễn phí"))
    staff = row_of("Tổng số cán bộ, công chức")
    assert any(line.split() and line.split()[-1].startswith(("+", "-", "0")) for line in staff)


def test_each_section_sheet_has_the_previous_figures_and_the_change(written):
    # the totals are formulas with their results cached beside them (data_only reads those)
    book = load_workbook(written.xlsx, data_only=True)
    sheet = next(book[n] for n in book.sheetnames if n.startswith("I. "))
    rows = list(sheet.iter_rows(values_only=True))
    heads = rows[1]
    at = {r[0]: r for r in rows if isinstance(r[0], str)}
    assert "Năm 2025" in at and "Tăng, giảm" in at
    col = heads.index(next(h for h in heads if h and h.startswith("Tổng số cán bộ")))
    total, before, change = at["Tổng hợp chung"][col], at["Năm 2025"][col], at["Tăng, giảm"][col]
    assert isinstance(before, int) and change == total - before
    wifi = heads.index(next(h for h in heads if h and "Wi-Fi" in h))
    assert at["Năm 2025"][wifi] == NONE and at["Tăng, giảm"][wifi] == NONE


def test_every_yes_no_field_has_its_own_line_with_blanks_named(consolidations):
    now, before = consolidations
    lines = {s.id: s for s in district_statements(now)}
    for f in FORM.fields.values():
        if f.type == "boolean":
            assert lines[f.id].text.vi.endswith(f.statement.vi) or (
                f"{f.statement.vi} (" in lines[f.id].text.vi
            ), f.id
    lan = lines["co_mang_lan"]
    assert lan.of == 19 and lan.blank == (BLANK,)
    assert (
        lan.text.vi == f"{lan.count}/19 xã có mạng nội bộ (LAN) (1 xã để trống: Thị trấn Bằng Lũng)"
    )
    assert "left blank by 1: Thị trấn Bằng Lũng" in lan.text.en
    assert lines["co_cts_co_quan"].text.vi == "20/20 xã có chứng thư số của cơ quan"
    assert "xã UBND xã" not in " ".join(s.text.vi for s in lines.values())  # no glued label
    # a year with a unit not reported says why the count is over 19
    earlier = {s.id: s for s in district_statements(before)}
    fibre = earlier["co_cap_quang"]
    assert fibre.text.vi.startswith(f"{fibre.count}/19 xã có đường truyền Internet cáp quang")
    assert fibre.text.vi.endswith("(19 xã đã nộp, 1 chưa nộp)")
