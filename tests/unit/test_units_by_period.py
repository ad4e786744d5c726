"""Which structure a period belongs to, and a unit as it stood in a period."""

from __future__ import annotations

import pytest

from desktop_app.core.periods import Period
from desktop_app.core.units import catalogue_for_period, unit_for_period


@pytest.mark.parametrize(
    ("period", "catalogue"),
    [
        ("2018", "legacy"),
        ("2024", "legacy"),
        ("2025-H1", "legacy"),
        ("2025-06", "legacy"),
        ("2025-Q2", "legacy"),
        ("2025", "current"),  # straddles 1 July 2025: filed in 2026 by the current units
        ("2025-Q3", "current"),
        ("2025-07", "current"),
        ("2026", "current"),
    ],
)
def test_the_period_chooses_the_structure(period, catalogue):
    assert catalogue_for_period(Period.parse(period)) == catalogue


def test_a_current_commune_reports_its_old_years_as_the_unit_of_its_code():
    then = unit_for_period("current", "02020", Period.parse("2018"))
    assert (then.name, then.parent_code, then.catalogue) == ("Thị trấn Bằng Lũng", "064", "legacy")
    now = unit_for_period("current", "02020", Period.parse("2025"))
    assert (now.name, now.parent_code, now.catalogue) == ("Xã Chợ Đồn", "19", "current")
    province = unit_for_period("current", "19", Period.parse("2024"))
    assert (province.level, province.catalogue) == ("province", "legacy")


def test_a_legacy_unit_stays_what_it_was_set_up_as():
    # the district no longer exists, and still holds and sends its reports
    assert unit_for_period("legacy", "064", Period.parse("2026")).name == "Huyện Chợ Đồn"
    # 02020 names another unit since 2025: the legacy office's commune is not rearranged
    kept = unit_for_period("legacy", "02020", Period.parse("2026"))
    assert (kept.name, kept.parent_code) == ("Thị trấn Bằng Lũng", "064")
