"""The receiving unit appraises its children's self-assessed scores (issue 18): an item
set down with a reason, the official score the sum of the appraised items, the ranking by
official score naming the units not fully appraised, and the appraisal sent back in the
signed receipt, which the commune reads."""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal

import pytest

from desktop_app.core.messages import AppError
from desktop_app.storage import history
from desktop_app.workspace import receive as use
from desktop_app.workspace.appraisal import (
    appraise,
    official_ranking,
    unit_appraisal,
)
from desktop_app.workspace.appraisal_held import held_appraisal
from tests.integration.cli_helpers import cli
from tests.support import fleet as F
from tests.support.pages import pdf_text

A, B = "02080", "02083"


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture
def district(chodon, tmp_path):
    data_dir = F.fresh_district(chodon, tmp_path / "huyen")
    with F.open_ws(data_dir) as ws:
        for code in (A, B):
            use.register_certificate(ws, chodon.communes[code].cert, code)
        use.receive(ws, [chodon.communes[A].packet, chodon.communes[B].packet])
    return data_dir


def test_an_item_appraised_down_changes_the_official_score_and_rank(district):
    with F.open_ws(district) as ws:
        a = unit_appraisal(ws, A, "cntt-xa", "2026")
        item = next(i for i in a.items if i.self_points > 0)
        with pytest.raises(AppError) as no_reason:
            appraise(ws, A, "cntt-xa", "2026", item.item_id, "0")
        assert no_reason.value.code == "appraisal.reason_required"
        with pytest.raises(AppError) as too_many:
            appraise(ws, A, "cntt-xa", "2026", item.item_id, str(item.maximum + 1), "x")
        assert too_many.value.code == "appraisal.out_of_range"
        with pytest.raises(AppError) as unknown:
            appraise(ws, A, "cntt-xa", "2026", "khong_co", None)
        assert unknown.value.code == "appraisal.unknown_item"
        after = appraise(
            ws, A, "cntt-xa", "2026", item.item_id, "0", "Không có tài liệu kiểm chứng."
        )
        assert after.official_total == a.self_total - item.self_points
        assert after.self_total == a.self_total and not after.complete
        b = unit_appraisal(ws, B, "cntt-xa", "2026")
        for i in b.items:
            appraise(ws, B, "cntt-xa", "2026", i.item_id, None)
        rows = {r.unit_code: r for r in official_ranking(ws, "cntt-xa", "2026")}
        assert rows[B].complete and not rows[A].complete
        assert rows[B].official_total == b.self_total
        audited = [h for h in history(ws.db, None) if h.kind == "appraisal"]
        assert len(audited) == 1 + len(b.items)
    text = cli(district, "appraisal", "rank", "--form", "cntt-xa", "--period", "2026", check=0).out
    assert "chưa thẩm định xong" in text


def test_the_appraisal_goes_back_with_the_receipt(chodon, district, tmp_path):
    with F.open_ws(district) as ws:
        item = next(i for i in unit_appraisal(ws, A, "cntt-xa", "2026").items if i.self_points > 1)
        appraise(ws, A, "cntt-xa", "2026", item.item_id, "1", "Chỉ một phần có kiểm chứng.")
        result = use.review(
            ws, A, "cntt-xa", "2026", "accepted", "", tmp_path / "out", secret=F.PASS
        )
    with zipfile.ZipFile(result.path) as archive:
        receipt = json.loads(archive.read("receipt.json"))
    sent = receipt["appraisal"]["items"][item.item_id]
    assert (sent["appraised"], sent["reason"]) == ("1", "Chỉ một phần có kiểm chứng.")
    commune = shutil.copytree(chodon.communes[A].data_dir, tmp_path / "xa")
    with F.open_ws(commune) as ws:
        use.open_receipt(ws, result.path, fingerprint=result.fingerprint)
        held = held_appraisal(ws, "cntt-xa", "2026")
    assert held is not None and held["items"][item.item_id]["appraised"] == "1"
    assert Decimal(held["official_total"]) < Decimal(held["self_total"])
    shown = cli(commune, "appraisal", "held", "--form", "cntt-xa", "--period", "2026", check=0).out
    assert "Chỉ một phần có kiểm chứng." in shown


def test_the_printed_report_carries_the_appraisal_apart(district, tmp_path):
    """The consolidated report has no appraisal part before any item is appraised; after,
    a part of its own (PDF) and a sheet (workbook) with the official ranking, the unit
    not fully appraised named, and each item set down with its reason; the computed
    ranking beside it is unchanged."""
    from openpyxl import load_workbook

    from desktop_app.workspace.district import write_district_reports

    with F.open_ws(district) as ws:
        before = write_district_reports(ws, "cntt-xa", "2026", tmp_path / "truoc")
        item = next(i for i in unit_appraisal(ws, A, "cntt-xa", "2026").items if i.self_points > 1)
        appraise(ws, A, "cntt-xa", "2026", item.item_id, "1", "Thiếu quyết định kiểm chứng.")
        after = write_district_reports(ws, "cntt-xa", "2026", tmp_path / "sau")
    assert "KẾT QUẢ THẨM ĐỊNH" not in pdf_text(before.pdf)
    assert "Thẩm định" not in load_workbook(before.xlsx).sheetnames
    text = pdf_text(after.pdf)
    assert "KẾT QUẢ THẨM ĐỊNH" in text and "Thiếu quyết định kiểm chứng." in text
    assert "Còn 2 đơn vị chưa được thẩm định đủ" in text
    sheet = load_workbook(after.xlsx)["Thẩm định"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Thiếu quyết định kiểm chứng." in cells and "Chưa thẩm định đủ" in cells
    assert before.district.ranking.rows == after.district.ranking.rows
