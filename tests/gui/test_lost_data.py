"""The window's start-up when the data file is gone (missing, zero bytes) while backups
hold the data: it says so, offers the newest good backup, another one, or an empty
start after an explicit confirmation, and never creates an empty database silently.
Driven by real clicks on the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.messages import AppError
from desktop_app.storage import get_or_create_report, save_values
from desktop_app.ui.app import _open_window
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.lost_data_dialog import LostDataDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.setup_dialog import SetupDialog
from desktop_app.workspace import Workspace
from desktop_app.workspace.backups import back_up_now
from desktop_app.workspace.instance_lock import InstanceLock
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.modal import when_modal

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


def _set(ws, value):
    report = get_or_create_report(ws.db, "02080", "cntt-xa", "2026.1", "2026")
    save_values(ws.db, report.id, {"cbcc_tong": value}, "Nguyễn Thị Hoa")


@pytest.fixture
def backups(data_dir):
    """Two manual backups (21, then 23), the database at 25, then the file emptied."""
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
        _set(ws, "21")
        first = back_up_now(ws)
        _set(ws, "23")
        second = back_up_now(ws)
        _set(ws, "25")
    (data_dir / "data.sqlite3").write_bytes(b"")  # a sync tool, a pulled USB stick...
    for name in ("data.sqlite3-wal", "data.sqlite3-shm"):
        (data_dir / name).unlink(missing_ok=True)
    return first, second


def _folder(data_dir):
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


def _start(qtbot, data_dir, dialogs, answer):
    shown = []

    def record_and_answer(dialog):
        shown.append(dialog.message.text())
        answer(dialog)

    when_modal(LostDataDialog, record_and_answer)
    window, status = _open_window(QApplication.instance(), data_dir, dialogs, InstanceLock())
    if window is not None:
        qtbot.addWidget(window)
    return window, status, shown


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_newest_good_backup_is_offered_and_restored(qtbot, data_dir, backups):
    _first, second = backups
    dialogs = ScriptedDialogs()
    chosen = []

    def restore_offered(dialog):
        chosen.append(dialog.selected().path)
        _click(qtbot, dialog.restore_button)

    window, status, [said] = _start(qtbot, data_dir, dialogs, restore_offered)
    assert "trống (0 byte)" in said and "empty (0 bytes)" in said and str(data_dir) in said
    assert second.name in said and "1 báo cáo" in said
    assert chosen == [second]  # the newest good one, selected
    assert isinstance(window, MainWindow) and status == 0
    assert window.session.value("cbcc_tong") == 23
    assert dialogs.shown[-1][0] == "info" and "Đã khôi phục" in dialogs.shown[-1][2]
    window.close()
    window.workspace.close()


def test_another_backup_can_be_chosen(qtbot, data_dir, backups):
    first, _second = backups

    def choose_the_older(dialog):
        row = [e.path for e in dialog.entries].index(first)
        cell = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        assert dialog.selected().path == first
        _click(qtbot, dialog.restore_button)

    window, status, _ = _start(qtbot, data_dir, ScriptedDialogs(), choose_the_older)
    assert status == 0 and window.session.value("cbcc_tong") == 21
    window.close()
    window.workspace.close()


def test_a_damaged_choice_is_refused_and_the_clerk_chooses_again(qtbot, data_dir, backups):
    first, second = backups
    second.write_bytes(second.read_bytes()[:4096])  # the newest one cut short
    dialogs = ScriptedDialogs()

    def try_the_damaged_then_the_good(dialog):
        assert dialog.selected().path == first  # the damaged one is not offered
        row = [e.path for e in dialog.entries].index(second)
        cell = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        _click(qtbot, dialog.restore_button)
        assert dialog.isVisible() and dialogs.shown[-1][0] == "error"
        row = [e.path for e in dialog.entries].index(first)
        cell = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        _click(qtbot, dialog.restore_button)

    window, status, _ = _start(qtbot, data_dir, dialogs, try_the_damaged_then_the_good)
    assert status == 0 and window.session.value("cbcc_tong") == 21
    assert "bị hỏng" in dialogs.shown[0][2]
    window.close()
    window.workspace.close()


def test_quitting_changes_nothing(qtbot, data_dir, backups):
    before = _folder(data_dir)
    window, status, _ = _start(
        qtbot, data_dir, ScriptedDialogs(), lambda d: _click(qtbot, d.quit_button)
    )
    assert window is None and status == 1
    assert _folder(data_dir) == before


def test_an_empty_start_only_after_confirming_and_the_backups_stay(qtbot, data_dir, backups):
    first, second = backups
    dialogs = ScriptedDialogs(answers=[False, True])  # "no" first, then "yes"

    def start_empty(dialog):
        _click(qtbot, dialog.empty_button)
        assert dialog.isVisible()  # said no: still asking
        when_modal(SetupDialog, lambda setup: setup.reject())  # the first-run setup
        _click(qtbot, dialog.empty_button)

    window, status, _ = _start(qtbot, data_dir, dialogs, start_empty)
    assert [kind for kind, *_ in dialogs.shown] == ["confirm", "confirm"]
    assert "Bắt đầu với dữ liệu trống" in dialogs.shown[0][2]
    assert window is None and status == 0  # the setup was cancelled: nothing to do
    assert first.exists() and second.exists()
    # nothing set up, so the next start asks again
    with pytest.raises(AppError) as caught:
        Workspace.open(data_dir)
    assert caught.value.code == "storage.data_missing"


def test_a_damaged_database_is_offered_the_newest_good_backup_not_the_newest_file(
    qtbot, data_dir, backups
):
    """The newest backup is itself damaged (a copy of the same failing disk): the offer
    at start-up names and restores the newest one that reads whole."""
    first, second = backups
    second.write_bytes(second.read_bytes()[:4096])
    (data_dir / "data.sqlite3").write_bytes(b"\0mat dien giua chung" * 4000)
    dialogs = ScriptedDialogs(answers=[True])
    window, status = _open_window(QApplication.instance(), data_dir, dialogs, InstanceLock())
    assert isinstance(window, MainWindow) and status == 0
    qtbot.addWidget(window)
    [(kind, _title, text)] = dialogs.shown
    assert kind == "confirm" and "bị hỏng" in text
    stamp = first.name.split("-")[1]  # 20261123T020000 → 02:00 23/11/2026
    assert f"{stamp[9:11]}:{stamp[11:13]} {stamp[6:8]}/{stamp[4:6]}/{stamp[:4]}" in text
    assert window.session.value("cbcc_tong") == 21
    window.close()
    window.workspace.close()
