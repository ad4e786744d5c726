"""A form definition as a workbook (issue 18): written and read back without losing a key,
through LibreOffice too, and every problem in it named by sheet, row and column."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from desktop_app.core.messages import AppError
from desktop_app.documents.form_workbook import form_workbook_bytes
from desktop_app.documents.form_workbook_read import read_form_workbook
from desktop_app.documents.sheet_reader import FormWorkbookError
from tests.conftest import PROJECT

SHIPPED = sorted((PROJECT / "forms").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_form_survives_the_workbook(path: Path) -> None:
    document = yaml.safe_load(path.read_bytes())
    form, text = read_form_workbook(form_workbook_bytes(document), f"{path.stem}.xlsx")
    assert yaml.safe_load(text) == document
    assert (form.id, form.version) == (document["id"], document["version"])


def _edited(path: Path, edit) -> bytes:
    wb = load_workbook(io.BytesIO(form_workbook_bytes(yaml.safe_load(path.read_bytes()))))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _column(ws, key: str) -> str:
    for cell in ws[1]:
        if str(cell.value).endswith(f"({key})"):
            return cell.column_letter
    raise AssertionError(key)


XA = PROJECT / "forms" / "cntt-xa-2026.yaml"


def _problems(data: bytes) -> list[dict]:
    with pytest.raises(FormWorkbookError) as caught:
        read_form_workbook(data, "sua.xlsx")
    assert caught.value.code == "form.workbook_invalid"
    return caught.value.details["problems"]


def test_a_bad_cell_is_named_by_sheet_row_and_column() -> None:
    def edit(wb):
        fields = wb["Chỉ tiêu"]
        fields[f"{_column(fields, 'max')}3"] = "nhiều"
        fields[f"{_column(fields, 'section')}5"] = "khong_co"

    problems = _problems(_edited(XA, edit))
    where = {(p["sheet"], p["column"], p["row"], p["key"]) for p in problems}
    fields = load_workbook(io.BytesIO(form_workbook_bytes(yaml.safe_load(XA.read_bytes()))))[
        "Chỉ tiêu"
    ]
    assert ("Chỉ tiêu", _column(fields, "max"), 3, "max") in where
    assert ("Chỉ tiêu", _column(fields, "section"), 5, "section") in where


def test_the_loaders_checks_come_back_at_their_cells() -> None:
    """A wrong type (the schema) and a formula that does not parse (the expression
    checks) are found by the same loader as a YAML file, and named at the cell."""

    def wrong_type(wb):
        wb["Chỉ tiêu"][f"{_column(wb['Chỉ tiêu'], 'type')}4"] = "integr"

    (problem,) = _problems(_edited(XA, wrong_type))
    assert (problem["sheet"], problem["row"], problem["key"]) == ("Chỉ tiêu", 4, "type")

    def broken_rule(wb):
        wb["Quy tắc"][f"{_column(wb['Quy tắc'], 'check')}2"] = "cbcc_tong >= ("

    (problem,) = _problems(_edited(XA, broken_rule))
    assert (problem["sheet"], problem["row"], problem["key"]) == ("Quy tắc", 2, "check")


def test_an_unknown_column_is_refused_not_ignored() -> None:
    def edit(wb):
        wb["Chỉ tiêu"].cell(row=1, column=40, value="Trọng số (weight)")

    (problem,) = _problems(_edited(XA, edit))
    assert (problem["sheet"], problem["row"], problem["key"]) == ("Chỉ tiêu", 1, "weight")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not a workbook at all", "form.workbook_not_xlsx"),
        (b"PK\x03\x04" + b"\0" * 200, "form.workbook_not_xlsx"),
        (b"PK\x03\x04" + b"\0" * (11 * 1024 * 1024), "form.workbook_too_large"),
    ],
    ids=["text", "broken-zip", "huge"],
)
def test_what_is_not_a_form_workbook_is_refused_with_its_reason(data: bytes, code: str) -> None:
    with pytest.raises(AppError) as caught:
        read_form_workbook(data, "x.xlsx")
    assert caught.value.code == code


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_reads_back_the_same(tmp_path: Path) -> None:
    document = yaml.safe_load(XA.read_bytes())
    source = tmp_path / "in" / "cntt-xa.xlsx"
    source.parent.mkdir()
    source.write_bytes(form_workbook_bytes(document))
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    _, text = read_form_workbook((tmp_path / "out" / "cntt-xa.xlsx").read_bytes(), "lo.xlsx")
    assert yaml.safe_load(text) == document
