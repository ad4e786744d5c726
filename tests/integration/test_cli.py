"""The CLI contract (DESIGN §6) as a subprocess: exit codes, messages, nothing written on refusal."""

import json
import shutil
import sqlite3

import pytest

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"


@pytest.fixture
def commune(tmp_path):
    data = tmp_path / "binh-trung"
    cli(
        data,
        "setup",
        "--unit",
        "02080",
        "--catalogue",
        "legacy",
        "--clerk",
        "Nguyễn Thị Hoa",
        check=0,
    )
    return data


def _audit_rows(data_dir) -> int:
    with sqlite3.connect(data_dir / "data.sqlite3") as conn:
        return conn.execute("select count(*) from audit_log where kind = 'value'").fetchone()[0]


def test_setup_names_the_unit_and_its_parents(tmp_path):
    run = cli(tmp_path / "d", "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    assert "Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn" in run.out
    data = cli(
        tmp_path / "d", "setup", "--unit", "02080", "--catalogue", "legacy", "--json", check=0
    ).json
    assert data["unit"]["name"] == "Xã Bình Trung"
    assert [a["code"] for a in data["ancestors"]] == ["064", "06"]


def test_setup_in_english(tmp_path):
    run = cli(
        tmp_path / "d", "--lang", "en", "setup", "--unit", "02080", "--catalogue", "legacy", check=0
    )
    assert run.out.startswith("Reporting unit set: 02080")


def test_setup_refuses_an_unknown_unit_and_writes_nothing(tmp_path):
    run = cli(tmp_path / "d", "setup", "--unit", "99999", "--catalogue", "legacy", check=1)
    assert "Lỗi:" in run.err and "Error:" in run.err and "99999" in run.err
    status = cli(tmp_path / "d", "status", check=1)
    assert "setup" in status.err


def test_usage_error_is_exit_2(tmp_path):
    assert cli(tmp_path / "d", "values", "set", "--form", "cntt-xa").code == 2
    assert cli(tmp_path / "d", "frobnicate").code == 2


def test_forms_list_and_show_json(tmp_path):
    forms = cli(tmp_path / "d", "forms", "list", "--json", check=0).json
    assert {f["id"] for f in forms} >= {"cntt-xa", "cntt-huyen"}
    form = cli(tmp_path / "d", "forms", "show", "cntt-xa", "--json", check=0).json
    fields = {f["id"]: f for s in form["sections"] for f in s["fields"]}
    assert fields["cbcc_tong"]["type"] == "integer"
    assert fields["cbcc_tong"]["min"] >= 0
    assert fields["cbcc_tong"]["required"] is True
    assert fields["ty_le_cbcc_co_may_tinh"]["compute"]
    assert len(form["rules"]) >= 15
    assert sum(i["points"] for i in form["scoring"]["items"]) == 100
    assert cli(tmp_path / "d", "forms", "show", "nope").code == 1


def test_values_set_vietnamese_numbers_and_validate(commune):
    run = cli(
        commune,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "cbcc_tong=21",
        "cbcc_co_may_tinh=19",
        check=0,
    )
    assert "2" in run.out
    result = cli(commune, "validate", "--form", "cntt-xa", "--period", "2026", "--json").json
    assert result["computed"]["ty_le_cbcc_co_may_tinh"] == "90.5"
    assert result["errors"] > 0  # most required fields are still blank
    assert cli(commune, "validate", "--form", "cntt-xa", "--period", "2026").code == 1


@pytest.mark.parametrize(
    ("assignment", "code"),
    [
        ("cbcc_tong=hai mươi", "number.invalid"),
        ("cbcc_tong=12,5", "number.not_integer"),
        ("cbcc_tong=-3", "value.bound"),
        ("khong_co_chi_tieu=1", "value.unknown_field"),
        ("ty_le_cbcc_co_may_tinh=50", "value.computed"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(commune, assignment, code):
    run = cli(
        commune,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "cbcc_co_may_tinh=5",
        assignment,
        "--json",
    )
    assert run.code == 1
    assert "Lỗi:" in run.err and "Error:" in run.err
    [rejection] = run.json["error"]["rejections"]
    assert rejection["code"] == code
    assert _audit_rows(commune) == 0


def test_unknown_form_and_bad_period(commune):
    assert (
        "nope"
        in cli(commune, "values", "set", "--form", "nope", "--period", "2026", "a=1", check=1).err
    )
    run = cli(
        commune, "values", "set", "--form", "cntt-xa", "--period", "2026-Q3", "cbcc_tong=1", check=1
    )
    assert "2026" in run.err


def test_values_load_sample_then_validate_passes(commune):
    cli(commune, "values", "load", str(SAMPLE), check=0)
    result = cli(
        commune, "validate", "--form", "cntt-xa", "--period", "2026", "--json", check=0
    ).json
    assert result["errors"] == 0
    assert result["targets"]
    status = cli(commune, "status", "--json", check=0).json
    [report] = status["reports"]
    assert report["status"] == "draft" and report["errors"] == 0


def test_values_load_refuses_malformed_json_with_its_line(commune, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"form": "cntt-xa",\n "period": "2026",\n "values": {"cbcc_tong": 21,}}', encoding="utf-8"
    )
    run = cli(commune, "values", "load", str(bad), check=1)
    assert "dòng 3" in run.err and "line 3" in run.err
    assert _audit_rows(commune) == 0


def test_values_load_is_all_or_nothing(commune, tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["values"]["cbcc_tong"] = "mười"
    bad = tmp_path / "one-bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = cli(commune, "values", "load", str(bad), check=1)
    assert "cbcc_tong" in run.err
    assert _audit_rows(commune) == 0


def test_values_load_refuses_another_units_file(commune, tmp_path):
    other = tmp_path / "other.json"
    shutil.copy(PROJECT / "resources" / "samples" / "cntt-xa_2026_02020.json", other)
    run = cli(commune, "values", "load", str(other), check=1)
    assert "02020" in run.err


def test_validate_reports_exactly_the_violations_present(commune):
    """From a clean sample, break four rules by hand; exactly those four are reported."""
    cli(commune, "values", "load", str(SAMPLE), check=0)
    cli(
        commune,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "vb_di_ky_so=331",  # more signed than sent (330)
        "may_tinh_co_diet_virus=22",  # more protected than computers (21)
        "kinh_phi_da_chi=120,0",  # spent more than the budget (112,5)
        "su_co_attt=6",  # many incidents: a warning
        check=0,
    )
    run = cli(commune, "validate", "--form", "cntt-xa", "--period", "2026", "--json")
    assert run.code == 1
    found = {(p["rule"], p["severity"]) for p in run.json["problems"]}
    assert {rule for rule, _ in found} == {
        "r_ky_so_le_vb_di",
        "r_diet_virus_le_may_tinh",
        "r_da_chi_le_kinh_phi",
        "r_su_co_nhieu",
    }
    assert ("r_su_co_nhieu", "warning") in found and ("r_ky_so_le_vb_di", "error") in found
    text = cli(commune, "validate", "--form", "cntt-xa", "--period", "2026", check=1).out
    assert "LỖI [r_ky_so_le_vb_di]" in text
    # putting it right clears exactly that problem
    cli(
        commune,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "vb_di_ky_so=293",
        check=0,
    )
    after = cli(commune, "validate", "--form", "cntt-xa", "--period", "2026", "--json").json
    assert "r_ky_so_le_vb_di" not in {p["rule"] for p in after["problems"]}


def test_every_sample_passes_validate(tmp_path):
    samples = sorted((PROJECT / "resources" / "samples").glob("cntt-xa_2026_*.json"))
    assert len(samples) == 20
    names = set()
    for sample in samples:
        code = json.loads(sample.read_text(encoding="utf-8"))["unit"]
        data = tmp_path / code
        names.add(
            cli(data, "setup", "--unit", code, "--catalogue", "legacy", "--json", check=0).json[
                "described"
            ]
        )
        cli(data, "values", "load", str(sample), check=0)
        cli(data, "validate", "--form", "cntt-xa", "--period", "2026", check=0)
    assert all(n.endswith("Huyện Chợ Đồn, Tỉnh Bắc Kạn") for n in names)


def test_district_sample_passes_validate(tmp_path):
    data = tmp_path / "cho-don"
    run = cli(data, "setup", "--unit", "064", "--catalogue", "legacy", check=0)
    assert "Huyện Chợ Đồn, Tỉnh Bắc Kạn" in run.out
    cli(
        data,
        "values",
        "load",
        str(PROJECT / "resources" / "samples" / "cntt-huyen_2026_064.json"),
        check=0,
    )
    cli(data, "validate", "--form", "cntt-huyen", "--period", "2026", check=0)


def test_explained_warnings_travel_in_the_values_file(tmp_path):
    data = tmp_path / "xuan-lac"
    cli(data, "setup", "--unit", "02023", "--catalogue", "legacy", check=0)
    cli(
        data,
        "values",
        "load",
        str(PROJECT / "resources" / "samples" / "cntt-xa_2026_02023.json"),
        check=0,
    )
    result = cli(data, "validate", "--form", "cntt-xa", "--period", "2026", "--json", check=0).json
    [warning] = [p for p in result["problems"] if p["severity"] == "warning"]
    assert warning["rule"] == "r_internet_khong_cap_quang"
    assert "4G" in warning["explanation"]


def test_units_search_accent_insensitive(tmp_path):
    found = cli(
        tmp_path / "d", "units", "search", "binh trung", "--catalogue", "legacy", "--json", check=0
    ).json
    assert "02080" in [u["code"] for u in found]
    assert any(u["described"] == "Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn" for u in found)
    assert cli(tmp_path / "d", "units", "search", "zzzz khong co", check=1).out
