"""The receiving unit's plan (issue 18, "Plans and targets"): imported from YAML or a
workbook, shown with each target reached, not reached or not known, applied to the
period's reports in place of the form's example targets, and refused with every problem
named when it does not fit the form."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import Workbook

from desktop_app.documents.form_sheets import TARGETS, header_text
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PLAN = {
    "plan": {
        "number": "12/KH-UBND",
        "date": "20/01/2026",
        "issuer": "UBND huyện Chợ Đồn",
        "form": "cntt-xa",
        "period": "2026",
    },
    "targets": [
        {"id": "t_tthc", "field": "ty_le_tthc_truc_tuyen", "op": ">=", "value": 45,
         "label": {"vi": "Tối thiểu 45% TTHC trực tuyến", "en": "At least 45% of procedures online"}},
        {"id": "t_tthc_cao", "field": "ty_le_tthc_truc_tuyen", "op": ">=", "value": 90,
         "label": {"vi": "Tối thiểu 90% TTHC trực tuyến", "en": "At least 90% of procedures online"}},
        {"id": "t_mot_cua", "field": "co_mot_cua_dien_tu", "op": "==", "value": True,
         "label": {"vi": "Dùng một cửa điện tử", "en": "On the one-stop software"}},
        {"id": "t_wifi", "field": "co_wifi_mot_cua", "op": "==", "value": True,
         "label": {"vi": "Wi-Fi tại Bộ phận Một cửa", "en": "Wi-Fi at the one-stop desk"}},
    ],
}  # fmt: skip


def _unit(tmp_path: Path) -> Path:
    data = tmp_path / "d"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    cli(data, "values", "load", str(SAMPLE), check=0)
    return data


def test_a_plan_replaces_the_forms_example_targets(tmp_path):
    data = _unit(tmp_path)
    before = cli(data, "--json", "validate", "--form", "cntt-xa", "--period", "2026").json
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(yaml.safe_dump(PLAN, allow_unicode=True), encoding="utf-8")
    cli(data, "plan", "import", str(plan), check=0)
    shown = cli(
        data, "--json", "plan", "show", "--form", "cntt-xa", "--period", "2026", check=0
    ).json
    assert (
        shown["citation"]["vi"] == "Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND huyện Chợ Đồn"
    )
    verdicts = {t["id"]: t["achieved"] for t in shown["targets"]}
    assert verdicts["t_tthc"] is True and verdicts["t_tthc_cao"] is False
    assert set(verdicts) == {"t_tthc", "t_tthc_cao", "t_mot_cua", "t_wifi"}
    after = cli(data, "--json", "validate", "--form", "cntt-xa", "--period", "2026").json
    assert {t["id"] for t in after["targets"]} == set(verdicts)
    assert {t["id"] for t in before["targets"]} != set(verdicts)
    text = cli(data, "plan", "show", "--form", "cntt-xa", "--period", "2026", check=0).out
    assert "chưa đạt" in text and "12/KH-UBND" in text


def test_a_plan_that_does_not_fit_the_form_is_refused_whole(tmp_path):
    data = _unit(tmp_path)
    bad = {
        **PLAN,
        "targets": [
            {**PLAN["targets"][0], "field": "khong_co"},
            {**PLAN["targets"][2], "value": 5},
            {**PLAN["targets"][1], "op": "≈"},
        ],
    }
    plan = tmp_path / "sai.yaml"
    plan.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    refused = cli(data, "--json", "plan", "import", str(plan), check=1).json["error"]
    assert refused["code"] == "plan.invalid"
    assert len(refused["problems"]) == 3
    shown = cli(
        data, "--json", "plan", "show", "--form", "cntt-xa", "--period", "2026", check=0
    ).json
    assert shown["plan"] is None
    (tmp_path / "rac.yaml").write_bytes(b"\xff\xfe not yaml")
    assert (
        cli(data, "--json", "plan", "import", str(tmp_path / "rac.yaml"), check=1).json["error"][
            "code"
        ]
        == "plan.unreadable"
    )


def test_a_plan_from_a_workbook(tmp_path):
    data = _unit(tmp_path)
    wb = Workbook()
    head = wb.active
    head.title = "Kế hoạch"
    head.append(["Khoá (key)", "Giá trị (value)"])
    for key, value in (
        ("number", "12/KH-UBND"),
        ("date", "20/01/2026"),
        ("issuer", "UBND huyện Chợ Đồn"),
        ("form", "cntt-xa"),
        ("period", 2026),
    ):
        head.append([key, value])  # fmt: skip
    sheet = wb.create_sheet(TARGETS.name)
    columns = [c for c in TARGETS.columns if not c.key.startswith("source")]
    sheet.append([header_text(c) for c in columns])
    for target in PLAN["targets"]:
        row = {**target, "label.vi": target["label"]["vi"], "label.en": target["label"]["en"]}
        row["op"] = {"==": "=", ">=": "≥"}[row["op"]]  # as an author types them in Excel
        sheet.append([row.get(c.key) for c in columns])
    path = tmp_path / "ke-hoach.xlsx"
    wb.save(path)
    run = cli(data, "--json", "plan", "import", str(path), check=0).json
    assert [t["id"] for t in run["targets"]] == [t["id"] for t in PLAN["targets"]]
