"""What changed between two revisions: field, old, new, compared as stored."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.receiving.diff import FieldChange, changes


def test_changes_in_form_order_with_blanks():
    old = {"a": "12", "b": '"93.7"', "c": "true", "gone": '"x"'}
    new = {"a": "12", "b": '"93.8"', "c": "false", "added": "5"}
    found = changes(old, new, order=["c", "b", "a"])
    assert found == [
        FieldChange("c", True, False),
        FieldChange("b", "93.7", "93.8"),  # decimals are text in data.json
        ("added", None, 5, "input"),
        ("gone", "x", None, "input"),
    ]
    assert all(isinstance(c, tuple) and len(c) == 4 for c in found)
    floats = changes({"x": "1.5"}, {"x": "2.25"})  # a bare JSON number would be exact too
    assert floats == [("x", Decimal("1.5"), Decimal("2.25"), "input")]


def test_no_change_is_empty():
    same = {"a": "1", "t": '"Khó khăn"'}
    assert changes(same, dict(same), kind="comment") == []
