from desktop_app.consolidation import (
    consolidate,
    district_statements,
    prefill_parent_form,
    rank_units,
    target_attainment,
    trend,
)
from desktop_app.core.validation import validate

from .samples import expected_units, huyen_form, raw_values, sample_reports, xa_form


def _c(reports=None):
    return consolidate(xa_form(), reports or sample_reports(), expected_units())


def test_statements_count_yes_answers_in_the_districts_words():
    statements = {s.id: s for s in district_statements(_c())}
    raw = raw_values()
    fibre = sum(1 for v in raw.values() if v["co_cap_quang"] is True)
    s = statements["co_cap_quang"]
    assert (s.count, s.of) == (fibre, 20)
    assert s.text.vi.startswith(f"{fibre}/20 xã ") and "cáp quang" in s.text.vi
    assert s.text.en.startswith(f"{fibre}/20 communes")
    assert statements["submitted"].text.vi == "20/20 xã đã nộp báo cáo"


def test_target_attainment_per_unit_and_overall():
    c = _c()
    attainment = target_attainment(c)
    raw = raw_values()
    reached = sum(1 for v in raw.values() if v["vb_di_ky_so"] * 100 >= 80 * v["vb_di_tong"])
    target_index = [t.id for t in xa_form().targets].index("t_vb_di_ky_so")
    assert sum(1 for r in attainment.values() if r[target_index].achieved) == reached
    statements = {s.id: s for s in district_statements(c)}
    assert statements["t_vb_di_ky_so"].count == reached
    assert statements["t_vb_di_ky_so"].text.vi.startswith(f"{reached}/20 xã đạt chỉ tiêu")
    overall = statements["t_vb_di_ky_so.overall"].text.vi
    assert overall.startswith("Toàn huyện: tỷ lệ văn bản đi được ký số")
    assert overall.endswith(": đạt") or overall.endswith(": chưa đạt")


def test_prefill_of_the_districts_own_form():
    c = _c(sample_reports()[:18])
    prefill = prefill_parent_form(huyen_form(), c)
    assert prefill.unmatched == ()
    values = prefill.as_values()
    raw = raw_values()
    reported = [r.unit_code for r in sample_reports()[:18]]
    assert values["xa_so_don_vi"] == 20 and values["xa_so_bao_cao"] == 18
    assert values["xa_cbcc_tong"] == sum(raw[u]["cbcc_tong"] for u in reported)
    assert values["xa_co_cap_quang"] == sum(1 for u in reported if raw[u]["co_cap_quang"])
    assert prefill.values["xa_vb_di_ky_so"].child_field == "vb_di_ky_so"
    assert "vb_di_ky_so" in prefill.values["xa_vb_di_ky_so"].source.vi
    form = huyen_form()
    assert {f.id for f in form.fields.values() if f.prefill == "children"} == set(prefill.values)
    # the prefilled values pass the district form's own checks for those fields
    problems = validate(form, values).problems
    assert not [p for p in problems if p.field_id in values and p.is_error]


def test_trend_for_a_unit_and_the_district():
    now = _c()
    before = _c(sample_reports()[1:])
    by_period = {"2025": before, "2026": now}
    rankings = {p: rank_units(c) for p, c in by_period.items()}
    district = trend(by_period)
    assert district.periods == ("2025", "2026")
    assert "ty_le_vb_di_ky_so" in district.fields
    assert district.series["ty_le_vb_di_ky_so"][1] == now.figures.values["ty_le_vb_di_ky_so"]
    first = sample_reports()[0].unit_code
    unit = trend(by_period, unit=first, fields=["cbcc_tong"], rankings=rankings)
    assert unit.series["cbcc_tong"] == (None, now.values_by_unit[first]["cbcc_tong"])
    assert unit.totals[0] is None and unit.ranks[1] == rankings["2026"].by_code()[first].rank
    assert unit.rows() == [("cbcc_tong", [None, now.values_by_unit[first]["cbcc_tong"]])]
