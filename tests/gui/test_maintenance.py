"""The upkeep windows: About and diagnostics (versions, data, the log, the bundle to send),
backups and restore from the window, and the hook that reports unexpected errors."""

from __future__ import annotations

import datetime
import logging
import sqlite3
import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.storage import LATEST_VERSION, get_or_create_report, save_values
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.workspace import Workspace
from desktop_app.workspace.logs import log_path, start_logging, stop_logging
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT, posix_only

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def logged(data_dir):
    start_logging(data_dir, "window")
    yield log_path(data_dir)
    stop_logging()


@pytest.fixture
def workspace(data_dir, logged):
    ws = Workspace.open(data_dir)
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    yield ws
    ws.close()


def open_window(qtbot, ws, dialogs=None):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ws, dialogs=dialogs or ScriptedDialogs(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def type_and_commit(window, field_id, text):
    window.entry.go_to_field(field_id)
    row = window.entry.rows[field_id]
    row.editor.setText(text)
    row.editor.editingFinished.emit()
    return row


def value_in_file(path, field_id, period="2026"):
    """The value as stored in a database file (a data folder's, or a backup)."""
    path = path / "data.sqlite3" if path.is_dir() else path
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT v.value FROM report_values v JOIN reports r ON r.id = v.report_id"
            " WHERE r.period = ? AND v.field_id = ?",
            (period, field_id),
        ).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


# -- About and diagnostics ------------------------------------------------------------------


def test_about_shows_versions_data_and_the_log_and_saves_a_bundle(qtbot, workspace, tmp_path):
    from PySide6 import __version__ as pyside

    from desktop_app import __version__

    dialogs = ScriptedDialogs(files=[str(tmp_path / "gui" / "chan-doan")])
    window = open_window(qtbot, workspace, dialogs)
    assert window.menuBar().actions()[-1].text() == "Trợ &giúp"
    logging.getLogger("desktop_app.test").info("a line the officer will read")
    about = window.maintenance.open_about(modal=False)
    qtbot.addWidget(about)
    about.show()

    shown = " | ".join(label.text() for label in about.findChildren(QLabel))
    for expected in (__version__, pyside, sqlite3.sqlite_version, "Xã Bình Trung"):
        assert expected in shown
    assert str(workspace.data_dir) in shown
    info = about.info_text()
    for product in ("Python", "Qt", "PySide6", "SQLite", "pyHanko", "openpyxl", "reportlab"):
        assert f"\n{product}: " in info
    assert "?" not in [version for _, version in about.info.versions]
    assert f"Phiên bản lược đồ / Schema version: {LATEST_VERSION}" in info
    assert about.log_view.isReadOnly()
    assert about.log_view.toPlainText().splitlines()[-1].endswith("a line the officer will read")

    about.copy_button.click()
    assert QApplication.clipboard().text() == info
    about.open_button.click()
    assert dialogs.opened == [workspace.data_dir]
    about.save_button.click()
    bundle = tmp_path / "gui" / "chan-doan.zip"
    assert dialogs.shown[-1][0] == "info" and str(bundle) in dialogs.shown[-1][2]
    with zipfile.ZipFile(bundle) as z:
        assert z.namelist() == ["thong-tin.txt", "logs/desktop-app.log"]  # no database, no keys
        assert z.read("thong-tin.txt").decode() == info
        assert b"a line the officer will read" in z.read("logs/desktop-app.log")


def test_the_bundle_takes_the_rotated_logs_too_and_nothing_else(qtbot, workspace, tmp_path):
    from desktop_app.workspace.diagnostics import write_bundle
    from desktop_app.workspace.identity import create_unit_identity

    create_unit_identity(workspace, "mật khẩu không bao giờ ghi nhật ký")
    logs = log_path(workspace.data_dir)
    logs.with_name("desktop-app.log.1").write_text("older\n", encoding="utf-8")
    target = write_bundle(workspace.data_dir, tmp_path / "b.zip", "thông tin")
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
        everything = b"".join(z.read(n) for n in names)
    assert names == ["thong-tin.txt", "logs/desktop-app.log", "logs/desktop-app.log.1"]
    assert b"PRIVATE KEY" not in everything and "mật khẩu".encode() not in everything
    assert not list(tmp_path.glob(".b.zip.partial"))


# -- backups and restore -----------------------------------------------------------------


def test_restore_from_the_window_backs_up_first_and_reloads(qtbot, workspace, data_dir):
    last = get_or_create_report(workspace.db, "02080", "cntt-xa", "2025.1", "2025")
    save_values(workspace.db, last.id, {"cbcc_tong": "19"}, "Nguyễn Thị Hoa")
    dialogs = ScriptedDialogs(answers=[True])
    window = open_window(qtbot, workspace, dialogs)
    type_and_commit(window, "cbcc_tong", "21")
    backups = window.maintenance.open_backups(modal=False)
    qtbot.addWidget(backups)
    backups.show()
    kept = backups.back_up()
    assert kept is not None and backups.entries[0].path == kept
    assert backups.table.item(0, 1).text() == "Sao lưu thủ công"
    assert backups.table.item(0, 3).text() == "2"  # reports: 2025 and 2026
    assert backups.table.item(0, 4).text() == "2"  # a value in each
    assert backups.table.isColumnHidden(5)  # a commune receives no packets
    assert backups.table.item(0, 0).text().count("/") == 2  # dd/mm/yyyy hh:mm:ss

    type_and_commit(window, "cbcc_tong", "25")  # typed after the backup
    assert value_in_file(data_dir, "cbcc_tong") == "25"
    backups.table.selectRow(0)
    result = backups.restore_selected()

    assert result is not None and result.error is None
    assert dialogs.shown[0][0] == "confirm" and "Khôi phục số liệu" in dialogs.shown[0][2]
    assert dialogs.shown[-1][0] == "info" and "before-restore" in dialogs.shown[-1][2]
    # the window shows the restored data, on the new connection
    assert window.workspace is result.workspace and window.workspace is not workspace
    assert window.session.value("cbcc_tong") == 21
    assert window.entry.rows["cbcc_tong"].editor.text() == "21"
    assert window.workspace.db.integrity_check() == ["ok"]
    # the database as it was (25) is the newest backup, listed first and selected
    assert backups.entries[0].reason == "before-restore"
    assert backups.selected().path == result.safety
    assert value_in_file(result.safety, "cbcc_tong") == "25"
    # and the clerk goes on typing into the restored database
    type_and_commit(window, "cbcc_tong", "22")
    assert value_in_file(data_dir, "cbcc_tong") == "22"
    backups.close()
    window.close()
    window.workspace.close()
    log = log_path(data_dir).read_text(encoding="utf-8")
    assert "backup data-" in log and f"restored {kept.name}" in log


def test_restore_refused_while_another_program_holds_the_database(qtbot, workspace, data_dir):
    from desktop_app.storage import Database

    dialogs = ScriptedDialogs(answers=[True])
    window = open_window(qtbot, workspace, dialogs)
    type_and_commit(window, "cbcc_tong", "21")
    backups = window.maintenance.open_backups(modal=False)
    qtbot.addWidget(backups)
    backups.back_up()
    type_and_commit(window, "cbcc_tong", "25")
    other = Database.open(data_dir / "data.sqlite3")  # a CLI command, say
    try:
        result = backups.restore_selected()
    finally:
        other.close()
    assert result.error is not None and result.error.code == "storage.locked"
    assert (
        dialogs.shown[-1][0] == "error"
        and "đang được một chương trình khác" in dialogs.shown[-1][2]
    )
    assert window.session.value("cbcc_tong") == 25  # nothing replaced, window reopened on it
    assert [e.reason for e in backups.entries] == ["manual"]  # no safety copy made either
    type_and_commit(window, "cbcc_tong", "26")
    assert value_in_file(data_dir, "cbcc_tong") == "26"
    window.close()
    window.workspace.close()


def test_a_restore_asks_before_dropping_text_that_cannot_be_saved(qtbot, workspace, data_dir):
    # "yes, restore", then "no, keep what I typed"
    dialogs = ScriptedDialogs(answers=[True, False])
    window = open_window(qtbot, workspace, dialogs)
    type_and_commit(window, "cbcc_tong", "21")
    backups = window.maintenance.open_backups(modal=False)
    qtbot.addWidget(backups)
    backups.back_up()
    row = type_and_commit(window, "may_tinh_tong", "hai mươi")  # not a number: not saved
    assert backups.restore_selected() is None
    assert "1 ô chưa lưu được" in dialogs.shown[-1][2]
    assert window.workspace is workspace and row.text() == "hai mươi"
    assert [e.reason for e in backups.entries] == ["manual"]  # nothing restored, no copy
    assert not backups.isVisible() and window.focusWidget() is row.editor  # at the field
    window.close()
    window.workspace.close()


def test_a_damaged_backup_costs_no_typed_text(qtbot, workspace, data_dir):
    dialogs = ScriptedDialogs(answers=[True])  # "yes, restore"; nothing else is asked
    window = open_window(qtbot, workspace, dialogs)
    type_and_commit(window, "cbcc_tong", "21")
    backups = window.maintenance.open_backups(modal=False)
    qtbot.addWidget(backups)
    kept = backups.back_up()
    kept.write_bytes(kept.read_bytes()[:4096])  # cut short
    row = type_and_commit(window, "may_tinh_tong", "hai mươi")  # not a number: not saved
    result = backups.restore_selected()
    assert result.error is not None and result.error.code == "storage.corrupt"
    assert [s[0] for s in dialogs.shown] == ["confirm", "error"]
    assert window.entry.rows["may_tinh_tong"] is row and row.text() == "hai mươi"
    window.close()
    window.workspace.close()


def test_a_damaged_backup_is_refused_before_anything_closes(qtbot, workspace, data_dir):
    dialogs = ScriptedDialogs(answers=[True])
    window = open_window(qtbot, workspace, dialogs)
    type_and_commit(window, "cbcc_tong", "21")
    backups = window.maintenance.open_backups(modal=False)
    qtbot.addWidget(backups)
    kept = backups.back_up()
    damaged = bytearray(kept.read_bytes())
    damaged[5000:9000] = b"\xff" * 4000  # a bad sector in the copy
    kept.write_bytes(bytes(damaged))
    backups.refresh()
    result = backups.restore_selected()
    assert result.error is not None and result.error.code == "storage.corrupt"
    assert window.workspace is workspace  # the window's database was never closed
    assert window.session.value("cbcc_tong") == 21
    assert "bị hỏng" in dialogs.shown[-1][2]


# -- unexpected errors ---------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_and_told_not_swallowed(qtbot, workspace, data_dir):
    from PySide6.QtCore import QObject, Signal

    from desktop_app.core.messages import AppError, Text
    from desktop_app.ui.error_report import ErrorReporter

    dialogs = ScriptedDialogs()
    window = open_window(qtbot, workspace, dialogs)
    reporter = ErrorReporter(lambda: window)
    reporter.install()

    class Emitter(QObject):
        fire = Signal()

    emitter = Emitter()

    def broken():
        raise ZeroDivisionError("tổng bằng 0")

    emitter.fire.connect(broken)
    try:
        emitter.fire.emit()  # a slot that raises, as a button's would
        secret = AppError("storage.full", Text("Ổ đĩa đã đầy.", "The disk is full."))
        reporter.hook(AppError, secret, None)
    finally:
        reporter.uninstall()
    assert reporter.reported == 2
    kinds = [s[0] for s in dialogs.shown]
    assert kinds == ["error", "error"]
    assert "ZeroDivisionError" in dialogs.shown[0][2] and "nhật ký" in dialogs.shown[0][2]
    assert dialogs.shown[1][2] == "Ổ đĩa đã đầy."  # a refusal speaks for itself
    log = log_path(data_dir).read_text(encoding="utf-8")
    assert "ERROR" in log and "Traceback" in log and 'raise ZeroDivisionError("tổng bằng 0")' in log


def test_a_database_too_damaged_to_open_is_restored_at_start(qtbot, workspace, data_dir):
    from desktop_app.ui.app import _open_window
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workspace.backups import back_up_now
    from desktop_app.workspace.instance_lock import InstanceLock

    report = get_or_create_report(workspace.db, "02080", "cntt-xa", "2026.1", "2026")
    save_values(workspace.db, report.id, {"cbcc_tong": "21"}, "Nguyễn Thị Hoa")
    back_up_now(workspace)
    workspace.close()
    (data_dir / "data.sqlite3").write_bytes(b"\0mat dien giua chung" * 4000)  # a power cut
    dialogs = ScriptedDialogs(answers=[True])
    window, status = _open_window(QApplication.instance(), data_dir, dialogs, InstanceLock())
    assert isinstance(window, MainWindow) and status == 0
    qtbot.addWidget(window)
    [(kind, _title, text)] = dialogs.shown
    assert kind == "confirm" and "bị hỏng" in text and "damaged" in text
    assert "Khôi phục từ bản sao lưu gần nhất" in text
    assert window.session.value("cbcc_tong") == 21
    assert list((data_dir / "backups").glob("data.sqlite3.damaged-*"))  # kept, raw
    window.close()
    window.workspace.close()


def test_a_damaged_database_is_left_alone_if_the_clerk_says_no(qtbot, workspace, data_dir):
    from desktop_app.ui.app import _open_window
    from desktop_app.workspace.backups import back_up_now
    from desktop_app.workspace.instance_lock import InstanceLock

    back_up_now(workspace)
    workspace.close()
    damaged = b"\0mat dien giua chung" * 4000
    (data_dir / "data.sqlite3").write_bytes(damaged)
    dialogs = ScriptedDialogs(answers=[False])
    window, status = _open_window(QApplication.instance(), data_dir, dialogs, InstanceLock())
    assert window is None and status == 1
    assert [s[0] for s in dialogs.shown] == ["confirm", "error"]
    assert (data_dir / "data.sqlite3").read_bytes() == damaged


@posix_only
@pytest.mark.parametrize("killed_at", [".restoring.partial", ".restoring"])
def test_a_restore_killed_midway_leaves_nothing_behind(qtbot, workspace, data_dir, killed_at):
    """SIGKILL in the middle of a restore (copying the backup, or just before the final
    rename): the database is the one before, and the next start removes the leftovers."""
    import signal
    import subprocess
    import sys

    from desktop_app.ui.app import _open_window
    from desktop_app.workspace.backups import back_up_now
    from desktop_app.workspace.instance_lock import InstanceLock

    report = get_or_create_report(workspace.db, "02080", "cntt-xa", "2026.1", "2026")
    save_values(workspace.db, report.id, {"cbcc_tong": "21"}, "Nguyễn Thị Hoa")
    backup = back_up_now(workspace)
    save_values(workspace.db, report.id, {"cbcc_tong": "25"}, "Nguyễn Thị Hoa")
    workspace.close()
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from pathlib import Path\n"
            "from desktop_app.workspace import Workspace\n"
            "from desktop_app.workspace.backups import restore\n"
            "real = os.replace\n"
            "def replace(src, dst):\n"
            "    if str(src).endswith(sys.argv[3]):\n"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "    return real(src, dst)\n"
            "os.replace = replace\n"
            "restore(Workspace.open(Path(sys.argv[1])), Path(sys.argv[2]))\n",
            str(data_dir),
            str(backup),
            killed_at,
        ],
        cwd=PROJECT,
        capture_output=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    leftovers = {p.name for p in data_dir.iterdir() if "restoring" in p.name}
    assert leftovers == {f"{'.' if killed_at.endswith('partial') else ''}data.sqlite3{killed_at}"}
    lock = InstanceLock()  # as run_gui takes it: clearing leftovers needs the lock
    lock.acquire(data_dir)
    window, status = _open_window(QApplication.instance(), data_dir, ScriptedDialogs(), lock)
    qtbot.addWidget(window)
    assert status == 0 and window.session.value("cbcc_tong") == 25
    assert not [p for p in data_dir.iterdir() if "restoring" in p.name]
    window.close()
    window.workspace.close()
