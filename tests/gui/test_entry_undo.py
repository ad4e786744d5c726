"""Issue 16, "wrong values and lost text": Ctrl+Z / Ctrl+Y are the report's undo and redo
whenever the focused field holds its saved value; no field ever shows text that is
neither its saved value nor what the clerk just typed; the "not saved" mark follows the
truth; closing commits the field being typed and names only what is really unsaved.

Everything is driven with real keys and mouse clicks on the real window."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox

from desktop_app.storage import get_or_create_report, save_values
from desktop_app.ui.dialogs import ScriptedDialogs
from tests.gui.clerk import (
    CTRL,
    SHIFT,
    back_to,
    choose_menu,
    click,
    click_field,
    focused,
    key,
    open_window,
    replace_text,
    stored,
    type_into,
    value_rows,
)
from tests.gui.modal import when_modal

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
Key = Qt.Key


def texts(window, *field_ids):
    return [window.entry.rows[f].text() for f in field_ids]


# -- Ctrl+Z after Enter --------------------------------------------------------------------


def budget_changed_to_90(qtbot, window, leave):
    """The issue's steps: the budget saved as 85,5 and the spending as 50 (typed, so the
    spending's editor has its own undo history), then the budget changed to 90 and left
    with ``leave``."""
    type_into(qtbot, window, "kinh_phi_cntt", "85,5")
    assert focused() is window.entry.rows["kinh_phi_da_chi"].editor  # Enter moved on
    replace_text(qtbot, focused(), "50")
    key(qtbot, Key.Key_Return)
    row = type_into(qtbot, window, "kinh_phi_cntt", "90", k=None)
    leave(qtbot, window, row)
    assert window.session.value("kinh_phi_cntt") == 90


def by_enter(qtbot, window, row):
    key(qtbot, Key.Key_Return, widget=row.editor)


def by_tab(qtbot, window, row):
    key(qtbot, Key.Key_Tab, widget=row.editor)


def by_shift_tab(qtbot, window, row):
    key(qtbot, Key.Key_Backtab, SHIFT, widget=row.editor)


def by_click(qtbot, window, row):
    click_field(qtbot, window, "kinh_phi_da_chi")


@pytest.mark.parametrize("leave", [by_enter, by_tab, by_shift_tab, by_click])
def test_ctrl_z_after_leaving_a_field_undoes_the_report(qtbot, workspace, leave):
    window = open_window(qtbot, workspace)
    budget_changed_to_90(qtbot, window, leave)
    landed = focused()
    assert landed is not window.entry.rows["kinh_phi_cntt"].editor

    key(qtbot, Key.Key_Z, CTRL)  # in whatever field the cursor landed

    assert window.session.value("kinh_phi_cntt") == Decimal("85.5")
    assert stored(window)["kinh_phi_cntt"] == "85.5"
    assert texts(window, "kinh_phi_cntt", "kinh_phi_da_chi") == ["85,5", "50"]
    assert stored(window)["kinh_phi_da_chi"] == "50"
    assert value_rows(window, "kinh_phi_da_chi") == [(None, "50")]  # nothing stale saved


def test_the_edit_menu_undo_never_saves_a_stale_text(qtbot, workspace):
    """Ctrl+Z, then Sửa → Hoàn tác with the mouse: both are the report's undo; the field
    the cursor is in never shows, nor saves, what its editor held minutes earlier."""
    window = open_window(qtbot, workspace)
    budget_changed_to_90(qtbot, window, by_enter)
    key(qtbot, Key.Key_Z, CTRL)
    choose_menu(qtbot, window, "Sửa", "Hoàn tác")  # undoes the spending's 50
    assert texts(window, "kinh_phi_cntt", "kinh_phi_da_chi") == ["85,5", ""]
    assert value_rows(window, "kinh_phi_da_chi") == [(None, "50"), ("50", None)]
    assert value_rows(window, "kinh_phi_cntt") == [(None, "85.5"), ("85.5", "90"), ("90", "85.5")]
    problems = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert not any(p.startswith("Chưa lưu") for p in problems)


def test_ctrl_y_redoes_and_the_restored_field_holds_no_stale_undo(qtbot, workspace):
    window = open_window(qtbot, workspace)
    budget_changed_to_90(qtbot, window, by_enter)
    key(qtbot, Key.Key_Z, CTRL)
    assert focused() is window.entry.rows["kinh_phi_cntt"].editor  # taken to what changed
    key(qtbot, Key.Key_Y, CTRL)
    assert window.session.value("kinh_phi_cntt") == 90
    assert texts(window, "kinh_phi_cntt") == ["90"]
    key(qtbot, Key.Key_Z, CTRL)  # the report's undo again, not the editor's history
    assert texts(window, "kinh_phi_cntt") == ["85,5"]
    key(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)  # the other redo key
    assert texts(window, "kinh_phi_cntt") == ["90"] and stored(window)["kinh_phi_cntt"] == "90"


def test_ctrl_z_while_typing_undoes_the_typing_only(qtbot, workspace):
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "kinh_phi_cntt", "85,5")
    row = type_into(qtbot, window, "kinh_phi_cntt", "90", k=None)
    key(qtbot, Key.Key_Z, CTRL)
    assert row.text() == "85,5"  # back to the saved value, nothing saved or undone
    assert value_rows(window, "kinh_phi_cntt") == [(None, "85.5")]
    key(qtbot, Key.Key_Z, CTRL)  # unchanged now: the report's undo
    assert row.text() == "" and window.session.value("kinh_phi_cntt") is None


def test_ctrl_z_after_a_date_a_choice_and_a_multiline_text(qtbot, workspace):
    window = open_window(qtbot, workspace)
    entry = window.entry
    # a date, left with Enter, lands in a number field
    type_into(qtbot, window, "ngay_ban_hanh_ke_hoach_cntt", "05/01/2026")
    assert focused() is entry.rows["kinh_phi_cntt"].editor
    key(qtbot, Key.Key_Z, CTRL)
    assert window.session.value("ngay_ban_hanh_ke_hoach_cntt") is None
    assert texts(window, "ngay_ban_hanh_ke_hoach_cntt") == [""]
    # a choice picked with the keyboard, then Ctrl+Z in the combo itself
    combo = click_field(qtbot, window, "hinh_thuc_phu_trach_cntt").editor
    assert isinstance(combo, QComboBox)
    key(qtbot, Key.Key_Down)  # in the open list
    key(qtbot, Key.Key_Return)
    assert window.session.value("hinh_thuc_phu_trach_cntt") == "chuyen_trach"
    assert focused() is combo
    key(qtbot, Key.Key_Z, CTRL)
    assert window.session.value("hinh_thuc_phu_trach_cntt") is None
    assert combo.currentData() == ""
    # a multi-line text, committed with Ctrl+Enter, undone from the next text box
    row = type_into(qtbot, window, "kho_khan_vuong_mac", "Thiếu máy tính")
    assert focused() is entry.rows["de_xuat_kien_nghi"].editor
    key(qtbot, Key.Key_Z, CTRL)
    assert window.session.value("kho_khan_vuong_mac") is None and row.text() == ""
    key(qtbot, Key.Key_Y, CTRL)
    assert row.text() == "Thiếu máy tính"
    # typing in a multi-line text: Ctrl+Z undoes the typing, the report keeps its value
    replace_text(qtbot, row.editor, " nữa")
    key(qtbot, Key.Key_Z, CTRL, widget=row.editor)
    assert row.text() == "Thiếu máy tính"
    assert window.session.value("kho_khan_vuong_mac") == "Thiếu máy tính"


def test_copy_from_last_period_is_one_undo_step_from_any_field(qtbot, workspace):
    last = get_or_create_report(workspace.db, "02080", "cntt-xa", "2026.1", "2025")
    save_values(workspace.db, last.id, {"cbcc_tong": "22", "may_tinh_tong": "18"}, "x")
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "cbcc_tong", "20")  # typed: the editor has an undo history

    def accept(dialog: QDialog) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))

    from desktop_app.ui.copy_dialog import CopyPreviousDialog

    when_modal(CopyPreviousDialog, accept)
    choose_menu(qtbot, window, "Báo cáo", "Sao chép từ kỳ trước…")
    back_to(qtbot, window)
    assert texts(window, "cbcc_tong", "may_tinh_tong") == ["22", "18"]
    click_field(qtbot, window, "cbcc_tong")
    key(qtbot, Key.Key_Z, CTRL)
    assert texts(window, "cbcc_tong", "may_tinh_tong") == ["20", ""]
    assert stored(window) == {"cbcc_tong": "20"}


def test_escape_puts_the_saved_value_back(qtbot, workspace):
    """Escape drops what is being typed in the field, as in a spreadsheet cell; the
    saved value is shown, nothing is saved, nothing stays marked."""
    window = open_window(qtbot, workspace)
    type_into(qtbot, window, "cbcc_tong", "23")
    row = type_into(qtbot, window, "cbcc_tong", "hai mươi")  # refused on Enter
    assert row.editor.property("problem") == "error"
    key(qtbot, Key.Key_Escape, widget=row.editor)
    assert row.text() == "23" and row.editor.property("problem") == ""
    assert window.entry.unsaved_fields() == []
    replace_text(qtbot, row.editor, "24")  # typed, not entered
    key(qtbot, Key.Key_Escape, widget=row.editor)
    assert row.text() == "23" and window.session.value("cbcc_tong") == 23
    key(qtbot, Key.Key_Escape, widget=row.editor)  # nothing typed: nothing happens
    assert row.text() == "23" and value_rows(window, "cbcc_tong") == [(None, "23")]
    assert window.isVisible()


# -- a stale "not saved" mark --------------------------------------------------------------


def test_a_value_saved_after_a_refusal_is_not_marked_unsaved(qtbot, workspace):
    """The issue's steps: «hai mươi» refused, then a number that breaks a rule is saved:
    the field shows the rule, not "unsaved"; Enter moves on; Ctrl+S says all is saved;
    a value typed next is saved on closing, without a question."""
    dialogs = ScriptedDialogs(answers=[False])
    window = open_window(qtbot, workspace, dialogs)
    entry = window.entry
    type_into(qtbot, window, "cbcc_tong", "10")
    row = entry.rows["cbcc_co_may_tinh"]
    assert focused() is row.editor
    replace_text(qtbot, row.editor, "hai mươi")
    key(qtbot, Key.Key_Return)
    assert focused() is row.editor and entry.unsaved_fields() == ["cbcc_co_may_tinh"]
    replace_text(qtbot, row.editor, "30")  # more than the 10 officials: a rule error
    key(qtbot, Key.Key_Return)
    assert value_rows(window, "cbcc_co_may_tinh") == [(None, "30")]
    assert focused() is entry.rows["may_tinh_tong"].editor  # Enter moved on
    assert entry.unsaved_fields() == []
    assert row.editor.property("problem") == "error"
    assert "không được lớn hơn" in row.message.text() and "«hai mươi»" not in row.message.text()
    assert "chưa lưu" not in entry.nav.item(0).text()
    panel = window.problems
    assert not panel.list.item(0).text().startswith("Chưa lưu")
    key(qtbot, Key.Key_Return, widget=row.editor)  # Enter on the saved field moves on too
    assert focused() is entry.rows["may_tinh_tong"].editor
    key(qtbot, Key.Key_S, CTRL)
    assert "đã được lưu" in window.statusBar().currentMessage()

    replace_text(qtbot, focused(), "7")  # typed, not entered, then the window closed
    assert window.close()
    assert dialogs.shown == []  # nothing to ask: everything typed is saved
    assert stored(window)["may_tinh_tong"] == "7"


def test_closing_saves_the_field_being_typed_and_names_only_what_is_unsaved(qtbot, workspace):
    dialogs = ScriptedDialogs(answers=[False, True])
    window = open_window(qtbot, workspace, dialogs)
    type_into(qtbot, window, "cbcc_tong", "10")
    type_into(qtbot, window, "cbcc_co_may_tinh", "30")  # saved, breaks a rule
    refused = type_into(qtbot, window, "may_tinh_tong", "hai mươi")
    typing = type_into(qtbot, window, "vb_di_tong", "120", k=None)
    assert not window.close()  # "Không": the window stays
    assert len(dialogs.shown) == 1 and dialogs.shown[0][2].startswith("1 ô chưa lưu được")
    assert stored(window)["vb_di_tong"] == "120"  # the field being typed was saved first
    assert focused() is refused.editor  # taken to the one that is really unsaved
    assert typing.text() == "120" and refused.text() == "hai mươi"
    assert window.close()  # "Có": closed, the refused text dropped as agreed
    assert stored(window) == {
        "cbcc_tong": "10",
        "cbcc_co_may_tinh": "30",
        "vb_di_tong": "120",
    }


def test_switching_language_saves_the_field_being_typed(qtbot, workspace):
    dialogs = ScriptedDialogs()
    window = open_window(qtbot, workspace, dialogs)
    type_into(qtbot, window, "cbcc_tong", "12", k=None)
    choose_menu(qtbot, window, "Ngôn ngữ", "English")
    assert dialogs.shown == [] and window.workspace.profile.language == "en"
    assert stored(window) == {"cbcc_tong": "12"}
    assert window.entry.rows["cbcc_tong"].text() == "12"
    assert focused() is window.entry.rows["cbcc_tong"].editor  # still where the clerk was


def test_tab_goes_through_the_fields_in_form_order_across_sections(qtbot, workspace):
    """Tab at a section's last field went to the toolbar's form choice, where an arrow
    key switches the report; it goes on to the next section's first field, like Enter,
    and Shift+Tab comes back."""
    window = open_window(qtbot, workspace)
    entry = window.entry
    row = type_into(qtbot, window, "kinh_phi_da_chi", "50", k=Key.Key_Tab)
    assert stored(window)["kinh_phi_da_chi"] == "50"
    first_vii = window.session.form.sections[6].fields[0].id
    assert focused() is entry.rows[first_vii].editor
    assert entry.nav.currentRow() == 6
    key(qtbot, Key.Key_Backtab, SHIFT)
    assert focused() is row.editor and entry.nav.currentRow() == 5
    key(qtbot, Key.Key_Tab)
    key(qtbot, Key.Key_Tab)
    assert focused() is entry.rows[window.session.form.sections[6].fields[2].id].editor
