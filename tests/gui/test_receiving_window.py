"""The receiving unit's work in the window (issue 5): register a commune's certificate,
drop a folder of packets onto the window and read the verdicts, resolve a conflict,
return a report with a signed note, watch the status board change and export it; and
the commune opening the return note against its own report."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from desktop_app.core.collation import vi_sort_key
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace import receive as use
from desktop_app.workspace.entry import set_values
from desktop_app.workspace.export import export_report
from tests.gui.modal import when_modal
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 12, 20)
BINH_TRUNG = "02080"


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def conflicting(chodon, tmp_path_factory):
    """Two different revision-2 packets of Bình Trung (a backup restored on another PC)."""
    root = tmp_path_factory.mktemp("xung-dot")
    made = []
    for name, figure in (("a", "40"), ("b", "55")):
        folder = shutil.copytree(chodon.communes[BINH_TRUNG].data_dir, root / name)
        with F.open_ws(folder) as ws:
            set_values(ws, "cntt-xa", "2026", {"so_bai_dang": figure})
            made.append(export_report(ws, "cntt-xa", "2026", root / f"out-{name}", secret=F.PASS))
    return [m.path for m in made]


@pytest.fixture
def district(chodon, tmp_path):
    data_dir = F.fresh_district(chodon, tmp_path / "huyen")
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            if commune.code != BINH_TRUNG:  # that one is registered through the dialog
                use.register_certificate(ws, commune.cert, commune.code)
        yield ws


def answer_when(kind: type[QDialog], ready: Callable[[QDialog], bool], then: Callable) -> dict:
    """Once a modal ``kind`` is up and ``ready(dialog)``, call ``then(dialog)``; the dialog
    is kept in the returned dict for the assertions after ``exec()`` returns."""
    seen: dict = {}

    def wait(dialog: QDialog, left: int = 400) -> None:
        seen["dialog"] = dialog
        if ready(dialog):
            then(dialog)
        elif left:
            QTimer.singleShot(25, lambda: wait(dialog, left - 1))
        else:
            dialog.reject()
            raise AssertionError(f"{kind.__name__} never became ready")

    when_modal(kind, wait)
    return seen


def drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)


def test_registering_a_certificate_shows_its_fingerprint_and_asks_before_replacing(
    qtbot, district, chodon
):
    from desktop_app.ui.receiving.add_certificate_dialog import AddCertificateDialog
    from desktop_app.ui.receiving.trust_dialog import TrustDialog

    commune = chodon.communes[BINH_TRUNG]
    other = chodon.communes["02083"]
    dialogs = ScriptedDialogs(files=[str(commune.cert), str(other.cert)], answers=[True])
    dialogs.texts = ["Xã báo mất USB ký số"]
    trust = TrustDialog(UiContext.of(district, dialogs, lang="vi"))
    qtbot.addWidget(trust)
    assert trust.table.rowCount() == 19

    def register(dialog: AddCertificateDialog) -> None:
        dialog.choose_file()
        shown = dialog.preview.text()
        assert commune.fingerprint[:11] in shown.replace("<br>", "\n")  # first bytes, grouped
        assert dialog.unit_combo.currentData() == BINH_TRUNG  # named by the certificate
        dialog.note.setText("Đã đọc vân tay qua điện thoại với chị Hoa")
        dialog.register_button.click()

    when_modal(AddCertificateDialog, register)
    trust.add(ca=False)
    assert trust.table.rowCount() == 20
    [entry] = [e for e in use.trust_list(district) if e.unit_code == BINH_TRUNG]
    assert entry.fingerprint == commune.fingerprint

    # Another commune's certificate typed against Bình Trung is refused, not registered.
    def wrong(dialog: AddCertificateDialog) -> None:
        dialog.choose_file()
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(BINH_TRUNG))
        dialog.register_button.click()
        dialog.reject()

    when_modal(AddCertificateDialog, wrong)
    trust.add(ca=False)
    assert dialogs.shown[-1][0] == "error" and "02083" in dialogs.shown[-1][2]

    trust.table.selectRow([e.unit_code for e in trust.entries].index(BINH_TRUNG))
    trust.revoke()
    assert not [e for e in use.trust_list(district) if e.unit_code == BINH_TRUNG]
    trust.show_ended.setChecked(True)
    states = [trust.table.item(r, 5).text() for r in range(trust.table.rowCount())]
    assert any(s.startswith("Đã thu hồi") and "mất USB" in s for s in states)


def test_drop_a_folder_read_verdicts_resolve_a_conflict_return_a_report(
    qtbot, district, chodon, conflicting, tmp_path
):
    from desktop_app.ui.receiving.compare_dialogs import ChangesDialog, ConflictDialog
    from desktop_app.ui.receiving.receive_dialog import ReceiveDialog
    from desktop_app.ui.receiving.review_dialog import ReviewDialog

    use.register_certificate(district, chodon.communes[BINH_TRUNG].cert, BINH_TRUNG)
    receipts = tmp_path / "bien-nhan"
    saved = tmp_path / "theo-doi.xlsx"
    dialogs = ScriptedDialogs(directories=[str(receipts)], files=[str(saved)])
    window = MainWindow(district, dialogs=dialogs, today=TODAY)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Tiếp nhận" in titles  # a district receives; a commune's window has no such menu

    board = window.receiving.open_board()
    assert board.board.counts()["missing"] == 20

    # The folder of 20 packets plus a stray file is dropped onto the window.
    folder = tmp_path / "nhan-qua-usb"
    shutil.copytree(chodon.packets, folder)
    (folder / "ghi-chu.txt").write_text("không phải gói")
    seen = answer_when(ReceiveDialog, lambda d: d.report is not None, lambda d: d.accept())
    drop(window, folder)
    received = seen["dialog"]
    assert received.steps[-1] == (20, 20) and len(received.steps) > 2
    verdicts = [received.table.item(r, 2).text() for r in range(received.table.rowCount())]
    assert verdicts == ["Đã nhận"] * 20
    assert "Bỏ qua 1 tệp" in received.summary.text()
    assert board.board.counts()["submitted"] == 20

    # Bình Trung sends two different revision-2 packets: one supersedes, one conflicts.
    seen = answer_when(ReceiveDialog, lambda d: d.report is not None, lambda d: d.accept())
    drop(window, *conflicting)
    verdicts = [seen["dialog"].table.item(r, 2).text() for r in range(2)]
    assert verdicts == ["Thay thế bản cũ", "Xung đột"]
    assert "chờ cán bộ quyết định" in seen["dialog"].table.item(1, 3).text()
    assert board.board.counts()["conflict"] == 1

    board.filter_combo.setCurrentIndex(board.filter_combo.findData("conflict"))
    assert board.proxy.rowCount() == 1 and board.select(BINH_TRUNG)
    assert board.conflict_button.isEnabled() and not board.accept_button.isEnabled()

    def decide(dialog: ConflictDialog) -> None:
        texts = [
            dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in (1, 2)
        ]
        assert "40" in texts and "55" in texts  # the two figures side by side
        dialog.take_button.click()  # no reason yet: refused, dialog stays open
        assert dialog.isVisible() and "b71c1c" in dialog.reason_label.styleSheet()
        dialog.reason.setText("Gọi điện: xã xác nhận 55 bài là đúng")
        dialog.take_button.click()

    when_modal(ConflictDialog, decide)
    board.resolve_conflict()
    assert board.board.counts()["conflict"] == 0 and board.proxy.rowCount() == 0
    board.filter_combo.setCurrentIndex(0)
    row = next(r for r in board.board.rows if r.unit_code == BINH_TRUNG)
    assert row.state == "submitted" and row.revision == 2
    values = use.submission_values(district, row.submission_id)
    assert values["so_bai_dang"] == 55

    board.select(BINH_TRUNG)
    when_modal(ChangesDialog, lambda d: d.accept())
    changes = board.show_changes()
    assert "lần sửa 2 so với lần 1" in changes.summary.text()

    # Return Yên Thịnh's report with a reason and a signed return note.
    assert board.select("02083")
    returned = answer_when(
        ReviewDialog,
        lambda d: d.result is not None,
        lambda d: d.accept(),
    )

    def fill_return(dialog: ReviewDialog) -> None:
        dialog.browse_button.click()  # the chooser answers with the receipts folder
        dialog.reason.setPlainText("Thiếu số liệu cán bộ chuyên trách CNTT")
        dialog.secret.setText(F.PASS)
        dialog.go_button.click()

    when_modal(ReviewDialog, fill_return)
    board.review("returned")
    note = returned["dialog"].result.path
    assert note.parent == receipts and note.exists()
    counts = board.board.counts()
    assert counts["returned"] == 1 and counts["submitted"] == 19
    shown = {board.model.rows[i].unit_code: i for i in range(len(board.model.rows))}
    text = board.model.index(shown["02083"], 7).data()
    assert "Thiếu số liệu" in text

    # Sorted by name, filtered to what is not done, exported as shown.
    board.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = [board.proxy.row_at(r).unit_name for r in range(board.proxy.rowCount())]
    assert names == sorted(names, key=vi_sort_key) and names[:2] == [
        "Thị trấn Bằng Lũng",
        "Xã Bản Thi",
    ]
    board.filter_combo.setCurrentIndex(board.filter_combo.findData("todo"))
    assert [board.proxy.row_at(r).unit_code for r in range(board.proxy.rowCount())] == ["02083"]
    assert board.export_xlsx() == saved
    sheet = load_workbook(saved).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("02083" in c for c in cells) and not any(c == "02080" for c in cells)
    board.close()
    window.close()


def test_the_commune_opens_the_return_note_against_its_report(qtbot, district, chodon, tmp_path):
    use.register_certificate(district, chodon.communes[BINH_TRUNG].cert, BINH_TRUNG)
    use.receive(district, [chodon.communes["02083"].packet])
    with F.fast_keys():
        result = use.review(
            district, "02083", "cntt-xa", "2026", "returned",
            "Thiếu số liệu cán bộ chuyên trách CNTT", tmp_path / "notes", secret=F.PASS,
        )  # fmt: skip
    commune_dir = shutil.copytree(chodon.communes["02083"].data_dir, tmp_path / "xa")
    with F.open_ws(commune_dir) as ws:
        dialogs = ScriptedDialogs(files=[str(result.path)])
        window = MainWindow(ws, dialogs=dialogs, today=TODAY)
        qtbot.addWidget(window)
        assert "&Tiếp nhận" not in [a.text() for a in window.menuBar().actions()]
        window.open_report("cntt-xa", "2026")
        assert "Đã xuất gói" in window.status_label.text()
        from desktop_app.ui.receiving.receipt_trust_dialog import ReceiptTrustDialog

        # The district's first note: its fingerprint is shown and confirmed first.
        when_modal(ReceiptTrustDialog, lambda d: d.trust_button.click(), tries=800)
        window.receiving.receipt_action.trigger()
        qtbot.waitUntil(lambda: dialogs.shown[-1][0] != "files", timeout=20000)
        kind, _title, text = dialogs.shown[-1]
        assert kind == "info"
        assert "trả lại" in text and "Thiếu số liệu" in text
        assert "Bị trả lại" in window.status_label.text()
        assert "Thiếu số liệu" in window.status_label.toolTip()
        window.close()


def test_the_receive_dialog_says_when_it_waits_for_another_receive(qtbot, district, chodon):
    from desktop_app.receiving.receive import LOCK_NAME
    from desktop_app.storage.exclusive import exclusive
    from desktop_app.ui.receiving.receive_dialog import ReceiveDialog

    dialog = ReceiveDialog(UiContext.of(district, ScriptedDialogs(), lang="vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    with exclusive(district.data_dir / LOCK_NAME):  # the command line is receiving
        dialog.receive([chodon.communes["02083"].packet])
        qtbot.waitUntil(lambda: "đang chờ lượt đó xong" in dialog.summary.text(), timeout=30000)
        assert dialog.report is None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    assert [o.verdict for o in dialog.report.outcomes] == ["accepted"]
