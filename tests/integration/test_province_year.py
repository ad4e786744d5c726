"""Issue 18's "done when", through the CLI as the two offices would use it: a province
officer exports the shipped 2026 commune index form to a workbook, changes two weights,
adds an indicator with a rule, imports it, sets a target on it in a plan, and publishes
form and plan, signed; a commune installs them (confirming the province's fingerprint),
fills the report with the evidence two of its answers require and sends it up, signed; the province receives it, appraises one item
down with a reason, ranks on official scores, prints the consolidated report and accepts
the report with a receipt; the commune opens the receipt and sees the appraised score."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import load_workbook

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.support import evidence_files as files
from tests.support.form_books import add_wifi_indicator, column_of, set_setting
from tests.support.pages import pdf_text

SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"
ENV = {**os.environ, "PW": "Thái Nguyên 2026!"}
PROVINCE, COMMUNE = "19", "02020"  # Tỉnh Thái Nguyên; Xã Chợ Đồn, which it receives


def _author(exported: Path, out: Path) -> tuple[str, str]:
    """Two weights changed (a point moved from a linear item to a yes/no one, so the total
    stays and no step exceeds its item), one indicator with a rule added; the two items'
    ids."""
    wb = load_workbook(exported)
    set_setting(wb, "version", "2026.2")
    items = wb["Chấm điểm"]
    points, ids = column_of(items, "points"), column_of(items, "id")
    items.cell(row=2, column=points, value=items.cell(row=2, column=points).value + 1)
    items.cell(row=5, column=points, value=items.cell(row=5, column=points).value - 1)
    add_wifi_indicator(wb)
    wb.save(out)
    return items.cell(row=2, column=ids).value, items.cell(row=5, column=ids).value


def _plan(path: Path) -> None:
    plan = {
        "plan": {
            "number": "15/KH-UBND",
            "date": "20/01/2026",
            "issuer": "UBND tỉnh Thái Nguyên",
            "form": "cds-xa",
            "period": "2026",
        },
        "targets": [
            {
                "id": "t_wifi",
                "field": "diem_wifi_mot_cua",
                "op": ">=",
                "value": 1,
                "label": {
                    "vi": "Có Wi-Fi miễn phí tại Bộ phận Một cửa",
                    "en": "Free Wi-Fi at the one-stop desk",
                },
            }
        ],
    }
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")


def test_a_province_year_from_authoring_to_the_appraised_receipt(tmp_path: Path) -> None:
    tinh, xa = tmp_path / "tinh", tmp_path / "xa"
    cli(tinh, "setup", "--unit", PROVINCE, check=0)
    cli(tinh, "identity", "new", "--passphrase-env", "PW", env=ENV, check=0)
    cli(tinh, "identity", "export-cert", str(tmp_path / "tinh.pem"), check=0)

    # The province authors its version of the form in a spreadsheet, with a plan.
    exported = tmp_path / "cds-xa.xlsx"
    cli(tinh, "forms", "export-xlsx", "cds-xa", "--out", str(exported), check=0)
    authored = tmp_path / "cds-xa-thai-nguyen.xlsx"
    raised, lowered = _author(exported, authored)
    cli(tinh, "forms", "import-xlsx", str(authored), check=0)
    _plan(tmp_path / "ke-hoach.yaml")
    cli(tinh, "plan", "import", str(tmp_path / "ke-hoach.yaml"), check=0)
    published = cli(tinh, "--json", "forms", "publish", "cds-xa", "--version", "2026.2",
                    "--period", "2026", "--out", str(tmp_path / "phat-hanh"),
                    "--passphrase-env", "PW", env=ENV, check=0).json  # fmt: skip

    # The commune installs it, confirming the province's fingerprint, and reports with it.
    cli(xa, "setup", "--unit", COMMUNE, check=0)
    cli(xa, "identity", "new", "--passphrase-env", "PW", env=ENV, check=0)
    cli(xa, "identity", "export-cert", str(tmp_path / "xa.pem"), check=0)
    cli(xa, "forms", "install", published["file"], "--fingerprint", published["fingerprint"],
        check=0)  # fmt: skip
    cli(xa, "values", "load", str(SAMPLE), check=0)
    cli(xa, "values", "set", "--form", "cds-xa", "--period", "2026", "diem_wifi_mot_cua=2",
        check=0)  # fmt: skip
    # Two indicators the commune answers "Có" require evidence (tài liệu kiểm chứng):
    # scans of the decisions.
    refused = cli(xa, "--json", "validate", "--form", "cds-xa", "--period", "2026").json
    required = sorted({p["field"] for p in refused["problems"]})
    assert required == ["co_bcd_cds", "co_ke_hoach_cntt"]
    for number, field in enumerate(required, start=1):
        scan = tmp_path / f"Quyết định số {number}-QĐ-UBND.pdf"
        scan.write_bytes(files.pdf((30 * number, 90, 60)))
        cli(xa, "evidence", "add", "--form", "cds-xa", "--period", "2026", field, str(scan),
            check=0)  # fmt: skip
    checked = cli(xa, "--json", "validate", "--form", "cds-xa", "--period", "2026", check=0).json
    assert checked["problems"] == []
    shown = cli(xa, "--json", "plan", "show", "--form", "cds-xa", "--period", "2026",
                check=0).json  # fmt: skip
    assert shown["plan"]["number"] == "15/KH-UBND"
    assert [(t["id"], t["achieved"]) for t in shown["targets"]] == [("t_wifi", True)]
    cli(xa, "export", "--form", "cds-xa", "--period", "2026", "--out", str(tmp_path / "nop"),
        "--passphrase-env", "PW", env=ENV, check=0)  # fmt: skip

    # The province receives it, appraises one item down with a reason, ranks and prints.
    cli(tinh, "trust", "add", str(tmp_path / "xa.pem"), "--unit", COMMUNE, check=0)
    received = cli(tinh, "--json", "receive", str(tmp_path / "nop"), check=0).json
    assert received["counts"]["accepted"] == 1
    listed = cli(tinh, "--json", "evidence", "list", "--unit", COMMUNE, "--form", "cds-xa",
                 "--period", "2026", check=0).json  # fmt: skip
    assert "Quyết định số 2-QĐ-UBND.pdf" in json.dumps(listed, ensure_ascii=False)
    items = cli(tinh, "--json", "appraisal", "show", "--unit", COMMUNE, "--form", "cds-xa",
                "--period", "2026", check=0).json["items"]  # fmt: skip
    assert Decimal(items[raised]["maximum"]) == 4 and Decimal(items[lowered]["maximum"]) == 1
    item_id = next(k for k, i in items.items() if Decimal(i["self"]) >= 1)
    down = Decimal(items[item_id]["self"]) - 1
    reason = "Thiếu văn bản kiểm chứng cho một phần chỉ tiêu."
    cli(tinh, "appraisal", "set", "--unit", COMMUNE, "--form", "cds-xa", "--period", "2026",
        "--item", item_id, "--points", str(down).replace(".", ","), "--reason", reason,
        check=0)  # fmt: skip
    ranked = cli(tinh, "--json", "appraisal", "rank", "--form", "cds-xa", "--period", "2026",
                 check=0).json  # fmt: skip
    assert [(r["unit_code"], r["rank"]) for r in ranked] == [(COMMUNE, 1)]
    assert Decimal(ranked[0]["official_total"]) == Decimal(ranked[0]["self_total"]) - 1
    cli(tinh, "report", "--form", "cds-xa", "--period", "2026", "--out", str(tmp_path / "in"),
        check=0)  # fmt: skip
    printed = pdf_text(tmp_path / "in" / "cds-xa_2026_tong-hop.pdf")
    assert "15/KH-UBND" in printed
    assert "KẾT QUẢ THẨM ĐỊNH" in printed and reason in printed
    accepted = cli(tinh, "--json", "accept", "--unit", COMMUNE, "--form", "cds-xa", "--period",
                   "2026", "--out", str(tmp_path / "bien-nhan"), "--passphrase-env", "PW",
                   env=ENV, check=0).json  # fmt: skip

    # The commune opens the receipt (the province's certificate already confirmed when
    # the form was installed) and sees the appraised score beside its own.
    cli(xa, "receipt", "open", accepted["path"], check=0)
    held = cli(xa, "--json", "appraisal", "held", "--form", "cds-xa", "--period", "2026",
               check=0).json  # fmt: skip
    sent = held["items"][item_id]
    assert (Decimal(sent["appraised"].replace(",", ".")), sent["reason"]) == (down, reason)
    assert Decimal(held["official_total"]) == Decimal(held["self_total"]) - 1
