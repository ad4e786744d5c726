"""Fuzzing the form-definition reader: the shipped forms and the test form, mutated as
text (lines dropped, doubled, swapped, re-indented, YAML syntax and odd scalars inserted,
bytes flipped, cut short) and as structure (keys dropped, values replaced by other YAML
values, expressions garbled). ``parse_form`` either builds a Form or refuses with
``FormError``, in bounded time; a form it builds then validates blank and sample reports
with only the application's own errors."""

from __future__ import annotations

import copy
import datetime
import json
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core.forms.loader import FormError, parse_form
from desktop_app.core.forms.yaml_source import MAX_DEPTH
from desktop_app.core.messages import AppError
from desktop_app.core.validation import validate
from desktop_app.core.values import from_json
from tests.conftest import FIXTURES, PROJECT
from tests.fuzz.limits import DEADLINE, answer, long_examples

DEFAULT = settings(
    max_examples=150,
    deadline=DEADLINE,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(
    max_examples=long_examples(5_000),
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SOURCES = {
    "mini": (FIXTURES / "mini-2026.yaml").read_bytes(),
    "xa": (PROJECT / "forms" / "cntt-xa-2026.yaml").read_bytes(),
}
SAMPLE_VALUES = json.loads(
    (PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json").read_text(encoding="utf-8"),
    parse_float=Decimal,
)["values"]

YAML_TOKENS = [
    ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a", "? ", "|", ">", "#",
    "'", '"', "\t", "\n", "  ", "---\n", "...\n", "%YAML 1.1\n", "!!binary ", "!!set ",
    "!!python/object:os.system ", "!!str ", "!!int ", "!!float ", "null", "~", "yes", "no",
    "1e999", ".nan", ".inf", "-.inf", "0x1F", "0o17", "2026-01-01", "12:30", "9" * 400,
    "\u00a0", "\ufeff", "\x00", "\x85", "\u2028", "Đ", "𝟙", "[" * 80, "{a: " * 80,
]  # fmt: skip
# Garbled expressions: operators, names of fields of both forms, functions, odd literals.
EXPRESSION_TOKENS = [
    " + ", " - ", " * ", " / ", " // ", " % ", " ** ", "(", ")", " and ", " or ", "not ",
    " if ", " else ", " < ", " <= ", " == ", " != ", ",", "min(", "max(", "round(", "abs(",
    "ratio(", "coalesce(", "count_true(", "is_blank(", "__import__(", "lambda x: ", "[1]",
    "x.y", "'text'", '"t"', "1e999", "1e-999", "0.1", "10000000000", "9" * 5000, "True",
    "None", "cbcc_tong", "kho_khan", "kho_khan_vuong_mac", "ty_le_may_tinh", "co_cap_quang",
    "ngay_ke_hoach", "muc_do", "(" * 120, "-" * 3000, "1+" * 2000,
]  # fmt: skip


def _mutate_text(raw: bytes, ops: list[tuple[int, int, int, str]]) -> bytes:
    lines = raw.split(b"\n")
    for op, a, b, token in ops:
        i, j = a % len(lines), b % len(lines)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines[i] = b"  " + lines[i]
        elif op == 4:
            lines[i] = lines[i][2:] if lines[i].startswith(b"  ") else lines[i]
        elif op == 5:
            at = b % (len(lines[i]) + 1)
            lines[i] = lines[i][:at] + token.encode("utf-8") + lines[i][at:]
        elif op == 6:  # the value after "key:" replaced
            key, sep, _ = lines[i].partition(b": ")
            if sep:
                lines[i] = key + sep + token.encode("utf-8")
        elif op == 7:
            whole = b"\n".join(lines)
            at = b % (len(whole) + 1)
            lines = (whole[:at] + bytes([a % 256]) + whole[at + 1 :]).split(b"\n")
        elif op == 8:
            whole = b"\n".join(lines)
            lines = whole[: b % (len(whole) + 1)].split(b"\n")
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


text_ops = st.lists(
    st.tuples(
        st.integers(0, 8),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=6)),
    ),
    min_size=1,
    max_size=4,
)

# Words a form uses, so a replaced value is often one the schema accepts.
FORM_WORDS = [
    "integer", "decimal", "percent", "choice", "text", "date", "money", "boolean", "sum",
    "ratio(a, b)", "count_choice(x)", "linear", "thresholds", "relative", "error", "warning",
    "year", "quarter", "01-15", "2026.1", "cbcc_tong", "x",
]  # fmt: skip

yaml_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(),
        st.text(max_size=12),
        st.dates(),
        st.sampled_from(FORM_WORDS),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _nodes(doc: object, path: tuple = ()) -> list[tuple]:
    """Every path into the document (dict keys and list indexes)."""
    found = [path]
    if isinstance(doc, dict):
        for k, v in doc.items():
            found += _nodes(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            found += _nodes(v, (*path, i))
    return found


def _garble(source: str, ops: list[tuple[int, str]]) -> str:
    for at, token in ops:
        at %= len(source) + 1
        source = source[:at] + token + source[at:]
    return source


def _mutate_structure(name: str, picks: list[tuple[int, int, object, list]]) -> bytes:
    doc = copy.deepcopy(_PARSED[name])
    for which, op, value, garble in picks:
        paths = _nodes(doc)
        path = paths[which % len(paths)]
        if not path:
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        current = parent[last]
        if op == 0:
            del parent[last]
        elif op == 1:
            parent[last] = value
        elif op == 2 and isinstance(current, str):
            parent[last] = _garble(current, garble)
        elif op == 3 and isinstance(parent, list):
            parent.append(copy.deepcopy(current))  # a duplicate id, a repeated item
        elif op == 4 and isinstance(parent, dict):
            parent[f"{last}_extra"] = value
        else:
            parent[last] = value
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


_PARSED = {name: yaml.safe_load(raw) for name, raw in SOURCES.items()}

structure_ops = st.lists(
    st.tuples(
        st.integers(0, 10**6),
        st.integers(0, 4),
        yaml_values,
        st.lists(
            st.tuples(st.integers(0, 400), st.sampled_from(EXPRESSION_TOKENS)),
            min_size=1,
            max_size=3,
        ),
    ),
    min_size=1,
    max_size=3,
)


def _form_case(raw: bytes) -> None:
    got = answer("forms.parse", lambda: parse_form(raw, "fuzzed.yaml"))
    if isinstance(got, AppError):
        assert isinstance(got, FormError), got.code
        assert all(p.line >= 1 for p in got.problems)
        return
    form = got
    # A form that loads must then judge reports without surprises.
    answer("forms.validate_blank", lambda: validate(form, {}, {}))
    typed = {}
    for fid, value in SAMPLE_VALUES.items():
        field = form.fields.get(fid)
        if field is not None and not field.is_computed:
            parsed = answer("forms.sample_value", lambda f=field, v=value: from_json(f, v))
            if not isinstance(parsed, AppError):
                typed[fid] = parsed.value
    answer("forms.validate_sample", lambda: validate(form, typed, {}))


@given(name=st.sampled_from(sorted(SOURCES)), ops=text_ops)
@example(name="mini", ops=[(5, 0, 0, "[" * 80)])
@example(name="mini", ops=[(6, 3, 0, "{[a]: 1}")])
@example(name="mini", ops=[(7, 40, 2000, "")])
@example(name="mini", ops=[(0, 0, 0, ":"), (5, 1, 0, "!!int ")])  # found: ValueError
@example(name="mini", ops=[(0, 0, 0, ":"), (6, 1, 0, "!!float ")])  # found: IndexError
@DEFAULT
def test_text_mutations(name, ops):
    _form_case(_mutate_text(SOURCES[name], ops))


@given(name=st.sampled_from(["mini", "mini", "mini", "xa"]), ops=structure_ops)
@DEFAULT
def test_structure_mutations(name, ops):
    _form_case(_mutate_structure(name, ops))


def test_deep_nesting_is_refused_not_a_crash():
    """Found by fuzzing: libyaml's composer recursed until the process crashed. Whether
    our depth check or (since PyYAML 6.0.4) libyaml's own limit sees it first, the answer
    is the application's: an invalid form, at line 1, as a YAML problem."""
    for raw in (b"[" * 100_000 + b"]" * 100_000, b"{a: " * 50_000 + b"1" + b"}" * 50_000):
        got = answer("forms.parse", lambda r=raw: parse_form(r, "deep.yaml"))
        assert isinstance(got, FormError) and got.code == "form.invalid"
        [problem] = got.problems
        assert problem.line == 1 and problem.message.startswith("YAML")


def test_nesting_past_our_limit_is_refused_by_our_own_check():
    """65 levels: within libyaml's limit, beyond MAX_DEPTH."""
    raw = b"a: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)
    got = answer("forms.parse", lambda: parse_form(raw, "deep.yaml"))
    assert isinstance(got, FormError) and got.code == "form.invalid"
    assert str(MAX_DEPTH) in got.problems[0].message


@pytest.mark.fuzz_long
@given(name=st.sampled_from(sorted(SOURCES)), ops=text_ops)
@LONG
def test_text_mutations_long(name, ops):
    _form_case(_mutate_text(SOURCES[name], ops))


@pytest.mark.fuzz_long
@given(name=st.sampled_from(["mini", "mini", "mini", "xa"]), ops=structure_ops)
@LONG
def test_structure_mutations_long(name, ops):
    _form_case(_mutate_structure(name, ops))


# -- the expressions of computed fields, rules and targets ----------------------------------

NAMES = ["a", "b", "c", "t", "d"]
ATOMS = [*NAMES, "0", "1", "3", "2.5", "0.1", "100", "100000000", "1e999", "-1e999", "1e-999",
         "'x'", "'Có'", "True", "False", "None"]  # fmt: skip
BINARY = [" + ", " - ", " * ", " / ", " < ", " <= ", " == ", " != ", " > ", " and ", " or "]
FUNCTIONS = ["min", "max", "abs", "round", "coalesce", "is_blank", "has_value", "ratio",
             "count_true", "len", "int"]  # fmt: skip

expressions = st.recursive(
    st.one_of(st.sampled_from(ATOMS), st.integers(-(10**6), 10**6).map(str)),
    lambda inner: st.one_of(
        st.builds(lambda x, op, y: f"{x}{op}{y}", inner, st.sampled_from(BINARY), inner),
        st.builds(lambda op, x: f"{op}{x}", st.sampled_from(["-", "+", "not "]), inner),
        inner.map(lambda x: f"({x})"),
        st.builds(
            lambda f, args: f"{f}({', '.join(args)})",
            st.sampled_from(FUNCTIONS),
            st.lists(inner, max_size=3),
        ),
        st.builds(lambda x, c, y: f"{x} if {c} else {y}", inner, inner, inner),
    ),
    max_leaves=10,
)
deep_expressions = st.builds(
    lambda op, n: op * n + "1" + (")" * n if op == "(" else ""),
    st.sampled_from(["-", "not ", "(", "1 + ", "+"]),
    st.integers(1, 4000),
)
expression_values = st.fixed_dictionaries(
    {
        name: st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-(10**12), 10**12),
            st.decimals(allow_nan=False, allow_infinity=False, places=4),
            st.sampled_from(["x", "Có", ""]),
            st.dates(),
        )
        for name in NAMES
    }
)


def _expression_case(source: str, values: dict) -> None:
    from desktop_app.core.expressions import Expression, ExpressionError

    parsed = answer("expressions.parse", lambda: Expression(source))
    if isinstance(parsed, AppError):
        assert isinstance(parsed, ExpressionError), parsed.code
        return
    result = answer("expressions.evaluate", lambda: parsed.evaluate(values))
    if isinstance(result, AppError):
        assert isinstance(result, ExpressionError), result.code
        return
    # What a computed field can hold and the rest of the application can show and store.
    assert result is None or isinstance(result, (bool, int, Decimal, str, datetime.date))
    if isinstance(result, Decimal):
        assert result.is_finite(), (source, result)
    if isinstance(result, str):
        assert len(result) <= 1_000, (source, len(result))


_BLANKS = dict.fromkeys(NAMES)


@given(source=st.one_of(expressions, deep_expressions), values=expression_values)
@example(source="1e999", values=_BLANKS)  # found: an infinite Decimal
@example(source="b - b", values={**_BLANKS, "b": datetime.date(2000, 1, 1)})  # a timedelta
@example(source="-" * 3000 + "1", values=_BLANKS)  # RecursionError from ast.parse
@example(source="not " * 3000 + "1", values=_BLANKS)
@example(source="t * 100000000", values={**_BLANKS, "t": "x"})  # a 100 MB text
@DEFAULT
def test_expressions(source, values):
    _expression_case(source, values)


@pytest.mark.fuzz_long
@given(source=st.one_of(expressions, deep_expressions), values=expression_values)
@LONG
def test_expressions_long(source, values):
    _expression_case(source, values)
