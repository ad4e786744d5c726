"""Packets refused because nobody registered their signer: the officer selects the rows,
confirms each certificate by its whole fingerprint, and the packets are received again
(issue 16). Real packets exported by real commune workspaces, a real district."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.fingerprint_view import fingerprint_groups
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace import Workspace
from desktop_app.workspace import receive as use
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture(scope="module")
def two_communes(tmp_path_factory):
    root = tmp_path_factory.mktemp("hai-xa")
    packets = root / "packets"
    communes = [F.make_commune(code, root, packets) for code in F.commune_codes()[:2]]
    return communes, packets, F.make_district(root)


def click_row(table, row, modifier=Qt.KeyboardModifier.NoModifier):
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_register_the_unknown_signers_from_their_rows_and_receive_again(
    qtbot, two_communes, tmp_path
):
    import shutil

    from desktop_app.ui.receiving.receive_dialog import ReceiveDialog

    communes, packets, template = two_communes
    district_dir = shutil.copytree(template, tmp_path / "huyen")
    with Workspace.open(district_dir) as ws:
        dialogs = ScriptedDialogs(answers=[True, False], directories=[str(packets)])
        dialog = ReceiveDialog(UiContext.of(ws, dialogs, lang="vi"), tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        QTest.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        table = dialog.table
        assert [table.item(r, 2).text() for r in range(2)] == ["Từ chối"] * 2
        assert not dialog.register_button.isEnabled()  # nothing selected yet

        names = [table.item(r, 0).text() for r in range(2)]
        by_name = {c.packet.name: c for c in communes}
        first, second = by_name[names[0]], by_name[names[1]]
        click_row(table, 0)
        assert dialog.register_button.isEnabled()
        assert dialog.register_button.text() == (
            f"Đăng ký chứng thư này cho đơn vị {first.name} ({first.code})…"
        )
        click_row(table, 1, Qt.KeyboardModifier.ControlModifier)
        assert dialog.register_button.text() == "Đăng ký chứng thư cho 2 đơn vị đã chọn…"

        before = dialog.report
        QTest.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
        asked = [s[2] for s in dialogs.shown if s[0] == "confirm"]
        assert len(asked) == 2  # each confirmed on its own, by its whole fingerprint
        for question, commune in zip(asked, (first, second), strict=True):
            assert "\n".join(fingerprint_groups(commune.fingerprint)) in question
            assert f"{commune.name} ({commune.code})" in question
        qtbot.waitUntil(lambda: dialog.report is not before, timeout=60000)
        # The one confirmed is registered and received again; the other is not.
        assert table.rowCount() == 1 and table.item(0, 0).text() == first.packet.name
        assert table.item(0, 2).text() == "Đã nhận"
        trusted = {e.unit_code: e.fingerprint for e in use.trust_list(ws)}
        assert trusted == {first.code: first.fingerprint}
