from decimal import Decimal

from desktop_app.core.validation import compute, progress, validate


def _codes(result):
    return sorted((p.code, p.rule_id or p.field_id, p.severity) for p in result.problems)


def test_blank_report_lists_required_fields_only(mini_form):
    result = validate(mini_form, {})
    assert _codes(result) == [
        ("required", "cbcc_co_may_tinh", "error"),
        ("required", "cbcc_tong", "error"),
        ("required", "co_cap_quang", "error"),
    ]
    assert result.computed["ty_le_may_tinh"] is None
    assert not result.ok


def test_computed_ratio_rounded_half_up(mini_form):
    assert compute(mini_form, {"cbcc_tong": 3, "cbcc_co_may_tinh": 2}) == {
        "ty_le_may_tinh": Decimal("66.7")
    }
    assert compute(mini_form, {"cbcc_tong": 8, "cbcc_co_may_tinh": 1}) == {
        "ty_le_may_tinh": Decimal("12.5")
    }
    assert compute(mini_form, {"cbcc_tong": 0, "cbcc_co_may_tinh": 0}) == {"ty_le_may_tinh": None}


def test_rule_error_and_warning_with_explanation(mini_form):
    inputs = {
        "cbcc_tong": 10,
        "cbcc_co_may_tinh": 12,
        "co_cap_quang": True,
        "kinh_phi": Decimal(50),
        "da_chi": Decimal("50.1"),
    }
    result = validate(mini_form, inputs)
    assert _codes(result) == [("rule", "r_chi", "warning"), ("rule", "r_may_tinh", "error")]
    error = result.errors[0]
    assert error.fields == ("cbcc_co_may_tinh", "cbcc_tong")  # in the order the check names them
    assert error.message.vi == "Số có máy tính vượt tổng số"
    assert result.for_field("cbcc_tong") == [error]
    assert result.unexplained_warnings[0].rule_id == "r_chi"
    explained = validate(mini_form, inputs, {"r_chi": "Chi từ nguồn xã hội hoá"})
    assert explained.warnings[0].explanation == "Chi từ nguồn xã hội hoá"
    assert explained.unexplained_warnings == []


def test_rule_with_a_blank_input_is_not_reported(mini_form):
    result = validate(mini_form, {"cbcc_tong": 10, "co_cap_quang": False})
    assert [p.field_id for p in result.problems] == ["cbcc_co_may_tinh"]


def test_bounds_are_errors(mini_form):
    result = validate(mini_form, {"cbcc_tong": 501, "cbcc_co_may_tinh": -1, "co_cap_quang": True})
    assert _codes(result) == [
        ("bound", "cbcc_co_may_tinh", "error"),
        ("bound", "cbcc_tong", "error"),
    ]
    assert "500" in result.errors[-1].message.vi or "500" in result.errors[0].message.vi


def test_unknown_and_computed_inputs_are_ignored(mini_form):
    result = validate(
        mini_form,
        {
            "nope": 1,
            "ty_le_may_tinh": Decimal(99),
            "cbcc_tong": 4,
            "cbcc_co_may_tinh": 2,
            "co_cap_quang": True,
        },
    )
    assert result.values["ty_le_may_tinh"] == Decimal("50.0")
    assert "nope" not in result.values
    assert result.ok


def test_progress_per_section(mini_form):
    result = validate(mini_form, {"cbcc_tong": 10, "cbcc_co_may_tinh": 12, "kinh_phi": Decimal(1)})
    rows = {row.section_id: row for row in progress(mini_form, result)}
    assert (rows["ha_tang"].filled, rows["ha_tang"].total) == (2, 4)
    assert rows["ha_tang"].errors == 2  # the rule and the missing fibre answer
    assert (rows["kinh_phi"].filled, rows["kinh_phi"].total) == (1, 5)
