"""A province officer changes the indicator set in a spreadsheet, without a programmer
(issue 18, first part): export the shipped commune form, change two weights, add an
indicator with its rule and target, import it, and a report uses it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.integration.cli_helpers import cli
from tests.support.form_books import add_wifi_indicator, append_item, column_of, set_setting

UNIT = "28564"  # Xã Bình Trung, Tỉnh Đồng Tháp (the current catalogue)


def _author(exported: Path, out: Path, version: str) -> None:
    wb = load_workbook(exported)
    set_setting(wb, "version", version)
    items = wb["Chấm điểm"]
    points = column_of(items, "points")
    items.cell(row=2, column=points, value=items.cell(row=2, column=points).value + 1)
    # The points must still add up to 100: one more here, one fewer there.
    items.cell(row=3, column=points, value=items.cell(row=3, column=points).value - 1)
    add_wifi_indicator(wb)
    targets = wb["Mục tiêu"]
    target = {
        "id": "t_wifi",
        "field": "diem_wifi_mot_cua",
        "op": ">=",
        "value": 1,
        "label.vi": "Có Wi-Fi miễn phí tại Bộ phận Một cửa",
        "label.en": "Free Wi-Fi at the one-stop desk",
    }
    append_item(targets, target)
    wb.save(out)


def test_an_officer_changes_the_indicator_set_in_a_spreadsheet(tmp_path: Path) -> None:
    data = tmp_path / "d"
    cli(data, "setup", "--unit", UNIT, "--clerk", "Nguyễn Văn A", "--leader", "Trần Thị B", check=0)
    exported = tmp_path / "cntt-xa.xlsx"
    cli(data, "forms", "export-xlsx", "cntt-xa", "--out", str(exported), check=0)
    # Imported unchanged, it is the shipped version itself: nothing is written.
    same = cli(data, "--json", "forms", "import-xlsx", str(exported), check=0).json
    assert same["already_installed"] is True
    assert not (data / "forms").exists()

    authored = tmp_path / "cntt-xa-tinh.xlsx"
    _author(exported, authored, "2026.2")
    run = cli(data, "--json", "forms", "import-xlsx", str(authored), check=0).json
    assert (run["version"], run["already_installed"]) == ("2026.2", False)
    listed = {
        (f["id"], f["version"]): f for f in cli(data, "--json", "forms", "list", check=0).json
    }
    assert listed[("cntt-xa", "2026.2")]["source"] == "imported"
    assert listed[("cntt-xa", "2026.1")]["source"] == "shipped"
    shown = cli(data, "--json", "forms", "show", "cntt-xa", "--year", "2026", check=0).json
    assert shown["version"] == "2026.2"
    assert "diem_wifi_mot_cua" in {f["id"] for s in shown["sections"] for f in s["fields"]}

    # A report of 2026 is made with the imported version, its new indicator and rule work.
    cli(
        data,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "diem_wifi_mot_cua=12",
        check=0,
    )
    checked = cli(data, "--json", "validate", "--form", "cntt-xa", "--period", "2026")
    assert "r_wifi_toi_da" in checked.out

    # The same version with other content is refused, whoever made it; nothing changes.
    before = (data / "forms" / "cntt-xa-2026.2.yaml").read_bytes()
    changed = tmp_path / "changed.xlsx"
    _author(exported, changed, "2026.2")
    wb = load_workbook(changed)
    set_setting(wb, "title.vi", "Một tên khác")
    wb.save(changed)
    refused = cli(data, "--json", "forms", "import-xlsx", str(changed), check=1).json
    assert refused["error"]["code"] == "form.version_taken"
    assert (data / "forms" / "cntt-xa-2026.2.yaml").read_bytes() == before


def test_a_workbook_with_errors_installs_nothing(tmp_path: Path) -> None:
    data = tmp_path / "d"
    exported = tmp_path / "cntt-xa.xlsx"
    cli(data, "forms", "export-xlsx", "cntt-xa", "--out", str(exported), check=0)
    wb = load_workbook(exported)
    set_setting(wb, "version", "2026.3")
    fields = wb["Chỉ tiêu"]
    fields.cell(row=3, column=column_of(fields, "max"), value="một trăm")
    wb.save(exported)
    refused = cli(data, "--json", "forms", "import-xlsx", str(exported), check=1).json
    assert refused["error"]["code"] == "form.workbook_invalid"
    (problem,) = refused["error"]["problems"]
    assert (problem["sheet"], problem["row"], problem["key"]) == ("Chỉ tiêu", 3, "max")
    assert not (data / "forms").exists()
