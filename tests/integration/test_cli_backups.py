"""``backups list|create|restore`` as the IT officer types them: the same safe restore as
the window's, also for a database too damaged to open, and never under an open window."""

from __future__ import annotations

from pathlib import Path

from desktop_app.workspace.instance_lock import InstanceLock, LockState
from tests.integration.cli_helpers import cli
from tests.integration.test_restore import _prepared, _value


def test_list_create_and_restore(tmp_path: Path):
    data = tmp_path / "data"
    kept = _prepared(data)  # the backup says 21, the database 25
    made = cli(data, "backups", "create", "--json", check=0).json["backup"]
    listed = cli(data, "backups", "list", "--json", check=0).json["backups"]
    assert [b["path"] for b in listed[:2]] == [made, str(kept)]
    assert listed[0]["reason_text"]["vi"] == "Sao lưu thủ công"
    assert listed[0]["reports"] == 1 and listed[0]["values"] == 1
    people = cli(data, "--lang", "en", "backups", "list", check=0).out
    assert "Newest first" in people and kept.name in people and "1 reports" in people

    done = cli(data, "backups", "restore", kept.name, check=0)  # by the name list shows
    assert f"Đã khôi phục {kept.name}" in done.out and "before-restore" in done.out
    assert _value(data) == "21"
    reasons = [b["reason"] for b in cli(data, "backups", "list", "--json", check=0).json["backups"]]
    assert "before-restore" in reasons


def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path):
    data = tmp_path / "data"
    kept = _prepared(data)
    kept.write_bytes(kept.read_bytes()[:4096])  # cut short
    refused = cli(data, "backups", "restore", str(kept), check=1)
    assert "Lỗi:" in refused.err and "Error:" in refused.err
    assert _value(data) == "25"


def test_a_database_too_damaged_to_open_is_restored(tmp_path: Path):
    data = tmp_path / "data"
    kept = _prepared(data)
    (data / "data.sqlite3").write_bytes(b"\0mat dien giua chung" * 4000)
    for name in ("data.sqlite3-wal", "data.sqlite3-shm"):
        (data / name).unlink(missing_ok=True)
    listed = cli(data, "backups", "list", "--json", check=0).json["backups"]
    assert str(kept) in [b["path"] for b in listed]
    cli(data, "backups", "create", check=1)  # nothing sound to copy
    cli(data, "backups", "restore", str(kept), check=0)
    assert _value(data) == "21"
    assert list((data / "backups").glob("data.sqlite3.damaged-*"))  # kept, raw


def test_no_restore_under_an_open_window(tmp_path: Path):
    data = tmp_path / "data"
    kept = _prepared(data)
    window = InstanceLock()
    assert window.acquire(data) == LockState.HELD
    try:
        refused = cli(data, "backups", "restore", str(kept), "--json", check=1)
        assert refused.json["error"]["code"] == "backups.window_open"
        assert "đóng cửa sổ" in refused.err
    finally:
        window.release()
    assert _value(data) == "25"


def test_the_oldest_of_a_full_set_is_restored(tmp_path: Path):
    """Ten backups (as many as are kept), the newest days old: opening the folder would
    back up on open and rotate the chosen, oldest one out before it was read."""
    data = tmp_path / "data"
    kept = _prepared(data)
    oldest = kept.with_name("data-20200101T000000-manual.sqlite3")
    kept.rename(oldest)
    for second in range(1, 10):
        copy = oldest.with_name(f"data-20200101T0000{second:02d}-open.sqlite3")
        copy.write_bytes(oldest.read_bytes())
    cli(data, "backups", "restore", oldest.name, check=0)
    assert _value(data) == "21"
    assert oldest.exists()  # the safety copy's rotation spares the backup put back
    reasons = [b["reason"] for b in cli(data, "backups", "list", "--json", check=0).json["backups"]]
    assert reasons[0] == "before-restore" and len(reasons) == 11
    assert reasons[1:] == ["open"] * 9 + ["manual"]  # no backup on open was made


def test_a_backup_that_is_not_there_is_named_not_found(tmp_path: Path):
    data = tmp_path / "data"
    _prepared(data)
    refused = cli(data, "backups", "restore", "data-20990101T000000-manual.sqlite3", "--json",
                  check=1)  # fmt: skip
    assert refused.json["error"]["code"] == "backups.not_found"
    assert "Không có tệp sao lưu" in refused.err and "backups list" in refused.err
    assert _value(data) == "25"


def test_listing_a_folder_whose_settings_cannot_be_read(tmp_path: Path):
    """A database that opens but whose pages are partly damaged: the list still comes."""
    import sqlite3

    data = tmp_path / "data"
    kept = _prepared(data)
    conn = sqlite3.connect(data / "data.sqlite3")
    conn.execute("DROP TABLE settings")  # stands for a page of it lost
    conn.commit()
    conn.close()
    listed = cli(data, "backups", "list", check=0).out
    assert kept.name in listed and "Mới nhất trước" in listed


def test_reading_the_language_leaves_no_files_behind(tmp_path: Path):
    """`backups list` run by another account must not leave it -wal/-shm files the
    clerk's window could not open."""
    data = tmp_path / "data"
    _prepared(data)
    for name in ("data.sqlite3-wal", "data.sqlite3-shm"):
        assert not (data / name).exists()
    cli(data, "backups", "list", check=0)
    assert not any((data / name).exists() for name in ("data.sqlite3-wal", "data.sqlite3-shm"))
