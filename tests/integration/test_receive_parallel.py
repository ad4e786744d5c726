"""Issue 15: a batch checked in worker processes ends exactly as one checked in process.

The folder: the 20 Chợ Đồn communes' genuine packets (one commune not registered), a
copy of one under another name (a duplicate), a packet with a flipped byte and a file
that is not a zip. The same folder is received twice, into two copies of the district:
in process and with two spawn workers; verdicts, reason codes, messages and every table
(timestamps aside) must be the same. Then: cancelling mid-batch keeps exactly the files
reported, and a worker that dies on one packet gives that packet its own verdict
(``packet.check_crashed``) while every other file is received as in process.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import shutil

import pytest

from desktop_app.core.progress import Cancelled
from desktop_app.receiving.parallel import WorkerHooks
from desktop_app.receiving.receive import ReceiveCancelled, receive_paths
from desktop_app.workspace import receive as use
from tests.support import fleet as F

UNREGISTERED = "02047"  # not registered: refused in the parent (check 4, explained)


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def folder(chodon, tmp_path_factory):
    target = tmp_path_factory.mktemp("parallel") / "in"
    shutil.copytree(chodon.packets, target)
    first = sorted(target.glob("*.zip"))[0]
    shutil.copy(first, target / "zz-copy-of-first.zip")  # received last: a duplicate
    damaged = bytearray(sorted(target.glob("*.zip"))[3].read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    (target / "zz-damaged.zip").write_bytes(bytes(damaged))
    (target / "zz-not-a-zip.zip").write_text("không phải gói nộp", encoding="utf-8")
    return target


def _district(chodon, path):
    data_dir = F.fresh_district(chodon, path)
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            if commune.code != UNREGISTERED:
                use.register_certificate(ws, commune.cert, commune.code)
    return data_dir


_MOMENT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")


def _tables(data_dir):
    with F.open_ws(data_dir) as ws:
        tables = F.table_dump(ws.db, skip=())
    return {name: sorted(_MOMENT.sub("<t>", row) for row in rows) for name, rows in tables.items()}


def _receive(chodon, folder, path, **how):
    data_dir = _district(chodon, path)
    steps = []
    with F.open_ws(data_dir) as ws:
        office = use.office(ws)
        report = receive_paths(office, [folder], lambda d, t: steps.append((d, t)), **how)
    return data_dir, report, steps


def _verdicts(report):
    return [
        (o.path.name, o.verdict, o.error.code if o.error else None,
         o.error.message.vi if o.error else None)
        for o in report.outcomes
    ]  # fmt: skip


@pytest.fixture(scope="module")
def in_process(chodon, folder, tmp_path_factory):
    return _receive(chodon, folder, tmp_path_factory.mktemp("a") / "d", parallel=False)


def test_workers_give_the_same_verdicts_and_the_same_database(chodon, folder, in_process, tmp_path):
    here_dir, here, _ = in_process
    there_dir, there, steps = _receive(chodon, folder, tmp_path / "d", parallel=True, workers=2)
    assert _verdicts(there) == _verdicts(here)
    codes = {name: code for name, _, code, _ in _verdicts(here)}
    assert codes[f"{UNREGISTERED}_cntt-xa_2026_r1.zip"] == "packet.signer_untrusted"
    assert codes["zz-damaged.zip"].startswith("packet.")
    assert codes["zz-not-a-zip.zip"].startswith("packet.")
    assert [v for _, v, _, _ in _verdicts(here)].count("accepted") == 19
    assert _verdicts(here)[20][1] == "duplicate"
    # progress: each file after its commit (repeated while a verdict is awaited)
    assert list(dict.fromkeys(steps)) == [(i, 23) for i in range(24)]
    assert _tables(there_dir) == _tables(here_dir)
    kept = sorted(p.relative_to(there_dir) for p in (there_dir / "received").rglob("*.zip"))
    assert kept == sorted(p.relative_to(here_dir) for p in (here_dir / "received").rglob("*.zip"))
    assert not multiprocessing.active_children()  # the workers are gone


def test_cancel_mid_batch_keeps_exactly_the_files_reported(chodon, folder, tmp_path):
    def progress(done, total):
        if done == 5:
            raise Cancelled()

    data_dir = _district(chodon, tmp_path / "d")
    with F.open_ws(data_dir) as ws, pytest.raises(ReceiveCancelled) as stopped:
        receive_paths(use.office(ws), [folder], progress, parallel=True, workers=2)
    done = stopped.value.report.outcomes
    assert len(done) == 5
    with F.open_ws(data_dir) as ws:
        rows = use.received_files(ws)
    assert [r.file_name for r in rows] == [o.path.name for o in done]
    kept = {p.name for p in (data_dir / "received").rglob("*.zip")}
    assert kept == {r.stored_path.rsplit("/", 1)[-1] for r in rows}  # no copy left behind
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("at", [0, 7])  # 0: before any worker ever answered
def test_a_worker_that_dies_is_a_verdict_for_its_packet(chodon, folder, in_process, tmp_path, at):
    victim = sorted(folder.glob("*.zip"))[at]
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    data_dir, report, steps = _receive(
        chodon, folder, tmp_path / "d", parallel=True, workers=2,
        hooks=WorkerHooks(exit_on=frozenset({digest})),
    )  # fmt: skip
    assert steps[-1] == (23, 23)
    expected = _verdicts(in_process[1])
    got = _verdicts(report)
    # the victim, and for the first file its copy under another name (the same bytes)
    dead = [i for i, o in enumerate(report.outcomes)
            if hashlib.sha256(o.path.read_bytes()).hexdigest() == digest]  # fmt: skip
    assert dead == ([0, 20] if at == 0 else [at])
    for i in dead:
        assert got[i][:3] == (got[i][0], "rejected", "packet.check_crashed")
        assert got[i][3].startswith("Tiến trình kiểm tra gói nộp")
        assert report.outcomes[i].error.message.en.startswith("The process checking the packet")
    alive = [v for i, v in enumerate(got) if i not in dead]
    assert alive == [v for i, v in enumerate(expected) if i not in dead]  # as in process
    assert report.workers == 2
    with F.open_ws(data_dir) as ws:
        row = next(r for r in use.received_files(ws) if r.file_name == victim.name)
    assert (row.verdict, row.reason_code) == ("rejected", "packet.check_crashed")
    assert not multiprocessing.active_children()


def test_small_batches_stay_in_process(chodon, tmp_path, monkeypatch):
    from desktop_app.receiving import parallel

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a small batch")

    monkeypatch.setattr(parallel, "receive_in_workers", no_pool)
    data_dir = _district(chodon, tmp_path / "d")
    with F.open_ws(data_dir) as ws:
        report = receive_paths(use.office(ws), [chodon.packets])
    assert len(report.outcomes) == 20 < parallel.PARALLEL_FROM


def test_cancel_while_the_workers_start(chodon, folder, tmp_path):
    """Spawning and importing take seconds: a cancel meanwhile is seen at once (the
    progress callback is called again while the first verdict is awaited)."""
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 2:
            raise Cancelled()

    data_dir = _district(chodon, tmp_path / "d")
    with F.open_ws(data_dir) as ws, pytest.raises(ReceiveCancelled) as stopped:
        # workers slow to start, as on an old PC: the cancel comes before the first verdict
        receive_paths(use.office(ws), [folder], progress, parallel=True, workers=2,
                      hooks=WorkerHooks(slow_start=3.0))  # fmt: skip
    assert calls == [0, 0] and stopped.value.report.outcomes == []
    with F.open_ws(data_dir) as ws:
        assert use.received_files(ws) == []
    assert not list((data_dir / "received").rglob("*.zip"))  # no copy left behind
    assert not multiprocessing.active_children()


def test_workers_that_cannot_start_leave_the_batch_to_this_process(
    chodon, folder, in_process, tmp_path
):
    """A PC where no worker process can start (a broken installation, a security tool
    killing them): the batch is checked here, with the same verdicts."""
    data_dir, report, _ = _receive(
        chodon, folder, tmp_path / "d", parallel=True, workers=2,
        hooks=WorkerHooks(no_start=True),
    )  # fmt: skip
    assert _verdicts(report) == _verdicts(in_process[1])
    assert report.workers == 0
    assert _tables(data_dir) == _tables(in_process[0])
    assert not multiprocessing.active_children()


def test_a_worker_starts_from_a_file_not_from_its_process_object():
    """Spawn pipes the process object to the child and, on CPython 3.11, holds the pipe's
    other end until the write is done: a child that died before reading ≈ 1 MB (the forms
    and the trust list) left this process blocked for good (a full test run hung so). The
    start data now go through a private file, and what is piped fits in any pipe's buffer
    (4 KB, a sixteenth of Linux's); the file goes with the pool."""
    import pickle
    from pathlib import Path

    from desktop_app.core.forms import FormRegistry
    from desktop_app.packets.zipread import ZipLimits
    from desktop_app.receiving.parallel import VerifierPool
    from desktop_app.receiving.trust_store import TrustSnapshot
    from tests.conftest import PROJECT

    forms = FormRegistry.load(PROJECT / "forms")
    assert len(pickle.dumps(forms)) > 64 * 1024  # what used to be piped
    pool = VerifierPool(forms, TrustSnapshot([]), ZipLimits(), workers=1)
    start_data = Path(pool._args[0])
    try:
        assert len(pickle.dumps(pool._args)) < 4096
        assert start_data.stat().st_mode & 0o077 == 0  # this user's only
    finally:
        pool.close()
    assert not start_data.exists()
