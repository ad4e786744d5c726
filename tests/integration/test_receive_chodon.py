"""Issue 5, done-when: the 20 communes of Huyện Chợ Đồn (legacy catalogue) each export
their 2026 report with the application's own export and their own self-signed identity;
the district registers the 20 certificates, receives the folder, and the status board
and the merged values match every packet's data.json."""

from __future__ import annotations

import hashlib
import json
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop_app.receiving.merge import value_text
from desktop_app.storage.submissions import find_submissions, submission_values
from desktop_app.workspace import receive as use
from tests.support import fleet as F


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def district(chodon, tmp_path_factory):
    """The district after registering the 20 certificates and receiving the folder."""
    data_dir = F.fresh_district(chodon, tmp_path_factory.mktemp("huyen") / "data")
    steps = []
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            registered = use.register_certificate(ws, commune.cert, commune.code)
            assert registered.entry.fingerprint == commune.fingerprint
        report = use.receive(ws, [chodon.packets], lambda done, total: steps.append((done, total)))
    return data_dir, report, steps


def test_twenty_communes_exported_with_the_application(chodon):
    assert len(chodon.communes) == 20
    names = sorted(p.name for p in chodon.packets.iterdir())
    assert names == sorted(f"{c}_cntt-xa_2026_r1.zip" for c in chodon.communes)


def test_the_folder_is_received_and_every_packet_accepted(chodon, district):
    data_dir, report, steps = district
    assert [o.verdict for o in report.outcomes] == ["accepted"] * 20
    assert not report.skipped and not report.rejected
    assert steps == [(i, 20) for i in range(21)]
    with F.open_ws(data_dir) as ws:
        rows = use.received_files(ws)
        assert len(rows) == 20 and {r.verdict for r in rows} == {"accepted"}
        for row in rows:  # the file itself is kept, named by its hash
            kept = data_dir / row.stored_path
            assert hashlib.sha256(kept.read_bytes()).hexdigest() == row.sha256
            assert kept.read_bytes() == (chodon.packets / row.file_name).read_bytes()


def test_status_board_lists_every_commune_as_submitted_on_time(chodon, district):
    data_dir, _, _ = district
    with F.open_ws(data_dir) as ws:
        board = use.status_board(ws, "cntt-xa", "2026")
    assert board.unit_name == "Huyện Chợ Đồn" and str(board.deadline) == "2027-01-15"
    counts = board.counts()
    assert counts["submitted"] == counts["total"] == 20 and counts["missing"] == 0
    assert counts["late"] == 0
    rows = {r.unit_code: r for r in board.rows}
    assert set(rows) == set(chodon.communes)
    for code, commune in chodon.communes.items():
        row = rows[code]
        assert (row.state, row.revision, row.on_time) == ("submitted", 1, True)
        assert row.unit_name == commune.name
    names = [r.unit_name for r in board.sorted("name")]
    assert names.index("Xã Đồng Lạc") < names.index("Xã Xuân Lạc")  # Vietnamese order


def test_merged_values_are_the_packets_data(chodon, district):
    data_dir, _, _ = district
    with F.open_ws(data_dir) as ws:
        held = {s.unit_code: s for s in find_submissions(ws.db, "cntt-xa", "2026")}
        for code, commune in chodon.communes.items():
            with zipfile.ZipFile(commune.packet) as archive:
                raw = archive.read("data.json")
            data = json.loads(raw, parse_float=Decimal)
            s = held[code]
            assert (s.state, s.revision, s.data_sha256) == ("current", 1, commune.data_sha256)
            assert s.signer_fingerprint == commune.fingerprint
            assert s.data_json.encode() == raw
            for kind, member in (
                ("input", "values"),
                ("computed", "computed"),
                ("comment", "comments"),
            ):
                stored = submission_values(ws.db, s.id, kind)
                assert stored == {k: value_text(v) for k, v in data[member].items()}
            typed = use.submission_values(ws, s.id)
            assert typed["cbcc_tong"] == data["values"]["cbcc_tong"]


def test_status_board_workbook(chodon, district, tmp_path):
    data_dir, _, _ = district
    out = tmp_path / "tinh-hinh-nop.xlsx"
    with F.open_ws(data_dir) as ws:
        use.export_status_xlsx(ws, "cntt-xa", "2026", out)
    sheet = load_workbook(out).active
    assert sheet.title == "Tình hình nộp"
    assert sheet["A1"].value == "TÌNH HÌNH NỘP BÁO CÁO NĂM 2026"
    headers = [c.value for c in sheet[5]]
    assert headers[:5] == ["STT", "Mã đơn vị", "Tên đơn vị", "Tình trạng", "Lần nộp"]
    body = list(sheet.iter_rows(min_row=6, values_only=True))
    assert len(body) == 20 and {r[3] for r in body} == {"Đã nộp – chờ xem xét"}
    assert all(isinstance(r[4], int) and r[5] is not None for r in body)
    assert sheet.cell(6, 6).number_format == "dd/mm/yyyy"
    assert sheet.print_title_rows == "$5:$5"  # the header row repeats on every page
    assert sheet.page_setup.orientation == "landscape"


def test_receiving_the_folder_again_changes_nothing(chodon, district):
    data_dir, _, _ = district
    with F.open_ws(data_dir) as ws:
        before = F.table_dump(ws.db)
        report = use.receive(ws, [chodon.packets])
        assert [o.verdict for o in report.outcomes] == ["duplicate"] * 20
        assert F.table_dump(ws.db) == before
        assert len(use.received_files(ws)) == 40
