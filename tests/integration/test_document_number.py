"""The report's number and date, given by the office's clerk before export, printed in
the signed report.pdf and kept for the next export (issue 19)."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

import pytest

from tests.integration.packet_tools import needs_tools
from tests.integration.test_packet_export import PASS, run_cli

pytestmark = needs_tools


def _packet_text(packet) -> tuple[dict, str]:
    with zipfile.ZipFile(packet) as archive:
        data = json.loads(archive.read("data.json"))
        pdf = archive.read("report.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return data, text


@pytest.fixture
def commune(tmp_path):
    from tests.integration.test_packet_export import SAMPLE

    data = tmp_path / "binh-trung"
    run_cli(data, "setup", "--unit", "02080", "--catalogue", "legacy",
            "--clerk", "Nguyễn Thị Hoa", "--leader", "Hoàng Văn Nam", check=0)  # fmt: skip
    run_cli(data, "values", "load", str(SAMPLE), check=0)
    env = {**os.environ, "PW": PASS}
    run_cli(data, "identity", "new", "--passphrase-env", "PW", env=env, check=0)
    return data, env


def _export(commune, out, *options, check=0):
    data, env = commune
    return run_cli(data, "export", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
                   "--passphrase-env", "PW", "--json", *options, env=env, check=check)  # fmt: skip


def test_number_and_date_are_printed_and_kept_for_the_next_export(commune, tmp_path):
    first = _export(commune, tmp_path / "a", "--doc-number", "12", "--doc-date", "05/01/2026").json
    data, text = _packet_text(first["path"])
    assert (data["number"], data["date"]) == ("12", "2026-01-05")
    assert "Số: 12/BC-UBND" in text and "ngày 05 tháng 01 năm 2026" in text
    assert "……" not in text.split("BÁO CÁO")[0]
    # exported again without them: the same number and date, the same packet
    again = _export(commune, tmp_path / "b").json
    assert again["duplicate"] and again["data_sha256"] == first["data_sha256"]
    # a new number makes a new revision
    renumbered = _export(commune, tmp_path / "c", "--doc-number", "15/BC-UBND").json
    data, text = _packet_text(renumbered["path"])
    assert renumbered["revision"] == 2 and data["date"] == "2026-01-05"
    assert "Số: 15/BC-UBND" in text


def test_a_number_left_blank_on_purpose_prints_dots(commune, tmp_path):
    run = _export(commune, tmp_path / "a", "--doc-number", "").json
    _, text = _packet_text(run["path"])
    assert "Số: ……/BC-UBND" in text


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--doc-date", "05/01/2099"), "export.document_date_future"),
        (("--doc-date", "31/02/2026"), "date.invalid"),
        (("--doc-number", "12\u0007"), "export.bad_document_number"),
    ],
)
def test_a_bad_number_or_date_is_refused(commune, tmp_path, options, code):
    run = _export(commune, tmp_path / "a", *options, check=None)
    assert run.code != 0 and code in run.out + run.err
    assert not (tmp_path / "a").exists() or not list((tmp_path / "a").iterdir())
