"""The shipped digital-transformation index pair (forms/cds-xa-2026.yaml, cds-tinh-2026.yaml):
the example weights follow the provincial DTI's split, the sample commune scores what a person
computes by hand, the province form pre-fills from cds-xa and nothing else, and the new commune
form does not take cntt-huyen's children away from cntt-xa."""

import json
from decimal import Decimal

import pytest

from desktop_app.consolidation.consolidate import consolidate
from desktop_app.consolidation.model import ExpectedUnit
from desktop_app.consolidation.prefill import prefill_parent_form
from desktop_app.consolidation.prefill_plan import child_form_for
from desktop_app.core.forms import load_form_file
from desktop_app.core.scoring import score_units
from desktop_app.core.validation import validate
from desktop_app.core.values import from_json
from tests.conftest import PROJECT

FORMS = PROJECT / "forms"
SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"


@pytest.fixture(scope="module")
def xa():
    return load_form_file(FORMS / "cds-xa-2026.yaml")


@pytest.fixture(scope="module")
def tinh():
    return load_form_file(FORMS / "cds-tinh-2026.yaml")


def _sample_values(form):
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"), parse_float=Decimal)
    assert raw["form"] == form.id and raw["period"] == "2026"
    return {fid: from_json(form.fields[fid], v).value for fid, v in raw["values"].items()}


def test_points_total_100_split_as_the_provincial_dti_divided_by_ten(xa):
    assert xa.scoring.total_points == Decimal(100)
    by_section: dict[str, Decimal] = {}
    for item in xa.scoring.items:
        by_section[item.section_id] = by_section.get(item.section_id, Decimal(0)) + item.points
    assert by_section == {
        "nhan_thuc_so": 10,
        "the_che_so": 10,
        "ha_tang_so": 10,
        "nhan_luc_so": 10,
        "an_toan_thong_tin": 10,
        "chinh_quyen_so": 20,
        "kinh_te_so": 15,
        "xa_hoi_so": 15,
    }
    assert {i.scale for i in xa.scoring.items} == {"linear", "stepped", "boolean", "relative"}


def test_the_weights_say_they_are_an_example(xa, tinh):
    assert "(trọng số ví dụ)" in xa.title.vi and "(example weights)" in xa.title.en
    assert "TRỌNG SỐ VÍ DỤ" in xa.legal_basis.vi and "EXAMPLE WEIGHTS" in xa.legal_basis.en
    assert all("ví dụ" in b.label.vi and "example" in b.label.en for b in xa.scoring.bands)
    assert "trọng số ví dụ" in tinh.title.vi


def test_the_sample_commune_validates_clean_and_scores_as_computed_by_hand(xa):
    result = validate(xa, _sample_values(xa))
    assert [p.rule_id for p in result.problems] == []
    score = score_units(xa, {"02020": result.values})["02020"]
    items = {k: v.points for k, v in score.items.items()}
    # stepped: 3 meetings reach the "2 or more" step; 26 articles the "24 or more" step
    assert items["d_hop_cds"] == 2 and items["d_tin_bai_cds"] == 2
    # linear with full_at 80: 1,520 of 2,930 dossiers online = 51.88 % → 51.88 / 80 × 5
    assert items["d_ho_so_truc_tuyen"] == Decimal("3.24")
    # boolean "no" scores nothing; alone among the units scored, the relative item is full
    assert items["d_phuong_an_attt"] == 0 and items["d_thanh_toan_truc_tuyen"] == 2
    assert score.by_section["nhan_thuc_so"] == Decimal("9.00")
    assert score.by_section["the_che_so"] == Decimal("8.80")  # 3 + 80 % × 4 + 86.78 % × 3
    assert score.total == Decimal("75.59")
    assert score.band.code == "B"


def test_fields_shared_with_cntt_xa_mean_the_same(xa):
    cntt = load_form_file(FORMS / "cntt-xa-2026.yaml")
    shared = sorted(set(xa.fields) & set(cntt.fields))
    assert {"cbcc_co_may_tinh", "vb_di_ky_so", "ho_so_truc_tuyen", "co_cap_quang"} <= set(shared)
    for fid in shared:
        a, b = xa.fields[fid], cntt.fields[fid]
        same = (a.label, a.help, a.type, a.unit, a.aggregate, a.minimum, a.maximum)
        assert same == (b.label, b.help, b.type, b.unit, b.aggregate, b.minimum, b.maximum), fid
        assert (a.compute is None) == (b.compute is None), fid


def test_the_province_form_prefills_every_marked_field_from_cds_xa(xa, tinh):
    cntt = load_form_file(FORMS / "cntt-xa-2026.yaml")
    assert child_form_for(tinh, [cntt, xa]) is xa
    empty = consolidate(xa, [], [ExpectedUnit("0", "0")])
    assert prefill_parent_form(tinh, empty).unmatched == ()


def test_cntt_huyen_still_prefills_from_cntt_xa(xa):
    cntt = load_form_file(FORMS / "cntt-xa-2026.yaml")
    huyen = load_form_file(FORMS / "cntt-huyen-2026.yaml")
    # cds-xa sorts first and shares many ids: a tie would hand it cntt-huyen's children
    assert child_form_for(huyen, [xa, cntt]) is cntt
