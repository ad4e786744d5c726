"""Evidence files (tài liệu kiểm chứng, issue 18) on the clerk's own report: attached to
the indicators that take them, checked by their content and the form's limits, required
before export when the form says so, listed, opened, removed and copied out."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.messages import AppError
from desktop_app.storage import get_report, history
from desktop_app.workspace import evidence as ev
from desktop_app.workspace.entry import check_report, load_values
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT
from tests.support import evidence_files as files
from tests.support import fleet as F

SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"
FORM, PERIOD = "cds-xa", "2026"


@pytest.fixture
def commune(tmp_path):
    with F.open_ws(tmp_path / "xa") as ws:
        setup_unit(ws, "02020", "current", clerk="Nông Thị Lan", leader="Hà Văn Tùng")
        load_values(ws, SAMPLE)
        yield ws


def _missing(ws) -> set[str]:
    state = check_report(ws, FORM, PERIOD)
    return {p.field_id for p in state.result.problems if p.code == "evidence_required"}


def _refused(ws, code, *args) -> AppError:
    before = F.table_dump(ws.db)
    with pytest.raises(AppError) as caught:
        ev.attach_evidence_bytes(ws, FORM, PERIOD, *args)
    assert caught.value.code == code, caught.value.message.en
    assert caught.value.message.vi and caught.value.message.en
    assert F.table_dump(ws.db) == before
    return caught.value


def test_required_evidence_is_a_problem_until_attached(commune):
    ws = commune
    assert _missing(ws) == {"co_bcd_cds", "co_ke_hoach_cntt"}  # security plan: "Không"
    row = ev.attach_evidence_bytes(ws, FORM, PERIOD, "co_bcd_cds", "Quyết định 15.pdf", files.pdf())
    assert (row.field_id, row.media_type, row.name) == (
        "co_bcd_cds",
        "application/pdf",
        "Quyết định 15.pdf",
    )
    assert _missing(ws) == {"co_ke_hoach_cntt"}
    listed = ev.list_evidence(ws, FORM, PERIOD)
    assert [r.name for r in listed["co_bcd_cds"]] == ["Quyết định 15.pdf"]
    assert ev.evidence_bytes(ws, FORM, PERIOD, row.id)[:5] == b"%PDF-"
    report = get_report(ws.db, "02020", FORM, PERIOD)
    [audit] = [h for h in history(ws.db, report.id) if h.kind == "evidence"]
    assert audit.target == "co_bcd_cds" and json.loads(audit.new)["sha256"] == row.sha256
    ev.remove_evidence(ws, FORM, PERIOD, row.id)
    assert "co_bcd_cds" in _missing(ws)


def test_a_no_answer_needs_no_evidence(commune):
    from desktop_app.workspace.entry import set_values

    assert "co_phuong_an_attt" not in _missing(commune)  # "Không" in the sample
    set_values(commune, FORM, PERIOD, {"co_phuong_an_attt": "Có"})
    assert "co_phuong_an_attt" in _missing(commune)
    set_values(commune, FORM, PERIOD, {"co_ke_hoach_cntt": "Không"})
    assert "co_ke_hoach_cntt" not in _missing(commune)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bien-ban.docx", files.pdf(), "evidence.unsupported_type"),
        ("quyet-dinh.pdf", files.WORD_DOC, "evidence.content_mismatch"),
        ("anh.png", files.jpeg(), "evidence.content_mismatch"),
        ("anh.jpg", files.png(), "evidence.content_mismatch"),
        ("rong.pdf", b"", "evidence.empty"),
        ("qua-lon.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "evidence.too_large"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason(commune, name, data, code):
    _refused(commune, code, "co_bcd_cds", name, data)


def test_fields_and_counts(commune):
    _refused(commune, "evidence.not_taken", "cbcc_tong", "a.pdf", files.pdf())
    _refused(commune, "evidence.unknown_field", "khong_co", "a.pdf", files.pdf())
    ev.attach_evidence_bytes(commune, FORM, PERIOD, "co_bcd_cds", "a.jpg", files.jpeg())
    _refused(commune, "evidence.duplicate", "co_bcd_cds", "b.jpg", files.jpeg())
    for n in range(4):
        ev.attach_evidence_bytes(
            commune, FORM, PERIOD, "co_bcd_cds", f"{n}.png", files.png((n, 0, 0))
        )
    _refused(commune, "evidence.too_many", "co_bcd_cds", "6.png", files.png((9, 9, 9)))


def test_copies_come_out_under_their_names(commune, tmp_path):
    ev.attach_evidence_bytes(commune, FORM, PERIOD, "co_bcd_cds", "Quyết định.pdf", files.pdf())
    ev.attach_evidence_bytes(
        commune, FORM, PERIOD, "co_ke_hoach_cntt", "Quyết định.pdf", files.pdf((1, 2, 3))
    )
    written = ev.extract_evidence(commune, FORM, PERIOD, tmp_path / "ra")
    assert sorted(p.name for p in written) == ["Quyết định (2).pdf", "Quyết định.pdf"]
    assert written[0].read_bytes() == files.pdf()
