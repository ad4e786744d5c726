"""The 20 Chợ Đồn sample reports as consolidation inputs, read with the project's own reader
(``values load`` format), and the same files read raw for independent sums."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from desktop_app.consolidation import ExpectedUnit, UnitReport, typed_inputs
from desktop_app.core.forms import load_form_file
from desktop_app.core.units import Catalogue
from desktop_app.workspace.entry import read_values_file
from tests.conftest import PROJECT

SAMPLES = PROJECT / "resources" / "samples"
DISTRICT = "064"  # Huyện Chợ Đồn (legacy catalogue)


@cache
def xa_form():
    return load_form_file(PROJECT / "forms" / "cntt-xa-2026.yaml")


@cache
def huyen_form():
    return load_form_file(PROJECT / "forms" / "cntt-huyen-2026.yaml")


@cache
def catalogue() -> Catalogue:
    return Catalogue.load("legacy")


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("cntt-xa_2026_*.json"))


def sample_reports() -> list[UnitReport]:
    form = xa_form()
    out = []
    for path in sample_paths():
        data = read_values_file(path)
        unit = catalogue().require(data["unit"])
        out.append(UnitReport(unit.code, unit.name, form, typed_inputs(form, data["values"])))
    return out


def expected_units() -> list[ExpectedUnit]:
    return [ExpectedUnit(u.code, u.name) for u in catalogue().children(DISTRICT)]


def raw_values() -> dict[str, dict]:
    """unit code → the file's values, parsed independently of the application's reader."""
    out = {}
    for path in sample_paths():
        data = json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
        out[data["unit"]] = data["values"]
    return out
