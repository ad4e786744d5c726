"""Text from the real world in the window (issue 14 §5): the window's fields, notes and
explanations go through the same core function as ``values set``/``values load``, so a
Word line break becomes a line break and any other control character, or a text over
its limit, is refused with the same message; nothing is saved, nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.values import ValueRejected, parse_input
from desktop_app.ui.dialogs import ScriptedDialogs
from tests.gui.clerk import open_window, type_text

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture
def window(qtbot, workspace):
    shown = open_window(qtbot, workspace)
    yield shown
    shown.close()


def _type_free_text(qtbot, window, field_id: str, text: str):
    window.entry.go_to_field(field_id)
    row = window.entry.rows[field_id]
    row.editor.selectAll()
    type_text(row.editor, text)  # as pasted: the input method commits it whole
    qtbot.keyClick(row.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return row


def test_a_word_line_break_is_saved_as_a_line_break(qtbot, window):
    _type_free_text(qtbot, window, "kho_khan_vuong_mac", "Mạng chập chờn\vMáy cũ")
    assert window.session.value("kho_khan_vuong_mac") == "Mạng chập chờn\nMáy cũ"


def test_a_control_character_is_refused_with_the_clis_message(qtbot, window):
    typed = "Mạng chập chờn\x07"
    row = _type_free_text(qtbot, window, "kho_khan_vuong_mac", typed)
    assert row.editor.property("problem") == "error" and row.message.isVisible()
    field = window.session.form.fields["kho_khan_vuong_mac"]
    with pytest.raises(ValueRejected) as cli_side:  # what values set says
        parse_input(field, typed)
    # the same reason; the window leaves out the «label» (id) the CLI puts in front,
    # since the label stands beside the field
    assert row.message.text() == cli_side.value.reason.vi
    assert cli_side.value.message.vi.endswith(row.message.text())
    assert "U+0007" in row.message.text()
    assert window.session.value("kho_khan_vuong_mac") is None  # nothing saved
    assert row.text() == typed  # nothing typed lost


def test_a_long_one_line_paste_is_refused_not_cut_short(qtbot, window):
    """The one-line editors used to cut pasted text at max_length without a word."""
    type_text_field = window.session.form.fields["kho_khan_vuong_mac"]
    assert type_text_field.text_limit == 4000
    row = _type_free_text(qtbot, window, "kho_khan_vuong_mac", "Khó khăn " * 445)
    assert row.editor.property("problem") == "error" and "4000" in row.message.text()
    assert len(row.text()) == len("Khó khăn " * 445)


def test_a_refused_comment_stays_in_its_box_with_the_reason(qtbot, window):
    from desktop_app.ui.notes_dialog import NotesDialog

    window.entry.go_to_field("cbcc_tong")
    notes = NotesDialog(window.session, "cbcc_tong", "vi", window)
    qtbot.addWidget(notes)
    notes.show()
    for text, shown in (("Gồm\x1b2 người", "U+001B"), ("x" * 1001, "1000")):
        notes.comment.setPlainText(text)
        notes.save()
        assert notes.error.isVisible() and shown in notes.error.text()
        assert "(cbcc_tong)" in notes.error.text()
        assert notes.result() != notes.DialogCode.Accepted and notes.isVisible()
        assert notes.comment.toPlainText() == text
        assert "cbcc_tong" not in window.session.comments
    notes.comment.setPlainText("Gồm\v2 người")
    notes.save()
    assert notes.result() == notes.DialogCode.Accepted
    assert window.session.comments["cbcc_tong"] == "Gồm\n2 người"


def test_a_refused_explanation_stays_with_the_reason(qtbot, window):
    # a part with no fibre: r_internet_khong_cap_quang, a warning to explain
    window.session.commit("co_cap_quang", "Không")
    window.session.commit("may_tinh_ket_noi_internet", "5")
    window._after_change()
    panel = window.problems
    role = Qt.ItemDataRole.UserRole + 1
    [warning] = [i for i in range(panel.list.count())
                 if panel.list.item(i).data(role).rule_id == "r_internet_khong_cap_quang"]  # fmt: skip
    panel.list.setCurrentRow(warning)
    panel.explanation.setPlainText("Trang\x00 mới")
    panel.save_explanation.click()
    assert panel.explanation_error.isVisible() and "U+0000" in panel.explanation_error.text()
    assert panel.explanation.toPlainText() == "Trang\x00 mới"
    assert not window.session.explanations
    panel.explanation.setPlainText("Trang nâng cấp từ tháng 10.")
    panel.save_explanation.click()
    assert not panel.explanation_error.isVisible()
    assert list(window.session.explanations.values()) == ["Trang nâng cấp từ tháng 10."]


def test_setup_refuses_a_name_no_packet_could_carry(qtbot, tmp_path):
    from desktop_app.ui.setup_dialog import SetupDialog

    dialogs = ScriptedDialogs()
    dialog = SetupDialog(tmp_path, dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.legacy.setChecked(True)
    qtbot.keyClicks(dialog.search, "02080")
    dialog.run_search()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    type_text(dialog.clerk, "Nguyễn Thị Hoa")
    type_text(dialog.leader, "Hoàng Văn " * 30)
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialogs.shown[-1][0] == "error" and "200" in dialogs.shown[-1][2]
    assert QApplication.focusWidget() in (dialog.leader, None)


def test_the_officer_sees_a_received_decimal_as_sent(qtbot):
    """The conflict and changes views read data.json numbers the Vietnamese way: a
    budget of 1,234 (sent as "1.234") was shown as 1.234 — a thousand times more."""
    from desktop_app.ui.receiving.compare_dialogs import shown_value
    from desktop_app.workspace.workspace import shipped_forms

    form = shipped_forms().get("cntt-xa", 2026)
    assert shown_value(form, "kinh_phi_cntt", "1.234", "vi") == "1,234"
    assert shown_value(form, "kinh_phi_cntt", "112.5", "vi") == "112,5"
    assert shown_value(form, "cbcc_tong", 1234, "vi") == "1.234"
    assert shown_value(form, "kho_khan_vuong_mac", "Mạng\x07", "vi") == "Mạng\x07"
