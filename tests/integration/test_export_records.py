"""The export use case in-process: progress, the exports table, revisions, and an edit
that lands while a packet is being made."""

from __future__ import annotations

import datetime
import sqlite3

import pytest

from desktop_app.core.messages import AppError
from desktop_app.packets import identities
from desktop_app.packets.trust import TrustList
from desktop_app.packets.verify import PacketVerifier
from desktop_app.storage import history, list_exports
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values, set_values
from desktop_app.workspace.export import export_report
from desktop_app.workspace.identity import create_unit_identity
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "Bình Trung 2026!"
VN = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def ws(tmp_path):
    with Workspace.open(tmp_path / "data") as workspace:
        setup_unit(workspace, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
        load_values(workspace, SAMPLE)
        create_unit_identity(workspace, PASS)
        yield workspace


def test_export_records_every_packet_and_reports_progress(ws, tmp_path):
    steps: list[tuple[int, int]] = []
    with identities.load_identity(ws.db, ws.data_dir, PASS) as identity:
        first = export_report(
            ws,
            "cntt-xa",
            "2026",
            tmp_path / "out",
            identity=identity,
            progress=lambda *s: steps.append(s),
        )
        second = export_report(ws, "cntt-xa", "2026", tmp_path / "out", identity=identity)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert steps[-1] == (6, 6) and all(total == 6 for _, total in steps)
    assert first.revision == second.revision == 1
    assert not first.duplicate and second.duplicate
    assert first.data_sha256 == second.data_sha256
    assert first.report.status == "exported" and first.report.exported_at
    rows = list_exports(ws.db, first.report.id)
    assert [r.revision for r in rows] == [1, 1]
    assert rows[0].path == str(first.path) and rows[0].packet_name == first.path.name
    assert rows[0].signer_fingerprint == first.fingerprint
    assert rows[0].report_date == rows[1].report_date
    kinds = [a.kind for a in history(ws.db, first.report.id)]
    assert kinds[:3] == ["export", "export", "status"]  # newest first; status changed once


def test_a_renamed_leader_gets_the_next_revision(ws, tmp_path):
    first = export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=PASS)
    setup_unit(ws, "02080", "legacy", leader="Lò Văn Pọm")  # not an edit of the report
    second = export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=PASS)
    assert (first.revision, second.revision) == (1, 2)
    assert second.data_sha256 != first.data_sha256
    assert second.manifest["approved_by"] == "Lò Văn Pọm"
    trust = TrustList([])
    trust.add(identities.require_identity(ws.db, ws.data_dir).certificate, "02080")
    with PacketVerifier(ws.forms, trust) as verifier:
        assert verifier.verify(first.path).revision == 1
        assert verifier.verify(second.path).revision == 2


def test_an_edit_during_the_export_cancels_the_record(ws, tmp_path):
    out = tmp_path / "out"

    def edit_midway(done: int, _total: int) -> None:
        if done == 3:  # rendered, not yet signed: the clerk changes a figure meanwhile
            set_values(ws, "cntt-xa", "2026", {"so_bai_dang": "45"})

    with pytest.raises(AppError) as caught:
        export_report(ws, "cntt-xa", "2026", out, secret=PASS, progress=edit_midway)
    assert caught.value.code == "export.changed_meanwhile"
    assert not list(out.glob("*.zip")) and not list(out.glob(".*part"))
    with sqlite3.connect(ws.data_dir / "data.sqlite3") as conn:
        assert conn.execute("select count(*) from exports").fetchone() == (0,)
    done = export_report(ws, "cntt-xa", "2026", out, secret=PASS)
    assert done.revision == 1 and done.manifest["revision"] == 1


def test_receiving_other_units_packets_during_the_export_does_not_stop_it(ws, tmp_path):
    # A district exports its own report while its officer receives or reviews communes'
    # packets: those audit rows name no report of this unit and are not settings.
    from desktop_app.storage.audit import write_audit

    def receive_midway(done: int, _total: int) -> None:
        if done == 3:
            with ws.db.transaction():
                write_audit(ws.db, [(ws.db.now(), "officer", None, "receive", "02083", None, "1")])

    done = export_report(ws, "cntt-xa", "2026", tmp_path, secret=PASS, progress=receive_midway)
    assert done.revision == 1 and len(list_exports(ws.db, done.report.id)) == 1


def test_unexplained_warning_blocks_the_export_until_explained(ws, tmp_path):
    from desktop_app.workspace.session import ReportSession

    set_values(ws, "cntt-xa", "2026", {"so_bai_dang": "5"})  # a web page with 5 articles
    with pytest.raises(AppError) as caught:
        export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=PASS)
    assert caught.value.code == "export.unexplained_warnings"
    assert "r_bai_dang_it" in caught.value.message.vi
    session = ReportSession.open(ws, "cntt-xa", "2026")
    session.set_explanation("r_bai_dang_it", "Trang mới đưa vào vận hành từ tháng 10.")
    done = export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=PASS)
    import json
    import zipfile

    with zipfile.ZipFile(done.path) as archive:
        data = json.loads(archive.read("data.json"))
    [warning] = [w for w in data["warnings"] if w["rule"] == "r_bai_dang_it"]
    assert warning["explanation"] == "Trang mới đưa vào vận hành từ tháng 10."


def test_data_json_is_built_once_whatever_the_revision_turns_out_to_be(ws, tmp_path, monkeypatch):
    """First export, unchanged re-export, and a changed report (the next revision, dated
    today): each plans its data.json from one build, and the changed one is exactly what
    building it afresh with the next revision and today's date gives."""
    from desktop_app.packets.data import canonical_json
    from desktop_app.workspace import export
    from desktop_app.workspace.entry import check_report

    builds: list[int] = []
    real = export.build_data

    def counted(*args, **kwargs):
        builds.append(kwargs["revision"])
        return real(*args, **kwargs)

    monkeypatch.setattr(export, "build_data", counted)
    first_day, later = datetime.date(2026, 12, 15), datetime.date(2026, 12, 20)
    data, duplicate = export.plan_data(ws, check_report(ws, "cntt-xa", "2026"), first_day)
    assert (data["revision"], data["date"], duplicate, len(builds)) == (1, "2026-12-15", False, 1)
    export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=PASS,
                  now=datetime.datetime(2026, 12, 15, 9, tzinfo=VN))  # fmt: skip
    builds.clear()
    again, duplicate = export.plan_data(ws, check_report(ws, "cntt-xa", "2026"), later)
    assert (again["revision"], again["date"], duplicate, len(builds)) == (1, "2026-12-15", True, 1)
    setup_unit(ws, "02080", "legacy", leader="Lò Văn Pọm")  # not an edit: same revision held
    builds.clear()
    changed, duplicate = export.plan_data(ws, check_report(ws, "cntt-xa", "2026"), later)
    assert (changed["revision"], changed["date"], duplicate) == (2, "2026-12-20", False)
    assert len(builds) == 1
    monkeypatch.setattr(export, "build_data", real)
    state = check_report(ws, "cntt-xa", "2026")
    fresh = export._data(ws, state, export._unit(ws, state.period), 2, later)
    assert canonical_json(changed) == canonical_json(fresh)
