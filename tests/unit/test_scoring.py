from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.scoring import rank, score_units
from desktop_app.core.validation import validate


def _values(mini_form, **inputs):
    return validate(mini_form, inputs).values


def test_each_scale(mini_form):
    units = {
        "A": _values(
            mini_form, cbcc_tong=20, cbcc_co_may_tinh=15, co_cap_quang=True, so_bai_viet=40
        ),
        "B": _values(
            mini_form, cbcc_tong=8, cbcc_co_may_tinh=8, co_cap_quang=False, so_bai_viet=10
        ),
        "C": _values(mini_form, cbcc_tong=12, cbcc_co_may_tinh=None, co_cap_quang=None),
    }
    scores = score_units(mini_form, units)
    a, b, c = scores["A"], scores["B"], scores["C"]
    # linear: 75 % of 40 points; boolean: 20; relative: best (40) → 20; stepped: 20 ≥ 20 → 20
    assert a.items["d_may_tinh"].points == Decimal("30.00")
    assert a.items["d_cap_quang"].points == Decimal(20)
    assert a.items["d_bai_viet"].points == Decimal(20)
    assert a.items["d_cbcc"].points == Decimal(20)
    assert a.total == Decimal("90.00")
    assert a.band.code == "A"
    # B: 100 % → 40, no fibre → 0, 10/40 of 20 → 5, 8 officials → step 1 → 5
    assert b.total == Decimal("50.00")
    assert b.band.code == "B"
    # articles count towards their field's section (kinh_phi), size is placed there explicitly
    assert b.by_section == {"ha_tang": Decimal(40), "kinh_phi": Decimal(10)}
    # C: blanks score 0 and are flagged
    assert c.items["d_may_tinh"].missing
    assert "d_may_tinh" in c.missing_items
    assert c.total == Decimal(10)  # only the stepped size item (12 ≥ 10)
    assert c.band.code == "C"


def test_sections_add_up_to_total(mini_form):
    units = {
        "A": _values(mini_form, cbcc_tong=21, cbcc_co_may_tinh=19, co_cap_quang=True, so_bai_viet=7)
    }
    score = score_units(mini_form, units)["A"]
    assert sum(score.by_section.values()) == score.total
    assert (
        score.by_section["kinh_phi"]
        == score.items["d_cbcc"].points + score.items["d_bai_viet"].points
    )


def test_relative_scale_with_no_positive_best(mini_form):
    units = {"A": _values(mini_form, so_bai_viet=0), "B": _values(mini_form)}
    scores = score_units(mini_form, units)
    assert scores["A"].items["d_bai_viet"].points == 0


def test_ties_share_a_place_and_the_next_is_skipped():
    totals = {f"U{i:02}": Decimal(100 - i) for i in range(1, 17)}  # places 1..16
    totals |= {"X": Decimal(50), "Y": Decimal(50), "Z": Decimal(49)}
    ranks = rank(totals)
    assert ranks["U01"] == 1
    assert ranks["U16"] == 16
    assert (ranks["X"], ranks["Y"], ranks["Z"]) == (17, 17, 19)


@given(st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 10), max_size=30))
def test_rank_properties(raw):
    totals = {k: Decimal(v) for k, v in raw.items()}
    ranks = rank(totals)
    assert set(ranks) == set(totals)
    for unit, place in ranks.items():
        better = sum(1 for other in totals.values() if other > totals[unit])
        assert place == better + 1
