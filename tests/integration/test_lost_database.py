"""A data file that is missing, zero bytes, truncated or emptied, with backups beside it,
is never replaced silently by an empty database: every command that would open the
folder for work refuses ("storage.data_missing", or "storage.corrupt" for a damaged
file) naming the folder and the newest good backup, and nothing in the folder changes.
The officer restores (`backups restore`), or starts empty on purpose (`setup
--force-new`), and what was left beside the file is kept. Through the CLI, as typed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage import Database
from tests.integration.cli_helpers import cli
from tests.integration.test_restore import _prepared, _value

DB = "data.sqlite3"
# every command that opens the folder for work, as an officer would type it
WORK = [
    ("status",),
    ("values", "set", "--form", "cntt-xa", "--period", "2026", "cbcc_tong=30"),
    ("validate", "--form", "cntt-xa", "--period", "2026"),
    ("backups", "create"),
    ("setup", "--unit", "02080", "--catalogue", "legacy"),
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the folder but the log, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


def _lose(data: Path, how: str) -> None:
    db = data / DB
    for name in (f"{DB}-wal", f"{DB}-shm"):
        (data / name).unlink(missing_ok=True)
    if how == "missing":
        db.unlink()
    elif how == "zero-byte":
        db.write_bytes(b"")
    elif how == "emptied":  # what an earlier version left: recreated, no row anywhere
        db.unlink()
        Database.open(db).close()
    elif how == "truncated":
        db.write_bytes(db.read_bytes()[: 3 * 4096])


@pytest.mark.parametrize("how", ["missing", "zero-byte", "emptied"])
def test_every_command_refuses_and_names_the_newest_good_backup(tmp_path, how):
    data = tmp_path / "data"
    kept = _prepared(data)  # the database says 25; its manual backup 21
    _lose(data, how)
    before = _snapshot(data)
    for command in WORK:
        refused = cli(data, *command, "--json", check=1)
        error = refused.json["error"]
        assert error["code"] == "storage.data_missing", command
        assert error["backup"] == str(kept) and error["reports"] == 1
        assert error["folder"] == str(data)
        assert str(data) in refused.err and kept.name in refused.err
        when = kept.name.split("-")[1]  # 20261123T020000 → 02:00 23/11/2026
        assert f"{when[9:11]}:{when[11:13]} {when[6:8]}/{when[4:6]}/{when[:4]}" in refused.err
        assert "1 báo cáo" in refused.err and "holding 1 report(s)" in refused.err
        assert "backups restore" in refused.err and "--force-new" in refused.err
        assert _snapshot(data) == before, command  # nothing created, nothing rotated
    assert (data / DB).exists() == (how != "missing")


def test_a_truncated_database_is_refused_as_damaged_naming_the_good_backup(tmp_path):
    data = tmp_path / "data"
    kept = _prepared(data)
    _lose(data, "truncated")
    before = _snapshot(data)
    refused = cli(data, "status", "--json", check=1)
    assert refused.json["error"]["code"] == "storage.corrupt"
    assert refused.json["error"]["backup"] == str(kept)
    assert f"backups restore {kept.name}" in refused.err
    assert _snapshot(data) == before
    cli(data, "backups", "restore", kept.name, check=0)
    assert _value(data) == "21"
    assert list((data / "backups").glob(f"{DB}.damaged-*"))  # the cut file, kept raw


@pytest.mark.parametrize("how", ["missing", "zero-byte"])
def test_restore_the_named_backup_and_work_goes_on(tmp_path, how):
    data = tmp_path / "data"
    kept = _prepared(data)
    _lose(data, how)
    named = cli(data, "status", "--json", check=1).json["error"]["backup"]
    cli(data, "backups", "restore", Path(named).name, check=0)
    assert _value(data) == "21"
    assert "02080" in cli(data, "status", check=0).out
    assert kept.exists()


def test_setup_starts_empty_only_when_told_and_the_backups_stay(tmp_path):
    data = tmp_path / "data"
    kept = _prepared(data)
    _lose(data, "zero-byte")
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=1)
    done = cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", "--force-new", check=0)
    assert "Đã thiết lập đơn vị" in done.out
    assert "Chưa có báo cáo nào" in cli(data, "status", check=0).out  # started empty
    assert kept.exists()
    listed = cli(data, "backups", "list", "--json", check=0).json["backups"]
    assert str(kept) in [b["path"] for b in listed]
    cli(data, "backups", "restore", kept.name, check=0)  # still there to go back to
    assert _value(data) == "21"


@pytest.mark.parametrize("left", ["-wal", "-journal"])
def test_what_was_left_beside_a_missing_database_is_kept(tmp_path, left):
    """A -wal without its database (SQLite would replay it into a new, empty file) or a
    -journal beside a zero-byte one (SQLite would delete it): refused even with no
    backup at all, and moved into the backups folder, never deleted."""
    data = tmp_path / "data"
    data.mkdir()
    remains = b"\x37\x7f\x06\x82" + b"changes never checkpointed" * 300
    (data / f"{DB}{left}").write_bytes(remains)
    if left == "-journal":
        (data / DB).write_bytes(b"")
    refused = cli(data, "status", "--json", check=1)
    assert refused.json["error"]["code"] == "storage.data_missing"
    assert refused.json["error"]["left_behind"] == [str(data / f"{DB}{left}")]
    assert refused.json["error"]["backup"] is None
    assert (data / f"{DB}{left}").read_bytes() == remains
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", "--force-new", check=0)
    [aside] = (data / "backups").glob(f"{DB}{left}.left-*")
    assert aside.read_bytes() == remains
    assert "02080" in cli(data, "status", check=0).out


def test_restoring_into_a_missing_database_keeps_its_wal(tmp_path):
    data = tmp_path / "data"
    kept = _prepared(data)
    (data / DB).unlink()
    (data / f"{DB}-wal").write_bytes(b"frames of the lost file" * 100)
    done = cli(data, "backups", "restore", kept.name, check=0)
    [aside] = (data / "backups").glob(f"{DB}-wal.left-*")
    assert aside.read_bytes() == b"frames of the lost file" * 100
    assert str(aside) in done.out
    assert _value(data) == "21"


def test_only_damaged_backups_are_still_a_reason_to_refuse(tmp_path):
    data = tmp_path / "data"
    kept = _prepared(data)
    kept.write_bytes(b"\0" * 100 + kept.read_bytes()[100:4096])  # header and all cut
    _lose(data, "missing")
    refused = cli(data, "status", "--json", check=1)
    error = refused.json["error"]
    assert error["code"] == "storage.data_missing"
    assert error["backup"] is None and error["damaged"] == 1
    assert "không đọc được" in refused.err and "cannot be read" in refused.err


def test_a_first_start_and_backups_of_nothing_are_no_reason_to_refuse(tmp_path):
    data = tmp_path / "data"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)  # first start
    empty = tmp_path / "empty"
    (empty / "backups").mkdir(parents=True)
    Database.open(empty / "backups" / "data-20261120T080000-open.sqlite3").close()
    cli(empty, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)


def test_the_emptied_database_of_an_earlier_version_no_longer_pushes_backups_out(tmp_path):
    """What happened before: an empty database in place, and its backups at every open
    (more than an hour apart) rotating the good ones out. Now it is refused, so there
    is no backup of it; the eleven good backups stay."""
    data = tmp_path / "data"
    kept = _prepared(data)
    for hour in range(10):
        copy = kept.with_name(f"data-20260101T{hour:02d}0000-open.sqlite3")
        copy.write_bytes(kept.read_bytes())
    kept.rename(kept.with_name("data-20260102T000000-manual.sqlite3"))  # days ago
    _lose(data, "emptied")
    for _ in range(3):
        cli(data, "status", check=1)
    conn = sqlite3.connect(data / DB)
    assert conn.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    conn.close()
    assert len(list((data / "backups").glob("data-*.sqlite3"))) == 11


def test_a_read_only_backups_folder_is_said_and_work_goes_on(tmp_path):
    """Backups that silently stop leave the data with no copy: every command says so
    (a warning, the work goes on), and a backup asked for is refused naming the folder,
    with no traceback."""
    import subprocess

    from tests.gui.test_storage_failures import _mount, _umount

    data = tmp_path / "data"
    kept = _prepared(data)
    kept.rename(kept.with_name("data-20200101T000000-manual.sqlite3"))  # long ago
    folder = data / "backups"
    if not (_mount("--bind", str(folder), str(folder))):
        pytest.skip("cannot bind-mount here (needs root / CAP_SYS_ADMIN)")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)]).returncode:
            pytest.skip("cannot remount read-only here")
        done = cli(data, "status", check=0)
        assert "02080" in done.out
        assert "Cảnh báo: Không sao lưu được khi mở" in done.err and str(folder) in done.err
        assert "Traceback" not in done.err
        refused = cli(data, "backups", "create", "--json", check=1)
        assert refused.json["error"]["code"] == "storage.backup_failed"
        assert refused.json["error"]["path"] == str(folder)
        assert "Traceback" not in refused.err
    finally:
        _umount(folder)
    assert _value(data) == "25"


def test_a_lost_unit_setup_with_reports_there_is_not_a_first_start(tmp_path):
    """The unit's setup record gone (a settings page lost) while the reports are all
    there: not "no unit set up yet", but which unit they belong to; setting it up again
    brings everything back, nothing refused as empty."""
    data = tmp_path / "data"
    _prepared(data)
    conn = sqlite3.connect(data / DB)
    conn.execute("DELETE FROM settings WHERE key = 'profile'")
    conn.commit()
    conn.close()
    refused = cli(data, "status", "--json", check=1)
    assert refused.json["error"]["code"] == "setup.profile_lost"
    assert refused.json["error"]["units"] == ["02080"]
    assert "setup --unit 02080" in refused.err
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    assert _value(data) == "25"
