"""The commune's side of thẩm định (issue 18): before a receipt, Báo cáo → Kết quả thẩm
định… says there is none yet; once the district's receipt carrying its appraisal is
opened, the receipt's message and the status bar give the official score against the
self-assessed one, and the dialog shows each item's own and appraised points with the
district's reason."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal

import pytest

from desktop_app.core.numbers import format_number
from desktop_app.ui.appraisal_result_dialog import AppraisalResultDialog
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.receiving.receipt_trust_dialog import ReceiptTrustDialog
from desktop_app.workspace import receive as use
from desktop_app.workspace.appraisal import appraise, unit_appraisal
from tests.gui.modal import when_modal
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 12, 20)
A = "02080"
REASON = "Chỉ một phần có biên bản kiểm chứng."


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


def test_the_commune_sees_the_appraised_score(qtbot, chodon, tmp_path):
    data_dir = F.fresh_district(chodon, tmp_path / "huyen")
    with F.open_ws(data_dir) as ws, F.fast_keys():
        use.register_certificate(ws, chodon.communes[A].cert, A)
        use.receive(ws, [chodon.communes[A].packet])
        before = unit_appraisal(ws, A, "cntt-xa", "2026")
        row = next(i for i, item in enumerate(before.items) if item.self_points > 1)
        item = before.items[row]
        after = appraise(ws, A, "cntt-xa", "2026", item.item_id, "1", REASON)
        result = use.review(
            ws, A, "cntt-xa", "2026", "accepted", "", tmp_path / "bn", secret=F.PASS
        )
    commune = shutil.copytree(chodon.communes[A].data_dir, tmp_path / "xa")
    dialogs = ScriptedDialogs(files=[str(result.path)])
    with F.open_ws(commune) as ws:
        window = MainWindow(ws, dialogs=dialogs, today=TODAY)
        qtbot.addWidget(window)
        window.open_report("cntt-xa", "2026")
        assert "thẩm định" not in window.status_label.text()
        window.receiving.appraisal_action.trigger()
        assert dialogs.shown[-1][0] == "info" and "chưa gửi kết quả" in dialogs.shown[-1][2]

        when_modal(ReceiptTrustDialog, lambda d: d.trust_button.click(), tries=800)
        window.receiving.receipt_action.trigger()
        qtbot.waitUntil(lambda: dialogs.shown[-1][1] == "Biên nhận", timeout=20000)
        kind, _title, text = dialogs.shown[-1]
        official = format_number(after.official_total, 2)
        own = format_number(after.self_total, 2)
        assert kind == "info" and "Cấp trên đã thẩm định" in text and official in text
        status = window.status_label.text()
        assert f"Điểm thẩm định: {official} (tự đánh giá {own})" in status
        assert "chưa thẩm định xong" in status  # one item of many

        seen: dict[str, object] = {}

        def read(dialog: AppraisalResultDialog) -> None:
            table = dialog.table
            seen["row"] = [table.item(row, c).text() for c in range(table.columnCount())]
            seen["rows"] = table.rowCount()
            seen["totals"] = dialog.totals.text()
            dialog.accept()

        when_modal(AppraisalResultDialog, read)
        window.receiving.appraisal_action.trigger()
        title, _value, own_points, appraised, reason = seen["row"]
        assert title == item.title.vi and seen["rows"] == len(before.items)
        assert (own_points, appraised, reason) == (
            format_number(item.self_points, 2),
            "1,00",
            REASON,
        )
        assert official in seen["totals"] and own in seen["totals"]
        assert after.official_total == after.self_total - item.self_points + Decimal(1)
        window.close()
