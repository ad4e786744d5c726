"""The clerk's packet work in the window: set up the unit's signature, export the report
as a signed packet (in the background, cancellable), check packet files."""

from __future__ import annotations

import datetime
import json
import zipfile

import pytest
from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.storage import get_report, list_exports
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.fields_dialog import FieldsDialog
from desktop_app.ui.i18n import install_language
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values
from desktop_app.workspace.identity import create_unit_identity
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT
from tests.gui.modal import when_modal

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "mat-khau-xa-2026"


@pytest.fixture
def filled(workspace):
    load_values(workspace, SAMPLE)
    create_unit_identity(workspace, PASS)
    return workspace


def fill(dialog: FieldsDialog, **values: str) -> None:
    for key, text in values.items():
        dialog.edits[key].setText(text)


def test_identity_dialog_makes_a_self_signed_identity_and_exports_its_certificate(
    qtbot, workspace, tmp_path
):
    from desktop_app.ui.identity_dialog import IdentityDialog

    cert_file = tmp_path / "chung-thu-02080.pem"
    dialogs = ScriptedDialogs(files=[str(cert_file)])
    dialog = IdentityDialog(UiContext.of(workspace, dialogs, lang="vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.panel.none.isVisibleTo(dialog)
    assert not dialog.export_button.isEnabled()
    messages = []

    def mistyped_then_right(form: FieldsDialog) -> None:
        fill(form, passphrase=PASS, again=PASS + "x")
        form.accept()
        messages.append(form.message.text())
        assert form.isVisible()  # a mismatch keeps the form open
        fill(form, again=PASS)
        form.accept()

    when_modal(FieldsDialog, mistyped_then_right)
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.create_self_signed()
    assert messages == ["Hai lần nhập mật khẩu không giống nhau."]
    fingerprint = dialog.info.fingerprint
    shown = dialog.panel.fingerprint.label.text()
    assert ":".join(shown.split()) == fingerprint and len(shown.split()) == 4
    assert "CN=UBND xã Bình Trung" in dialog.panel.labels["subject"].text()
    assert "ST=Tỉnh Bắc Kạn" in dialog.panel.labels["subject"].text()
    assert dialogs.shown[-1][0] == "info" and fingerprint[:23] in dialogs.shown[-1][2]

    dialog.export_cert()
    cert = x509.load_pem_x509_certificate(cert_file.read_bytes())
    assert cert.fingerprint(cert.signature_hash_algorithm).hex(":").upper() == fingerprint
    assert str(cert_file) in dialogs.shown[-1][2]


def test_replacing_an_identity_asks_first(qtbot, filled):
    from desktop_app.ui.identity_dialog import IdentityDialog

    dialogs = ScriptedDialogs(answers=[False])
    dialog = IdentityDialog(UiContext.of(filled, dialogs, lang="vi"))
    qtbot.addWidget(dialog)
    before = dialog.info.fingerprint
    dialog.create_self_signed()  # declined: no form, nothing changed
    assert dialogs.shown[-1][0] == "confirm" and "huyện phải đăng ký lại" in dialogs.shown[-1][2]
    assert dialog.info.fingerprint == before


def open_export(qtbot, ws, dialogs, folder):
    from desktop_app.ui.export_dialog import ExportDialog

    dialog = ExportDialog(UiContext.of(ws, dialogs, lang="vi"), "cntt-xa", "2026")
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    dialog.show()
    return dialog


def test_export_signs_the_packet_in_the_background_and_verify_accepts_it(qtbot, filled, tmp_path):
    from desktop_app.ui.verify_dialog import VerifyDialog

    out = tmp_path / "goi"
    dialogs = ScriptedDialogs()
    dialog = open_export(qtbot, filled, dialogs, out)
    assert dialog.check_label.text().startswith("Báo cáo không còn lỗi")
    assert dialog.export_button.isEnabled() and not dialog.problems_button.isVisible()
    assert dialog.secret_label.text() == "Mật khẩu khóa ký:"
    qtbot.keyClicks(dialog.secret, PASS)
    with qtbot.waitSignal(dialog.exported, timeout=30000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = exported.args[0]
    assert result.path == (out / "02080_cntt-xa_2026_r1.zip").resolve() and result.path.exists()
    assert dialog.secret.text() == ""  # the passphrase is not left in the widget
    assert "02080_cntt-xa_2026_r1.zip" in dialog.done_label.text()
    assert dialog.done_label.isVisible() and dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [result.path.parent]
    report = get_report(filled.db, "02080", "cntt-xa", "2026")
    assert report.status == "exported" and len(list_exports(filled.db, report.id)) == 1

    tampered = tmp_path / "sua.zip"
    with zipfile.ZipFile(result.path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            dst.writestr(name, body.replace(b'"2026"', b'"2025"') if name == "data.json" else body)
    checker = VerifyDialog(
        UiContext.of(filled, ScriptedDialogs(files=[[str(result.path), str(tampered)]]), lang="vi")
    )
    qtbot.addWidget(checker)
    checker.choose()
    qtbot.waitUntil(lambda: checker.table.rowCount() == 2, timeout=30000)
    cells = [[checker.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert cells[0][1] == "HỢP LỆ" and cells[0][2].startswith("02080 Xã Bình Trung")
    assert result.fingerprint in cells[0][3].replace("\n", ":")
    assert cells[1][1] == "TỪ CHỐI" and "[packet." in cells[1][3]


def test_a_wrong_passphrase_is_said_and_nothing_is_written(qtbot, filled, tmp_path):
    out = tmp_path / "goi"
    dialogs = ScriptedDialogs()
    dialog = open_export(qtbot, filled, dialogs, out)
    dialog.secret.setText("khong-dung-mat-khau")
    dialog.start_export()
    with qtbot.waitSignal(dialog.task.done, timeout=30000):
        pass  # the result arrives through the event loop this runs
    assert dialogs.shown[-1][0] == "error" and "mật khẩu" in dialogs.shown[-1][2].lower()
    assert not any(out.glob("*.zip"))
    report = get_report(filled.db, "02080", "cntt-xa", "2026")
    assert report.status == "draft" and list_exports(filled.db, report.id) == []


def test_cancelling_an_export_leaves_nothing(qtbot, filled, tmp_path):
    out = tmp_path / "goi"
    dialog = open_export(qtbot, filled, ScriptedDialogs(), out)
    dialog.secret.setText(PASS)
    dialog.start_export()
    with qtbot.waitSignal(dialog.task.cancelled, timeout=30000):
        dialog.task.cancel()  # as the progress dialog's Cancel button does
    assert not any(out.glob("*.zip")) and not any(out.glob(".*part"))
    report = get_report(filled.db, "02080", "cntt-xa", "2026")
    assert report.status == "draft" and list_exports(filled.db, report.id) == []
    assert dialog.export_button.isEnabled()


def test_a_report_with_errors_cannot_be_exported_and_says_why(qtbot, workspace, tmp_path):
    from desktop_app.ui.export_dialog import ExportDialog

    dialog = open_export(qtbot, workspace, ScriptedDialogs(), tmp_path)
    assert "Chưa nhập số liệu" in dialog.check_label.text()
    assert not dialog.export_button.isEnabled() and not dialog.secret.isEnabled()
    assert "chưa có chữ ký số" in dialog.identity.none.text()

    from desktop_app.workspace.entry import set_values

    set_values(workspace, "cntt-xa", "2026", {"cbcc_tong": "10", "cbcc_co_may_tinh": "12"})
    dialog = ExportDialog(UiContext.of(workspace, ScriptedDialogs(), lang="vi"), "cntt-xa", "2026")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "lỗi cần sửa" in dialog.check_label.text()
    assert dialog.problems_button.isVisible()
    with qtbot.waitSignal(dialog.show_problems):
        qtbot.mouseClick(dialog.problems_button, Qt.MouseButton.LeftButton)


def test_the_window_exports_from_its_menu_and_shows_the_new_status(qtbot, filled, tmp_path):
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(filled, dialogs=ScriptedDialogs(), today=datetime.date(2026, 12, 20))
    qtbot.addWidget(window)
    window.show()
    assert "Đã xuất gói" not in window.status_label.text()
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Xuất gói nộp…" in menu_texts and "&Kiểm tra gói nộp…" in menu_texts
    done = []

    def export_and_close(dialog: ExportDialog) -> None:
        dialog.folder.setText(str(tmp_path / "goi"))
        dialog.secret.setText(PASS)
        dialog.exported.connect(lambda result: (done.append(result), dialog.accept()))
        dialog.findChild(QPushButton, "exportButton").click()

    when_modal(ExportDialog, export_and_close)
    window.packets.export_action.trigger()
    assert done and done[0].path.exists()
    assert window.status_label.text() == "Trạng thái: Đã xuất gói · lần sửa 1"


@pytest.fixture
def current_commune(tmp_path):
    """Xã Chợ Đồn of the current structure (since July 2025): it reports to Tỉnh Thái
    Nguyên directly, there is no district any more."""
    ws = Workspace.open(tmp_path / "xa-cho-don")
    setup_unit(ws, "02020", "current", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
    values = json.loads(SAMPLE.read_text(encoding="utf-8"))
    values["unit"] = "02020"
    own = tmp_path / "cntt-xa_2026_02020.json"
    own.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    load_values(ws, own)
    create_unit_identity(ws, PASS)
    yield ws
    ws.close()


def _words(widget) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    shown = [w.text() for w in widget.findChildren(QLabel)]
    return "\n".join(shown + [b.text() for b in widget.findChildren(QAbstractButton)])


def test_a_commune_of_the_current_structure_is_told_to_send_to_the_province(
    qtbot, current_commune, tmp_path
):
    from desktop_app.ui.identity_dialog import IdentityDialog

    cert_file = tmp_path / "chung-thu-02020.pem"
    dialogs = ScriptedDialogs(answers=[False], files=[str(cert_file)])
    dialog = IdentityDialog(UiContext.of(current_commune, dialogs, lang="vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.export_button.text() == "Xuất chứng thư gửi tỉnh…"
    assert "Tỉnh chỉ nhận gói nộp ký bằng chứng thư đã đăng ký cho xã." in _words(dialog)
    dialog.create_self_signed()  # declined
    assert "thì tỉnh phải đăng ký lại" in dialogs.shown[-1][2]
    dialog.export_cert()
    assert "Gửi tệp này cho tỉnh," in dialogs.shown[-1][2]

    out = tmp_path / "goi"
    export = open_export(qtbot, current_commune, dialogs, out)
    for _ in range(2):  # the second time: the same data again
        export.secret.setText(PASS)
        with qtbot.waitSignal(export.exported, timeout=30000):
            export.start_export()
    assert "đọc cho tỉnh nếu được hỏi" in export.done_label.text()
    assert "tỉnh sẽ coi là bản trùng" in export.done_label.text()
    said = [_words(dialog), _words(export), *(m[2] for m in dialogs.shown)]
    assert not [text for text in said if "huyện" in text.casefold()], said


def test_in_english_the_current_structures_commune_sends_to_the_province(qtbot, current_commune):
    from desktop_app.ui.identity_dialog import IdentityDialog

    try:
        assert install_language("en")
        dialog = IdentityDialog(UiContext.of(current_commune, ScriptedDialogs(), lang="en"))
        qtbot.addWidget(dialog)
        assert dialog.export_button.text() == "Export the certificate for the province…"
        assert (
            "The province accepts only packets signed with the certificate it registered for "
            "the commune." in _words(dialog)
        )
    finally:
        install_language("vi")


def test_the_clerk_enters_the_number_and_date_before_export(qtbot, filled, tmp_path):
    out = tmp_path / "goi"
    dialogs = ScriptedDialogs()
    dialog = open_export(qtbot, filled, dialogs, out)
    qtbot.keyClicks(dialog.doc_number, "12")
    qtbot.keyClicks(dialog.doc_date, "05/01/2026")
    qtbot.keyClicks(dialog.secret, PASS)
    with qtbot.waitSignal(dialog.exported, timeout=30000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not [s for s in dialogs.shown if s[0] == "confirm"]  # a number: nothing to ask
    with zipfile.ZipFile(exported.args[0].path) as archive:
        data = json.loads(archive.read("data.json"))
    assert (data["number"], data["date"]) == ("12", "2026-01-05")
    again = open_export(qtbot, filled, ScriptedDialogs(), out)  # kept for the next export
    assert (again.doc_number.text(), again.doc_date.text()) == ("12", "05/01/2026")


def test_a_blank_number_is_asked_about_and_a_bad_date_refused(qtbot, filled, tmp_path):
    out = tmp_path / "goi"
    dialogs = ScriptedDialogs(answers=[False])
    dialog = open_export(qtbot, filled, dialogs, out)
    qtbot.keyClicks(dialog.secret, PASS)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "confirm" and "Số: ……" in dialogs.shown[-1][2]
    assert dialog.task is None
    qtbot.keyClicks(dialog.doc_number, "7")
    qtbot.keyClicks(dialog.doc_date, "31/02/2026")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "error" and "31/02/2026" in dialogs.shown[-1][2]
    assert dialog.task is None and not out.exists()
