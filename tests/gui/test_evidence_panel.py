"""Attaching evidence (tài liệu kiểm chứng) in the entry window, by clicks: the field's
"Kiểm chứng (n)" button, the dialog's file chooser (scripted), a file refused with its
reason, one attached, the required-evidence problem gone, the file opened and removed
(issue 18)."""

from __future__ import annotations

import pytest

from desktop_app.storage import get_report
from desktop_app.storage.evidence import report_evidence
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.evidence_panel import EvidenceDialog
from desktop_app.workspace.entry import load_values
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT
from tests.gui.clerk import click, open_window
from tests.gui.modal import when_modal
from tests.support import evidence_files as files
from tests.support import fleet as F

pytestmark = pytest.mark.gui
SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"


@pytest.fixture
def ws(tmp_path):
    with F.open_ws(tmp_path / "xa") as ws:
        setup_unit(ws, "02020", "current", clerk="Nông Thị Lan", leader="Hà Văn Tùng")
        load_values(ws, SAMPLE)
        yield ws


def _problem_fields(window) -> set[str]:
    return {p.field_id for p in window.session.result.problems if p.code == "evidence_required"}


def test_a_clerk_attaches_opens_and_removes_a_file(qtbot, ws, tmp_path):
    fake = tmp_path / "Quyết định.pdf"
    fake.write_bytes(files.WORD_DOC)  # a Word file renamed .pdf
    scan = tmp_path / "Quyết định thành lập BCĐ.pdf"
    scan.write_bytes(files.pdf())
    dialogs = ScriptedDialogs(files=[[str(fake)], [str(scan)]], answers=[True])
    window = open_window(qtbot, ws, dialogs)
    assert window.session.form.id == "cds-xa"
    entry = window.entry
    entry.go_to_field("co_bcd_cds")
    assert "co_bcd_cds" in _problem_fields(window)
    assert "kiểm chứng" in entry.row("co_bcd_cds").message.text()
    button = entry.evidence_buttons["co_bcd_cds"]
    assert button.text() == "Kiểm chứng (0)"
    seen = {}

    def attach(dialog: EvidenceDialog) -> None:
        click(qtbot, dialog.add_button)  # the Word file: refused, with why
        seen["refusal"] = dialog.message.text()
        seen["shown"] = dialog.message.isVisible()
        click(qtbot, dialog.add_button)  # the scan
        seen["listed"] = [dialog.files.item(i).text() for i in range(dialog.files.count())]
        seen["after"] = dialog.message.isVisible()
        click(qtbot, dialog.findChild(type(dialog.add_button), "evidenceClose"))

    when_modal(EvidenceDialog, attach)
    click(qtbot, button)
    qtbot.waitUntil(lambda: button.text() == "Kiểm chứng (1)")
    assert seen["shown"] and "nội dung là không phải PDF" in seen["refusal"]
    assert seen["listed"][0].startswith("Quyết định thành lập BCĐ.pdf") and not seen["after"]
    assert "co_bcd_cds" not in _problem_fields(window)
    assert entry.row("co_bcd_cds").message.text() == ""
    report = get_report(ws.db, "02020", "cds-xa", "2026")
    [row] = report_evidence(ws.db, report.id)
    assert row.name == "Quyết định thành lập BCĐ.pdf" and row.size == scan.stat().st_size

    def open_and_remove(dialog: EvidenceDialog) -> None:
        click(qtbot, dialog.open_button)
        click(qtbot, dialog.remove_button)  # asked first (scripted: yes)
        seen["left"] = dialog.files.count()
        dialog.accept()

    when_modal(EvidenceDialog, open_and_remove)
    click(qtbot, button)
    qtbot.waitUntil(lambda: button.text() == "Kiểm chứng (0)")
    [opened] = dialogs.opened_files
    assert opened.read_bytes() == scan.read_bytes() and opened.name == scan.name
    assert seen["left"] == 0 and report_evidence(ws.db, report.id) == []
    assert ("confirm", dialogs.shown[-1][1], dialogs.shown[-1][2]) == dialogs.shown[-1]
    assert "co_bcd_cds" in _problem_fields(window)
