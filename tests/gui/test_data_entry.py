"""The clerk's journey through the real widgets: first run, keyboard entry, live ratios,
rule errors, comments, undo/redo, copy from last period, English, reopening."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit

from desktop_app.storage import get_or_create_report, save_values
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.clerk import open_window, type_text

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture
def workspace(data_dir):
    """No unit set up yet: the first run's questions come first."""
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


def type_into(qtbot, window, field_id, text, key=Qt.Key.Key_Return):
    row = window.entry.row(field_id)
    window.entry.go_to_field(field_id)
    editor = row.editor
    if isinstance(editor, QLineEdit):
        editor.selectAll()
        if text.isascii():
            qtbot.keyClicks(editor, text)
        else:
            type_text(editor, text)
    qtbot.keyClick(editor, key)
    return row


def test_first_run_picks_binh_trung_by_typing_without_accents(qtbot, workspace):
    from desktop_app.ui.setup_dialog import SetupDialog

    dialog = SetupDialog(workspace.data_dir, dialogs=ScriptedDialogs())
    qtbot.addWidget(dialog)
    dialog.legacy.setChecked(True)
    qtbot.keyClicks(dialog.search, "binh trung cho don")
    dialog.run_search()
    assert dialog.results.count() >= 1
    assert dialog.results.item(0).text().startswith("02080 – Xã Bình Trung – Huyện Chợ Đồn")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)  # the clerk's own choice
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    type_text(dialog.clerk, "Nguye\u0302\u0303n Thị Hoa")  # Unikey in combining mode
    type_text(dialog.leader, "Hoàng Văn Minh")
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.unit_code, choice.catalogue) == ("02080", "legacy")
    setup_unit(workspace, choice.unit_code, choice.catalogue, choice.clerk, choice.leader)
    assert workspace.profile.clerk == "Nguyễn Thị Hoa"  # stored NFC


def test_setup_refuses_without_a_unit(qtbot, workspace):
    from desktop_app.ui.setup_dialog import SetupDialog

    dialogs = ScriptedDialogs()
    dialog = SetupDialog(workspace.data_dir, dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialogs.shown and dialogs.shown[0][0] == "error"


def test_keyboard_entry_ratio_rule_comment_and_reopen(qtbot, data_dir, workspace):
    setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    window = open_window(qtbot, workspace)
    assert window.form_combo.currentData() == "cntt-xa"  # a commune fills the commune form
    assert window.period_combo.currentData() == "2026"  # the current period preselected
    entry = window.entry

    # keyboard only: type, Enter commits and moves to the next field
    type_into(qtbot, window, "cbcc_tong", "23")
    assert QApplication.focusWidget() is entry.rows["cbcc_co_may_tinh"].editor
    qtbot.keyClicks(entry.rows["cbcc_co_may_tinh"].editor, "20")
    qtbot.keyClick(entry.rows["cbcc_co_may_tinh"].editor, Qt.Key.Key_Return)
    assert entry.rows["ty_le_cbcc_co_may_tinh"].editor.text() == "87,0"
    assert window.saved_label.text().startswith("Đã lưu lúc")

    # a part above its whole: error at the field and in the problems panel
    type_into(qtbot, window, "cbcc_co_may_tinh", "30")
    row = entry.rows["cbcc_co_may_tinh"]
    assert row.editor.property("problem") == "error" and row.message.isVisible()
    problems = window.problems.list
    texts = [problems.item(i).text() for i in range(problems.count())]
    assert any("không được lớn hơn" in t for t in texts)
    # clicking the problem jumps to its field
    window.entry.go_to_section(3)
    item = next(
        problems.item(i) for i in range(problems.count()) if "lớn hơn" in problems.item(i).text()
    )
    problems.itemActivated.emit(item)
    assert window.entry.nav.currentRow() == 0
    type_into(qtbot, window, "cbcc_co_may_tinh", "21")
    assert row.editor.property("problem") == ""

    # a malformed value is marked, kept as typed, and not saved
    type_into(qtbot, window, "may_tinh_tong", "hai mươi")
    bad = entry.rows["may_tinh_tong"]
    assert bad.editor.property("problem") == "error"
    assert bad.editor.text() == "hai mươi"
    assert window.session.value("may_tinh_tong") is None

    # a boolean by keyboard: type "C" for Có, Enter moves on
    combo = entry.rows["co_cap_quang"].editor
    assert isinstance(combo, QComboBox)
    window.entry.go_to_field("co_cap_quang")
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.session.value("co_cap_quang") is True

    # a comment on a value
    window.entry.go_to_field("cbcc_tong")
    from desktop_app.ui.notes_dialog import NotesDialog

    notes = NotesDialog(window.session, "cbcc_tong", "vi", window)
    qtbot.addWidget(notes)
    assert notes.table.rowCount() == 1  # one change so far: blank → 23
    notes.comment.setPlainText("Gồm 2 công chức tăng cường")
    notes.save()
    window._after_change()
    assert "✓" in entry.rows["cbcc_tong"].notes.text()

    window.close()
    workspace.close()
    with Workspace.open(data_dir) as again:
        reopened = open_window(qtbot, again)
        rows = reopened.entry.rows
        assert rows["cbcc_tong"].editor.text() == "23"
        assert rows["cbcc_co_may_tinh"].editor.text() == "21"
        assert rows["co_cap_quang"].editor.currentText() == "Có"
        assert reopened.session.comments["cbcc_tong"] == "Gồm 2 công chức tăng cường"
        reopened.close()


def test_vietnamese_numbers_and_undo_redo(qtbot, workspace):
    setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "kinh_phi_cntt", "1234.5")
    assert window.entry.rows["kinh_phi_cntt"].editor.text() == "1.234,5"
    type_into(qtbot, window, "kinh_phi_cntt", "2.000,25")
    assert window.session.value("kinh_phi_cntt") == Decimal("2000.25")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value("kinh_phi_cntt") == Decimal("1234.5")
    assert window.entry.rows["kinh_phi_cntt"].editor.text() == "1.234,5"
    window.commands.redo_action.trigger()
    assert window.entry.rows["kinh_phi_cntt"].editor.text() == "2.000,25"


def test_section_shortcuts_and_problems_shortcut(qtbot, workspace):
    setup_unit(workspace, "02080", "legacy")
    window = open_window(qtbot, workspace)
    window.commands.next_action.trigger()
    assert window.entry.nav.currentRow() == 1
    window.commands.prev_action.trigger()
    assert window.entry.nav.currentRow() == 0
    window.commands.problems_action.trigger()
    assert window.problems.list.hasFocus() or window.problems.list.count() >= 0


def test_copy_from_previous_period_with_preview(qtbot, workspace):
    setup_unit(workspace, "02080", "legacy")
    last = get_or_create_report(workspace.db, "02080", "cntt-xa", "2025.1", "2025")
    save_values(workspace.db, last.id, {"cbcc_tong": "22", "may_tinh_tong": "18"}, "x")
    window = open_window(qtbot, workspace)
    from desktop_app.ui.copy_dialog import CopyPreviousDialog

    dialog = CopyPreviousDialog(window.session, "vi", window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # keep may_tinh_tong blank
    copied = window.session.copy_from_previous(dialog.chosen())
    window._after_change()
    assert copied == ["cbcc_tong"]
    assert window.entry.rows["cbcc_tong"].editor.text() == "22"
    assert window.session.value("may_tinh_tong") is None


def test_switch_to_english_at_run_time(qtbot, workspace):
    setup_unit(workspace, "02080", "legacy")
    window = open_window(qtbot, workspace)
    window.settings.en_action.trigger()
    assert workspace.profile.language == "en"
    assert window.menuBar().actions()[0].text() == "&Report"
    assert window.entry.rows["cbcc_tong"].label.text().startswith("Total commune officials")
    assert window.problems_dock.windowTitle() == "Errors and warnings"
    window.settings.vi_action.trigger()
    assert window.menuBar().actions()[0].text() == "&Báo cáo"


def test_settings_cancelled_keep_text_that_cannot_be_saved(qtbot, workspace, monkeypatch):
    """Asked before the Settings dialog opens; Cancel there keeps the text, OK drops it
    (as agreed) without asking twice."""
    from desktop_app.ui.setup_dialog import SetupDialog

    setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    dialogs = ScriptedDialogs(answers=[True, True])
    window = open_window(qtbot, workspace, dialogs)
    type_into(qtbot, window, "may_tinh_tong", "hai mươi")
    monkeypatch.setattr(SetupDialog, "exec", lambda self: 0)  # the clerk presses Cancel
    window.settings.open_settings()
    assert len(dialogs.shown) == 1 and "1 ô chưa lưu được" in dialogs.shown[0][2]
    assert window.entry.rows["may_tinh_tong"].text() == "hai mươi"
    monkeypatch.setattr(SetupDialog, "exec", lambda self: 1)  # OK, nothing changed
    window.settings.open_settings()
    assert len(dialogs.shown) == 2  # asked once for this opening, not again on applying
    assert window.entry.rows["may_tinh_tong"].text() == ""
    assert workspace.profile.clerk == "Nguyễn Thị Hoa"


def test_switching_language_keeps_the_report_and_section(qtbot, workspace):
    setup_unit(workspace, "02080", "legacy")
    other = get_or_create_report(workspace.db, "02080", "cntt-huyen", "2026.1", "2026")
    save_values(workspace.db, other.id, {"cbcc_tong": "20"}, "Nguyễn Thị Hoa")
    window = open_window(qtbot, workspace)
    assert window.session.form.id == "cntt-xa"  # the unit's own form comes first
    window.open_report("cntt-huyen", "2026")
    window.entry.go_to_section(2)
    window.settings.en_action.trigger()
    assert window.session.form.id == "cntt-huyen" and window.form_combo.currentData() == (
        "cntt-huyen"
    )
    assert window.entry.nav.currentRow() == 2
    assert window.entry.rows["cbcc_tong"].editor.text() == "20"
    toolbar = window.toolbar
    window.settings.en_action.trigger()  # the language it already has: nothing rebuilt
    assert window.toolbar is toolbar


def test_a_report_that_cannot_open_after_a_rebuild_is_not_left_on_screen(
    qtbot, workspace, monkeypatch
):
    """After a language or unit change the window is rebuilt; if no report opens then,
    the old view (another unit's, another language's) does not stay editable."""
    from desktop_app.core.messages import AppError, Text
    from desktop_app.workspace.session import ReportSession

    setup_unit(workspace, "02080", "legacy")
    dialogs = ScriptedDialogs()
    window = open_window(qtbot, workspace, dialogs)
    old_view = window.entry

    def refuse(*_args):
        raise AppError("test.refused", Text("Không mở được.", "Cannot open."))

    monkeypatch.setattr(ReportSession, "open", refuse)
    window.settings.set_language("en")
    assert window.session is None and window.entry is None
    assert window.centralWidget() is not old_view
    assert not window.packets.export_action.isEnabled()
    assert dialogs.shown[-1][0] == "error" and "Cannot open." in dialogs.shown[-1][2]
    labels = [w.text() for w in window.centralWidget().findChildren(QLabel)]
    assert labels == ["No report of this unit could be opened."]


def test_a_form_not_yet_in_force_is_not_offered(qtbot, tmp_path):
    """A form whose first version is for a later year could only open on an error."""
    import shutil

    from desktop_app.core.forms import FormRegistry
    from tests.conftest import PROJECT

    forms = tmp_path / "forms"
    forms.mkdir()
    shutil.copy(PROJECT / "forms" / "cntt-xa-2026.yaml", forms)
    shutil.copy(PROJECT / "forms" / "form.schema.json", forms)
    later = (PROJECT / "forms" / "cntt-huyen-2026.yaml").read_text(encoding="utf-8")
    assert "\nyear: 2026\n" in later
    (forms / "cntt-huyen-2030.yaml").write_text(
        later.replace("\nyear: 2026\n", "\nyear: 2030\n"), encoding="utf-8"
    )
    ws = Workspace.open(tmp_path / "data", forms=FormRegistry.load(forms))
    try:
        setup_unit(ws, "02080", "legacy")
        window = open_window(qtbot, ws)
        combo = window.form_combo
        assert [combo.itemData(i) for i in range(combo.count())] == ["cntt-xa"]
        assert window.session.form.id == "cntt-xa"
        window.close()
    finally:
        ws.close()


def test_editing_an_exported_report_says_it_is_a_new_revision(qtbot, workspace):
    from desktop_app.storage import set_status

    setup_unit(workspace, "02080", "legacy")
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "cbcc_tong", "23")
    set_status(workspace.db, window.session.report.id, "exported", "test")
    window.open_report("cntt-xa", "2026")
    assert "Đã xuất gói" in window.status_label.text()
    type_into(qtbot, window, "cbcc_tong", "24")
    assert "lần sửa 2" in window.status_label.text()
    assert "lần sửa 2" in window.statusBar().currentMessage()


def test_text_not_accepted_is_never_dropped_without_asking(qtbot, workspace):
    """«hai mươi» in a number field cannot be saved. Ctrl+S, export, another report, a
    language switch or closing the window each stop at it, or ask before it is dropped."""
    setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    dialogs = ScriptedDialogs(answers=[False, False, False, True])
    window = open_window(qtbot, workspace, dialogs)
    type_into(qtbot, window, "may_tinh_tong", "19")
    row = type_into(qtbot, window, "may_tinh_tong", "hai mươi")
    assert row.editor.property("problem") == "error"
    panel = window.problems  # listed first, and a click on it goes back to the field
    first = panel.list.item(0)
    assert first.text().startswith("Chưa lưu: ") and "«hai mươi» không phải là số" in first.text()
    assert panel.summary.text().startswith("1 ô chưa lưu được.")
    section_index = window.entry.section_index("may_tinh_tong")
    section = window.entry.nav.item(section_index)
    assert "1 chưa lưu" in section.text()  # the section does not look done either
    window.entry.go_to_field("cbcc_tong")
    panel.list.itemClicked.emit(first)
    assert QApplication.focusWidget() is row.editor
    window.entry.go_to_field("cbcc_tong")

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "1 ô chưa lưu được" in window.statusBar().currentMessage()
    assert QApplication.focusWidget() is row.editor  # taken to the field
    window.packets.export_action.trigger()
    assert not any(w.isVisible() for w in window.findChildren(QDialog))
    assert dialogs.shown == []

    def choose_form(form_id: str) -> None:
        window.form_combo.setCurrentIndex(window.form_combo.findData(form_id))
        window.form_combo.activated.emit(window.form_combo.currentIndex())

    # another report: asked, and "no" keeps the report, the choices and the text
    choose_form("cntt-huyen")
    assert dialogs.shown[-1][0] == "confirm" and "1 ô chưa lưu được" in dialogs.shown[-1][2]
    assert window.session.form.id == "cntt-xa" and window.form_combo.currentData() == "cntt-xa"
    assert window.period_combo.currentData() == "2026"
    assert window.entry.rows["may_tinh_tong"].text() == "hai mươi"

    window.settings.set_language("en")  # asked again; "no" keeps Vietnamese and the text
    assert len(dialogs.shown) == 2 and window.menuBar().actions()[0].text() == "&Báo cáo"
    assert window.workspace.profile.language == "vi"

    assert not window.close()  # asked; "no" keeps the window open
    assert window.isVisible() and window.entry.rows["may_tinh_tong"].text() == "hai mươi"
    assert "Vẫn đóng phần mềm?" in dialogs.shown[-1][2]

    # "yes": the other report opens; back on this one the field shows what is saved
    choose_form("cntt-huyen")
    assert window.session.form.id == "cntt-huyen"
    choose_form("cntt-xa")
    assert window.entry.rows["may_tinh_tong"].text() == "19"
    assert len(dialogs.shown) == 4  # nothing unsaved left: no more questions
    assert "chưa lưu" not in window.entry.nav.item(section_index).text()
    assert not window.problems.summary.text().startswith("1 ô chưa lưu")

    # typing a wrong value then correcting it takes it off the panel
    type_into(qtbot, window, "may_tinh_tong", "2O")
    assert window.problems.list.item(0).text().startswith("Chưa lưu: ")
    type_into(qtbot, window, "may_tinh_tong", "20")
    assert not window.problems.list.count() or not window.problems.list.item(0).text().startswith(
        "Chưa lưu"
    )


def test_periods_offered_are_those_a_form_version_covers(qtbot, workspace):
    """No dead end: the current year and the four before it all have a version of cntt-xa
    (2022.1 covers 2022–2025), so all are offered; a year no version covers (2016) is
    offered only where a report is already held."""
    setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    window = open_window(qtbot, workspace)

    def offered() -> list[str]:
        combo = window.period_combo  # the toolbar is rebuilt with the window
        return [combo.itemData(i) for i in range(combo.count() - 2)]  # then "Kỳ khác…"

    assert offered() == ["2026", "2025", "2024", "2023", "2022"]
    held = get_or_create_report(workspace.db, "02080", "cntt-xa", "2017.1", "2016")
    save_values(workspace.db, held.id, {"cbcc_tong": "20"}, "Nguyễn Thị Hoa")
    window.build()
    assert offered() == ["2026", "2025", "2024", "2023", "2022", "2016"]


def test_the_focused_field_shows_last_periods_value_and_the_change(qtbot, workspace):
    """Issue 17: the previous period beside the value, in the field's help (the window is
    not widened); "—" where last year has none; a computed ratio too."""
    setup_unit(workspace, "02080", "legacy")
    last = get_or_create_report(workspace.db, "02080", "cntt-xa", "2022.1", "2025")
    save_values(workspace.db, last.id, {"cbcc_tong": "22", "cbcc_co_may_tinh": "11"}, "x")
    window = open_window(qtbot, workspace)
    entry = window.entry
    editor = entry.rows["cbcc_tong"].editor
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    type_text(editor, "25")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # saved, and on to the next field
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    assert entry.help.text().splitlines()[-1] == "Năm 2025: 22 (+3)"
    other = entry.rows["may_tinh_tong"].editor
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert entry.help.text().splitlines()[-1] == "Năm 2025: —"
    assert window.session.year_on_year("ty_le_cbcc_co_may_tinh").vi == "Năm 2025: 50,0"
