"""Issue 6, done-when: the district receives the 20 Chợ Đồn packets (made by the communes'
own export) and consolidates them; the figures are checked against sums, scores, ranks
and target results computed here, independently, from the packets' data.json and the
form's YAML read raw. Then a constructed tie, a returned report, a pending conflict,
the workbook and PDF as written, cancelling, the ``report`` command and a trend."""

from __future__ import annotations

import datetime
import hashlib
import json
import operator
import re
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from desktop_app.core.progress import Cancelled, CancelToken
from desktop_app.storage import get_comments
from desktop_app.workspace import district as D
from desktop_app.workspace import district_prefill as P
from desktop_app.workspace import receive as use
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.support import fleet as F

XA = yaml.safe_load((PROJECT / "forms" / "cntt-xa-2026.yaml").read_text(encoding="utf-8"))
DATE = datetime.date(2027, 1, 20)
OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def received(chodon, tmp_path_factory) -> Path:
    return F.received_district(chodon, tmp_path_factory.mktemp("huyen") / "data")


@pytest.fixture(scope="module")
def packets(chodon) -> dict[str, dict]:
    """unit code → its packet's data.json, read with json (Decimal for decimals)."""
    return {code: F.packet_data(c.packet) for code, c in chodon.communes.items()}


@pytest.fixture(scope="module")
def district(received):
    with F.open_ws(received) as ws:
        return D.consolidation_for(ws, "cntt-xa", "2026", date=DATE)


def _copy(received: Path, target: Path) -> Path:
    return Path(shutil.copytree(received, target))


# -- independent arithmetic, from the raw YAML and the packets' data.json -----------------


def _fields() -> dict[str, dict]:
    return {f["id"]: f for s in XA["sections"] for f in s["fields"]}


def _num(value):
    # data.json writes decimals as strings ("93.7") so no reader makes them binary floats
    return Decimal(value) if isinstance(value, str) else value


def _sum(values: list) -> object:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _recomputed(f: dict, totals: dict) -> Decimal | None:
    """A ratio of sums, from the field's own ``compute`` text (two shapes in the form)."""
    source = f["compute"]
    plain = re.fullmatch(r"(\w+) / (\w+) \* 100", source)
    if plain:
        top, bottom = totals[plain[1]], totals[plain[2]]
    else:
        both = re.fullmatch(r"\((\w+) \+ (\w+)\) / (\w+) \* 100", source)
        assert both, source
        top, bottom = totals[both[1]] + totals[both[2]], totals[both[3]]
    return Decimal(top) / Decimal(bottom) * 100 if bottom else None


def _value(data: dict, field_id: str):
    return _num(data["values"].get(field_id, data["computed"].get(field_id)))


def _scores(packets: dict[str, dict]) -> dict[str, tuple[Decimal, str]]:
    """unit → (total, band), scored from the scoring section as the README describes it."""
    items, bands = XA["scoring"]["items"], XA["scoring"]["bands"]
    cent = Decimal("0.01")
    best = {
        i["id"]: max(Decimal(_value(d, i["field"])) for d in packets.values())
        for i in items
        if i["scale"] == "relative"
    }
    out = {}
    for code, data in packets.items():
        total = Decimal(0)
        for item in items:
            value, points = _value(data, item["field"]), Decimal(item["points"])
            if item["scale"] == "boolean":
                got = points if value is True else Decimal(0)
            elif value is None:
                got = Decimal(0)
            elif item["scale"] == "stepped":
                got = next((Decimal(s["points"]) for s in item["steps"] if value >= s["min"]), 0)
            else:
                full = best[item["id"]] if item["scale"] == "relative" else Decimal(100)
                got = points * min(max(Decimal(value) / full, Decimal(0)), Decimal(1))
            total += Decimal(got).quantize(cent, ROUND_HALF_UP)
        band = next(b["code"] for b in bands if total >= b["min"])
        out[code] = (total, band)
    return out


def _competition_ranks(totals: dict[str, Decimal]) -> dict[str, int]:
    return {code: 1 + sum(1 for t in totals.values() if t > mine) for code, mine in totals.items()}


# -- the consolidation ---------------------------------------------------------------------


def test_figures_are_the_packets_sums_counts_and_ratios_of_sums(district, packets):
    c = district.consolidation
    assert len(c.reports) == 20 and c.complete and not district.returned
    fields = _fields()
    totals = {}
    checked = {"sum": 0, "count_true": 0, "recompute": 0}
    for fid, f in fields.items():
        rule = f.get("aggregate")
        values = [d["values"].get(fid) for d in packets.values()]
        if rule == "sum":
            values = [_num(v) for v in values]
            totals[fid] = _sum(values)
            assert c.figures.values[fid] == totals[fid], fid
        elif rule == "count_true":
            assert c.figures.values[fid] == sum(1 for v in values if v is True), fid
        else:
            continue
        checked[rule] += 1
    for fid, f in fields.items():
        if f.get("aggregate") == "recompute":
            mine, theirs = _recomputed(f, totals), c.figures.values[fid]
            assert theirs.quantize(Decimal("0.1"), ROUND_HALF_UP) == mine.quantize(
                Decimal("0.1"), ROUND_HALF_UP
            ), fid
            checked["recompute"] += 1
    assert checked["sum"] >= 30 and checked["count_true"] >= 8 and checked["recompute"] == 18
    # never a mean of the communes' percentages
    mean = sum(Decimal(d["computed"]["ty_le_vb_di_ky_so"]) for d in packets.values()) / 20
    assert abs(c.figures.values["ty_le_vb_di_ky_so"] - mean) > Decimal("0.05")


def test_each_figure_is_traced_to_the_received_packet_files(district, chodon):
    trace = district.trace("ty_le_vb_di_ky_so")
    assert len(trace.contributions) == 20 and not trace.not_submitted
    assert {p.unit_code for p in trace.packets} == set(chodon.communes)
    for ref in trace.packets:
        commune = chodon.communes[ref.unit_code]
        assert ref.file_name == commune.packet.name and ref.revision == 1
        assert ref.sha256 == hashlib.sha256(commune.packet.read_bytes()).hexdigest()
        assert ref.data_sha256 == commune.data_sha256 and ref.review == "submitted"


def test_scores_bands_and_ranks_match_an_independent_scoring(district, packets):
    expected = _scores(packets)
    ranks = _competition_ranks({code: total for code, (total, _) in expected.items()})
    rows = district.ranking.rows
    assert len(rows) == 20 and not district.ranking.provisional
    for row in rows:
        assert (row.total, row.band.code) == expected[row.code], row.code
        assert row.rank == ranks[row.code], row.code
        assert row.total == sum(row.by_section.values())
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)
    assert district.previous_period is None  # 2025 had no submissions


def test_target_attainment_and_statements(district, packets):
    targets = XA["targets"]
    for code, data in packets.items():
        results = district.attainment[code]
        assert [r.target.id for r in results] == [t["id"] for t in targets]
        for target, result in zip(targets, results, strict=True):
            value = _value(data, target["field"])
            mine = None if value is None else OPS[target["op"]](value, target["value"])
            assert result.achieved == mine, (code, target["id"])
    texts = [s.text.vi for s in district.statements]
    assert texts[0] == "20/20 xã đã nộp báo cáo"
    signed = next(t for t in targets if t["id"] == "t_vb_di_ky_so")
    reached = sum(
        1 for d in packets.values() if _value(d, signed["field"]) >= Decimal(signed["value"])
    )
    assert f"{reached}/20 xã đạt chỉ tiêu: {signed['label']['vi']}" in texts
    fibre = sum(1 for d in packets.values() if d["values"]["co_cap_quang"] is True)
    assert any(t.startswith(f"{fibre}/20 xã ") and "cáp quang" in t for t in texts)


def test_report_info_names_the_district_its_clerk_and_leader(district):
    info = district.info
    assert (info.unit_name, info.parent_name, info.place) == (
        "Huyện Chợ Đồn",
        "Tỉnh Bắc Kạn",
        "Chợ Đồn",
    )
    assert (info.prepared_by, info.approved_by) == ("Cán bộ Phòng VH-TT", "Chủ tịch huyện")
    assert (info.period, info.date) == ("2026", "2027-01-20")


# -- a tie, a returned report, a pending conflict -----------------------------------------


def test_two_communes_with_identical_reports_share_a_place_and_the_next_is_skipped(
    chodon, received, district, tmp_path
):
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report

    first = district.ranking.rows[0].code
    twin = district.ranking.rows[5].code
    # the twin's clerk re-enters the first commune's figures and exports revision 2
    sample = json.loads((F.SAMPLES / f"cntt-xa_2026_{first}.json").read_text(encoding="utf-8"))
    sample.pop("unit")
    values_file = tmp_path / "same.json"
    values_file.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    commune = F.open_ws(shutil.copytree(chodon.communes[twin].data_dir, tmp_path / "xa"))
    with commune as ws:
        load_values(ws, values_file)
        packet = export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=F.PASS).path
    assert packet.name == f"{twin}_cntt-xa_2026_r2.zip"

    with F.open_ws(_copy(received, tmp_path / "huyen")) as ws:
        assert [o.verdict for o in use.receive(ws, [packet]).outcomes] == ["superseding"]
        tied = D.consolidation_for(ws, "cntt-xa", "2026")
    rows = tied.ranking.by_code()
    assert rows[first].total == rows[twin].total and rows[first].rank == rows[twin].rank == 1
    ranks = sorted(r.rank for r in tied.ranking.rows)
    assert ranks[:3] == [1, 1, 3]  # 1, 1, 3: the second place is skipped
    assert tied.trace("cbcc_tong").packets[0].revision in (1, 2)
    assert {p.revision for p in tied.trace("cbcc_tong").packets if p.unit_code == twin} == {2}


def test_a_returned_report_counts_flagged_but_not_in_the_districts_own_report(
    chodon, received, tmp_path
):
    code = "02080"
    with F.open_ws(_copy(received, tmp_path / "huyen")) as ws:
        use.review(ws, code, "cntt-xa", "2026", "returned", "Sai số văn bản đi", tmp_path / "bn",
                   secret=F.PASS)  # fmt: skip
        flagged = D.consolidation_for(ws, "cntt-xa", "2026", date=DATE)
        assert flagged.returned == (code,) and len(flagged.consolidation.reports) == 20
        assert flagged.consolidation.reports[code].returned
        [line] = [s.text.vi for s in flagged.statements if s.id == "returned"]
        assert line.startswith("1/20 xã có báo cáo đã bị trả lại") and "Xã Bình Trung" in line
        written = D.write_district_reports(ws, "cntt-xa", "2026", tmp_path / "out", date=DATE)
        own = P.prefill_own_report(ws, "cntt-huyen", "2026")
        note = get_comments(ws.db, own.report.id)["xa_cbcc_tong"]
    status = load_workbook(written.xlsx)["Tình hình nộp"]
    states = {r[1]: r[3] for r in status.iter_rows(min_row=3, values_only=True)}
    assert states[code] == "Bị trả lại" and list(states.values()).count("Đã nộp") == 19
    assert own.units == 19 and own.written["xa_so_bao_cao"] == 19
    assert own.written["xa_so_don_vi"] == 20
    assert note == (
        "Tổng hợp từ báo cáo của 19/20 xã (cộng); 1 xã có báo cáo bị trả lại, không tính:"
        " Xã Bình Trung."
    )


def test_a_pending_conflict_does_not_count_the_held_report_does(chodon, received, tmp_path):
    code = "02044"
    data = F.packet_data(chodon.communes[code].packet)
    data["comments"]["cbcc_tong"] = "Bản gửi lại, cùng lần nộp 1 nhưng khác ghi chú"
    signer, _ = F.commune_signer(chodon.communes[code].data_dir)
    path = tmp_path / f"{code}_cntt-xa_2026_r1.zip"
    path.write_bytes(F.signed_packet(data, signer))
    with F.open_ws(_copy(received, tmp_path / "huyen")) as ws:
        assert [o.verdict for o in use.receive(ws, [path]).outcomes] == ["conflict"]
        held = D.consolidation_for(ws, "cntt-xa", "2026")
    [ref] = [p for p in held.trace("cbcc_tong").packets if p.unit_code == code]
    assert ref.data_sha256 == chodon.communes[code].data_sha256
    assert len(held.consolidation.reports) == 20


# -- the written reports -------------------------------------------------------------------


@pytest.fixture(scope="module")
def written(received, tmp_path_factory):
    with F.open_ws(received) as ws:
        return D.write_district_reports(
            ws, "cntt-xa", "2026", tmp_path_factory.mktemp("bao-cao"), date=DATE
        )


def test_workbook_ranking_and_status_sheets(written, district):
    assert written.xlsx.name == "cntt-xa_2026_tong-hop.xlsx"
    wb = load_workbook(written.xlsx)
    sheet = wb["Xếp hạng"]
    n = len(district.ranking.section_ids)
    header = next(i for i, r in enumerate(sheet.iter_rows(values_only=True), 1) if r[0] == "Hạng")
    rows = list(sheet.iter_rows(min_row=header + 1, max_row=header + 20, values_only=True))
    for row, expected in zip(rows, district.ranking.rows, strict=True):
        assert (row[0], row[1], row[2]) == (expected.rank, expected.code, expected.name)
        assert Decimal(str(row[3 + n])) == expected.total
    status = list(wb["Tình hình nộp"].iter_rows(min_row=3, values_only=True))
    assert len(status) == 20 and {r[3] for r in status} == {"Đã nộp"}


def test_pdf_names_the_district_every_commune_and_the_signatories(written, chodon, tmp_path):
    text = subprocess.run(
        ["pdftotext", "-layout", str(written.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("UBND TỈNH BẮC KẠN", "HUYỆN CHỢ ĐỒN", "Chợ Đồn, ngày 20 tháng 01 năm 2027",
                  "20/20 xã đã nộp báo cáo", "BẢNG XẾP HẠNG", "Biểu đồ 1", "Nơi nhận:", "Người lập biểu:",
                  "Cán bộ Phòng VH-TT", "Chủ tịch huyện", "Tất cả các đơn vị đã nộp báo cáo"):  # fmt: skip
        assert words in text, words
    flat = " ".join(text.split())
    for commune in chodon.communes.values():
        assert commune.name in flat
    assert "tạm tính" not in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(written.pdf), str(tmp_path / "p")],
                   capture_output=True, check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 4 and all(p.stat().st_size > 5_000 for p in pages)


def test_cancelling_writes_nothing(received, tmp_path):
    token, seen = CancelToken(), []

    def cancel_after_the_workbook(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            token.cancel()

    out = tmp_path / "out"
    with F.open_ws(received) as ws, pytest.raises(Cancelled):
        D.write_district_reports(
            ws, "cntt-xa", "2026", out, token.progress(cancel_after_the_workbook)
        )
    assert seen[-1] == (2, 4) and list(out.iterdir()) == []


def test_report_command(received, tmp_path):
    data = _copy(received, tmp_path / "huyen")
    out = tmp_path / "out"
    run = cli(data, "report", "--form", "cntt-xa", "--period", "2026", "--out", str(out), check=0)
    paths = [Path(line) for line in run.out.splitlines()]
    assert [p.name for p in paths] == ["cntt-xa_2026_tong-hop.xlsx", "cntt-xa_2026_tong-hop.pdf"]
    assert all(p.is_file() for p in paths) and "20/20" in run.err
    as_json = cli(data, "report", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
                  "--date", "2027-01-20", "--json", check=0).json  # fmt: skip
    assert as_json["submitted"] == as_json["expected"] == 20 and not as_json["missing"]
    assert [r["rank"] for r in as_json["ranking"]] == sorted(r["rank"] for r in as_json["ranking"])
    refused = cli(data, "report", "--form", "cntt-huyen", "--period", "2026", "--out", str(out))
    assert refused.code == 1 and "không có đơn vị trực thuộc nào điền" in refused.err
    assert (
        cli(data, "status", "--form", "cntt-xa", "--period", "2026", "--json", check=0).json[
            "counts"
        ]["submitted"]
        == 20
    )


# -- the next period: previous ranks and a trend --------------------------------------------


def test_next_period_compares_with_this_one_and_gives_a_trend(chodon, received, tmp_path):
    from desktop_app.receiving.receive import receive_paths

    later = ["02020", "02026", "02080"]
    files = []
    # 2027's reports are signed and received in 2027 (a period that has not started is
    # refused: issue 14 §3), whatever today is.
    signed = max(datetime.datetime(2027, 3, 2, 9, 0, tzinfo=F.VN), datetime.datetime.now(F.VN))
    for code in later:
        data = F.packet_data(chodon.communes[code].packet)
        data["period"] = "2027"
        signer, _ = F.commune_signer(chodon.communes[code].data_dir)
        path = tmp_path / f"{code}_cntt-xa_2027_r1.zip"
        path.write_bytes(F.signed_packet(data, signer, moment=signed))
        files.append(path)
    with F.open_ws(_copy(received, tmp_path / "huyen")) as ws:
        report = receive_paths(use.office(ws), files, clock=lambda: signed)
        assert [o.verdict for o in report.outcomes] == ["accepted"] * 3
        next_year = D.consolidation_for(ws, "cntt-xa", "2027")
        whole = D.trend_for(ws, "cntt-xa", None, ["2025", "2026", "2027"])
        one = D.trend_for(ws, "cntt-xa", "02080")
        this_year = D.consolidation_for(ws, "cntt-xa", "2026")
    assert next_year.previous_period == "2026" and next_year.ranking.provisional
    for row in next_year.ranking.rows:
        assert row.previous_rank == this_year.ranking.by_code()[row.code].rank
    assert whole.periods == ("2026", "2027") and "ty_le_vb_di_ky_so" in whole.fields
    assert whole.series["ty_le_vb_di_ky_so"] == (
        this_year.consolidation.figures.values["ty_le_vb_di_ky_so"],
        next_year.consolidation.figures.values["ty_le_vb_di_ky_so"],
    )
    assert one.periods == ("2026", "2027")
    assert one.ranks == (
        this_year.ranking.by_code()["02080"].rank,
        next_year.ranking.by_code()["02080"].rank,
    )
