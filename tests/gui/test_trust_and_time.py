"""Issue 14 in the window: the first receipt from the parent shows its signer and whole
fingerprint and asks before anything is applied (§7); the status board shows the signing
time and the time received (§3); the period choice offers no period that has not
started (§3)."""

from __future__ import annotations

import datetime
import shutil

import pytest
from PySide6.QtCore import Qt

from desktop_app.receiving.status import BoardRow
from desktop_app.storage import get_or_create_report, get_report
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.fingerprint_view import fingerprint_groups
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.receiving.board_model import BoardModel
from desktop_app.ui.receiving.receipt_trust_dialog import ReceiptTrustDialog
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace import receive as use
from tests.gui.modal import when_modal
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
A = "02080"
TODAY = datetime.date(2026, 12, 20)


@pytest.fixture(scope="module")
def receipt(tmp_path_factory):
    """The district's signed receipt accepting Bình Trung's packet, and the fleet."""
    chodon = F.build_fleet(tmp_path_factory)
    root = tmp_path_factory.mktemp("bien-nhan")
    with F.open_ws(F.fresh_district(chodon, root / "huyen")) as district, F.fast_keys():
        use.register_certificate(district, chodon.communes[A].cert, A)
        use.receive(district, [chodon.communes[A].packet])
        done = use.review(district, A, "cntt-xa", "2026", "accepted", "", root / "out",
                          secret=F.PASS)  # fmt: skip
    return chodon, done


def _commune_window(qtbot, receipt, tmp_path):
    chodon, done = receipt
    ws = F.open_ws(shutil.copytree(chodon.communes[A].data_dir, tmp_path / "xa"))
    dialogs = ScriptedDialogs(files=[str(done.path)])
    window = MainWindow(ws, dialogs=dialogs, today=TODAY)
    qtbot.addWidget(window)
    window.open_report("cntt-xa", "2026")
    return ws, window, dialogs


def test_the_first_receipt_shows_its_signer_and_asks_before_it_is_applied(qtbot, receipt, tmp_path):
    _, done = receipt
    ws, window, dialogs = _commune_window(qtbot, receipt, tmp_path)
    seen = {}

    def look_then_trust(dialog: ReceiptTrustDialog) -> None:
        seen["fingerprint"] = dialog.fingerprint_label.text()
        seen["signer"] = dialog.signer_label.text()
        seen["status"] = get_report(ws.db, A, "cntt-xa", "2026").status  # nothing applied yet
        seen["trusted"] = use.trust_list(ws)
        qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)

    when_modal(ReceiptTrustDialog, look_then_trust, tries=800)
    window.receiving.receipt_action.trigger()
    qtbot.waitUntil(lambda: dialogs.shown[-1][0] == "info", timeout=20000)
    assert seen["fingerprint"].split() == fingerprint_groups(done.fingerprint)  # all 32 bytes
    assert len(seen["fingerprint"].split()) == 4
    assert seen["signer"] == "UBND huyện Chợ Đồn"  # the district as its documents name it
    assert seen["status"] == "exported" and seen["trusted"] == []
    assert "tiếp nhận" in dialogs.shown[-1][2]
    assert get_report(ws.db, A, "cntt-xa", "2026").status == "accepted"
    [entry] = use.trust_list(ws)
    assert (entry.unit_code, entry.fingerprint) == (F.DISTRICT, done.fingerprint)
    window.close()
    ws.close()


def test_cancelling_applies_nothing(qtbot, receipt, tmp_path):
    ws, window, dialogs = _commune_window(qtbot, receipt, tmp_path)
    before = F.table_dump(ws.db, skip=())
    closed = []

    def cancel(dialog: ReceiptTrustDialog) -> None:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        closed.append(True)

    when_modal(ReceiptTrustDialog, cancel, tries=800)
    window.receiving.receipt_action.trigger()
    qtbot.waitUntil(lambda: bool(closed), timeout=20000)
    qtbot.wait(100)
    assert F.table_dump(ws.db, skip=()) == before
    assert [kind for kind, *_ in dialogs.shown] == ["files"]  # no message, nothing applied
    window.close()
    ws.close()


def test_the_board_shows_the_signing_time_and_the_time_received():
    row = BoardRow(
        A, "Xã Bình Trung", "submitted", revision=2,
        submitted_at="2027-01-10T08:00:00+07:00", first_submitted_at="2027-01-10T08:00:00+07:00",
        received_at="2027-01-22T14:05:00+07:00", on_time=False, days_late=5,
        signed_at="2027-01-21T02:00:00+00:00", first_signed_at="2027-01-20T01:30:00+00:00",
    )  # fmt: skip
    model = BoardModel("vi")
    model.set_rows([row])
    headers = [model.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(8)]
    signed, received = headers.index("Ngày ký"), headers.index("Ngày nhận")
    assert model.index(0, signed).data() == "20/01/2027 08:30"  # Vietnam time
    assert model.index(0, received).data() == "22/01/2027 14:05"
    tip = model.index(0, signed).data(Qt.ItemDataRole.ToolTipRole)
    assert "ký 21/01/2027 09:00" in tip and "nhận 22/01/2027 14:05" in tip
    assert "lần nộp đầu, ký 20/01/2027 08:30" in tip


def test_the_period_choice_offers_no_period_not_started(qtbot, tmp_path):
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.setup_unit import setup_unit

    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, A, "legacy")
        get_or_create_report(ws.db, A, "cntt-xa", "2026.1", "2099")  # made before the rule
        window = MainWindow(ws, dialogs=ScriptedDialogs(), today=TODAY)
        qtbot.addWidget(window)
        combo = window.toolbar.period_combo
        offered = [combo.itemData(i) for i in range(combo.count())]
        assert "2099" not in offered and "2027" not in offered and offered[0] == "2026"
        window.close()


def test_a_ca_issued_certificate_is_revoked_by_fingerprint_from_the_trust_list(
    qtbot, receipt, tmp_path
):
    import json

    from desktop_app.packets import certs
    from desktop_app.ui.receiving.trust_dialog import TrustDialog
    from tests import odd_certs as odd
    from tests import pki

    chodon, _ = receipt
    ca_key, ca_cert = pki.make_ca("CA thử")
    key, cert = odd.issued(ca_key, ca_cert, odd.naming(f"MĐV:{A}"))
    data = json.loads(json.dumps(F.packet_data(chodon.communes[A].packet), default=str))
    packet = tmp_path / f"{A}_cntt-xa_2026_r1.zip"
    packet.write_bytes(F.signed_packet(data, pki.signer_for(key, cert, [ca_cert])))
    with F.open_ws(F.fresh_district(chodon, tmp_path / "huyen")) as district:
        use.trust_ca(district, pki.pem(ca_cert).decode())
        assert use.receive(district, [packet]).outcomes[0].verdict == "accepted"
        fingerprint = certs.fingerprint(cert)
        dialogs = ScriptedDialogs(texts=[fingerprint.replace(":", ""), "Khoá bị lộ"])
        trust = TrustDialog(UiContext.of(district, dialogs, lang="vi"))
        qtbot.addWidget(trust)
        qtbot.mouseClick(trust.revoke_other_button, Qt.MouseButton.LeftButton)
        assert dialogs.shown[-1][0] == "info" and fingerprint in dialogs.shown[-1][2]
        [revoked] = [e for e in use.trust_list(district, include_ended=True) if not e.is_ca]
        assert (revoked.unit_code, revoked.end_reason, revoked.fingerprint) == (
            A,
            "revoked",
            fingerprint,
        )
        states = [trust.table.item(r, 5).text() for r in range(trust.table.rowCount())]
        assert any(s.startswith("Đã thu hồi") and "Khoá bị lộ" in s for s in states)
        data["revision"] = 2
        packet.write_bytes(F.signed_packet(data, pki.signer_for(key, cert, [ca_cert])))
        [again] = use.receive(district, [packet]).outcomes
        assert again.error.code == "packet.signer_revoked"
