"""The district policies on plain inputs, without a data folder: whose report is an old
unit's and which is set aside (``consolidation.merges.apply_merges``), what pre-filling
the unit's own report writes over what it holds (``consolidation.prefill_plan``)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.consolidation import PacketRef, UnitReport, apply_merges, consolidate
from desktop_app.consolidation.prefill import prefill_parent_form
from desktop_app.consolidation.prefill_plan import (
    Planned,
    child_form_for,
    plan_prefill,
    source_note,
)
from desktop_app.storage.merges import MergeEntry
from desktop_app.storage.prefills import PrefillRow

from .samples import expected_units, huyen_form, sample_reports, xa_form

# Thị trấn Bằng Lũng (02020) and Xã Ngọc Phái (02053) became part of Xã Chợ Đồn, which
# kept the code 02020; the new unit is a child of the province (19), the old ones were
# the district's (064). Made up for the test, as in tests/integration/test_district_merges.
MERGES = {
    code: MergeEntry(code, name, "064", "commune", "legacy", "02020", "Xã Chợ Đồn")
    for code, name in (("02020", "Thị trấn Bằng Lũng"), ("02053", "Xã Ngọc Phái"))
}


def _report(code: str, parent: str | None, cbcc: int = 10) -> UnitReport:
    ref = PacketRef(code, 1, f"{code}.zip", "0" * 64, parent_code=parent)
    return UnitReport(code, f"Đơn vị {code}", xa_form(), {"cbcc_tong": cbcc}, packets=(ref,))


def test_old_units_reports_go_into_the_new_unit_that_kept_a_code():
    merged = apply_merges([_report("02020", "064"), _report("02053", "064")], MERGES)
    assert merged.mapping == {"02020": "02020", "02053": "02020"}
    assert merged.names == {"02020": "Xã Chợ Đồn"} and not merged.set_aside
    kept = {r.unit_code: r for r in merged.reports}
    # the old unit whose code the new one kept is shown as the new unit
    assert kept["02020"].unit_name == "Xã Chợ Đồn" and kept["02020"].merged_from == ("02020",)
    c = consolidate(xa_form(), merged.reports, [], merged.mapping, merged.names)
    assert c.values_by_unit["02020"]["cbcc_tong"] == 20


def test_the_new_unit_reporting_itself_sets_its_old_parts_aside():
    # the new Xã Chợ Đồn's own packet names the province: it is not Bằng Lũng's
    merged = apply_merges([_report("02020", "19", 30), _report("02053", "064")], MERGES)
    assert merged.set_aside == ("02053",) and merged.mapping == {}
    assert [(r.unit_code, r.unit_name, r.merged_from) for r in merged.reports] == [
        ("02020", "Đơn vị 02020", ())
    ]


def test_a_code_not_kept_is_the_old_units_whatever_parent_it_names():
    merged = apply_merges([_report("02053", None), _report("02080", "064")], MERGES)
    assert merged.mapping == {"02053": "02020"}
    assert {r.unit_code for r in merged.reports} == {"02053", "02080"}  # 02080: not merged


def _planned(
    value: int, text: str, source: str = "Tổng hợp từ báo cáo của 20/20 xã (cộng)."
) -> Planned:
    return Planned(value, text, source, {"units": 20})


def _row(value: str, source: str, basis=None) -> PrefillRow:
    return PrefillRow(1, "xa_cbcc_tong", value, source, basis or {"units": 20}, "t", "u")


def test_a_first_prefill_writes_value_and_note_and_records_them():
    plan = plan_prefill(huyen_form(), {"xa_cbcc_tong": _planned(300, "300")}, {}, {}, {})
    assert plan.changes == {"xa_cbcc_tong": "300"}
    assert plan.notes == {"xa_cbcc_tong": "Tổng hợp từ báo cáo của 20/20 xã (cộng)."}
    assert plan.written == {"xa_cbcc_tong": 300} and not plan.kept
    assert [r[:2] for r in plan.records] == [("xa_cbcc_tong", "300")]


def test_the_officers_value_and_note_are_kept_unless_overwrite():
    p = {"xa_cbcc_tong": _planned(310, "310")}
    source = p["xa_cbcc_tong"].source
    before = {"xa_cbcc_tong": _row("300", source)}
    stored, comments = {"xa_cbcc_tong": "305"}, {"xa_cbcc_tong": "Sở báo thêm 5 người."}
    plan = plan_prefill(huyen_form(), p, stored, comments, before)
    assert plan.kept == {"xa_cbcc_tong": (310, 305)}
    assert not plan.changes and not plan.notes and not plan.written
    assert [r[1] for r in plan.records] == ["310"]  # the record says what the children say
    forced = plan_prefill(huyen_form(), p, stored, comments, before, overwrite=True)
    assert forced.changes == {"xa_cbcc_tong": "310"} and forced.notes == {"xa_cbcc_tong": source}
    assert not forced.kept


def test_prefilling_again_with_nothing_new_writes_nothing():
    p = {"xa_cbcc_tong": _planned(300, "300")}
    source = p["xa_cbcc_tong"].source
    plan = plan_prefill(
        huyen_form(), p, {"xa_cbcc_tong": "300"}, {"xa_cbcc_tong": source},
        {"xa_cbcc_tong": _row("300", source)},
    )  # fmt: skip
    assert plan.unchanged == {"xa_cbcc_tong": 300}
    assert not (plan.changes or plan.notes or plan.records or plan.written or plan.kept)


def test_a_new_figure_replaces_the_prefills_own_value_and_note_not_the_officers_note():
    p = {"xa_cbcc_tong": _planned(310, "310", "Tổng hợp từ báo cáo của 19/20 xã (cộng).")}
    old = "Tổng hợp từ báo cáo của 20/20 xã (cộng)."
    ours = plan_prefill(
        huyen_form(), p, {"xa_cbcc_tong": "300"}, {"xa_cbcc_tong": old},
        {"xa_cbcc_tong": _row("300", old)},
    )  # fmt: skip
    assert ours.changes == {"xa_cbcc_tong": "310"} and ours.notes == {
        "xa_cbcc_tong": p["xa_cbcc_tong"].source
    }
    theirs = plan_prefill(
        huyen_form(), p, {"xa_cbcc_tong": "300"}, {"xa_cbcc_tong": "Ghi chú của cán bộ"},
        {"xa_cbcc_tong": _row("300", old)},
    )  # fmt: skip
    assert theirs.changes == {"xa_cbcc_tong": "310"} and not theirs.notes


def test_the_note_names_blank_returned_and_missing_children_in_their_levels_word():
    reports = sample_reports()
    blank = replace(
        reports[0], values={k: v for k, v in reports[0].values.items() if k != "cbcc_tong"}
    )
    c = consolidate(xa_form(), [blank, *reports[1:17]], expected_units())
    pv = prefill_parent_form(huyen_form(), c).values["xa_cbcc_tong"]
    returned = [u.code for u in c.missing][:1]
    note = source_note(c, pv, "2026", returned)
    assert note.startswith("Tổng hợp từ báo cáo của 16/20 xã (cộng); 1 xã để trống: ")
    assert "; 1 xã có báo cáo bị trả lại, không tính: " in note
    assert "; 2 xã chưa nộp: " in note and note.endswith(".")


def test_the_child_form_is_the_one_the_parents_prefill_names():
    assert child_form_for(huyen_form(), [huyen_form(), xa_form()]).id == "cntt-xa"
    assert child_form_for(huyen_form(), [huyen_form()]) is None
