"""The first run, as a clerk does it with the keyboard and the mouse: the unit is chosen,
never guessed; the names are asked for; a confirmation names the unit's full path; and
nothing is written to the proposed data folder before the clerk has confirmed it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.setup_dialog import SetupDialog
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import find_units
from tests.gui.modal import when_modal

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


def type_text(widget, text):
    """Type like Unikey does: the input method commits the composed text."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_setup(qtbot, folder, dialogs):
    dialog = SetupDialog(folder, dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def click_ok(dialog):
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def rows(dialog):
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_binh_trung_and_enter_choose_nothing_the_clerk_picks_and_confirms(qtbot, tmp_path):
    dialogs = ScriptedDialogs(answers=[False, True])
    dialog = shown_setup(qtbot, tmp_path / "data", dialogs)
    qtbot.keyClicks(dialog.search, "binh trung")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter again
    assert dialog.isVisible() and dialog.chosen.text() == "Chưa chọn đơn vị."
    listed = rows(dialog)
    # Each match names its province (and district) and its catalogue, both catalogues.
    hcm = next(r for r in listed if r.startswith("27097 – Phường Bình Trưng"))
    assert "Thành phố Hồ Chí Minh" in hcm and "hiện hành" in hcm
    ours = "02080 – Xã Bình Trung – Huyện Chợ Đồn – Tỉnh Bắc Kạn"
    assert any(r.startswith(ours) and "trước 01/7/2025" in r for r in listed)

    # Down to Xã Bình Trung (Chợ Đồn), Enter: that is the choice, the clerk's name next.
    assert QApplication.focusWidget() is dialog.results
    for _ in range(next(i for i, r in enumerate(listed) if r.startswith(ours)) + 1):
        qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.clerk
    assert dialog.chosen.text().startswith(ours)

    click_ok(dialog)  # both names empty, no skip ticked: refused, nothing asked
    assert dialogs.shown[-1][0] == "error" and "người lập biểu" in dialogs.shown[-1][2]
    assert dialog.isVisible()
    type_text(dialog.clerk, "Nguyễn Thị Hoa")
    qtbot.keyClick(dialog.clerk, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.leader
    qtbot.keyClick(dialog.leader, Qt.Key.Key_Return)  # still empty: refused again
    assert dialogs.shown[-1][0] == "error" and "lãnh đạo" in dialogs.shown[-1][2]
    QTest.mouseClick(
        dialog.skip_leader, Qt.MouseButton.LeftButton, pos=dialog.skip_leader.rect().center()
    )
    assert dialog.skip_leader.isChecked() and not dialog.leader.isEnabled()

    click_ok(dialog)  # the confirmation names the full path; "Không" keeps the dialog
    kind, _title, text = dialogs.shown[-1]
    assert kind == "confirm" and ours in text and "trước 01/7/2025" in text
    assert "Nguyễn Thị Hoa" in text and "bỏ qua" in text
    assert dialog.isVisible()
    click_ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.unit_code, choice.catalogue, choice.clerk, choice.leader) == (
        "02080",
        "legacy",
        "Nguyễn Thị Hoa",
        "",
    )


def test_matches_with_the_accents_typed_come_first():
    first = find_units("Bình Trưng")[0]
    assert first.path[0] == "Phường Bình Trưng" and first.catalogue == "current"
    accented = find_units("bình trung")
    assert accented[0].path[0] == "Xã Bình Trung"
    same = [m.same_accents for m in accented]
    assert same == sorted(same, reverse=True)  # every as-typed match before the others
    assert not any("Trưng" in m.path[0] for m in accented if m.same_accents)


def test_the_list_shows_accent_matches_first(qtbot, tmp_path):
    dialog = shown_setup(qtbot, tmp_path / "data", ScriptedDialogs())
    type_text(dialog.search, "bình trung")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert rows(dialog)[0].startswith("02080 – Xã Bình Trung – Huyện Chợ Đồn")


def answer_setup(qtbot, other=None, cancel=False):
    def answer(dialog):
        if cancel:
            QTest.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                Qt.MouseButton.LeftButton,
            )
            return
        qtbot.keyClicks(dialog.search, "02080")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
        type_text(dialog.clerk, "Nguyễn Thị Hoa")
        qtbot.keyClick(dialog.clerk, Qt.Key.Key_Return)
        type_text(dialog.leader, "Hoàng Văn Minh")
        if other is not None:
            browse = dialog.findChild(type(dialog.buttons.buttons()[0]), "chooseDataDir")
            QTest.mouseClick(browse, Qt.MouseButton.LeftButton)
        click_ok(dialog)

    when_modal(SetupDialog, answer)


def test_cancelling_the_first_run_writes_nothing(qtbot, tmp_path):
    from desktop_app.ui.app import _open_window
    from desktop_app.workspace.instance_lock import InstanceLock

    proposed = tmp_path / "data"
    answer_setup(qtbot, cancel=True)
    window, status = _open_window(
        QApplication.instance(), proposed, ScriptedDialogs(), InstanceLock()
    )
    assert window is None and status == 0
    assert not proposed.exists()


def test_choosing_another_folder_leaves_the_proposed_one_untouched(qtbot, tmp_path, monkeypatch):
    from desktop_app.app_config import chosen_data_dir
    from desktop_app.ui.app import _open_window
    from desktop_app.workspace.instance_lock import InstanceLock

    monkeypatch.setenv("DESKTOP_APP_CONFIG_DIR", str(tmp_path / "config"))

    proposed, other = tmp_path / "data", tmp_path / "elsewhere"
    other.mkdir()
    dialogs = ScriptedDialogs(directories=[str(other)])
    answer_setup(qtbot, other=other)
    lock = InstanceLock()
    window, status = _open_window(QApplication.instance(), proposed, dialogs, lock)
    qtbot.addWidget(window)
    try:
        assert status == 0 and window.workspace.data_dir == other
        assert not proposed.exists()
        # the folder dialog started where "Chọn" works: an existing parent
        start = next(s[2] for s in dialogs.shown if s[0] == "directory")
        assert start == str(tmp_path)
        confirm = next(s[2] for s in dialogs.shown if s[0] == "confirm")
        assert str(other) in confirm and "Xã Bình Trung – Huyện Chợ Đồn – Tỉnh Bắc Kạn" in confirm
        assert window.workspace.profile.unit_code == "02080"
        assert window.workspace.profile.leader == "Hoàng Văn Minh"
        assert chosen_data_dir() == other  # the next start opens it
    finally:
        window.close()
        window.workspace.close()
        lock.release()


def test_an_existing_database_without_a_unit_still_gets_the_setup(qtbot, tmp_path):
    from desktop_app.ui.app import _open_window
    from desktop_app.workspace.instance_lock import InstanceLock

    folder = tmp_path / "data"
    Workspace.open(folder).close()
    answer_setup(qtbot)
    window, status = _open_window(
        QApplication.instance(), folder, ScriptedDialogs(), InstanceLock()
    )
    qtbot.addWidget(window)
    assert status == 0 and window.workspace.profile.unit_code == "02080"
    window.close()
    window.workspace.close()
