"""Issue 14 §3 at entry: figures for a period that has not started are refused by the
command line (``values set``, ``values load``) with their own code and nothing written;
a report for such a period entered before the rule is not exported. The window's period
choice never offers one (``tests/gui/test_trust_and_time.py``)."""

from __future__ import annotations

import datetime
import json

import pytest

from desktop_app.core.messages import AppError
from desktop_app.storage import list_reports
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values, set_values
from desktop_app.workspace.export import export_report
from desktop_app.workspace.setup_unit import setup_unit
from tests.integration.cli_helpers import cli
from tests.support import fleet as F

VN = datetime.timezone(datetime.timedelta(hours=7))


def _next_year() -> str:
    return str(datetime.datetime.now(VN).year + 1)


@pytest.fixture
def commune(tmp_path):
    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        yield ws


def _sample(tmp_path, period: str):
    data = json.loads((F.SAMPLES / "cntt-xa_2026_02080.json").read_text(encoding="utf-8"))
    data["period"] = period
    path = tmp_path / f"values-{period}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_figures_for_a_period_not_started_are_refused(commune, tmp_path):
    before = F.table_dump(commune.db, skip=())
    for call in (
        lambda: set_values(commune, "cntt-xa", _next_year(), {"cbcc_tong": "21"}),
        lambda: set_values(commune, "cntt-xa", "2099", {"cbcc_tong": "21"}),
        lambda: load_values(commune, _sample(tmp_path, "2099")),
    ):
        with pytest.raises(AppError) as refused:
            call()
        assert refused.value.code == "period.not_started", refused.value.message.en
    assert F.table_dump(commune.db, skip=()) == before
    # the current year may be filled during the year
    this_year = str(datetime.datetime.now(VN).year)
    assert set_values(commune, "cntt-xa", this_year, {"cbcc_tong": "21"}).changed == ["cbcc_tong"]


def test_the_command_line_refuses_them_with_its_code(tmp_path):
    data_dir = tmp_path / "xa"
    cli(data_dir, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    refused = cli(data_dir, "values", "set", "--form", "cntt-xa", "--period", "2099",
                  "cbcc_tong=21", "--json", check=1)  # fmt: skip
    assert refused.json["error"]["code"] == "period.not_started"
    loaded = cli(data_dir, "values", "load", str(_sample(tmp_path, _next_year())), check=1)
    assert "chưa bắt đầu" in loaded.err and "has not started" in loaded.err
    assert cli(data_dir, "status", "--json", check=0).json["reports"] == []


def test_a_report_for_a_period_not_started_is_not_exported(commune, tmp_path):
    """Entered before the rule (here: with the clock set ahead), it is not signed."""
    ahead = datetime.datetime(datetime.datetime.now(VN).year + 1, 2, 1, 9, 0, tzinfo=VN)
    commune.db.clock = lambda: ahead
    load_values(commune, _sample(tmp_path, _next_year()))
    commune.db.clock = None
    with pytest.raises(AppError) as refused:
        export_report(commune, "cntt-xa", _next_year(), tmp_path / "out", secret="x")
    assert refused.value.code == "period.not_started"
    assert not (tmp_path / "out").exists()
    assert [r.period for r in list_reports(commune.db, "02080")] == [_next_year()]
