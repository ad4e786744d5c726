"""Receiving what communes really send over weeks: the same packet twice, a corrected
revision (superseding, with what changed), an older revision replayed, two different
packets under one revision (a conflict the officer decides), and a folder cancelled
half way."""

from __future__ import annotations

import json
import shutil

import pytest

from desktop_app.core.progress import CancelToken
from desktop_app.receiving.receive import ReceiveCancelled
from desktop_app.storage.audit import history
from desktop_app.storage.submissions import find_submissions, get_submission
from desktop_app.workspace import receive as use
from desktop_app.workspace.entry import set_values
from desktop_app.workspace.export import export_report
from tests.support import fleet as F

CODE = "02080"  # Xã Bình Trung


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def revisions(chodon, tmp_path_factory):
    """Bình Trung's r1 (from the fleet), its corrected r2, and a conflicting r2 made on
    a copy of its installation (a clerk who restored a backup on another PC)."""
    root = tmp_path_factory.mktemp("binh-trung")
    here = shutil.copytree(chodon.communes[CODE].data_dir, root / "here")
    there = shutil.copytree(here, root / "there")
    made = {}
    for name, folder, change in (("r2", here, "40"), ("r2b", there, "55")):
        with F.open_ws(folder) as ws:
            set_values(ws, "cntt-xa", "2026", {"so_bai_dang": change})
            made[name] = export_report(ws, "cntt-xa", "2026", root / name, secret=F.PASS).path
    assert made["r2"].name == made["r2b"].name == f"{CODE}_cntt-xa_2026_r2.zip"
    return chodon.communes[CODE].packet, made["r2"], made["r2b"]


@pytest.fixture
def district(chodon, tmp_path):
    data_dir = F.fresh_district(chodon, tmp_path / "huyen")
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        yield ws


def _one(ws, path):
    [outcome] = use.receive(ws, [path]).outcomes
    return outcome


def test_duplicate_superseding_with_changes_and_replay(district, revisions):
    ws = district
    r1, r2, _ = revisions
    first = _one(ws, r1)
    assert first.verdict == "accepted"
    assert _one(ws, r1).verdict == "duplicate"

    newer = _one(ws, r2)
    assert newer.verdict == "superseding" and newer.previous.id == first.submission.id
    assert "lần 2 thay cho lần 1" in newer.message().vi
    assert get_submission(ws.db, first.submission.id).state == "superseded"
    previous, changes = use.latest_changes(ws, newer.submission.id)
    assert previous.id == first.submission.id
    assert ("so_bai_dang", 31, 40, "input") in changes
    assert all(c.kind in ("input", "computed") for c in changes)
    old_values = use.submission_values(ws, first.submission.id)
    assert old_values["so_bai_dang"] == 31  # the older values stay retrievable

    before = F.table_dump(ws.db)
    replayed = _one(ws, r1)
    assert replayed.verdict == "rejected" and replayed.error.code == "packet.replay"
    assert replayed.error.details["check"] == 7
    assert F.table_dump(ws.db) == before
    row = replayed.received
    assert (row.verdict, row.reason_code, row.revision) == ("rejected", "packet.replay", 1)
    assert (ws.data_dir / row.stored_path).read_bytes() == r1.read_bytes()
    board = use.status_board(ws, "cntt-xa", "2026")
    mine = next(r for r in board.rows if r.unit_code == CODE)
    assert (mine.state, mine.revision) == ("submitted", 2)


def test_conflict_waits_for_the_officer_and_the_decision_is_logged(district, revisions):
    ws = district
    r1, r2, r2b = revisions
    assert [o.verdict for o in use.receive(ws, [r1, r2]).outcomes] == ["accepted", "superseding"]
    clash = _one(ws, r2b)
    assert clash.verdict == "conflict" and clash.previous.revision == 2
    held = find_submissions(ws.db, "cntt-xa", "2026", CODE, states=("current",))
    assert [s.data_sha256 for s in held] == [clash.previous.data_sha256]  # nothing replaced
    [(current, pending)] = use.conflicts(ws, "cntt-xa", "2026")
    assert pending.id == clash.submission.id and pending.state == "pending"
    side_by_side = use.changes_between(ws, current.id, pending.id)
    assert ("so_bai_dang", 40, 55, "input") in side_by_side
    board = use.status_board(ws, "cntt-xa", "2026")
    row = next(r for r in board.rows if r.unit_code == CODE)
    assert row.state == "conflict" and row.pending_ids == (pending.id,)
    assert _one(ws, r2b).verdict == "duplicate"  # the same conflicting packet again

    with pytest.raises(Exception) as refused:
        use.review(ws, CODE, "cntt-xa", "2026", "accepted", "", ws.data_dir / "out", secret=F.PASS)
    assert refused.value.code == "review.conflict_pending"
    with pytest.raises(Exception) as no_reason:
        use.decide_conflict(ws, pending.id, "new", "  ")
    assert no_reason.value.code == "receive.reason_required"

    chosen = use.decide_conflict(ws, pending.id, "new", "Xã xác nhận qua điện thoại bản 55 bài")
    assert chosen.id == pending.id and chosen.state == "current"
    assert get_submission(ws.db, current.id).state == "discarded"
    assert use.conflicts(ws) == []
    [entry] = [a for a in history(ws.db, None) if a.kind == "conflict"]
    record = json.loads(entry.new)
    assert record["take"] == "new" and "55 bài" in record["reason"]
    assert entry.user == ws.user and entry.target == f"{CODE}/cntt-xa/2026"
    assert _one(ws, r2).verdict == "duplicate"  # the discarded one again: already decided
    with pytest.raises(Exception) as gone:
        use.decide_conflict(ws, pending.id, "held", "lại")
    assert gone.value.code == "receive.no_conflict"


def test_cancel_mid_folder_keeps_exactly_what_was_reported_done(district, chodon):
    ws = district
    token = CancelToken()
    reported = []

    def report(done, total):
        reported.append(done)
        if done == 5:
            token.cancel()

    with pytest.raises(ReceiveCancelled) as cancelled:
        use.receive(ws, [chodon.packets], token.progress(report))
    outcomes = cancelled.value.report.outcomes
    assert reported[-1] == 5 and len(outcomes) == 5
    rows = use.received_files(ws)
    assert [r.file_name for r in rows] == [o.path.name for o in outcomes]
    assert len(find_submissions(ws.db, "cntt-xa", "2026")) == 5
    rest = use.receive(ws, [chodon.packets])  # the rest later; the first five are duplicates
    assert [o.verdict for o in rest.outcomes].count("accepted") == 15
