"""The officer's dialogs (issue 16): the fingerprint read aloud over the phone shown
whole with a copy button in every dialog that shows it; a signing identity can be made
from the accept dialog; file dialogs start in the unit's documents folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop_app.receiving.status import BoardRow
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.fingerprint_view import FingerprintView
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values
from desktop_app.workspace.identity import create_unit_identity
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "mat-khau-xa-2026"


@pytest.fixture
def commune(tmp_path):
    ws = Workspace.open(tmp_path / "xa")
    setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
    load_values(ws, SAMPLE)
    create_unit_identity(ws, PASS)
    yield ws
    ws.close()


@pytest.fixture
def district(tmp_path):
    ws = Workspace.open(tmp_path / "huyen")
    setup_unit(ws, "064", "legacy", clerk="Lê Văn Tư", leader="Phạm Thị Lan")
    yield ws
    ws.close()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def assert_whole_and_copyable(view: FingerprintView, fingerprint: str) -> None:
    """All four groups on screen, none cut off, and "Sao chép" copies all of it."""
    assert view.isVisible()
    text = view.label.text()
    assert text.split() == [":".join(fingerprint.split(":")[i : i + 8]) for i in (0, 8, 16, 24)]
    label = view.label
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed and label.width() >= label.minimumSizeHint().width()
    lines = round(needed / label.fontMetrics().lineSpacing())
    assert 1 <= lines <= 2
    assert label.visibleRegion().boundingRect().height() >= needed  # not clipped
    QGuiApplication.clipboard().clear()
    QTest.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == fingerprint
    assert view.copy_button.text() == "Đã sao chép ✓"


def test_the_identity_dialog_shows_the_whole_fingerprint_with_a_copy_button(qtbot, commune):
    from desktop_app.ui.identity_dialog import IdentityDialog

    dialog = shown(qtbot, IdentityDialog(UiContext.of(commune, ScriptedDialogs(), lang="vi")))
    assert_whole_and_copyable(dialog.panel.fingerprint, dialog.info.fingerprint)


def test_the_export_dialog_shows_it_before_and_after_exporting(qtbot, commune, tmp_path):
    from desktop_app.ui.export_dialog import ExportDialog

    dialog = shown(
        qtbot, ExportDialog(UiContext.of(commune, ScriptedDialogs(), lang="vi"), "cntt-xa", "2026")
    )
    dialog.folder.setText(str(tmp_path / "out"))
    qtbot.keyClicks(dialog.secret, PASS)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    fingerprint = dialog.result.fingerprint
    assert_whole_and_copyable(dialog.identity.fingerprint, fingerprint)
    assert_whole_and_copyable(dialog.done_fingerprint, fingerprint)


def test_the_accept_dialog_shows_it_too(qtbot, district):
    from desktop_app.ui.receiving.review_dialog import ReviewDialog

    info = create_unit_identity(district, PASS)
    row = BoardRow("02080", "Xã Bình Trung", "submitted", revision=1)
    dialog = ReviewDialog(
        UiContext.of(district, ScriptedDialogs(), lang="vi"), row, "cntt-xa", "2026", "accepted"
    )
    shown(qtbot, dialog)
    assert_whole_and_copyable(dialog.identity.fingerprint, info.fingerprint)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user profile whose Documents folder does not exist yet (a fresh Windows account,
    a new Linux user): file dialogs must not open in the program's folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


def button(dialog, text):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def started_in(dialogs: ScriptedDialogs) -> str:
    kind, _title, start = dialogs.shown[-1]
    assert kind in ("save", "directory", "files")
    return start


def test_every_file_dialog_starts_in_the_units_documents_folder(qtbot, commune, district, home):
    from desktop_app.ui.export_dialog import EXPORT_DIR_SETTING, ExportDialog, default_export_dir
    from desktop_app.ui.identity_dialog import IdentityDialog
    from desktop_app.ui.receiving.add_certificate_dialog import AddCertificateDialog
    from desktop_app.ui.receiving.receive_dialog import ReceiveDialog
    from desktop_app.ui.receiving.review_dialog import ReviewDialog

    documents = home / "Documents" / "BaoCaoCNTT"
    dialogs = ScriptedDialogs()
    identity = shown(qtbot, IdentityDialog(UiContext.of(commune, dialogs, lang="vi")))
    QTest.mouseClick(identity.export_button, Qt.MouseButton.LeftButton)  # "Xuất chứng thư …"
    assert started_in(dialogs) == str(documents / "chung-thu-02080.pem")
    assert documents.is_dir()  # created on first use

    from desktop_app.storage import set_setting

    stick = home / "usb-da-rut"
    stick.write_text("")  # the stick's drive letter is now something else: not a folder
    set_setting(commune.db, EXPORT_DIR_SETTING, str(stick / "BaoCao"))
    export = shown(
        qtbot, ExportDialog(UiContext.of(commune, dialogs, lang="vi"), "cntt-xa", "2026")
    )
    QTest.mouseClick(button(export, "Chọn…"), Qt.MouseButton.LeftButton)
    assert started_in(dialogs) == str(documents)

    create_unit_identity(district, PASS)
    receive = shown(
        qtbot,
        ReceiveDialog(UiContext.of(district, dialogs, lang="vi"), default_export_dir(district)),
    )
    QTest.mouseClick(receive.folder_button, Qt.MouseButton.LeftButton)  # "Chọn thư mục…"
    assert started_in(dialogs) == str(documents)
    QTest.mouseClick(receive.files_button, Qt.MouseButton.LeftButton)
    assert started_in(dialogs) == str(documents)

    row = BoardRow("02080", "Xã Bình Trung", "submitted", revision=1)
    review = ReviewDialog(
        UiContext.of(district, dialogs, lang="vi"), row, "cntt-xa", "2026", "accepted"
    )
    shown(qtbot, review)
    QTest.mouseClick(button(review, "Chọn…"), Qt.MouseButton.LeftButton)
    assert started_in(dialogs) == str(documents)

    add = shown(qtbot, AddCertificateDialog(UiContext.of(district, dialogs, lang="vi")))
    QTest.mouseClick(button(add, "Chọn tệp…"), Qt.MouseButton.LeftButton)
    assert started_in(dialogs) == str(documents)


def test_the_accept_dialog_without_an_identity_offers_to_make_one(qtbot, district, tmp_path):
    from desktop_app.ui.fields_dialog import FieldsDialog
    from desktop_app.ui.identity_dialog import IdentityDialog
    from desktop_app.ui.receiving.review_dialog import ReviewDialog
    from tests.gui.modal import when_modal

    row = BoardRow("02080", "Xã Bình Trung", "submitted", revision=1)
    dialog = ReviewDialog(
        UiContext.of(district, ScriptedDialogs(), lang="vi"), row, "cntt-xa", "2026", "accepted"
    )
    shown(qtbot, dialog)
    assert not dialog.go_button.isEnabled() and dialog.identity_button.isVisible()

    def passphrase_twice(form: FieldsDialog) -> None:
        for key in ("passphrase", "again"):
            qtbot.keyClicks(form.edits[key], PASS)
        qtbot.keyClick(form.edits["again"], Qt.Key.Key_Return)

    def make_one(identity: IdentityDialog) -> None:
        identity.changed.connect(identity.accept)  # closed once the key is made
        when_modal(FieldsDialog, passphrase_twice)
        QTest.mouseClick(identity.create_button, Qt.MouseButton.LeftButton)

    when_modal(IdentityDialog, make_one)
    QTest.mouseClick(dialog.identity_button, Qt.MouseButton.LeftButton)
    assert dialog.identity.fingerprint.isVisible() and dialog.identity.fingerprint.fingerprint
    assert dialog.go_button.isEnabled() and dialog.secret.isEnabled()
    assert not dialog.identity_button.isVisible()
    assert dialog.secret_label.text() == "Mật khẩu khóa ký:"
