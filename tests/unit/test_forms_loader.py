from pathlib import Path

import pytest

from desktop_app.core.forms import FormError, FormRegistry, parse_form
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini-2026.yaml").read_text(encoding="utf-8")


def _broken(old: str, new: str, count: int = 1) -> bytes:
    assert old in MINI, old
    return MINI.replace(old, new, count).encode("utf-8")


def _problems(data: bytes) -> list:
    with pytest.raises(FormError) as info:
        parse_form(data, "mini-2026.yaml")
    error = info.value
    assert error.code == "form.invalid"
    assert "mini-2026.yaml:" in error.message.vi and "mini-2026.yaml:" in error.message.en
    return error.problems


def _line_of(text: str) -> int:
    return MINI[: MINI.index(text)].count("\n") + 1


def test_the_fixture_loads(mini_form):
    assert mini_form.id == "mini"
    assert mini_form.compute_order == ("ty_le_may_tinh",)
    assert mini_form.renamed == {"so_cb_co_may_tinh": "cbcc_co_may_tinh"}
    assert mini_form.fields["muc_do"].choice_label("mot_phan").vi == "Một phần"
    assert len(mini_form.sha256) == 64


def test_schema_error_names_line_and_field():
    [problem] = _problems(_broken("type: date", "type: datum"))
    assert problem.where == "field ngay_ke_hoach"
    assert problem.line == _line_of("type: date")
    assert "datum" in problem.message


def test_unknown_key_is_refused_with_its_line():
    [problem] = _problems(_broken("        copy_forward: true", "        copy_foward: true"))
    assert problem.line == _line_of("id: cbcc_tong")
    assert "copy_foward" in problem.message


def test_yaml_syntax_error_has_a_line():
    [problem] = _problems(_broken('version: "2026.1"', 'version: "2026.1'))
    assert problem.line >= 2
    assert problem.message.startswith("YAML")


def test_duplicate_yaml_key_is_refused():
    [problem] = _problems(
        _broken("        min: 0\n        max: 500", "        min: 0\n        min: 1")
    )
    assert "duplicate key 'min'" in problem.message


def test_unknown_field_in_rule_and_compute():
    problems = _problems(
        _broken('check: "cbcc_co_may_tinh <= cbcc_tong"', 'check: "cbcc_co_may_tinh <= cbcc_tongg"')
    )
    assert problems[0].where == "rule r_may_tinh"
    assert "cbcc_tongg" in problems[0].message
    assert problems[0].line == _line_of("id: r_may_tinh")


def test_unsafe_expression_is_refused_at_load():
    [problem] = _problems(
        _broken('compute: "cbcc_co_may_tinh / cbcc_tong * 100"', 'compute: "__import__(1)"')
    )
    assert problem.where == "field ty_le_may_tinh"
    assert problem.line == _line_of('compute: "cbcc_co_may_tinh')


def test_type_mix_up_found_by_dry_run():
    [problem] = _problems(_broken('check: "da_chi <= kinh_phi"', 'check: "muc_do <= kinh_phi"'))
    assert problem.where == "rule r_chi"


def test_mean_of_percentages_is_refused():
    [problem] = _problems(_broken("aggregate: recompute", "aggregate: max"))
    assert "recompute" in problem.message


def test_missing_aggregation_rule_is_refused():
    [problem] = _problems(_broken("        aggregate: list\n", "\n"))
    assert problem.where == "field kho_khan"


def test_scoring_must_total_100():
    problems = _problems(_broken("points: 40", "points: 45"))
    assert any("not 100" in p.message for p in problems)


def test_cycle_in_computed_fields():
    data = _broken('compute: "cbcc_co_may_tinh / cbcc_tong * 100"', 'compute: "ty_le_may_tinh + 1"')
    problems = _problems(data)
    assert any("cycle" in p.message for p in problems)


def test_several_problems_reported_together():
    data = _broken("type: date", "type: datum")
    data = data.decode().replace("severity: warning", "severity: maybe").encode()
    assert len(_problems(data)) == 2


def test_registry_picks_the_version_for_the_year(tmp_path: Path):
    (tmp_path / "mini-2026.yaml").write_text(MINI, encoding="utf-8")
    later = MINI.replace('version: "2026.1"', 'version: "2027.1"').replace(
        "year: 2026", "year: 2027"
    )
    (tmp_path / "mini-2027.yaml").write_text(later, encoding="utf-8")
    registry = FormRegistry.load(tmp_path)
    assert registry.get("mini", 2026).version == "2026.1"
    assert registry.get("mini", 2030).version == "2027.1"
    assert registry.get("mini").version == "2027.1"
    with pytest.raises(Exception) as info:
        registry.get("mini", 2020)
    assert info.value.code == "form.no_version"
    with pytest.raises(Exception) as info:
        registry.get("nope")
    assert info.value.code == "form.unknown"


def test_registry_cache_gives_the_same_form_and_survives_damage(tmp_path: Path):
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "mini-2026.yaml").write_text(MINI, encoding="utf-8")
    cache = tmp_path / "cache"
    first = FormRegistry.load(forms, cache).get("mini")
    [entry] = cache.glob("*.pickle")
    again = FormRegistry.load(forms, cache).get("mini")
    assert again == first and again.fields.keys() == first.fields.keys()
    entry.write_bytes(b"not a pickle")
    assert FormRegistry.load(forms, cache).get("mini").sha256 == first.sha256
    # an edited definition is a new key: it is checked again, never served stale
    (forms / "mini-2026.yaml").write_text(
        MINI.replace("points: 40", "points: 45"), encoding="utf-8"
    )
    with pytest.raises(FormError):
        FormRegistry.load(forms, cache)
