"""Consolidation fed from received packets: each unit's packet travels with its figures
(through a merge too), a returned report is said so, and the two report files appear
together or not at all."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.consolidation import PacketRef, ReportInfo, consolidate, district_statements
from desktop_app.consolidation.reports import write_reports
from desktop_app.core.progress import Cancelled, CancelToken

from .samples import expected_units, sample_reports, xa_form

INFO = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn", "A", "B")


def _with_packets(review_of: dict[str, str] | None = None):
    out = []
    for r in sample_reports():
        review = (review_of or {}).get(r.unit_code, "submitted")
        ref = PacketRef(r.unit_code, 1, f"{r.unit_code}_cntt-xa_2026_r1.zip", "ab" * 32, "", review)
        out.append(dataclasses.replace(r, packets=(ref,)))
    return out


def test_a_figure_names_its_packets_and_a_merge_keeps_both():
    c = consolidate(xa_form(), _with_packets(), expected_units(), {"02080": "99001", "02083": "99001"},
                    {"99001": "Xã Mới"})  # fmt: skip
    assert {p.unit_code for p in c.reports["99001"].packets} == {"02080", "02083"}
    trace = c.trace("ty_le_vb_di_ky_so")
    assert len(trace.packets) == 20 and len(trace.contributions) == 19
    assert {p.file_name for p in trace.packets} >= {"02080_cntt-xa_2026_r1.zip"}


def test_a_returned_report_is_counted_and_said_so():
    c = consolidate(xa_form(), _with_packets({"02080": "returned"}), expected_units())
    assert c.reports["02080"].returned and not c.reports["02083"].returned
    statements = district_statements(c)
    assert [s.id for s in statements][:2] == ["submitted", "returned"]
    assert statements[1].text.vi.startswith("1/20 xã có báo cáo đã bị trả lại")
    assert (statements[1].count, statements[1].of) == (1, 20)
    assert "returned" not in [
        s.id
        for s in district_statements(consolidate(xa_form(), sample_reports(), expected_units()))
    ]


def test_both_files_or_neither(tmp_path):
    c = consolidate(xa_form(), sample_reports(), expected_units())
    token = CancelToken()

    def stop_after_the_workbook(done: int, total: int) -> None:
        if done == 1:
            token.cancel()

    with pytest.raises(Cancelled):
        write_reports(tmp_path / "a", c, INFO, progress=token.progress(stop_after_the_workbook))
    assert list((tmp_path / "a").iterdir()) == []
    steps: list[tuple[int, int]] = []
    out = write_reports(tmp_path / "b", c, INFO, progress=lambda d, t: steps.append((d, t)))
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(
        [out.xlsx.name, out.pdf.name]
    )
