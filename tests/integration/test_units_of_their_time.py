"""Units of their time through the command line: a commune set up in the current
structure sends its 2018 report as the unit its code named in 2018, under its district
of the time, and its 2025 report as itself; a district that no longer exists sends its
2018 report."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLES = PROJECT / "resources" / "samples"
PASS = "Chợ Đồn 2018!"


def _env() -> dict:
    return {**os.environ, "PW": PASS}


def _export(data: Path, form: str, period: str, out: Path) -> dict:
    run = cli(data, "export", "--form", form, "--period", period, "--out", str(out),
              "--passphrase-env", "PW", env=_env(), check=0)  # fmt: skip
    with zipfile.ZipFile(run.out.strip()) as packet:
        return json.loads(packet.read("manifest.json"))


def test_a_current_commune_sends_2018_as_the_unit_of_its_code_then(tmp_path):
    data = tmp_path / "xa-cho-don"
    cli(data, "setup", "--unit", "02020", "--catalogue", "current", "--clerk", "Hoa",
        "--leader", "Minh", check=0)  # fmt: skip
    cli(data, "identity", "new", "--passphrase-env", "PW", env=_env(), check=0)
    cli(data, "values", "load", str(SAMPLES / "cntt-xa_2018_02020.json"), check=0)
    manifest = _export(data, "cntt-xa", "2018", tmp_path / "out")
    unit = manifest["unit"]
    assert (unit["code"], unit["name"], unit["parent_code"]) == (
        "02020",
        "Thị trấn Bằng Lũng",
        "064",
    )
    assert manifest["form"]["version"] == "2017.1"


def test_a_district_that_no_longer_exists_sends_its_2018_report(tmp_path):
    data = tmp_path / "huyen"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", "--clerk", "Bình",
        "--leader", "Minh", check=0)  # fmt: skip
    cli(data, "identity", "new", "--passphrase-env", "PW", env=_env(), check=0)
    cli(data, "values", "load", str(SAMPLES / "cntt-huyen_2018_064.json"), check=0)
    manifest = _export(data, "cntt-huyen", "2018", tmp_path / "out")
    unit = manifest["unit"]
    assert (unit["code"], unit["name"], unit["parent_code"]) == ("064", "Huyện Chợ Đồn", "06")


def test_units_search_chooses_the_catalogue_from_the_period(tmp_path):
    old = cli(tmp_path / "d", "units", "search", "02020", "--period", "2018", "--json", check=0)
    assert old.json[0]["name"] == "Thị trấn Bằng Lũng"
    new = cli(tmp_path / "d", "units", "search", "02020", "--period", "2025", "--json", check=0)
    assert new.json[0]["name"] == "Xã Chợ Đồn"
    both = cli(tmp_path / "d", "units", "search", "02020", "--period", "2018",
               "--catalogue", "current", check=2)  # fmt: skip
    assert both.err
