"""The district's consolidated work in the window (issue 6): open the ranking of the 20
communes from the menu, print-preview the consolidated report and print it to a PDF file,
open it in Excel, follow a commune's trend; and pre-fill the district's own report from
the communes' reports, each pre-filled field marked, an overridden one marked apart."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.main_window import MainWindow
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 12, 20)


@pytest.fixture(scope="module")
def received(tmp_path_factory):
    chodon = F.build_fleet(tmp_path_factory)
    return F.received_district(chodon, tmp_path_factory.mktemp("huyen") / "data")


@pytest.fixture
def window(qtbot, received, tmp_path, monkeypatch):
    import shutil

    data_dir = shutil.copytree(received, tmp_path / "data")
    monkeypatch.setenv("HOME", str(tmp_path))  # the reports folder goes under Documents
    with F.open_ws(data_dir) as ws:
        from desktop_app.storage import set_setting

        set_setting(ws.db, "export_dir", str(tmp_path / "BaoCaoCNTT"))
        made = MainWindow(ws, dialogs=ScriptedDialogs(), today=TODAY)
        qtbot.addWidget(made)
        yield made
        made.close()


def _pages(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", out.stdout).group(1))


def test_ranking_print_preview_print_to_pdf_and_excel(qtbot, window, tmp_path):
    from desktop_app.ui.district.print_preview import PdfPrintPreview, print_pdf_to_file

    window.receiving.consolidation_action.trigger()  # F10
    district = window.receiving.district
    qtbot.waitUntil(lambda: district.ranking_view is not None, timeout=20000)
    ranking = district.ranking_view
    assert ranking.submitted.text().startswith("20/20")
    places = ranking.shown_column("rank")
    assert len(places) == 20 and places[0] == "1"
    assert district.tabs.count() == 3  # the ranking, the appraisal and the trend

    ranking.print_requested.emit()  # «In báo cáo tổng hợp…»
    qtbot.waitUntil(lambda: isinstance(district.preview, PdfPrintPreview), timeout=30000)
    preview = district.preview
    pdf = district.reports.pdf
    assert pdf.parent == tmp_path / "BaoCaoCNTT" / "TongHop"
    qtbot.waitUntil(lambda: preview.preview_widget.pageCount() == _pages(pdf), timeout=10000)
    printed = tmp_path / "in-ra.pdf"
    assert print_pdf_to_file(pdf, printed) == _pages(pdf) and _pages(printed) == _pages(pdf)
    preview.close()

    ranking.open_excel_requested.emit()  # the same files, not written again
    assert window.dialogs.opened_files == [district.reports.xlsx]

    code = district.district.consolidation.expected[0].code
    district.show_unit_trend(code)
    assert district.tabs.currentWidget() is district.trend_view
    assert district.trend_view.unit_combo.currentData() == code
    district.close()


def test_prefill_marks_the_fields_taken_from_the_communes(qtbot, window):
    window.open_report("cntt-huyen", "2026")
    assert "&Tiếp nhận" in [a.text() for a in window.menuBar().actions()]
    window.receiving.prefill_action.trigger()
    shown = window.dialogs.shown
    qtbot.waitUntil(lambda: bool(shown) and shown[-1][0] in ("info", "error"), timeout=20000)
    kind, _title, summary = shown[-1]
    assert kind == "info", summary
    assert "20/20" in summary
    entry = window.entry
    entry.go_to_field("xa_so_bao_cao")
    row = entry.rows["xa_so_bao_cao"]
    assert row.editor.property("prefilled") == "same"
    assert row.editor.text() == "20"
    assert "Tổng hợp từ báo cáo của đơn vị cấp dưới" in row.editor.toolTip()

    entry.go_to_field("xa_cbcc_tong")
    row = entry.rows["xa_cbcc_tong"]
    assert row.editor.property("prefilled") == "same"
    taken = row.editor.text()
    row.editor.setText("295")  # the officer knows better, and is asked to say why
    row.editor.editingFinished.emit()
    assert row.editor.property("prefilled") == "overridden"
    assert "Đã sửa khác số tổng hợp" in row.editor.toolTip()
    assert row.message.isVisibleTo(entry) and "ghi lý do" in row.message.text()
    assert taken in row.message.text()
