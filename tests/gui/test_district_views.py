"""The district officer's views, driven as a user would: the ranking (sorted by a header
click, a tie sharing its place, missing units), the trend chart, and the consolidated
report's print preview and printing — to a PDF file whose pages are then checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
)

from desktop_app.consolidation import (
    ReportInfo,
    UnitReport,
    consolidate,
    rank_units,
    trend,
)
from desktop_app.consolidation.reports import write_reports
from desktop_app.core.collation import vi_sort_key
from desktop_app.core.messages import AppError
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.district.open_externally import open_in_excel
from desktop_app.ui.district.print_preview import (
    PdfPrintPreview,
    open_pdf,
    preview_pdf,
    print_pdf_to_file,
)
from desktop_app.ui.district.ranking_view import RankingView
from desktop_app.ui.district.trend_chart import LINE, TARGET
from desktop_app.ui.district.trend_view import TrendView
from tests.gui.modal import when_modal
from tests.unit.consolidation.samples import expected_units, sample_reports, xa_form

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
INFO = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def _with_twin(reports: list[UnitReport], of: str) -> list[UnitReport]:
    """A made-up commune with exactly the figures of ``of``: the same score, a tie."""
    source = next(r for r in reports if r.unit_code == of)
    return [*reports, UnitReport("99999", "Xã Song Sinh", source.form, dict(source.values))]


def _tied_ranking():
    reports = sample_reports()
    sixteenth = rank_units(consolidate(xa_form(), reports, expected_units())).rows[15]
    c = consolidate(xa_form(), _with_twin(reports, sixteenth.code), expected_units())
    return c, rank_units(c), sixteenth


def _click_header(qtbot, view: RankingView, key: str) -> None:
    header = view.table.horizontalHeader()
    column = view.model.column(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


# -- ranking ------------------------------------------------------------------------------


def test_ranking_sorts_by_header_and_a_tie_shares_its_place(qtbot):
    c, ranking, sixteenth = _tied_ranking()
    view = RankingView(c, ranking, "vi", period="2026")
    qtbot.addWidget(view)
    view.resize(1366, 740)
    view.show()
    ranks = view.shown_column("rank")
    assert ranks[14:18] == ["15", "16", "16", "18"] and "17" not in ranks
    tied = [view.proxy.index(r, view.model.column("rank")) for r in (15, 16)]
    names = {view.proxy.index(i.row(), view.model.column("name")).data() for i in tied}
    assert names == {sixteenth.name, "Xã Song Sinh"}
    assert "Đồng hạng 16" in tied[0].data(Qt.ItemDataRole.ToolTipRole)
    assert not view.note.isVisible() and not view.missing.isVisible()

    _click_header(qtbot, view, "name")  # a first click sorts ascending
    shown = view.shown_column("name")
    assert shown == sorted(shown, key=vi_sort_key)
    assert shown.index("Xã Đồng Thắng") < shown.index("Xã Xuân Lạc")  # not Python's order
    _click_header(qtbot, view, "total")
    _click_header(qtbot, view, "total")  # a second click: descending
    totals = [Decimal(t.replace(".", "").replace(",", ".")) for t in view.shown_column("total")]
    assert totals == sorted(totals, reverse=True)
    assert view.shown_column("total")[0] == f"{ranking.rows[0].total:.2f}".replace(".", ",")


def test_missing_units_make_the_ranking_provisional_and_sort_last(qtbot):
    reports = sample_reports()
    c = consolidate(xa_form(), reports[2:], expected_units())
    previous = rank_units(consolidate(xa_form(), reports, expected_units()))
    ranking = rank_units(c, previous)
    view = RankingView(c, ranking, "vi")
    qtbot.addWidget(view)
    view.show()
    assert view.note.isVisible() and "tạm tính" in view.note.text()
    assert "còn 2 đơn vị chưa nộp" in view.note.text()
    assert view.missing.isVisible()
    assert all(u.name in view.missing.text() for u in c.missing)
    assert view.submitted.text() == "18/20 xã đã nộp báo cáo."
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.sort_by("total", order)
        assert view.shown_column("status")[-2:] == ["Chưa nộp", "Chưa nộp"]
        assert view.shown_column("total")[-2:] == ["", ""]
    # the change from last period is signed, Vietnamese-style
    changes = [t for t in view.shown_column("change") if t]
    assert changes and all(re.fullmatch(r"[+-]?\d+,\d\d", t) for t in changes)
    statements = [view.statements.item(i).text() for i in range(view.statements.count())]
    assert any(s.startswith("– ") and "/18 xã đạt chỉ tiêu" in s for s in statements)
    assert any(s.startswith("– Toàn huyện:") for s in statements)
    # each unit against the targets
    targets = view.targets_proxy
    assert targets.rowCount() == 18
    cell = targets.index(0, 1).data()
    assert cell.endswith("✓") or cell.endswith("✗") or cell == "chưa có số liệu"


def test_a_returned_report_still_ranks_and_says_so(qtbot):
    from desktop_app import consolidation

    if not hasattr(consolidation, "PacketRef"):
        pytest.skip("reports do not carry their packets yet")
    reports = sample_reports()
    first = reports[0]
    packet = consolidation.PacketRef(first.unit_code, 2, "p.zip", "0" * 64, review="returned")
    reports[0] = UnitReport(
        first.unit_code, first.unit_name, first.form, first.values, 2, packets=(packet,)
    )
    c = consolidate(xa_form(), reports, expected_units())
    view = RankingView(c, rank_units(c), "vi")
    qtbot.addWidget(view)
    view.sort_by("name")
    row = view.shown_column("code").index(first.unit_code)
    assert view.shown_column("status")[row] == "Đã trả lại, chờ bản sửa"
    assert view.shown_column("rank")[row] != ""


def test_double_click_asks_for_the_units_trend_and_buttons_ask_to_print(qtbot):
    c = consolidate(xa_form(), sample_reports(), expected_units())
    view = RankingView(c, rank_units(c), "vi")
    qtbot.addWidget(view)
    view.show()
    rect = view.table.visualRect(view.proxy.index(0, view.model.column("name")))
    # a real double click is press, release, then the double-click event
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.unit_activated) as activated:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [view.model.ranking.rows[0].code]
    with qtbot.waitSignal(view.print_requested):
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.open_excel_requested):
        qtbot.mouseClick(view.excel_button, Qt.MouseButton.LeftButton)


def test_open_in_excel_goes_through_the_dialogs_seam(tmp_path):
    workbook = tmp_path / "cntt-xa_2026_tong-hop.xlsx"
    workbook.write_bytes(b"PK")
    dialogs = ScriptedDialogs()
    assert open_in_excel(workbook, dialogs)
    assert dialogs.opened_files == [workbook] and dialogs.shown == []
    no_program = ScriptedDialogs(open_succeeds=False)
    assert not open_in_excel(workbook, no_program)
    assert no_program.shown[0][0] == "error" and "LibreOffice" in no_program.shown[0][2]
    gone = ScriptedDialogs()
    assert not open_in_excel(tmp_path / "none.xlsx", gone)
    assert gone.opened_files == [] and "Không tìm thấy" in gone.shown[0][2]


# -- trend --------------------------------------------------------------------------------


def _has_colour(image: QImage, colour: QColor, tolerance: int = 40) -> bool:
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red())
                + abs(c.green() - colour.green())
                + abs(c.blue() - colour.blue())
                < tolerance
            ):
                return True
    return False


def test_trend_chart_follows_the_chosen_indicator_and_unit(qtbot):
    reports = sample_reports()
    by_period = {
        "2025": consolidate(xa_form(), reports[1:], expected_units()),
        "2026": consolidate(xa_form(), reports, expected_units()),
    }
    rankings = {p: rank_units(c) for p, c in by_period.items()}
    units = [(r.unit_code, r.unit_name) for r in reports]
    view = TrendView(trend(by_period), xa_form(), "vi", units)
    view.unit_changed.connect(
        lambda code: view.set_trend(trend(by_period, code, rankings=rankings))
    )
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)

    at = view.indicator.findData("ty_le_vb_di_ky_so")
    view.indicator.setCurrentIndex(at)
    series = view.chart.series
    assert series.title.startswith("Tỷ lệ văn bản đi được ký số — Toàn huyện")
    assert series.periods == ("Năm 2025", "Năm 2026")
    assert series.values[1] == by_period["2026"].figures.values["ty_le_vb_di_ky_so"]
    assert series.target == 80 and series.target_label == "Chỉ tiêu ≥ 80%"
    assert view.table.selectionModel().selectedRows()[0].row() == at
    image = view.chart.grab().toImage()
    assert _has_colour(image, LINE) and _has_colour(image, TARGET)
    figure = view.model.index(at, 2).data()
    assert figure.endswith("%") and "," in figure  # 85,1%

    # another unit: the owner hands over its trend; its rank is drawn 1st-at-top
    first = reports[0].unit_code
    view.unit_combo.setCurrentIndex(view.unit_combo.findData(first))
    assert view.model.trend.unit == first
    assert view.current_indicator() == "ty_le_vb_di_ky_so"  # kept across units
    assert view.chart.series.values[0] is None  # the unit did not report in 2025: a gap
    view.choose_indicator("__rank")
    assert view.chart.series.inverted
    assert view.chart.series.values[1] == rankings["2026"].by_code()[first].rank


# -- print preview and printing -----------------------------------------------------------


@pytest.fixture(scope="module")
def consolidated_pdf(tmp_path_factory) -> Path:
    c = consolidate(xa_form(), sample_reports(), expected_units())
    return write_reports(tmp_path_factory.mktemp("report"), c, INFO).pdf


def _page_count(pdf: Path) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", out.stdout).group(1))


def _pages(pdf: Path, folder: Path) -> list[QImage]:
    """Every page as a small grey image, rendered by poppler (not by Qt,
    which printed them). 100 dpi then a smooth reduction: a printed page is an image, the
    source is vector art, and only averaged over areas do the two look alike."""
    folder.mkdir()
    command = [_tool("pdftoppm"), "-r", "100", "-gray", "-png", str(pdf), str(folder / "p")]
    subprocess.run(command, check=True)
    return [
        QImage(str(p))
        .convertToFormat(QImage.Format.Format_Grayscale8)
        .scaled(
            96, 68, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        for p in sorted(folder.glob("p-*.png"))
    ]


def _ink(image: QImage) -> float:
    """Share of pixels that are not white: a blank page has none."""
    pixels = [
        image.pixelColor(x, y).value() for y in range(image.height()) for x in range(image.width())
    ]
    return sum(1 for v in pixels if v < 240) / len(pixels)


def _difference(a: QImage, b: QImage) -> float:
    total = sum(
        abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
        for y in range(a.height())
        for x in range(a.width())
    )
    return total / (255 * a.width() * a.height())


def _closest(sheet: QImage, pages: list[QImage]) -> int:
    """The 0-based page of the source that ``sheet`` shows."""
    differences = [_difference(sheet, page) for page in pages]
    best = min(range(len(pages)), key=differences.__getitem__)
    assert differences[best] < 0.012, differences  # the same page, only rasterised
    return best


def _page_sizes(pdf) -> list[str]:
    """Each page as "portrait" or "landscape" A4, as pdfinfo reads its size."""
    info = subprocess.run([_tool("pdfinfo"), "-f", "1", "-l", "99", str(pdf)],
                          capture_output=True, text=True).stdout  # fmt: skip
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts \(A4\)", info)
    return ["landscape" if float(w) > float(h) else "portrait" for w, h in sizes]


def test_print_preview_renders_every_page_of_the_consolidated_report(qtbot, consolidated_pdf):
    pages = _page_count(consolidated_pdf)
    dialog = PdfPrintPreview(consolidated_pdf)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.painted) as painted:
        dialog.show()
    assert painted.args == [list(range(pages))]
    qtbot.waitUntil(lambda: dialog.preview_widget.pageCount() == pages)
    layout = dialog.printer.pageLayout()
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4


def test_print_from_the_preview_honours_range_and_copies(qtbot, consolidated_pdf, tmp_path):
    """The user's way: Print in the preview, then Qt's print dialog — print to file, pages
    3–4 (the landscape ranking, then a portrait page of charts), two collated copies."""
    out = tmp_path / "in-ra.pdf"
    dialog = PdfPrintPreview(consolidated_pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_widget.pageCount() > 0)

    def answer(print_dialog: QPrintDialog) -> None:
        print_dialog.findChild(QLineEdit, "filename").setText(str(out))
        print_dialog.findChild(QRadioButton, "printRange").setChecked(True)
        print_dialog.findChild(QSpinBox, "to").setValue(4)
        print_dialog.findChild(QSpinBox, "from").setValue(3)
        print_dialog.findChild(QSpinBox, "copies").setValue(2)
        print_dialog.findChild(QCheckBox, "collate").setChecked(True)
        print_dialog.accept()

    when_modal(QPrintDialog, answer)
    with qtbot.waitSignal(dialog.painted, timeout=60000):  # rendered in the background
        next(a for a in dialog.findChildren(QAction) if a.text() == "In").trigger()
    assert dialog.last_painted == [2, 3, 2, 3]
    assert _page_count(out) == 4
    printed = _pages(out, tmp_path / "out")
    source = _pages(consolidated_pdf, tmp_path / "src")
    assert all(_ink(p) > 0.01 for p in printed)  # page 2: the last lines of section I
    # the sheets are pages 3, 4, 3, 4 of the report, in that order, each turned as its page
    assert [_closest(sheet, source) for sheet in printed] == [2, 3, 2, 3]
    assert _page_sizes(out) == ["landscape", "portrait"] * 2


def print_from_preview(qtbot, dialog, answer):
    when_modal(QPrintDialog, answer)
    action = next(a for a in dialog.findChildren(QAction) if a.text() == "In")
    toolbar_button = next(
        b for b in dialog.findChildren(QToolButton) if b.defaultAction() is action
    )
    QTest.mouseClick(toolbar_button, Qt.MouseButton.LeftButton)


def test_print_to_a_file_from_the_preview_writes_the_original_pdf(
    qtbot, consolidated_pdf, tmp_path
):
    """Print → «In ra tệp» of the whole report: the original's bytes (vector text, a few
    dozen KB), not a file of page images (4.2 MB for 6 pages)."""
    out = tmp_path / "ban-in.pdf"
    dialog = PdfPrintPreview(consolidated_pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_widget.pageCount() > 0)

    def answer(print_dialog: QPrintDialog) -> None:
        name = print_dialog.findChild(QLineEdit, "filename")
        name.selectAll()
        qtbot.keyClicks(name, str(out))
        box = print_dialog.findChild(QDialogButtonBox)
        accept = next(
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        )
        QTest.mouseClick(accept, Qt.MouseButton.LeftButton)  # «In» (Print)

    with qtbot.waitSignal(dialog.painted, timeout=60000):
        print_from_preview(qtbot, dialog, answer)
    assert out.read_bytes() == consolidated_pdf.read_bytes()
    assert dialog.print_task is None  # nothing rendered
    assert not list(tmp_path.glob(".*.part"))


def test_printing_renders_in_the_background_with_progress_and_cancel(
    qtbot, consolidated_pdf, tmp_path, monkeypatch
):
    """Sheets for a printer (here a page range to a file, the same path) are rendered off
    the GUI thread; the window stays live, shows progress, and Cancel aborts the job."""
    import threading

    from desktop_app.ui.district import print_preview

    gui = threading.get_ident()
    drawn_on: list[int] = []
    real_paint = print_preview.paint_pdf

    def watched(printer, document, progress=print_preview.no_progress):
        def step(done, total):
            drawn_on.append(threading.get_ident())
            progress(done, total)

        return real_paint(printer, document, step)

    out = tmp_path / "hai-ban.pdf"
    dialog = PdfPrintPreview(consolidated_pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_widget.pageCount() > 0)

    def copies(n):
        def answer(print_dialog: QPrintDialog) -> None:
            print_dialog.findChild(QLineEdit, "filename").setText(str(out))
            print_dialog.findChild(QSpinBox, "copies").setValue(n)
            print_dialog.accept()

        return answer

    monkeypatch.setattr(print_preview, "paint_pdf", watched)  # a spy: the real one draws
    steps: list[tuple[int, int]] = []
    print_from_preview(qtbot, dialog, copies(2))
    task = dialog.print_task
    assert task is not None and task.running  # the click returned before the printing
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    pages = _page_count(consolidated_pdf)
    assert dialog.last_painted == list(range(pages)) * 2 and _page_count(out) == 2 * pages
    assert drawn_on and gui not in drawn_on
    assert steps[-1] == (2 * pages, 2 * pages)

    out.unlink()
    dialog.show()
    print_from_preview(qtbot, dialog, copies(40))
    task = dialog.print_task
    qtbot.waitUntil(lambda: task.dialog.isVisible(), timeout=30000)  # after 0,5 s
    cancel = task.dialog.findChild(QPushButton)
    with qtbot.waitSignal(task.cancelled, timeout=60000):
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not out.exists()  # nothing half-printed is kept


def test_print_to_a_pdf_file_keeps_every_page(consolidated_pdf, tmp_path):
    out = tmp_path / "ban-in.pdf"
    sheets = print_pdf_to_file(consolidated_pdf, out)
    pages = _page_count(consolidated_pdf)
    assert sheets == pages == _page_count(out)
    # each sheet turned as its page: the portrait pages and the landscape ranking
    source_sizes = _page_sizes(consolidated_pdf)
    assert _page_sizes(out) == source_sizes and len(set(source_sizes)) == 2
    printed = _pages(out, tmp_path / "out")
    source = _pages(consolidated_pdf, tmp_path / "src")
    assert all(_ink(p) > 0.01 for p in printed)  # page 2: the last lines of section I
    assert [_closest(sheet, source) for sheet in printed] == list(range(pages))
    assert print_pdf_to_file(consolidated_pdf, tmp_path / "p3.pdf", page_range=(3, 3)) == 1
    assert _page_count(tmp_path / "p3.pdf") == 1


def test_an_unreadable_pdf_is_refused_with_a_message(qtbot, tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(AppError) as refused:
        open_pdf(broken)
    assert refused.value.code == "print.pdf_unreadable"
    dialogs = ScriptedDialogs()
    assert preview_pdf(broken, dialogs) is None
    assert dialogs.shown[0][0] == "error" and "hong.pdf" in dialogs.shown[0][2]
