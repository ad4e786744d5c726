"""Issue 16, "noise that costs time and trust", in the entry window: a blank report is a
count of missing fields per section, not a wall of red; no placeholder looks like a
value; the thousands hint only where decimals are taken; labels, never field ids; an
explained warning stays readable; the window reopens where the clerk left off; a click
on a section puts the cursor in it; window shortcuts work from inside a text box; the
"Ghi chú" button opens the note.

Driven with real keys and mouse clicks on the real window."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from desktop_app.storage import get_or_create_report, save_values
from desktop_app.ui.problems_panel import PROBLEM_ROLE
from desktop_app.workspace import Workspace
from tests.gui.clerk import (
    CTRL,
    back_to,
    click,
    click_field,
    click_section,
    focused,
    key,
    open_window,
    type_into,
)
from tests.gui.modal import when_modal

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
Key = Qt.Key
PROJECT = Path(__file__).resolve().parents[2]


def messages(window) -> dict[str, str]:
    """The message under each field shown so far, by field id (empty ones left out)."""
    return {f: r.message.text() for f, r in window.entry.rows.items() if r.message.text()}


def listed(window) -> list[str]:
    panel = window.problems.list
    return [panel.item(i).text() for i in range(panel.count())]


def reject_export(dialog: QDialog) -> None:
    dialog.reject()


def test_a_blank_report_counts_missing_fields_and_flags_them_on_leaving(qtbot, workspace):
    window = open_window(qtbot, workspace)
    entry = window.entry
    form = window.session.form
    required = [f for f in form.input_fields if f.required]
    first = [f.id for f in form.sections[0].fields if f.required]

    # opened: no red wall, a count per section and in the panel's summary
    assert messages(window) == {}
    assert listed(window) == []
    assert entry.nav.item(0).text().endswith(f"0/8 · {len(first)} chưa nhập")
    assert entry.nav.item(0).foreground().color() != QColor("#b71c1c")
    assert window.problems.summary.text().startswith(f"{len(required)} ô bắt buộc chưa nhập.")
    # no placeholder that reads as a value
    for row in entry.rows.values():
        if isinstance(row.editor, QLineEdit):
            assert row.editor.placeholderText() in ("", "dd/mm/yyyy"), row.field.id

    # the clerk fills one field and leaves section I: its missing fields are flagged
    type_into(qtbot, window, "cbcc_tong", "10")
    key(qtbot, Key.Key_PageDown, CTRL)
    assert entry.nav.currentRow() == 1
    flagged = {f: m for f, m in messages(window).items() if m.startswith("Chưa nhập")}
    assert sorted(flagged) == sorted(set(first) - {"cbcc_tong"})
    assert entry.nav.item(0).foreground().color() == QColor("#b71c1c")
    assert len([t for t in listed(window) if "Chưa nhập" in t]) == len(first) - 1
    assert not any("Chưa nhập" in m for f, m in messages(window).items() if f.startswith("vb_"))

    # an export flags every section's missing fields
    when_modal(QDialog, reject_export)
    key(qtbot, Key.Key_E, CTRL)
    back_to(qtbot, window)
    assert len([t for t in listed(window) if "Chưa nhập" in t]) == len(required) - 1
    type_into(qtbot, window, "vb_di_tong", "120")
    assert window.entry.rows["vb_di_tong"].message.text() == ""


def test_the_thousands_hint_only_where_decimals_are_taken(qtbot, workspace):
    window = open_window(qtbot, workspace)
    count = type_into(qtbot, window, "vb_di_tong", "1.234")
    assert window.session.value("vb_di_tong") == 1234 and count.message.text() == ""
    assert count.text() == "1.234"
    budget = type_into(qtbot, window, "kinh_phi_cntt", "1.234")
    assert "1234" in budget.message.text() and "1,234" in budget.message.text()


def test_messages_name_fields_by_their_labels_only(qtbot, workspace):
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "cbcc_tong", "10")
    type_into(qtbot, window, "cbcc_co_may_tinh", "hai mươi")
    type_into(qtbot, window, "may_tinh_tong", "-3")
    ids = re.compile(r"\b(" + "|".join(window.session.form.fields) + r")\b")
    shown = [
        *messages(window).values(),
        *listed(window),
        window.problems.summary.text(),
        *(label.text() for label in window.findChildren(QLabel)),
    ]
    assert [t for t in shown if ids.search(t)] == []
    assert "«hai mươi» không phải là số" in messages(window)["cbcc_co_may_tinh"]
    assert "phải ≥ 0" in messages(window)["may_tinh_tong"]


def test_an_explained_warning_stays_readable(qtbot, workspace):
    report = get_or_create_report(workspace.db, "02080", "cntt-xa", "2026.1", "2026")
    save_values(workspace.db, report.id, {"cbcc_tong": "10", "cbcc_co_may_tinh": "8"}, "x")
    save_values(workspace.db, report.id, {"may_tinh_tong": "2"}, "x")
    window = open_window(qtbot, workspace)
    panel = window.problems
    row = next(i for i, t in enumerate(listed(window)) if "ít hơn một nửa" in t)
    item = panel.list.item(row)
    click(qtbot, panel.list.viewport(), panel.list.visualItemRect(item).center())
    click(qtbot, panel.explanation)
    qtbot.keyClicks(panel.explanation, "Can bo dung may ca nhan")
    click(qtbot, panel.save_explanation)
    explained = next(
        panel.list.item(i)
        for i in range(panel.list.count())
        if "đã giải trình" in listed(window)[i]
    )
    assert explained.isSelected()
    # drawn as on screen: the selected row holds dark text, not white on a pale ground
    image = panel.list.viewport().grab().toImage()
    rect = panel.list.visualItemRect(explained)
    dark = sum(
        1
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
        if QColor(image.pixel(x, y)).lightness() < 110
    )
    assert dark > 50


def test_reopening_returns_to_the_field_last_changed(qtbot, data_dir, workspace):
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "kinh_phi_cntt", "85,5")
    assert window.close()
    workspace.close()
    with Workspace.open(data_dir) as again:
        reopened = open_window(qtbot, again)
        entry = reopened.entry
        assert entry.nav.currentRow() == entry.section_index("kinh_phi_cntt")
        assert focused() is entry.rows["kinh_phi_cntt"].editor
        assert entry.fields.flagged == set()  # nothing left yet: nothing flagged
        reopened.close()


def test_a_click_on_a_section_puts_the_cursor_in_its_first_field(qtbot, workspace):
    window = open_window(qtbot, workspace)
    click_section(qtbot, window, 2)
    first = window.session.form.sections[2].fields[0].id
    assert focused() is window.entry.rows[first].editor
    qtbot.keyClicks(focused(), "5")
    key(qtbot, Key.Key_Return)
    assert window.session.value(first) == 5


def test_the_note_button_opens_the_note_of_its_field(qtbot, workspace):
    from desktop_app.ui.notes_dialog import NotesDialog

    window = open_window(qtbot, workspace)
    seen = []

    def look(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_modal(NotesDialog, look)
    click(qtbot, window.entry.rows["may_tinh_tong"].notes)
    assert len(seen) == 1 and "Tổng số máy tính" in seen[0]


def test_ctrl_e_from_a_field_exports_in_process(qtbot, workspace):
    window = open_window(qtbot, workspace)
    seen = []
    when_modal(QDialog, lambda dialog: (seen.append(dialog.objectName()), dialog.reject()))
    row = click_field(qtbot, window, "cbcc_tong")
    qtbot.keyClicks(row.editor, "12")
    key(qtbot, Key.Key_E, CTRL)
    assert seen == ["exportDialog"]
    assert window.session.value("cbcc_tong") == 12  # saved before the packet is made


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (xvfb)")
def test_ctrl_e_from_a_field_exports_under_x11(tmp_path):
    """Under X11 a line edit takes Ctrl+E as "end of line": the window's Ctrl+E (export)
    must reach the window from inside a field all the same. Run on a virtual X screen
    with the X11 key bindings the tester had (the offscreen platform has other ones)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.gui.x11_keys", str(tmp_path / "data")],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-1] == "EXPORT DIALOG 12", done.stdout


def test_an_explanation_typed_is_saved_on_leaving_the_box(qtbot, workspace):
    """Typed text in the explanation box was overwritten when another warning was
    chosen, and dropped on closing: it is saved on leaving the box, like a field."""
    report = get_or_create_report(workspace.db, "02080", "cntt-xa", "2026.1", "2026")
    values = {"cbcc_tong": "10", "cbcc_co_may_tinh": "8", "may_tinh_tong": "2"}
    save_values(workspace.db, report.id, {**values, "ho_so_tiep_nhan": "100"}, "x")
    save_values(workspace.db, report.id, {"ho_so_tre_han": "40", "ho_so_da_giai_quyet": "90"}, "x")
    window = open_window(qtbot, workspace)
    panel = window.problems

    def warning(n: int):  # the list grows as the jumps flag sections: found anew
        return panel.list.item([i for i, t in enumerate(listed(window)) if "Cảnh báo" in t][n])

    first = warning(0)
    rule = first.data(PROBLEM_ROLE).rule_id
    click(qtbot, panel.list.viewport(), panel.list.visualItemRect(first).center())
    click(qtbot, panel.explanation)
    qtbot.keyClicks(panel.explanation, "Can bo dung may ca nhan")
    second = warning(1)
    click(qtbot, panel.list.viewport(), panel.list.visualItemRect(second).center())
    qtbot.waitUntil(lambda: window.session.explanations.get(rule) == "Can bo dung may ca nhan")
    qtbot.waitUntil(lambda: any("đã giải trình" in t for t in listed(window)))

    # typed for the second one, then the window closed: saved, not dropped
    rule = panel.list.currentItem().data(PROBLEM_ROLE).rule_id
    click(qtbot, panel.explanation)
    qtbot.keyClicks(panel.explanation, "Ho so cho bo sung")
    assert window.close()
    assert window.session.explanations.get(rule) == "Ho so cho bo sung"
