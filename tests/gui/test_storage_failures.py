"""Bad luck with the disk, as the clerk meets it in the window: a full disk, a read-only
data folder, a second window on the same data. Each gives a clear message, keeps what
was typed, and leaves the database sound.

Two ways to make each failure: a real one where the test process may mount file systems
(a 1 MB tmpfs filled up; a read-only bind mount: root ignores chmod, a read-only mount it
cannot), skipped elsewhere; and a simulated one that runs everywhere (SQLite's
``max_page_count`` for a full disk, the database reopened with ``mode=ro`` for a read-only
file)."""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT, posix_only

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 11, 23)
LONG_TEXT = "Đường truyền cáp quang tới trụ sở xã chập chờn vào mùa mưa; " * 60


def _mount(*args: str) -> bool:
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", *args], capture_output=True)
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MB file system of its own, or skip."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN)")
    yield disk
    _umount(disk)


def fill(disk: Path) -> Path:
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def open_window(qtbot, ws, dialogs=None):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ws, dialogs=dialogs or ScriptedDialogs(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def commit_text(qtbot, window, field_id, text, *, multiline=False):
    window.entry.go_to_field(field_id)
    row = window.entry.rows[field_id]
    if multiline:
        row.editor.setPlainText(text)
        qtbot.keyClick(row.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        row.editor.setText(text)
        qtbot.keyClick(row.editor, Qt.Key.Key_Return)
    return row


def stored(data_dir: Path, field_id: str):
    conn = sqlite3.connect(f"{(data_dir / 'data.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT v.value FROM report_values v JOIN reports r ON r.id = v.report_id"
            " WHERE r.period = '2026' AND v.field_id = ?",
            (field_id,),
        ).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_keeps_the_typed_text_until_space_is_freed(qtbot, tiny_disk):
    data_dir = tiny_disk / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
        window = open_window(qtbot, ws)
        commit_text(qtbot, window, "cbcc_tong", "21")
        filler = fill(tiny_disk)

        row = commit_text(qtbot, window, "cbcc_co_may_tinh", "19")
        assert row.editor.text() == "19"  # kept as typed
        assert row.editor.property("problem") == "error"
        assert "Ổ đĩa đã đầy" in row.message.text() and "chưa được lưu" in row.message.text()
        assert window.saved_label.text() == "Chưa lưu được!"
        assert "Ổ đĩa đã đầy" in window.statusBar().currentMessage()
        assert window.session.value("cbcc_co_may_tinh") is None
        assert window.entry.unsaved_fields() == ["cbcc_co_may_tinh"]

        filler.unlink()  # the clerk frees some space and presses Enter again
        commit_text(qtbot, window, "cbcc_co_may_tinh", "19")
        assert row.message.text() == "" and window.entry.unsaved_fields() == []
        assert window.session.value("cbcc_co_may_tinh") == 19
        assert ws.db.integrity_check() == ["ok"]
    assert stored(data_dir, "cbcc_co_may_tinh") == "19"
    assert stored(data_dir, "cbcc_tong") == "21"


def test_a_full_database_is_said_at_the_field_and_survives_other_edits(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    dialogs = ScriptedDialogs(answers=[False, True])
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
        window = open_window(qtbot, ws, dialogs)
        # SQLite may not grow the file past its current size: SQLITE_FULL, like a full disk
        ws.db.conn.execute("PRAGMA max_page_count = 1")
        row = commit_text(qtbot, window, "kho_khan_vuong_mac", LONG_TEXT[:4000], multiline=True)
        assert row.editor.toPlainText() == LONG_TEXT[:4000]
        assert row.editor.property("problem") == "error"
        assert "Ổ đĩa đã đầy" in row.message.text()

        # other fields still save (they fit), and do not wipe the field's message
        commit_text(qtbot, window, "cbcc_tong", "21")
        assert window.session.value("cbcc_tong") == 21
        assert "Ổ đĩa đã đầy" in row.message.text()
        assert row.editor.toPlainText() == LONG_TEXT[:4000]

        # closing now would lose the text: the window asks (no: it stays open)
        window.close()
        assert window.isVisible()
        assert dialogs.shown[-1][0] == "confirm" and "1 ô chưa lưu được" in dialogs.shown[-1][2]

        ws.db.conn.execute("PRAGMA max_page_count = 1073741823")
        commit_text(qtbot, window, "kho_khan_vuong_mac", LONG_TEXT[:4000], multiline=True)
        assert window.session.value("kho_khan_vuong_mac") == LONG_TEXT[:4000].strip()
        assert row.message.text() == ""
        assert ws.db.integrity_check() == ["ok"]
        window.close()
        assert not window.isVisible()


def test_a_full_disk_at_start_is_said_in_both_languages(qtbot, tiny_disk):
    from desktop_app.ui.app import run_gui
    from desktop_app.workspace.logs import stop_logging

    data_dir = tiny_disk / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy")
    fill(tiny_disk)
    dialogs = ScriptedDialogs()
    try:
        status = run_gui(["--data-dir", str(data_dir)], dialogs=dialogs)
    finally:
        stop_logging()
    assert status == 1
    [(kind, _title, text)] = dialogs.shown
    assert kind == "error" and "Ổ đĩa đã đầy" in text and "The disk is full" in text
    (tiny_disk / "filler.bin").unlink()
    assert stored(data_dir, "cbcc_tong") is None  # opens fine again, nothing lost


# -- a read-only data folder -------------------------------------------------------------------


def test_a_read_only_database_is_said_at_the_field(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
        window = open_window(qtbot, ws)
        commit_text(qtbot, window, "cbcc_tong", "21")
        writable = ws.db.conn
        ws.db.conn = sqlite3.connect(
            f"{ws.db.path.as_uri()}?mode=ro", uri=True, isolation_level=None
        )
        try:
            row = commit_text(qtbot, window, "cbcc_tong", "23")
            assert row.editor.text() == "23"
            assert "chỉ cho phép đọc" in row.message.text()
        finally:
            ws.db.conn.close()
            ws.db.conn = writable
        commit_text(qtbot, window, "cbcc_tong", "23")
        assert window.session.value("cbcc_tong") == 23 and row.message.text() == ""
    assert stored(data_dir, "cbcc_tong") == "23"


@pytest.fixture
def read_only_folder(tmp_path):
    """A data folder with a set-up database, then made read-only for real: a read-only
    bind mount (as root), or chmod (as anyone else)."""
    folder = tmp_path / "ro"
    with Workspace.open(folder) as ws:
        setup_unit(ws, "02080", "legacy")
    if os.name == "posix" and os.geteuid() == 0:
        if not (_mount("--bind", str(folder), str(folder))):
            pytest.skip("cannot bind-mount here")
        if not _mount("-o", "remount,bind,ro", str(folder)):
            _umount(folder)
            pytest.skip("cannot remount read-only here")
        yield folder
        _umount(folder)
    else:
        for path in folder.rglob("*"):
            path.chmod(0o444 if path.is_file() else 0o555)
        folder.chmod(0o555)
        yield folder
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_data_folder_is_said_at_start_in_both_languages(qtbot, read_only_folder):
    from desktop_app.ui.app import run_gui
    from desktop_app.workspace.logs import stop_logging

    before = (read_only_folder / "data.sqlite3").read_bytes()
    dialogs = ScriptedDialogs()
    try:
        status = run_gui(["--data-dir", str(read_only_folder)], dialogs=dialogs)
    finally:
        stop_logging()
    assert status == 1
    [(kind, _title, text)] = dialogs.shown
    assert kind == "error"
    assert "chỉ cho phép đọc" in text and "read-only" in text
    assert str(read_only_folder) in text
    assert (read_only_folder / "data.sqlite3").read_bytes() == before


# -- a second window on the same data ------------------------------------------------------------


def test_a_second_window_on_the_same_folder_says_so_and_exits(qtbot, tmp_path):
    from desktop_app.ui.app import run_gui
    from desktop_app.workspace.instance_lock import InstanceLock, LockState
    from desktop_app.workspace.logs import log_path, stop_logging

    data_dir = tmp_path / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy")
    first = InstanceLock()
    assert first.acquire(data_dir) == LockState.HELD
    dialogs = ScriptedDialogs()
    try:
        status = run_gui(["--data-dir", str(data_dir)], dialogs=dialogs)
    finally:
        first.release()
        stop_logging()
    assert status == 1
    [(kind, _title, text)] = dialogs.shown
    assert kind == "error"
    assert "đang mở ở một cửa sổ khác" in text and "already open in another window" in text
    assert str(data_dir) in text
    assert "in use" in log_path(data_dir).read_text(encoding="utf-8")
    assert InstanceLock().acquire(data_dir) == LockState.HELD  # released, free again


@posix_only
def test_the_lock_of_a_running_window_and_of_a_killed_one(qtbot, tmp_path):
    """A real window in another process holds the folder; once it is killed (a power cut,
    the task manager) the system has dropped its lock and the next window takes it."""
    from desktop_app.workspace.instance_lock import LOCK_NAME, InstanceLock, LockState

    data_dir = tmp_path / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DESKTOP_APP_DATA_DIR", None)
    window = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lock_file = data_dir / LOCK_NAME
        qtbot.waitUntil(lambda: lock_file.exists() and lock_file.stat().st_size > 0, timeout=30000)
        second = InstanceLock()
        assert second.acquire(data_dir) == LockState.TAKEN
        assert str(window.pid) in lock_file.read_text()
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait(30)
    assert lock_file.exists()  # the file stays; the lock went with the process
    assert second.acquire(data_dir) == LockState.HELD
    second.release()


def test_moving_to_a_folder_another_window_has_is_refused(qtbot, tmp_path):
    from decimal import Decimal

    from desktop_app.ui.setup_dialog import SetupChoice
    from desktop_app.workspace.instance_lock import InstanceLock, LockState

    here, there = tmp_path / "here", tmp_path / "there"
    ws = Workspace.open(here)
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
    dialogs = ScriptedDialogs()
    window = open_window(qtbot, ws, dialogs)
    window.instance_lock = InstanceLock()
    assert window.instance_lock.acquire(here) == LockState.HELD
    other = InstanceLock()
    assert other.acquire(there) == LockState.HELD
    choice = SetupChoice("02080", "legacy", "Nguyễn Thị Hoa", "", there, "vi", Decimal("0.5"))
    try:
        window.settings.apply_setup(choice)
        assert window.workspace.data_dir == here  # not moved
        assert dialogs.shown[-1][0] == "error" and "cửa sổ khác" in dialogs.shown[-1][2]
        other.release()
        window.settings.apply_setup(choice)
        assert window.workspace.data_dir == there
        assert window.instance_lock.directory == there
        assert InstanceLock().acquire(here) == LockState.HELD  # the old folder is free
        assert InstanceLock().acquire(there) == LockState.TAKEN
    finally:
        from desktop_app.workspace.logs import stop_logging

        window.close()
        window.workspace.close()
        window.instance_lock.release()
        stop_logging()  # Settings moved the log along with the data
