from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.expressions import Expression, ExpressionError

VALUES = {"a": 3, "b": 4, "zero": 0, "blank": None, "yes": True, "no": False, "c": "toan_trinh"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a / b * 100", Decimal(75)),
        ("a + b", 7),
        ("a - b", -1),
        ("a + blank", None),
        ("a / zero", None),
        ("blank / a", None),
        ("a <= b", True),
        ("a <= b <= 5", True),
        ("a <= b <= 2", False),
        ("blank <= a", None),
        ("blank <= a <= 2", False),  # 3 <= 2 decides
        ("blank <= a <= 5", None),
        ("b <= a <= blank", False),  # one decided False is enough
        ("no and blank", False),
        ("yes or blank", True),
        ("yes and blank", None),
        ("no or blank", None),
        ("not blank", None),
        ("not no", True),
        ("0.1 + 0.2", Decimal("0.3")),  # exact, not 0.30000000000000004
        ("ratio(a, b)", Decimal(75)),
        ("ratio(a, zero)", None),
        ("coalesce(blank, a)", 3),
        ("is_blank(blank)", True),
        ("has_value(blank)", False),
        ("count_true(yes, no, blank, yes)", 2),
        ("min(a, b)", 3),
        ("max(a, blank)", None),
        ("round(a / b * 100, 1)", Decimal("75.0")),
        ("round(2 / 3 * 100, 1)", Decimal("66.7")),
        ("abs(a - b)", 1),
        ("1 if c == 'toan_trinh' else 0", 1),
        ("a if blank else b", None),
        ("yes + yes", 2),
        ("-a", -3),
        ("-blank", None),
        ("unknown_field + 1", None),
    ],
)
def test_evaluates_with_blank_aware_semantics(source, expected):
    result = Expression(source).evaluate(VALUES)
    assert result == expected
    assert not isinstance(result, float)
    if isinstance(expected, bool) or expected is None:
        assert result is expected


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os')",
        "a.real",
        "a[0]",
        "a ** 2",
        "lambda: 1",
        "open('x')",
        "[1, 2]",
        "{'a': 1}",
        "a if",
        "round(a, ndigits=1)",
        "a := 1",
        "f'{a}'",
        "a << 2",
        "None",
        "",
    ],
)
def test_refuses_anything_outside_the_subset(source):
    with pytest.raises(ExpressionError) as info:
        Expression(source)
    assert info.value.code == "expression.invalid"
    assert info.value.message.vi and info.value.message.en


def test_names_are_the_fields_read_not_the_functions():
    assert Expression("round(ratio(a, b), 1) + coalesce(c, 0)").names == {"a", "b", "c"}


def test_type_mix_up_is_an_expression_error_not_a_crash():
    with pytest.raises(ExpressionError) as info:
        Expression("c + 1").evaluate(VALUES)
    assert info.value.code == "expression.eval"


numbers = st.one_of(
    st.none(),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.decimals(
        min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=3
    ),
)


@given(numbers, numbers)
def test_arithmetic_is_blank_in_blank_out_and_never_crashes(x, y):
    values = {"x": x, "y": y}
    for source in ("x + y", "x - y", "x * y", "x / y", "ratio(x, y)", "x <= y", "min(x, y)"):
        result = Expression(source).evaluate(values)
        if x is None or y is None:
            assert result is None
        assert not isinstance(result, float)
    if y == 0 and y is not None and x is not None:
        assert Expression("x / y").evaluate(values) is None


@given(numbers, numbers)
def test_comparison_is_three_valued(x, y):
    values = {"x": x, "y": y}
    le = Expression("x <= y").evaluate(values)
    gt = Expression("not (x <= y)").evaluate(values)
    if le is None:
        assert gt is None
    else:
        assert le is (not gt)
        assert le is (x <= y)


@given(st.sampled_from([True, False, None]), st.sampled_from([True, False, None]))
def test_kleene_logic(p, q):
    values = {"p": p, "q": q}
    conj = Expression("p and q").evaluate(values)
    disj = Expression("p or q").evaluate(values)
    if p is False or q is False:
        assert conj is False
    elif p is None or q is None:
        assert conj is None
    else:
        assert conj is True
    if p is True or q is True:
        assert disj is True
    elif p is None or q is None:
        assert disj is None
    else:
        assert disj is False


def test_ordered_names_follow_the_text():
    assert Expression("z <= a + coalesce(m, z)").ordered_names == ("z", "a", "m")
