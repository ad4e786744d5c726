"""The submission status board (states, on time or late, counts, sorting) and its
workbook, from submissions written straight into the tables."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop_app.receiving.office import Office
from desktop_app.receiving.status import STATES, sort_rows, status_board
from desktop_app.storage.submissions import insert_submission, set_review
from desktop_app.workspace import receive as use
from desktop_app.workspace.setup_unit import setup_unit


def _submit(ws, code, revision, created, *, state="current", review=None, reason=None):
    with ws.db.transaction():
        s = insert_submission(
            ws.db, {("input", "cbcc_tong"): str(20 + revision)},
            unit_code=code, unit_name=f"Xã {code}", form_id="cntt-xa", form_version="2026.1",
            period="2026", revision=revision, data_sha256=f"{code}{revision}{state}".ljust(64, "0"),
            created_at=created, signed_at=created, received_at=created, packet_path="x.zip",
            signer_fingerprint="AA", signer_name=f"Xã {code}", data_json="{}", state=state,
        )  # fmt: skip
        if review:
            set_review(ws.db, s.id, review, user="cán bộ", reason=reason or "", at=created)
    return s


@pytest.fixture
def board_data(district):
    _submit(district, "02080", 1, "2027-01-10T08:00:00+07:00", state="superseded")
    _submit(district, "02080", 2, "2027-01-20T08:00:00+07:00", review="accepted")  # r1 on time
    _submit(district, "02083", 1, "2027-01-16T09:00:00+07:00")  # a day late
    _submit(district, "02047", 1, "2027-01-15T23:59:00+07:00", review="returned", reason="Thiếu")
    _submit(district, "02044", 1, "2026-12-30T10:00:00+07:00")
    _submit(district, "02044", 1, "2026-12-31T10:00:00+07:00", state="pending")
    return district


def test_states_dates_and_counts(board_data):
    board = use.status_board(board_data, "cntt-xa", "2026")
    rows = {r.unit_code: r for r in board.rows}
    assert len(rows) == 20 and str(board.deadline) == "2027-01-15"
    assert (rows["02080"].state, rows["02080"].revision, rows["02080"].on_time) == (
        "accepted",
        2,
        True,
    )
    assert rows["02080"].first_submitted_at.startswith("2027-01-10")
    assert rows["02080"].submitted_at.startswith("2027-01-20")
    assert (rows["02083"].state, rows["02083"].on_time, rows["02083"].days_late) == (
        "submitted",
        False,
        1,
    )
    assert (rows["02047"].state, rows["02047"].on_time, rows["02047"].review_reason) == (
        "returned",
        True,
        "Thiếu",
    )
    assert rows["02044"].state == "conflict" and len(rows["02044"].pending_ids) == 1
    assert rows["02020"].state == "missing" and rows["02020"].on_time is None
    assert board.counts() == {"conflict": 1, "missing": 16, "entered": 0, "returned": 1, "submitted": 1,
                              "accepted": 1, "late": 1, "total": 20}  # fmt: skip
    assert [r.unit_code for r in board.filtered(["returned", "conflict"])] == ["02044", "02047"]


def test_sorting(board_data):
    board = use.status_board(board_data, "cntt-xa", "2026")
    by_state = [r.state for r in board.sorted("state")]
    assert by_state == sorted(by_state, key=STATES.index)
    names = [r.unit_name for r in board.sorted("name")]
    assert names.index("Xã Đồng Lạc") < names.index("Xã Xuân Lạc")  # not Python's order
    late = board.sorted("late", descending=True)
    assert late[0].unit_code == "02083" and late[-1].on_time is None  # blanks last
    assert [r.revision for r in sort_rows(board.rows, "revision")][:1] == [1]
    with pytest.raises(ValueError):
        board.sorted("colour")


def test_workbook(board_data, tmp_path):
    out = use.export_status_xlsx(board_data, "cntt-xa", "2026", tmp_path / "bang.xlsx")
    sheet = load_workbook(out).active
    assert "Hạn nộp: 15/01/2027" in sheet["A3"].value and "1 nộp trễ hạn" in sheet["A3"].value
    rows = {r[1]: r for r in sheet.iter_rows(min_row=6, values_only=True)}
    late = rows["02083"]
    assert late[3] == "Đã nộp – chờ xem xét" and late[7] == "Trễ hạn" and late[8] == 1
    assert str(late[5].date()) == "2027-01-16"
    assert rows["02047"][11] == "Thiếu" and rows["02020"][3] == "Chưa nộp"
    assert sheet.freeze_panes == "D6" and sheet.page_setup.paperSize == int(sheet.PAPERSIZE_A4)


def test_a_province_in_the_current_catalogue_receives_communes(tmp_path):
    from desktop_app.workspace import Workspace

    with Workspace.open(tmp_path / "tinh") as ws:
        setup_unit(ws, "92", "current")
        office = Office(ws.db, ws.data_dir, ws.forms, "92", "current", "cán bộ")
        assert len(office.children) == 103 and office.parent is None
        board = status_board(office, "cntt-xa", "2026")
        assert len(board.rows) == 103 and board.counts()["missing"] == 103
        assert status_board(office, "cntt-huyen", "2026").rows == ()  # no districts any more


def test_a_legacy_district_receives_its_communes_not_its_own_form(district):
    office = use.office(district)
    assert len(office.children_for("commune")) == 20 and office.children_for("district") == []
    assert office.parent.code == "06"


def test_signing_times_sort_as_instants():
    """A signing time is kept in UTC, as the signature gives it; sorted as text beside
    one written at +07:00 it would come out in the wrong order."""
    from desktop_app.receiving.status import BoardRow

    utc = BoardRow(
        "02080", "Xã Bình Trung", "submitted", 1, first_signed_at="2027-01-10T00:30:00+00:00"
    )
    vn = BoardRow(
        "02083", "Xã Yên Phong", "submitted", 1, first_signed_at="2027-01-10T07:00:00+07:00"
    )
    assert [r.unit_code for r in sort_rows([utc, vn], "submitted")] == ["02083", "02080"]
