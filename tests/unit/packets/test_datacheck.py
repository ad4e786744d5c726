"""Receiving check 6 on data.json itself (issue 14 §5, §6, §8): every field is checked for
its type before anything uses it, nesting is bounded, texts carry no control character
and keep to their limits, comments are text on the form's fields; each defect has its
own reason code, and nothing but an AppError ever comes out."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from desktop_app.core.messages import AppError
from desktop_app.packets.data import canonical_json
from desktop_app.packets.datacheck import check_data
from desktop_app.workspace.workspace import shipped_forms


def _manifest(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "unit": {k: data["unit"][k] for k in ("code", "name", "parent_code")},
        "form": dict(data["form"]),
        **{k: data[k] for k in ("period", "revision", "prepared_by", "approved_by")},
    }


def _check(data: Any, raw: bytes | None = None, manifest: dict | None = None):
    """check_data on ``data`` made canonical (as a sender's application would)."""
    return check_data(shipped_forms(), manifest or _manifest(sample), raw or canonical_json(data))


sample: dict[str, Any] = {}
WARNING = {
    "rule": "r_bai_viet",
    "fields": ["so_bai_dang"],
    "message": {"vi": "Ít bài viết", "en": "Few articles"},
    "explanation": "Trang nâng cấp từ tháng 10.",
}


@pytest.fixture(autouse=True)
def _sample(sample_data):
    sample.clear()
    sample.update(json.loads(json.dumps(sample_data, default=str)))


def _code(change) -> str:
    data = copy.deepcopy(sample)
    change(data)
    with pytest.raises(AppError) as info:
        _check(data)
    error = info.value
    assert error.message.vi.startswith("data.json") or error.code == "packet.data_invalid"
    assert error.message.vi != error.message.en
    return error.code


def test_the_genuine_data_passes():
    data, form, result = _check(sample)
    assert data == json.loads(canonical_json(sample)) and form.id == "cntt-xa"
    assert not result.errors


def _set(path: str, value: Any):
    def change(data):
        *parents, last = path.split(".")
        for part in parents:
            data = data[part]
        data[last] = value

    return change


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("warnings", True),  # the long fuzzer's find: TypeError in recheck
        ("warnings", {"rule": "x"}),
        ("warnings", [True]),
        ("warnings", [{**WARNING, "fields": "so_bai_dang"}]),
        ("comments", ["cbcc_tong", "x"]),
        ("comments", "Gồm 2 người"),
        ("comments.cbcc_tong", 12),  # a comment that is not text
        ("comments.cbcc_tong", {"vi": "x"}),
        ("values", []),
        ("values.cbcc_tong", [23]),
        ("computed", None),
        ("score", []),
        ("score.items", 5),
        ("unit", "02080"),
        ("unit.name", 2080),
        ("form", ["cntt-xa"]),
        ("revision", "1"),
        ("revision", True),
        ("prepared_by", None),
        ("approved_by", ["Hoàng Văn Nam"]),
        ("place", 0),
        ("date", 20261215),
        ("date", "15/12/2026"),
        ("number", None),
        ("period", 2026),
    ],
)
def test_a_field_of_the_wrong_type_is_refused(path, value):
    assert _code(_set(path, value)) == "packet.data_wrong_type"


@pytest.mark.parametrize("key", ["warnings", "score", "comments", "computed", "date", "place"])
def test_a_missing_field_is_refused(key):
    assert _code(lambda d: d.pop(key)) == "packet.data_wrong_type"


@pytest.mark.parametrize("path", ["ghi_chu_them", "unit.email", "score.extra", "form.url"])
def test_a_field_the_format_does_not_have_is_refused(path):
    assert _code(_set(path, "x")) == "packet.data_unknown_key"


@pytest.mark.parametrize("depth", [10, 300])
def test_deep_nesting_is_refused_with_its_own_reason(depth):
    """Issue 14 §6: nested a few hundred deep, data.json crashed ``receive`` with a
    RecursionError (canonical_json walks it recursively)."""
    assert _code(_set("values.cbcc_tong", json.loads("[" * depth + "]" * depth))) == (
        "packet.data_too_deep"
    )


@pytest.mark.parametrize("depth", [600, 5000, 200_000])
def test_nesting_deeper_than_python_reads_is_refused_too(depth):
    """Written as bytes (canonical JSON, which no recursive writer could make)."""
    data = copy.deepcopy(sample)
    data["values"]["cbcc_tong"] = "NESTED"
    raw = canonical_json(data).replace(b'"NESTED"', b"[" * depth + b"]" * depth)
    with pytest.raises(AppError) as info:
        _check(None, raw)
    assert info.value.code == "packet.data_too_deep"
    with pytest.raises(AppError) as info:
        _check(None, b'{"a":' * depth + b"1" + b"}" * depth)
    assert info.value.code == "packet.data_too_deep"


@pytest.mark.parametrize(
    "path",
    [
        "values.kho_khan_vuong_mac",
        "comments.cbcc_tong",
        "approved_by",
        "place",
        "unit.parent_name",
        "warnings.0.explanation",
        "warnings.0.message.vi",
    ],
)
@pytest.mark.parametrize("char", ["\v", "\x07", "\r", "\t", "\u202e", "\u200b", "\u2028"])
def test_a_control_character_in_any_text_is_refused(path, char):
    def change(data):
        data["warnings"].append(copy.deepcopy(WARNING))
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[last] = f"Dòng một{char}Dòng hai"

    assert _code(change) == "packet.data_control_character"


def test_a_text_over_its_limit_is_refused():
    assert _code(_set("values.kho_khan_vuong_mac", "x" * 4001)) == "packet.data_text_too_long"
    assert _code(_set("comments.cbcc_tong", "x" * 1001)) == "packet.data_text_too_long"
    assert _code(_set("place", "x" * 201)) == "packet.data_text_too_long"

    def explained(data):
        data["warnings"].append({**WARNING, "explanation": "x" * 1001})

    assert _code(explained) == "packet.data_text_too_long"


def test_a_comment_on_a_field_the_form_does_not_have_is_refused():
    assert _code(_set("comments.ghi_chu_la", "Gồm 2 người")) == (
        "packet.data_comment_unknown_field"
    )


def test_a_long_text_within_its_limit_and_a_long_comment_pass():
    data = copy.deepcopy(sample)
    data["values"]["kho_khan_vuong_mac"] = "Khó khăn " * 444  # 3,996 characters
    data["comments"]["cbcc_tong"] = ("Ghi chú dài " * 80)[:900].strip()
    _check(data)


def test_a_huge_exponent_is_refused_at_once():
    """A number written to take minutes to turn into an int (``1e9999999``)."""
    raw = canonical_json(sample).replace(b'"cbcc_tong":23', b'"cbcc_tong":1e9999999')
    assert raw != canonical_json(sample)
    with pytest.raises(AppError) as info:
        _check(None, raw)
    assert info.value.code == "packet.data_invalid"  # not canonical JSON: Decimal text


@pytest.mark.parametrize("value", [10**39, 10**25, -(10**39)])
def test_a_value_out_of_bounds_is_refused_before_anything_computes_with_it(value):
    """Found while checking that nothing but an AppError comes out: a JSON integer past
    the field's maximum reached the ratios, and quantizing 10^41 % raised
    decimal.InvalidOperation (a crash of ``receive``, not a refusal)."""

    def change(data):
        data["values"].update(cbcc_co_may_tinh=value, cbcc_tong=1)

    assert _code(change) == "packet.data_invalid"


def test_last_periods_values_are_optional_and_checked_like_this_periods():
    """``previous`` (the year-on-year column) may be absent (packets made before it), and
    when present holds values of this form's fields that the form can hold."""
    with_previous = {**copy.deepcopy(sample), "previous": {"period": "2025", "values": {}}}
    with_previous["previous"]["values"] = {"cbcc_tong": 22, "ty_le_cbcc_co_may_tinh": "95.5"}
    data, _, _ = _check(with_previous)
    assert data["previous"]["values"]["cbcc_tong"] == 22

    def unknown(d):
        d["previous"] = {"period": "2025", "values": {"khong_co": 1}}

    def bad_number(d):
        d["previous"] = {"period": "2025", "values": {"cbcc_tong": "mười"}}

    def extra_key(d):
        d["previous"] = {"period": "2025", "values": {}, "ghi_chu": "x"}

    def wrong_type(d):
        d["previous"] = {"period": 2025, "values": {}}

    assert _code(unknown) == "packet.data_invalid"
    assert _code(bad_number) == "packet.data_invalid"
    assert _code(extra_key) == "packet.data_unknown_key"
    assert _code(wrong_type) == "packet.data_wrong_type"
