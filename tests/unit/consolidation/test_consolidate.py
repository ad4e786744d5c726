from decimal import ROUND_HALF_UP, Decimal

from desktop_app.consolidation import ExpectedUnit, UnitReport, consolidate, merge_units

from .samples import expected_units, raw_values, sample_reports, xa_form


def _consolidation(reports=None, expected=None, **kw):
    return consolidate(xa_form(), reports or sample_reports(), expected or expected_units(), **kw)


def test_sums_and_counts_match_independent_sums():
    c = _consolidation()
    raw = raw_values()
    assert len(raw) == 20 and c.complete and not c.unexpected
    for field in ("cbcc_tong", "vb_di_tong", "vb_di_ky_so", "ho_so_tiep_nhan", "ho_so_truc_tuyen"):
        assert c.figures.values[field] == sum(v[field] for v in raw.values()), field
    assert c.figures.values["kinh_phi_cntt"] == sum(
        Decimal(v["kinh_phi_cntt"]) for v in raw.values()
    )
    assert c.figures.values["co_cap_quang"] == sum(
        1 for v in raw.values() if v["co_cap_quang"] is True
    )


def test_ratio_is_recomputed_from_sums_never_averaged():
    c = _consolidation()
    raw = raw_values()
    signed = sum(v["vb_di_ky_so"] for v in raw.values())
    total = sum(v["vb_di_tong"] for v in raw.values())
    expected = (Decimal(signed) / Decimal(total) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert c.figures.values["ty_le_vb_di_ky_so"] == expected
    mean = sum(c.values_by_unit[u]["ty_le_vb_di_ky_so"] for u in c.values_by_unit) / 20
    assert expected != mean.quantize(Decimal("0.1"))


def test_each_figure_traces_back_to_its_units():
    c = _consolidation()
    trace = c.trace("cbcc_tong")
    assert len(trace.contributions) == 20
    assert sum(v for _, _, v in trace.contributions) == trace.value
    assert ("02080", "Xã Bình Trung", raw_values()["02080"]["cbcc_tong"]) in trace.contributions
    # a ratio traces to the units behind its numerator and denominator
    assert len(c.trace("ty_le_vb_di_ky_so").contributions) == 20


def test_missing_units_are_listed_and_not_counted():
    reports = [r for r in sample_reports() if r.unit_code not in ("02080", "02083")]
    c = _consolidation(reports)
    assert not c.complete
    assert [u.code for u in c.missing] == ["02080", "02083"]
    assert c.trace("cbcc_tong").not_submitted == ("02080", "02083")
    raw = raw_values()
    assert c.figures.values["cbcc_tong"] == sum(
        v["cbcc_tong"] for u, v in raw.items() if u not in ("02080", "02083")
    )


def _merged():
    mapping = {"02080": "99001", "02083": "99001"}
    names = {"99001": "Xã Bình Trung Mới"}
    return mapping, names


def test_two_old_communes_merge_into_one_counts_summed_ratio_recomputed():
    mapping, names = _merged()
    c = _consolidation(merges=mapping, merged_names=names)
    raw = raw_values()
    a, b = raw["02080"], raw["02083"]
    assert len(c.reports) == 19 and c.complete
    assert [u.code for u in c.expected].count("99001") == 1
    new = c.values_by_unit["99001"]
    assert new["cbcc_tong"] == a["cbcc_tong"] + b["cbcc_tong"]
    assert new["vb_di_ky_so"] == a["vb_di_ky_so"] + b["vb_di_ky_so"]
    ratio = Decimal(a["vb_di_ky_so"] + b["vb_di_ky_so"]) / (a["vb_di_tong"] + b["vb_di_tong"]) * 100
    assert new["ty_le_vb_di_ky_so"] == ratio.quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert new["co_mang_lan"] is (a["co_mang_lan"] and b["co_mang_lan"])
    assert c.merges == {"99001": ("02080", "02083")}
    assert c.name("99001") == "Xã Bình Trung Mới"
    # the district-wide totals do not change with the rearrangement
    assert c.figures.values["cbcc_tong"] == _consolidation().figures.values["cbcc_tong"]


def test_a_blank_part_makes_the_merged_figure_blank():
    form = xa_form()
    a = UnitReport("1", "A", form, {"cbcc_tong": 10, "cbcc_co_may_tinh": 9})
    b = UnitReport("2", "B", form, {"cbcc_tong": 5})
    (merged,) = merge_units([a, b], {"1": "9", "2": "9"}, {"9": "AB"})
    assert merged.values["cbcc_tong"] == 15
    assert "cbcc_co_may_tinh" not in merged.values
    assert merged.all_values()["ty_le_cbcc_co_may_tinh"] is None
    assert consolidate(form, [merged], [ExpectedUnit("9", "AB")]).complete


def test_a_received_decimal_is_read_as_canonical_text_not_the_vietnamese_way():
    """A commune's budget of 1,234 (one point two three four million, typed "1,234") is
    "1.234" in data.json; read the Vietnamese way the district counted 1,234 million."""
    from decimal import Decimal

    from desktop_app.consolidation import typed_inputs
    from desktop_app.workspace.workspace import shipped_forms

    form = shipped_forms().get("cntt-xa", 2026)
    typed = typed_inputs(form, {"kinh_phi_cntt": "1.234", "kinh_phi_da_chi": "112.5"})
    assert typed == {"kinh_phi_cntt": Decimal("1.234"), "kinh_phi_da_chi": Decimal("112.5")}
    # a text held from before texts were checked is shown, not fatal
    held = typed_inputs(form, {"kho_khan_vuong_mac": "Mạng chập chờn\vMáy cũ\x07"})
    assert held == {"kho_khan_vuong_mac": "Mạng chập chờn\nMáy cũ\ufffd"}
