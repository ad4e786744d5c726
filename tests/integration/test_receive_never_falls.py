"""Receiving never falls over (issue 14 §6): every packet of a batch gets its verdict
whatever another one holds; three ``receive`` processes on one data folder follow one
another; a full disk gives the clean ``storage.full`` message; FIFOs, devices, sockets
and links in a folder are skipped with a reason, never read or hung on."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.messages import AppError
from desktop_app.packets.verify import PacketVerifier
from desktop_app.receiving import merge
from desktop_app.workspace import receive as use
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.integration.hostile.files import deep_data_packet
from tests.support import fleet as F

A, B, C = "02080", "02083", "02044"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and flock are POSIX")


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def registered(chodon, tmp_path_factory):
    """A district that registered the 20 communes and received nothing."""
    data_dir = F.fresh_district(chodon, tmp_path_factory.mktemp("never-falls") / "district")
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        ws.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return data_dir


@pytest.fixture
def district(registered, tmp_path):
    data_dir = shutil.copytree(registered, tmp_path / "district")
    with F.open_ws(data_dir) as ws:
        yield ws


def kept_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in (data_dir / "received").rglob("*") if p.is_file())


def assert_no_orphan(data_dir: Path) -> None:
    """Every file under received/ is a whole copy that a row names; no temporary left."""
    db = sqlite3.connect(data_dir / "data.sqlite3")
    named = {r[0] for r in db.execute("SELECT stored_path FROM received_files") if r[0]}
    db.close()
    kept = {p.relative_to(data_dir).as_posix() for p in kept_files(data_dir)}
    assert kept == named


def a_batch(chodon, folder: Path, middle: bytes) -> Path:
    folder.mkdir()
    shutil.copy(chodon.communes[A].packet, folder / "1.zip")
    (folder / "2.zip").write_bytes(middle)
    shutil.copy(chodon.communes[C].packet, folder / "3.zip")
    return folder


# -- every packet gets its verdict --------------------------------------------------------


def test_a_deeply_nested_data_json_does_not_stop_the_batch(chodon, district, tmp_path):
    deep = deep_data_packet(chodon.communes[B], depth=600)
    report = use.receive(district, [a_batch(chodon, tmp_path / "in", deep)])
    assert [o.verdict for o in report.outcomes] == ["accepted", "rejected", "accepted"]
    # refused by check 6 once it reads nesting itself; until then by the receiving's guard
    assert report.outcomes[1].error.code == "packet.data_too_deep"  # refused by its shape
    assert report.outcomes[1].error.message.vi
    assert_no_orphan(district.data_dir)


def test_an_unforeseen_failure_of_a_check_refuses_that_packet_only(
    chodon, district, tmp_path, monkeypatch
):
    odd = chodon.communes[B].packet.read_bytes()
    verify = PacketVerifier.verify

    def failing(self, source):
        if source == odd:
            raise KeyError("/Root")  # what a library might raise on a file it cannot parse
        return verify(self, source)

    monkeypatch.setattr(PacketVerifier, "verify", failing)
    before = F.table_dump(district.db)
    report = use.receive(district, [a_batch(chodon, tmp_path / "in", odd)])
    assert [o.verdict for o in report.outcomes] == ["accepted", "rejected", "accepted"]
    refused = report.outcomes[1]
    assert refused.error.code == "packet.check_failed"
    assert refused.received.reason_code == "packet.check_failed" and refused.received.message_en
    assert refused.received.unit_code == B  # what the file claimed, for the officer
    assert len(F.table_dump(district.db)["submissions"]) == len(before["submissions"]) + 2
    assert_no_orphan(district.data_dir)


def test_a_merge_that_fails_unforeseen_leaves_nothing_of_that_packet(
    chodon, district, tmp_path, monkeypatch
):
    store = merge.store_packet

    def failing(office, packet, plan, **kw):
        if packet.unit_code == B:
            raise ValueError("unforeseen")
        return store(office, packet, plan, **kw)

    monkeypatch.setattr(merge, "store_packet", failing)
    folder = a_batch(chodon, tmp_path / "in", chodon.communes[B].packet.read_bytes())
    report = use.receive(district, [folder])
    assert [o.verdict for o in report.outcomes] == ["accepted", "rejected", "accepted"]
    assert report.outcomes[1].error.code == "packet.check_failed"
    units = {s.unit_code for s in use.submissions(district, "cntt-xa", "2026")}
    assert units == {A, C}
    assert_no_orphan(district.data_dir)


def test_a_batch_stopped_by_the_data_folder_leaves_no_orphan_copy(
    chodon, district, tmp_path, monkeypatch
):
    from desktop_app.receiving import receive as receiving
    from desktop_app.storage.errors import storage_error

    judge = receiving.judge

    def full_at_b(office, packet):
        if packet.unit_code == B:
            raise storage_error("storage.full", office.db.path)
        return judge(office, packet)

    monkeypatch.setattr(receiving, "judge", full_at_b)
    folder = a_batch(chodon, tmp_path / "in", chodon.communes[B].packet.read_bytes())
    with pytest.raises(AppError) as stopped:
        use.receive(district, [folder])
    assert stopped.value.code == "storage.full"
    assert [r.file_name for r in use.received_files(district)] == ["1.zip"]
    assert_no_orphan(district.data_dir)


# -- concurrent receives -------------------------------------------------------------------


def _cli_process(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DESKTOP_APP_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8",
    )  # fmt: skip


@POSIX
@pytest.mark.parametrize("run", range(3))
def test_three_receives_at_once_on_one_folder(chodon, registered, tmp_path, run):
    data_dir = shutil.copytree(registered, tmp_path / "district")
    processes = [_cli_process(data_dir, "receive", str(chodon.packets), "--json") for _ in range(3)]
    results = [p.communicate(timeout=300) for p in processes]
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
        counts = json.loads(out)["counts"]
        assert sum(counts.values()) == 20 and set(counts) <= {"accepted", "duplicate"}
    with F.open_ws(data_dir) as ws:
        rows = use.received_files(ws)
        assert len(rows) == 60
        by_unit: dict[str, list[str]] = {}
        for row in rows:
            by_unit.setdefault(row.unit_code, []).append(row.verdict)
        assert all(sorted(v) == ["accepted", "duplicate", "duplicate"] for v in by_unit.values())
        assert len(use.submissions(ws, "cntt-xa", "2026")) == 20
    assert not [p for p in (data_dir / "received").rglob("*.part")]
    assert_no_orphan(data_dir)


@POSIX
def test_a_receive_says_it_waits_for_another(chodon, registered, tmp_path):
    from desktop_app.receiving.receive import LOCK_NAME, WAITING
    from desktop_app.storage.exclusive import exclusive

    data_dir = shutil.copytree(registered, tmp_path / "district")
    with exclusive(data_dir / LOCK_NAME):  # another receive holds the folder
        process = _cli_process(data_dir, "receive", str(chodon.communes[A].packet))
        assert process.stderr is not None
        first_line = process.stderr.readline()  # blocks until the process says something
        assert first_line.strip() == WAITING.vi
        time.sleep(0.5)
        assert process.poll() is None  # it waits
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "ĐÃ NHẬN" in out


# -- a full disk ---------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A real filesystem with little room: a tmpfs of 1 MB beyond what is put on it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _resize(mount: Path, free_bytes: int) -> None:
    used = shutil.disk_usage(mount).used
    size_kb = (used + free_bytes) // 1024
    subprocess.run(["mount", "-o", f"remount,size={size_kb}k", str(mount)], check=True)


@POSIX
def test_a_disk_that_fills_while_keeping_copies_says_storage_full(chodon, registered, small_disk):
    data_dir = shutil.copytree(registered, small_disk / "district")
    with F.open_ws(data_dir) as ws:  # the database has its room; the copies will not
        ws.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _resize(small_disk, 600 * 1024)  # room for a few packets, not 20
    run = cli(data_dir, "receive", str(chodon.packets))
    assert run.code == 1
    assert "Traceback" not in run.err and "OSError" not in run.err
    assert "Ổ đĩa đã đầy" in run.err and "The disk is full" in run.err
    assert not [p for p in (data_dir / "received").rglob("*.part")]
    assert_no_orphan(data_dir)
    with F.open_ws(data_dir) as ws:
        kept_before = len(use.received_files(ws))
    assert 0 < kept_before < 20
    _resize(small_disk, 8 * 1024 * 1024)  # space freed: receiving again finishes the folder
    again = cli(data_dir, "receive", str(chodon.packets), "--json", check=0)
    assert again.json["counts"] == {"duplicate": kept_before, "accepted": 20 - kept_before}
    assert_no_orphan(data_dir)


# -- things in a folder that are not files --------------------------------------------------


@POSIX
def test_special_files_in_a_folder_are_skipped_with_a_reason(chodon, registered, tmp_path):
    data_dir = shutil.copytree(registered, tmp_path / "district")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(chodon.communes[A].packet, folder / "a.zip")
    os.mkfifo(folder / "ong.zip")
    (folder / "zero.zip").symlink_to("/dev/zero")
    (folder / "lien-ket.zip").symlink_to(chodon.communes[B].packet)
    (folder / "vong").symlink_to(folder, target_is_directory=True)  # a loop
    (folder / "thu-muc.zip").mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "s.zip"))
    expected = {
        "ong.zip": "receive.skipped_fifo",
        "zero.zip": "receive.skipped_link",
        "lien-ket.zip": "receive.skipped_link",
        "vong": "receive.skipped_link",
        "thu-muc.zip": "receive.skipped_folder",
        "s.zip": "receive.skipped_socket",
    }
    try:
        os.mknod(folder / "thiet-bi.zip", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero
        expected["thiet-bi.zip"] = "receive.skipped_device"
    except PermissionError:
        pass
    try:
        run = cli(data_dir, "receive", str(folder), "--json", check=0)  # cli's timeout bounds it
    finally:
        server.close()
    assert run.json["counts"] == {"accepted": 1}
    reasons = {Path(s["path"]).name: s["code"] for s in run.json["skipped_reasons"]}
    assert reasons == expected
    assert all(s["vi"] and s["en"] for s in run.json["skipped_reasons"])


@POSIX
def test_a_fifo_or_dev_zero_named_explicitly_is_refused_unread(chodon, registered, tmp_path):
    data_dir = shutil.copytree(registered, tmp_path / "district")
    fifo = tmp_path / "ong.zip"
    os.mkfifo(fifo)
    run = cli(data_dir, "receive", str(fifo), "/dev/zero", str(chodon.communes[A].packet),
              "--json", check=1)  # fmt: skip
    verdicts = {
        Path(p["path"]).name: (p["verdict"], p.get("error", {}).get("code"))
        for p in run.json["packets"]
    }
    assert verdicts == {
        "ong.zip": ("rejected", "packet.not_a_file"),
        "zero": ("rejected", "packet.not_a_file"),
        chodon.communes[A].packet.name: ("accepted", None),
    }
    with F.open_ws(data_dir) as ws:
        rows = {r.file_name: r for r in use.received_files(ws)}
    for name in ("ong.zip", "zero"):
        assert (rows[name].reason_code, rows[name].stored_path) == ("packet.not_a_file", None)
        assert rows[name].message_vi and rows[name].message_en
