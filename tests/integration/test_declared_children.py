"""A district declares its children for a year the catalogue cannot give (Chợ Đồn counted
22 communes and towns in 2018; the catalogue, rearranged before 2025, shows 20): the
board of that year lists them, other years keep the catalogue's, and a declaration that
cannot be made is refused with its reason and changes nothing."""

from __future__ import annotations

import pytest

from desktop_app.storage import history
from desktop_app.workspace import Workspace
from tests.integration.cli_helpers import cli


@pytest.fixture
def district(tmp_path):
    data = tmp_path / "cho-don"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", "--clerk", "Bình", check=0)
    return data


def _board(data, period: str) -> dict[str, str]:
    board = cli(data, "status", "--form", "cntt-xa", "--period", period, "--json", check=0).json
    return {row["unit_code"]: row["unit_name"] for row in board["rows"]}


def test_the_children_of_2018_are_declared_and_used_by_that_years_board(district):
    assert len(_board(district, "2018")) == 20  # the catalogue's
    cli(
        district, "children", "declare", "--period", "2018", "--add", "02017", "Xã Thử Một", check=0
    )
    listed = cli(district, "children", "declare", "--period", "2018", "--add", "02014",
                 "Xã Thử Hai", "--json", check=0).json  # fmt: skip
    assert len(listed["children"]) == 22
    assert {c["code"]: c["declared"] for c in listed["children"]}["02014"] == "add"
    board = _board(district, "2018")
    assert len(board) == 22 and board["02017"] == "Xã Thử Một"
    assert len(_board(district, "2019")) == 20  # another year: the catalogue's

    cli(district, "children", "declare", "--period", "2018", "--rename", "02020",
        "Thị trấn Bằng Lũng (tên năm 2018)", check=0)  # fmt: skip
    cli(district, "children", "declare", "--period", "2018", "--remove", "02035", check=0)
    cli(district, "children", "declare", "--period", "2018", "--remove", "02014", check=0)
    board = _board(district, "2018")
    assert len(board) == 20 and "02035" not in board and "02014" not in board
    assert board["02020"] == "Thị trấn Bằng Lũng (tên năm 2018)"
    text = cli(district, "children", "list", "--period", "2018", check=0).out
    assert "02035" in text and "Xã Bản Thi" in text  # shown as removed, not forgotten
    with Workspace.open(district) as ws:
        kinds = [(r.kind, r.target) for r in history(ws.db, None) if r.kind == "children"]
    assert ("children", "2018:02017") in kinds and len(kinds) == 5


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--add", "02080", "Xã Bình Trung"], "children.already_child"),
        (["--remove", "99999"], "children.not_child"),
        (["--rename", "02999", "Xã Không Có"], "children.not_child"),
        (["--add", "02 017", "Xã Thử"], "children.bad_code"),
        (["--add", "02017", "   "], "children.no_name"),
        (["--add", "02017", "Xã\u0007Thử"], "text.control_character"),
    ],
)
def test_a_declaration_that_cannot_be_made_is_refused_and_nothing_changes(district, args, code):
    before = cli(district, "children", "list", "--period", "2018", "--json", check=0).json
    refused = cli(district, "children", "declare", "--period", "2018", *args, "--json", check=1)
    assert refused.json["error"]["code"] == code
    assert cli(district, "children", "list", "--period", "2018", "--json", check=0).json == before


def test_a_period_not_started_cannot_be_declared(district):
    refused = cli(district, "children", "declare", "--period", "2099", "--remove", "02020",
                  "--json", check=1)  # fmt: skip
    assert refused.json["error"]["code"] == "period.not_started"


def test_a_commune_has_no_children_to_declare(tmp_path):
    data = tmp_path / "xa"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    refused = cli(data, "children", "declare", "--period", "2018", "--add", "02017", "Xã Thử",
                  "--json", check=1)  # fmt: skip
    assert refused.json["error"]["code"] == "children.not_receiving"
