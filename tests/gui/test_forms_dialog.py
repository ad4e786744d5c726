"""Công cụ → Biểu mẫu…: the forms and their sources, export to Excel, import back (a
workbook with an error is refused with its cell and installs nothing), and a form
packet from the parent installed after its fingerprint is confirmed (issue 18)."""

from __future__ import annotations

import datetime

import pytest
import yaml
from PySide6.QtCore import Qt

from desktop_app.storage.trust_entries import list_entries
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.workspace import Workspace
from desktop_app.workspace.form_library import import_form_workbook, publish_form_packet
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT
from tests.support import fleet as F
from tests.support.form_books import edited_form_workbook
from tests.support.plans import DISTRICT_PLAN, plan_file

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 11, 23)
XA = PROJECT / "forms" / "cntt-xa-2026.yaml"


def _workbook(version: str, bad_max: bool = False) -> bytes:
    bad = {("Chỉ tiêu", 3, "max"): "nhiều"} if bad_max else {}
    return edited_form_workbook({"version": version}, bad)


def _open(qtbot, ws, dialogs):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ws, dialogs=dialogs, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    dialog = window.maintenance.open_forms(modal=False)
    qtbot.addWidget(dialog)
    dialog.show()
    return window, dialog


def _sources(dialog) -> dict[tuple[str, str], str]:
    table = dialog.table
    return {
        (table.item(r, 0).text(), table.item(r, 1).text()): table.item(r, 5).text()
        for r in range(table.rowCount())
    }


def test_export_edit_and_import_from_the_window(qtbot, tmp_path):
    exported = tmp_path / "cntt-xa.xlsx"
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(_workbook("2026.5"))
    bad.write_bytes(_workbook("2026.6", bad_max=True))
    dialogs = ScriptedDialogs(files=[str(exported), str(bad), str(good)])
    with Workspace.open(tmp_path / "data") as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        window, dialog = _open(qtbot, ws, dialogs)
        assert _sources(dialog)[("cntt-xa", "2026.1")] == "Kèm chương trình"
        rows = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(rows.index("2026.1"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert exported.stat().st_size > 10_000
        assert yaml.safe_load(XA.read_bytes())["version"] == "2026.1"

        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=60_000)
        kind, _, text = dialogs.shown[-1]
        assert kind == "error" and "«Chỉ tiêu» " in text and "(max)" in text
        assert not (tmp_path / "data" / "forms").exists()

        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ("cntt-xa", "2026.5") in _sources(dialog), timeout=60_000)
        assert _sources(dialog)[("cntt-xa", "2026.5")] == "Nhập từ Excel"
        assert ws.forms.get("cntt-xa", 2026).version == "2026.5"
        window.close()


def test_a_parents_form_packet_is_installed_after_the_fingerprint(qtbot, tmp_path):
    district = F.make_district(tmp_path)
    authored = tmp_path / "cntt-xa-2026.2.xlsx"
    authored.write_bytes(_workbook("2026.2"))
    with F.open_ws(district) as ws:
        import_form_workbook(ws, authored)
        _, packet, fingerprint = publish_form_packet(ws, "cntt-xa", "2026.2", tmp_path, F.PASS)
    dialogs = ScriptedDialogs(answers=[True], files=[str(packet)])
    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        window, dialog = _open(qtbot, ws, dialogs)
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ("cntt-xa", "2026.2") in _sources(dialog), timeout=60_000)
        confirms = [text for kind, _, text in dialogs.shown if kind == "confirm"]
        assert len(confirms) == 1 and fingerprint.replace(":", "")[:4] in confirms[0].replace(
            ":", ""
        ).replace(" ", "")
        assert _sources(dialog)[("cntt-xa", "2026.2")] == "Cấp trên phát hành"
        assert [e.unit_code for e in list_entries(ws.db)] == [F.DISTRICT]
        window.close()


def test_the_district_publishes_a_form_with_its_plan_and_a_commune_installs_it(qtbot, tmp_path):
    from desktop_app.ui.publish_form_dialog import PublishFormDialog
    from desktop_app.workspace.plan_files import import_plan
    from desktop_app.workspace.plans import plan_for
    from tests.gui.clerk import type_text
    from tests.gui.modal import when_modal

    district = F.make_district(tmp_path)
    authored = tmp_path / "cntt-xa-2026.2.xlsx"
    authored.write_bytes(_workbook("2026.2"))
    plan = plan_file(tmp_path, DISTRICT_PLAN)
    out = tmp_path / "phat-hanh"
    dialogs = ScriptedDialogs(directories=[str(out)])
    published: list[PublishFormDialog] = []

    def answer(publish: PublishFormDialog) -> None:
        published.append(publish)
        qtbot.mouseClick(publish.browse_button, Qt.MouseButton.LeftButton)
        assert publish.folder.text() == str(out)
        qtbot.keyClick(publish.plan, Qt.Key.Key_Down)  # the plan for 2026
        publish.secret.setFocus()
        qtbot.keyClicks(publish.secret, "sai")
        qtbot.keyClick(publish.secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: any(kind == "error" for kind, *_ in dialogs.shown), timeout=30000)
        assert publish.published is None and not out.exists()
        type_text(publish.secret, F.PASS)
        qtbot.keyClick(publish.secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: publish.published is not None, timeout=30000)
        publish.reject()

    with F.open_ws(district) as ws:
        import_form_workbook(ws, authored)
        import_plan(ws, plan)
        window, dialog = _open(qtbot, ws, dialogs)
        assert dialog.publish_button.isVisibleTo(dialog)
        rows = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(rows.index("2026.2"))
        when_modal(PublishFormDialog, answer)
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
        publish = published[0]
        errors = [text for kind, _, text in dialogs.shown if kind == "error"]
        assert len(errors) == 1 and "Traceback" not in errors[0]
        _, packet, fingerprint = publish.published
        assert packet.parent == out and packet.is_file()
        assert packet.name in publish.done_label.text() and str(out) in publish.done_label.text()
        assert "kế hoạch kỳ 2026" in publish.done_label.text()
        window.close()

    commune = ScriptedDialogs(answers=[True], files=[str(packet)])
    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        window, dialog = _open(qtbot, ws, commune)
        assert not dialog.publish_button.isVisibleTo(dialog)  # a commune has no units below
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ("cntt-xa", "2026.2") in _sources(dialog), timeout=60_000)
        confirm = next(text for kind, _, text in commune.shown if kind == "confirm")
        assert fingerprint.replace(":", "")[:8] in confirm.replace(":", "").replace(" ", "")
        held = plan_for(ws, "cntt-xa", "2026")
        assert held is not None and held.number == "12/KH-UBND"
        window.close()
