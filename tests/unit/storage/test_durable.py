"""The one atomic writer: a write that fails part way leaves the old file as it was and
no temporary file beside it; a full disk is the clerk's ``storage.full``."""

from __future__ import annotations

import errno
import json
import os
import threading

import pytest

from desktop_app import app_config
from desktop_app.core import durable as core_durable
from desktop_app.core.messages import AppError
from desktop_app.storage import durable


class Interrupted(Exception):
    pass


def _half_then(exc: BaseException):
    def writer(handle):
        handle.write(b"half of the new")
        handle.flush()
        raise exc

    return writer


def test_a_whole_write_replaces_the_file_and_leaves_nothing_beside(tmp_path):
    target = tmp_path / "report.zip"
    target.write_bytes(b"old")
    durable.atomic_write(target, b"new bytes")
    assert target.read_bytes() == b"new bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.zip"]


def test_a_write_interrupted_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.zip"
    target.write_bytes(b"old")
    with pytest.raises(Interrupted):
        durable.atomic_write(target, _half_then(Interrupted()))
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.zip"]


@pytest.mark.parametrize("code", [errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)])
def test_a_full_disk_is_storage_full_and_the_target_untouched(tmp_path, code):
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(AppError) as caught:
        durable.atomic_write(target, _half_then(OSError(code, "No space left on device")))
    assert caught.value.code == "storage.full"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]


def test_replacing_a_file_written_by_another_library_fails_whole(tmp_path):
    target = tmp_path / "bundle.zip"
    with pytest.raises(AppError) as caught, durable.replacing(target) as temporary:
        temporary.write_bytes(b"part")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.code == "storage.full"
    assert list(tmp_path.iterdir()) == []


def test_the_owner_only_mode_is_kept(tmp_path):
    target = tmp_path / "unit-key.pem"
    durable.atomic_write(target, b"key", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_settings_file_is_written_the_same_way(tmp_path, monkeypatch):
    monkeypatch.setenv(app_config.CONFIG_ENV, str(tmp_path))
    app_config.remember_data_dir(tmp_path / "first")
    before = (tmp_path / "config.json").read_bytes()

    def full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    real = core_durable.atomic_write
    monkeypatch.setattr(app_config, "atomic_write", lambda target, content: real(target, full))
    with pytest.raises(OSError):
        app_config.remember_data_dir(tmp_path / "second")
    assert (tmp_path / "config.json").read_bytes() == before
    assert json.loads(before)["data_dir"] == str(tmp_path / "first")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_two_writers_of_the_same_file_at_once_both_finish(tmp_path, monkeypatch):
    """Two processes writing the same file into one folder (two exports, a window and the
    command line) each write a temporary file of their own: the first one, paused between
    writing and renaming, still finds its file (with one shared temporary name the second
    writer renamed it away, and the first failed on a missing file)."""
    first_written, second_done = threading.Event(), threading.Event()
    fsync = os.fsync

    def pausing_fsync(fd):
        fsync(fd)
        if threading.current_thread().name == "first":
            first_written.set()
            second_done.wait(30)

    errors = []
    target = tmp_path / "02080_cntt-xa_2026_r1.zip"

    def first():
        try:
            durable.atomic_write(target, b"first")
        except Exception as exc:
            errors.append(exc)

    monkeypatch.setattr(core_durable.os, "fsync", pausing_fsync)
    writer = threading.Thread(target=first, name="first")
    writer.start()
    assert first_written.wait(30)
    durable.atomic_write(target, b"second")  # the second writer, from start to end
    second_done.set()
    writer.join(30)
    assert errors == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert target.read_bytes() == b"first"  # the last rename wins, whole


def test_a_full_disk_while_the_new_data_folder_is_remembered_is_storage_full(tmp_path, monkeypatch):
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.relocate import move_workspace

    config = tmp_path / "config"
    monkeypatch.setenv(app_config.CONFIG_ENV, str(config))
    app_config.remember_data_dir(tmp_path / "old")
    before = (config / "config.json").read_bytes()

    def full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    real = core_durable.atomic_write
    monkeypatch.setattr(app_config, "atomic_write", lambda target, content: real(target, full))
    ws = Workspace.open(tmp_path / "old")
    try:
        with pytest.raises(AppError) as caught:
            move_workspace(ws, tmp_path / "new")
    finally:
        ws.close()
    assert caught.value.code == "storage.full"
    assert (config / "config.json").read_bytes() == before
    assert sorted(p.name for p in config.iterdir()) == ["config.json"]
