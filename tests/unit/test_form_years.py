"""Form versions across reporting years: ``until``, the registry's choice of version, the
statements of yes/no fields and the short titles of sections, and the shipped forms of
every year since 2017 (their sums, their samples, their pre-fill from the children)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.consolidation import (
    ExpectedUnit,
    UnitReport,
    consolidate,
    prefill_parent_form,
    typed_inputs,
)
from desktop_app.core.forms import FormError, FormRegistry, parse_form
from desktop_app.core.messages import AppError
from desktop_app.core.units import Catalogue
from desktop_app.core.validation import validate
from desktop_app.workspace.entry import read_values_file
from tests.conftest import FIXTURES, PROJECT

MINI = (FIXTURES / "mini-2026.yaml").read_text(encoding="utf-8")
SAMPLES = PROJECT / "resources" / "samples"


def _version(year: int, until: int | None = None, version: str | None = None) -> str:
    text = MINI.replace('version: "2026.1"', f'version: "{version or f"{year}.1"}"')
    text = text.replace("year: 2026", f"year: {year}" + (f"\nuntil: {until}" if until else ""))
    return text


def _registry(tmp_path: Path, *texts: str) -> FormRegistry:
    for i, text in enumerate(texts):
        (tmp_path / f"mini-{i}.yaml").write_text(text, encoding="utf-8")
    return FormRegistry.load(tmp_path)


def _problems(text: str) -> list:
    with pytest.raises(FormError) as info:
        parse_form(text.encode("utf-8"), "mini-2026.yaml")
    return info.value.problems


@pytest.fixture(scope="module")
def shipped() -> FormRegistry:
    return FormRegistry.load(PROJECT / "forms")


# -- until and the registry ----------------------------------------------------------------


def test_until_ends_a_version_and_leaves_a_gap(tmp_path):
    registry = _registry(tmp_path, _version(2017, until=2021), _version(2022, until=2024), MINI)
    assert [registry.get("mini", y).version for y in (2017, 2021, 2022, 2024, 2026, 2031)] == [
        "2017.1",
        "2017.1",
        "2022.1",
        "2022.1",
        "2026.1",
        "2026.1",
    ]
    assert [registry.years_text(f) for f in registry.versions("mini")] == [
        "2017–2021",
        "2022–2024",
        "2026–",
    ]
    assert not registry.covers("mini", 2025) and not registry.covers("mini", 2016)
    with pytest.raises(AppError) as info:
        registry.get("mini", 2025)
    assert info.value.code == "form.no_version"
    assert "2017–2021, 2022–2024, 2026–" in info.value.message.vi
    assert "2017–2021, 2022–2024, 2026–" in info.value.message.en


def test_without_until_a_version_runs_to_the_next(tmp_path):
    registry = _registry(tmp_path, _version(2017), MINI)
    assert registry.get("mini", 2025).version == "2017.1"
    assert registry.span(registry.get("mini", 2020)) == (2017, 2025)
    assert registry.span(registry.get("mini")) == (2026, None)


def test_an_until_past_the_next_version_is_refused(tmp_path):
    with pytest.raises(AppError) as info:
        _registry(tmp_path, _version(2017, until=2026), MINI)
    assert info.value.code == "form.overlap"
    assert "2017.1" in info.value.message.vi and "2026.1" in info.value.message.en


def test_a_later_version_of_the_same_year_supersedes_and_the_earlier_stays_known(tmp_path):
    registry = _registry(tmp_path, MINI, _version(2026, version="2026.2"))
    assert registry.get("mini", 2026).version == "2026.2"
    assert registry.by_version("mini", "2026.1") is not None  # packets made with it still check


def test_until_before_the_year_is_a_form_problem():
    [problem] = _problems(_version(2022, until=2020))
    assert "until 2020 is before the first year 2022" in problem.message
    assert problem.line == _version(2022, until=2020).splitlines().index("until: 2020") + 1


# -- statements and short titles -----------------------------------------------------------


def test_a_commune_yes_no_field_without_a_statement_is_refused_with_its_line():
    text = MINI.replace(
        '        statement: {vi: "xã có cáp quang", en: "communes have fibre broadband"}\n', ""
    )
    [problem] = _problems(text)
    assert problem.where == "field co_cap_quang"
    assert problem.line == text.splitlines().index("      - id: co_cap_quang") + 1
    assert "statement" in problem.message


def test_a_province_form_may_leave_statements_out():
    text = MINI.replace(
        '        statement: {vi: "xã có cáp quang", en: "communes have fibre broadband"}\n', ""
    ).replace("level: commune", "level: province")
    assert (
        parse_form(text.encode("utf-8"), "mini-2026.yaml").fields["co_cap_quang"].statement is None
    )


def test_a_statement_on_a_number_is_refused():
    text = MINI.replace(
        "      - id: cbcc_tong\n",
        '      - id: cbcc_tong\n        statement: {vi: "xã có cán bộ", en: "communes have officials"}\n',
    )
    [problem] = _problems(text)
    assert problem.where == "field cbcc_tong" and "boolean" in problem.message


def test_a_short_title_longer_than_a_sheet_name_allows_is_refused():
    first_title = next(line for line in MINI.splitlines() if line.startswith("    title: "))
    text = MINI.replace(
        first_title,
        first_title + '\n    short_title: {vi: "Hạ tầng kỹ thuật và mạng nội bộ", en: "Infra"}',
        1,
    )
    [problem] = _problems(text)
    assert problem.where.startswith("section ")
    assert "short_title.vi has 31 characters; at most 24" in problem.message


def test_every_yes_no_field_of_the_shipped_forms_has_its_statement(shipped):
    words = {"commune": ("xã ", "communes "), "district": ("huyện ", "districts ")}
    for form_id in shipped.ids():
        for form in shipped.versions(form_id):
            for f in form.fields.values():
                if f.type == "boolean" and form.level in words:
                    vi, en = words[form.level]
                    assert f.statement is not None, (form.source_path, f.id)
                    assert f.statement.vi.startswith(vi) and f.statement.en.startswith(en)
                    # its own words, not the label with a prefix glued on
                    assert f.statement.vi != vi + f.label.vi
            for section in form.sections:
                assert section.short_title is not None, (form.source_path, section.id)
                number = section.title.vi.split(" ", 1)[0]
                assert len(f"{number} {section.short_title.vi}") <= 31


# -- the shipped versions ------------------------------------------------------------------


def test_the_shipped_forms_cover_every_year_since_2017(shipped):
    picks = {y: shipped.get("cntt-xa", y).version for y in range(2017, 2028)}
    assert picks == {
        **dict.fromkeys(range(2017, 2022), "2017.1"),
        **dict.fromkeys(range(2022, 2026), "2022.1"),
        **dict.fromkeys(range(2026, 2028), "2026.1"),
    }
    district = {
        y: shipped.get("cntt-huyen", y).version for y in (2017, 2018, 2020, 2021, 2022, 2024, 2026)
    }
    assert district == {
        2017: "2017.1",
        2018: "2017.1",
        2020: "2017.1",
        2021: "2017.1",
        2022: "2022.1",
        2024: "2022.1",
        2026: "2026.1",
    }
    # no district existed when an annual 2025 report fell due (early 2026)
    assert not shipped.covers("cntt-huyen", 2025)
    assert [shipped.get("cntt-tinh", y).version for y in (2018, 2020, 2022, 2024)] == [
        "2017.1",
        "2017.1",
        "2022.1",
        "2022.1",
    ]
    assert not shipped.covers("cntt-xa", 2016)


def test_same_indicator_same_id_and_renamed_ones_say_so(shipped):
    old, new, now = (shipped.get("cntt-xa", y) for y in (2018, 2023, 2026))
    shared = {"cbcc_tong", "cbcc_co_may_tinh", "co_qlvb_dh", "vb_di_ky_so", "tthc_tong"}
    assert shared <= old.fields.keys() & new.fields.keys() & now.fields.keys()
    for fid in shared:
        assert old.fields[fid].type == new.fields[fid].type == now.fields[fid].type
    # level 1–4 counts exist only before 2022; full-process/partial only from 2022
    assert {"tthc_muc_1_2", "tthc_muc_3", "tthc_muc_4", "tthc_muc_3_4"} <= old.fields.keys()
    assert not {"tthc_toan_trinh", "tthc_mot_phan"} & old.fields.keys()
    assert new.renamed["ho_so_dvc_muc_3_4"] == "ho_so_dvc_truc_tuyen"
    assert new.renamed["ty_le_ho_so_truc_tuyen_muc_3_4"] == "ty_le_ho_so_truc_tuyen_dvc"


def test_every_ratio_of_the_earlier_forms_is_computed(shipped):
    for form_id in shipped.ids():
        for form in shipped.versions(form_id):
            typed = [
                f.id for f in form.fields.values() if f.type == "percent" and not f.is_computed
            ]
            assert typed == [], (form.source_path, typed)


def test_the_inconsistent_level_counts_are_an_error(shipped):
    form = shipped.get("cntt-xa", 2018)
    sample = read_values_file(SAMPLES / "cntt-xa_2018_02080.json")
    values = typed_inputs(form, sample["values"])
    assert validate(form, values).errors == []
    values.update(tthc_truc_tuyen_tong=114, tthc_muc_1_2=109, tthc_muc_3=15, tthc_muc_4=0)
    errors = {p.rule_id for p in validate(form, values).errors}
    assert "r_tthc_muc_cong_bang_tong" in errors
    values.update(tthc_tong=130, tthc_truc_tuyen_tong=124, tthc_muc_3_4=15)
    assert validate(form, values).errors == []


def test_the_district_ratios_are_the_ones_its_counts_give(shipped):
    form = shipped.get("cntt-huyen", 2020)
    sample = read_values_file(SAMPLES / "cntt-huyen_2020_064.json")
    result = validate(form, typed_inputs(form, sample["values"]))
    assert result.problems == []
    assert result.computed["ty_le_ho_so_truc_tuyen_muc_3_4"] == Decimal("30.4")  # 102 / 336
    assert result.computed["ty_le_ho_so_tra_ket_qua"] == Decimal("93.9")  # 12.897 / 13.742
    assert result.computed["ty_le_vb_noi_bo_dien_tu"] == Decimal("70.0")
    assert result.computed["ty_le_vb_lien_co_quan_dien_tu"] == Decimal("50.0")


@pytest.mark.parametrize("year", ["2018", "2020"])
def test_the_legacy_samples_break_no_rule(shipped, year):
    paths = sorted(SAMPLES.glob(f"cntt-*_{year}_*.json"))
    assert len(paths) == 22  # 20 communes, the district, the province
    for path in paths:
        data = read_values_file(path)
        form = shipped.get(data["form"], int(data["period"]))
        result = validate(form, typed_inputs(form, data["values"]))
        assert result.errors == [], (path.name, [p.rule_id for p in result.errors])
        missing = [
            f.id for f in form.input_fields if f.required and data["values"].get(f.id) is None
        ]
        assert missing == [], (path.name, missing)


def _reports(form, paths, catalogue) -> list[UnitReport]:
    out = []
    for path in paths:
        data = read_values_file(path)
        unit = catalogue.require(data["unit"])
        out.append(UnitReport(unit.code, unit.name, form, typed_inputs(form, data["values"])))
    return out


def test_the_2018_district_and_province_forms_prefill_every_marked_field(shipped):
    catalogue = Catalogue.load("legacy")
    xa = shipped.get("cntt-xa", 2018)
    communes = _reports(xa, sorted(SAMPLES.glob("cntt-xa_2018_*.json")), catalogue)
    expected = [ExpectedUnit(u.code, u.name) for u in catalogue.children("064")]
    district = shipped.get("cntt-huyen", 2018)
    prefill = prefill_parent_form(district, consolidate(xa, communes, expected))
    assert prefill.unmatched == ()
    assert prefill.values["xa_so_bao_cao"].value == 20
    # the district's commune-level mailboxes, separately from its own
    total = sum(r.values["cbcc_co_thu_cong_vu"] for r in communes)
    assert prefill.values["xa_cbcc_co_thu_cong_vu"].value == total
    province = shipped.get("cntt-tinh", 2018)
    huyen = [
        UnitReport(
            "064",
            "Huyện Chợ Đồn",
            district,
            {
                **typed_inputs(
                    district, read_values_file(SAMPLES / "cntt-huyen_2018_064.json")["values"]
                ),
                **prefill.as_values(),
            },
        )
    ]
    up = prefill_parent_form(
        province,
        consolidate(
            district, huyen, [ExpectedUnit(u.code, u.name) for u in catalogue.children("06")]
        ),
    )
    assert up.unmatched == ()
    assert up.values["huyen_co_qlvb_dh"].value == 1
    assert up.values["huyen_xa_co_qlvb_dh"].value == prefill.values["xa_co_qlvb_dh"].value


def test_a_start_reads_only_the_versions_it_uses(tmp_path):
    """The earlier years' versions are many and rarely opened: loading the registry and
    its newest versions leaves their cached forms unread; asking for one reads it."""
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "mini-2017.yaml").write_text(_version(2017, until=2021), encoding="utf-8")
    (forms / "mini-2026.yaml").write_text(MINI, encoding="utf-8")
    cache = tmp_path / "cache"
    FormRegistry.load(forms, cache)
    old = cache / "mini-2017.pickle"
    old.write_bytes(b"damaged: would be read again from the YAML and rewritten")
    registry = FormRegistry.load(forms, cache)
    assert registry.latest()[0].version == "2026.1"
    assert registry.years_text(registry.latest()[0]) == "2026–"
    assert registry.covers("mini", 2018)
    assert old.read_bytes().startswith(b"damaged")  # not read at all
    assert registry.get("mini", 2018).version == "2017.1"
    assert not old.read_bytes().startswith(b"damaged")  # read, found damaged, repaired
