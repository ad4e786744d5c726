"""Units merged in the 2025 rearrangement, end to end: a province of the current catalogue
(Tỉnh Thái Nguyên, 19) declares which old Chợ Đồn communes became part of which of its
communes, receives the old communes' own packets, and consolidates them into the new
units: counts summed, ratios recomputed, each figure traced to the old packets.

The mapping here is made up for the test (the catalogue data carry none): two old units
into Xã Chợ Đồn, which kept the code 02020 of Thị trấn Bằng Lũng, and two into Xã Yên
Phong (02083)."""

from __future__ import annotations

import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from desktop_app.core.messages import AppError
from desktop_app.workspace import district as D
from desktop_app.workspace import district_merges as M
from desktop_app.workspace import receive as use
from desktop_app.workspace.setup_unit import setup_unit
from tests.integration.cli_helpers import cli
from tests.support import fleet as F

INTO = {"02020": "02020", "02053": "02020", "02080": "02083", "02077": "02083"}


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def province(chodon, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("tinh") / "data"
    with F.open_ws(data) as ws:
        setup_unit(ws, "19", "current", clerk="Cán bộ Sở", leader="Chủ tịch tỉnh")
        M.declare_merges(ws, INTO)
        for code in INTO:
            use.register_certificate(ws, chodon.communes[code].cert, code)
        report = use.receive(ws, [chodon.communes[code].packet for code in INTO])
        assert [o.verdict for o in report.outcomes] == ["accepted"] * 4, [
            o.error for o in report.outcomes
        ]
    return data


def _values(chodon, codes):
    return [F.packet_data(chodon.communes[c].packet)["values"] for c in codes]


def test_the_declared_table(chodon, province):
    with F.open_ws(province) as ws:
        table = {e.old_code: e for e in M.unit_merges(ws)}
        assert {code: e.into for code, e in table.items()} == INTO
        assert table["02020"].old_name == "Thị trấn Bằng Lũng"
        assert table["02020"].into_name == "Xã Chợ Đồn" and table["02020"].old_parent == "064"
        with pytest.raises(AppError) as refused:
            M.declare_merges(ws, {"02023": "064"})  # not one of the province's communes
        assert refused.value.code == "merge.not_child"
        with pytest.raises(AppError) as kept:  # 02026 lives on as the new Xã Nam Cường
            M.declare_merges(ws, {"02026": "02020"})
        assert kept.value.code == "merge.code_kept" and "Xã Nam Cường" in kept.value.message.vi
        with pytest.raises(AppError) as unrelated:  # an old unit nobody declared
            use.register_certificate(ws, chodon.communes["02023"].cert, "02023")
        assert unrelated.value.code == "trust.unit_unrelated"
        board = use.status_board(ws, "cntt-xa", "2026")
    codes = {r.unit_code for r in board.rows}
    assert "02053" not in codes and "02080" not in codes  # old units are not expected


def test_each_submission_keeps_the_parent_its_packet_names(chodon, province):
    from desktop_app.storage.submissions import find_submissions

    with F.open_ws(province) as ws:
        held = find_submissions(ws.db, "cntt-xa", "2026", with_data=False)
    assert {s.unit_code: s.parent_code for s in held} == dict.fromkeys(INTO, "064")


def test_old_units_are_consolidated_into_their_new_unit(chodon, province):
    with F.open_ws(province) as ws:
        merged = D.consolidation_for(ws, "cntt-xa", "2026")
    c = merged.consolidation
    assert merged.merges == INTO and not merged.set_aside
    assert set(c.reports) == {"02020", "02083"}
    assert c.reports["02020"].unit_name == "Xã Chợ Đồn"
    assert set(c.reports["02020"].merged_from) == {"02020", "02053"}
    assert set(c.reports["02083"].merged_from) == {"02077", "02080"}
    assert len(c.expected) == len(c.missing) + 2 > 50  # the province's other communes
    for new, olds in (("02020", ["02020", "02053"]), ("02083", ["02077", "02080"])):
        parts = _values(chodon, olds)
        mine = c.values_by_unit[new]
        staff = sum(p["cbcc_tong"] for p in parts)
        with_pc = sum(p["cbcc_co_may_tinh"] for p in parts)
        assert mine["cbcc_tong"] == staff and mine["cbcc_co_may_tinh"] == with_pc
        ratio = (Decimal(with_pc) / staff * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
        assert mine["ty_le_cbcc_co_may_tinh"] == ratio  # recomputed, not averaged
        assert mine["co_cap_quang"] is all(p["co_cap_quang"] for p in parts)
    assert c.figures.values["cbcc_tong"] == sum(v["cbcc_tong"] for v in _values(chodon, INTO))
    refs = merged.trace("cbcc_tong").packets
    assert sorted(r.file_name for r in refs) == sorted(
        chodon.communes[code].packet.name for code in INTO
    )
    assert [r.rank for r in merged.ranking.rows] in ([1, 2], [1, 1])


def test_a_province_over_its_communes_words_the_whole_province(province):
    """Since 2025 a province receives from its communes: its overall figures are the
    province's ("Toàn tỉnh"), not a district's, though its children fill a commune form."""
    with F.open_ws(province) as ws:
        merged = D.consolidation_for(ws, "cntt-xa", "2026")
        series = D.trend_for(ws, "cntt-xa", None)
    overall = [s.text for s in merged.statements if s.id.endswith(".overall")]
    assert overall and all(t.vi.startswith("Toàn tỉnh: ") for t in overall), overall
    assert all(t.en.startswith("Province-wide: ") for t in overall)
    assert merged.statements[0].text.vi.startswith("2/")  # the children are still "xã"
    assert merged.statements[0].text.vi.endswith(" xã đã nộp báo cáo")
    assert series.receiving_level == "province"


def test_a_new_unit_that_reported_itself_is_not_added_to_its_old_parts(chodon, province, tmp_path):
    data = Path(shutil.copytree(province, tmp_path / "tinh"))
    # the new Xã Yên Phong (02083, kept the old code) reports under the province
    packet = F.packet_data(chodon.communes["02083"].packet)
    packet["unit"] = {"code": "02083", "name": "Xã Yên Phong", "parent_code": "19",
                      "parent_name": "Tỉnh Thái Nguyên"}  # fmt: skip
    signer, _ = F.commune_signer(chodon.communes["02083"].data_dir)
    path = tmp_path / "02083_cntt-xa_2026_r1.zip"
    path.write_bytes(F.signed_packet(packet, signer))
    with F.open_ws(data) as ws:
        use.register_certificate(ws, chodon.communes["02083"].cert, "02083")
        assert [o.verdict for o in use.receive(ws, [path]).outcomes] == ["accepted"]
        merged = D.consolidation_for(ws, "cntt-xa", "2026")
    c = merged.consolidation
    assert merged.set_aside == ("02077", "02080")
    assert not c.reports["02083"].merged_from
    assert c.values_by_unit["02083"]["cbcc_tong"] == packet["values"]["cbcc_tong"]
    assert merged.merges == {"02020": "02020", "02053": "02020"}


def test_merges_command(province, tmp_path):
    data = Path(shutil.copytree(province, tmp_path / "tinh"))
    listed = cli(data, "merges", "list", "--json", check=0).json["merges"]
    assert {m["old_code"]: m["into"] for m in listed} == INTO
    cleared = cli(data, "merges", "clear", "02053", "--json", check=0).json["merges"]
    assert "02053" not in {m["old_code"] for m in cleared}
    refused = cli(data, "merges", "set", "02023=064")
    assert refused.code == 1 and "merge.not_child" not in refused.out
    assert "không phải đơn vị trực thuộc" in refused.err
