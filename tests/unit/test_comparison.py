"""``core.comparison``: the one place that pairs a field with last period's value."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.core.comparison import (
    NONE,
    carried_values,
    compare,
    comparison_text,
    lineage,
    previous_field,
    year_on_year,
)
from desktop_app.core.forms import load_form_file
from tests.conftest import PROJECT

XA17 = load_form_file(PROJECT / "forms" / "cntt-xa-2017.yaml")
XA22 = load_form_file(PROJECT / "forms" / "cntt-xa-2022.yaml")
XA26 = load_form_file(PROJECT / "forms" / "cntt-xa-2026.yaml")


def test_a_renamed_field_is_found_under_its_old_id():
    assert previous_field(XA22, XA17, "ho_so_dvc_truc_tuyen").id == "ho_so_dvc_muc_3_4"
    assert previous_field(XA22, XA17, "cbcc_tong").id == "cbcc_tong"
    assert previous_field(XA22, XA17, "vb_di_dien_tu") is None
    carried = carried_values(XA22, XA17, {"ho_so_dvc_muc_3_4": 158, "cbcc_tong": None})
    assert carried == {"ho_so_dvc_truc_tuyen": 158}


def test_lineage_spans_every_version_both_ways():
    versions = [XA17, XA22, XA26]
    new, old = "ho_so_dvc_truc_tuyen", "ho_so_dvc_muc_3_4"
    assert lineage(versions, new) == (new, old)
    assert lineage(versions, old) == (old, new)


def test_the_change_and_its_words():
    ratio = XA22.fields["ty_le_ho_so_truc_tuyen_dvc"]
    c = compare(ratio, Decimal("30.4"), Decimal("30.1"))
    assert c.change == Decimal("0.3") and comparison_text(ratio, c) == "30,1 (+0,3)"
    count = XA22.fields["cbcc_tong"]
    assert comparison_text(count, compare(count, 1210, 1234)) == "1.234 (-24)"
    assert comparison_text(count, compare(count, 5, 5)) == "5 (0)"
    assert comparison_text(count, compare(count, 5, None)) == NONE
    yes = XA22.fields["co_mang_lan"]
    assert comparison_text(yes, compare(yes, True, False)) == "Không"
    assert comparison_text(yes, compare(yes, 15, 13)) == "13 (+2)"  # a consolidated count


def test_every_non_text_field_is_compared():
    rows = year_on_year(XA22, {"cbcc_tong": 23}, {"cbcc_tong": 22})
    assert rows["cbcc_tong"].change == 1
    assert set(rows) == {f.id for f in XA22.fields.values() if f.type != "text"}
