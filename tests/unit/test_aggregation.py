from decimal import Decimal

from desktop_app.core.aggregation import aggregate


def test_sums_counts_and_ratio_of_sums(mini_form):
    children = {
        "02080": {
            "cbcc_tong": 20,
            "cbcc_co_may_tinh": 20,
            "co_cap_quang": True,
            "muc_do": "toan_trinh",
            "kinh_phi": Decimal("50.5"),
            "kho_khan": "Mất điện",
        },
        "02083": {
            "cbcc_tong": 5,
            "cbcc_co_may_tinh": 1,
            "co_cap_quang": False,
            "muc_do": "mot_phan",
            "kinh_phi": Decimal("10.25"),
        },
        "02086": {"cbcc_tong": 15, "cbcc_co_may_tinh": None, "co_cap_quang": True},
    }
    result = aggregate(mini_form, children)
    values = result.values
    assert values["cbcc_tong"] == 40
    assert values["cbcc_co_may_tinh"] == 21
    assert values["co_cap_quang"] == 2
    assert values["muc_do"] == 1
    assert values["kinh_phi"] == Decimal("60.75")
    assert values["kho_khan"] == [["02080", "Mất điện"]]
    # 21 / 40 = 52.5 %, not the mean of 100 %, 20 % (= 60 %)
    assert values["ty_le_may_tinh"] == Decimal("52.5")
    assert result.missing["cbcc_co_may_tinh"] == ["02086"]
    assert result.sources["cbcc_co_may_tinh"] == ["02080", "02083"]
    assert "02086" in result.missing["ty_le_may_tinh"]


def test_merged_units_consolidate_like_their_parts(mini_form):
    """Two communes merged in 2025: counts add up and the ratio is recomputed."""
    before = {
        "A": {"cbcc_tong": 10, "cbcc_co_may_tinh": 9},
        "B": {"cbcc_tong": 30, "cbcc_co_may_tinh": 15},
    }
    merged = {"AB": {"cbcc_tong": 40, "cbcc_co_may_tinh": 24}}
    assert (
        aggregate(mini_form, before).values["ty_le_may_tinh"]
        == aggregate(mini_form, merged).values["ty_le_may_tinh"]
        == Decimal("60.0")
    )


def test_no_children_gives_blanks(mini_form):
    result = aggregate(mini_form, {})
    assert result.values["cbcc_tong"] is None
    assert result.values["co_cap_quang"] == 0
    assert result.values["ty_le_may_tinh"] is None
