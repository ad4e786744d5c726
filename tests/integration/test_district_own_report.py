"""Issue 6, done-when: the district's own report (``cntt-huyen``) pre-filled from the 20
Chợ Đồn packets it received, overridden where the officer knows better, exported with
the district's identity by the same export as a commune's, checked with openssl and
pdfsig, and received as accepted by a province-level data directory (Tỉnh Bắc Kạn,
legacy catalogue)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.storage import get_comments, history
from desktop_app.workspace import district_prefill as P
from desktop_app.workspace import receive as use
from desktop_app.workspace.entry import check_report, load_values, set_values
from desktop_app.workspace.export import export_report
from desktop_app.workspace.identity import export_unit_certificate
from desktop_app.workspace.setup_unit import setup_unit
from tests.integration.cli_helpers import cli
from tests.integration.packet_tools import needs_tools, standard_tools_accept
from tests.support import fleet as F

SUMS = ("cbcc_tong", "cbcc_co_may_tinh", "vb_di_tong", "vb_di_ky_so", "ho_so_tiep_nhan",
        "ho_so_truc_tuyen", "ho_so_da_giai_quyet", "ho_so_dung_han", "kinh_phi_cntt",
        "su_co_attt")  # fmt: skip
YES_COUNTS = ("co_cap_quang", "co_mang_lan", "co_mang_tsl_chuyen_dung", "co_qlvb_dh",
              "co_mot_cua_dien_tu", "co_trang_ttdt")  # fmt: skip


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def huyen(chodon, tmp_path_factory):
    """The district after receiving, loading its own figures and pre-filling the rest."""
    data = F.received_district(chodon, tmp_path_factory.mktemp("huyen") / "data")
    with F.open_ws(data) as ws:
        load_values(ws, F.SAMPLES / "cntt-huyen_2026_064.json")
        first = P.prefill_own_report(ws, "cntt-huyen", "2026")
    return data, first


def _sum(values):
    numbers = [Decimal(v) if isinstance(v, str) else v for v in values if v is not None]
    return sum(numbers)


def test_prefilled_values_are_the_communes_sums_and_counts(chodon, huyen):
    _, first = huyen
    packets = [F.packet_data(c.packet)["values"] for c in chodon.communes.values()]
    assert first.child_form == "cntt-xa" and (first.units, first.expected) == (20, 20)
    assert not first.kept and not first.unmatched
    for fid in SUMS:
        assert first.written[f"xa_{fid}"] == _sum(v.get(fid) for v in packets), fid
    for fid in YES_COUNTS:
        assert first.written[f"xa_{fid}"] == sum(1 for v in packets if v.get(fid) is True), fid
    assert first.written["xa_so_don_vi"] == first.written["xa_so_bao_cao"] == 20
    assert len(first.written) == len(SUMS) + len(YES_COUNTS) + 2


def test_each_prefilled_value_says_where_it_came_from_and_is_audited(huyen):
    data, first = huyen
    with F.open_ws(data) as ws:
        comments = get_comments(ws.db, first.report.id)
        marks = P.prefilled_fields(ws, "cntt-huyen", "2026")
        rows = history(ws.db, first.report.id, "xa_cbcc_tong")
        prefill_rows = [r for r in history(ws.db, first.report.id) if r.kind == "prefill"]
    assert comments["xa_cbcc_tong"] == "Tổng hợp từ báo cáo của 20/20 xã (cộng)."
    assert comments["xa_co_cap_quang"] == "Tổng hợp từ báo cáo của 20/20 xã (số xã trả lời «Có»)."
    assert comments["xa_so_don_vi"] == "Điền sẵn theo danh mục đơn vị hành chính."
    assert "không tính báo cáo bị trả lại" in comments["xa_so_bao_cao"]
    assert set(marks) == set(first.written) and all(same for _, same in marks.values())
    assert marks["xa_cbcc_tong"][0] == first.written["xa_cbcc_tong"]
    assert [(r.kind, r.new, r.user) for r in rows if r.kind == "value"] == [
        ("value", str(first.written["xa_cbcc_tong"]), "Cán bộ Phòng VH-TT")
    ]
    assert len(prefill_rows) == 1 and json.loads(prefill_rows[0].new)["units"] == 20


def test_prefilling_again_changes_nothing(huyen, tmp_path):
    import shutil

    data = Path(shutil.copytree(huyen[0], tmp_path / "copy"))
    with F.open_ws(data) as ws:
        before = F.table_dump(ws.db)
        again = P.prefill_own_report(ws, "cntt-huyen", "2026")
        assert not again.written and len(again.unchanged) == 18
        assert F.table_dump(ws.db) == before


def test_an_override_is_kept_marked_and_recorded(huyen):
    data, first = huyen
    prefilled = first.written["xa_su_co_attt"]
    with F.open_ws(data) as ws:
        set_values(ws, "cntt-huyen", "2026", {"xa_su_co_attt": str(prefilled + 1)})
        report = check_report(ws, "cntt-huyen", "2026").report
        from desktop_app.storage import set_comment

        note = "Thêm 01 sự cố tại Văn phòng HĐND-UBND huyện do xã báo sót."
        set_comment(ws.db, report.id, "xa_su_co_attt", note, ws.user)
        marks = P.prefilled_fields(ws, "cntt-huyen", "2026")
        again = P.prefill_own_report(ws, "cntt-huyen", "2026")
        comments = get_comments(ws.db, report.id)
    assert marks["xa_su_co_attt"] == (prefilled, False)
    assert again.kept == {"xa_su_co_attt": (prefilled, prefilled + 1)} and not again.written
    assert comments["xa_su_co_attt"] == note


def test_prefill_command(huyen, tmp_path):
    import shutil

    data = Path(shutil.copytree(huyen[0], tmp_path / "copy"))
    run = cli(data, "prefill", "--form", "cntt-huyen", "--period", "2026", "--json", check=0)
    assert run.json["units"] == 20 and run.json["child_form"] == "cntt-xa"
    refused = cli(data, "prefill", "--form", "cntt-xa", "--period", "2026")
    assert refused.code == 1 and "cntt-xa" in refused.err


@needs_tools
def test_exported_like_a_communes_packet_and_received_by_the_province(huyen, tmp_path):
    data, first = huyen
    with F.open_ws(data) as ws:
        state = check_report(ws, "cntt-huyen", "2026")
        assert not state.result.errors, [p.message.vi for p in state.result.errors]
        assert not state.result.unexplained_warnings
        exported = export_report(ws, "cntt-huyen", "2026", tmp_path / "out", secret=F.PASS)
        cert, _ = export_unit_certificate(ws, tmp_path / "chung-thu-064.pem")
    assert exported.path.name == f"064_cntt-huyen_2026_r{exported.revision}.zip"
    manifest = exported.manifest
    assert manifest["unit"] == {"code": "064", "name": "Huyện Chợ Đồn", "parent_code": "06"}
    folder = standard_tools_accept(exported.path, cert, tmp_path / "unzipped")
    sent = json.loads((folder / "data.json").read_bytes(), parse_float=Decimal)
    assert sent["values"]["xa_cbcc_tong"] == first.written["xa_cbcc_tong"]
    assert sent["comments"]["xa_cbcc_tong"].startswith("Tổng hợp từ báo cáo của 20/20 xã")

    with F.open_ws(tmp_path / "tinh") as ws:
        setup_unit(ws, "06", "legacy", clerk="Cán bộ Sở", leader="Chủ tịch tỉnh")
        use.register_certificate(ws, cert, "064")
        outcome = use.receive(ws, [exported.path]).outcomes[0]
        assert outcome.verdict == "accepted", outcome.error
        held = use.submission_values(ws, outcome.submission.id)
        board = use.status_board(ws, "cntt-huyen", "2026")
    assert held["xa_cbcc_tong"] == first.written["xa_cbcc_tong"]
    assert held["xa_su_co_attt"] == state.result.values["xa_su_co_attt"]  # as the officer left it
    rows = {r.unit_code: r.state for r in board.rows}
    assert rows["064"] == "submitted" and list(rows.values()).count("missing") == len(rows) - 1
