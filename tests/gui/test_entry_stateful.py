"""The entry window under random sequences of what a clerk does (hypothesis' stateful
testing): typing good, bad and rule-breaking values, Enter, Tab, Shift+Tab, Escape,
Ctrl+Z, Ctrl+Y, Sửa → Hoàn tác, choices picked from their lists, section switches, and
closing the window (answering yes or no if asked) and opening it again. Real keys and
mouse clicks on the real window, a real database file.

After every step:

1. every field shows its saved value, or text the clerk typed into it since it last
   showed its saved value (never a stale text from an editor's own undo buffer);
2. "not saved" follows the truth: the fields the window holds as unsaved are exactly
   those whose text differs from their saved value, and each one the cursor has left is
   marked at the field and listed in the problems panel;
3. the database equals the last value of each field in the audit log, and the open
   session agrees with the database;
4. nothing typed is gone without the clerk having said so: the last text typed into a
   field is still shown there, or was saved (its value is in the audit log since), or
   the clerk dropped it (Escape, undoing the typing, "yes" to closing).

``make test`` runs a few hundred steps; ``make test-long`` (marker ``entry_long``) many
thousands.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from desktop_app.core.validation import UNSAVED
from desktop_app.core.values import ValueRejected, display, from_storage, parse_input, to_storage
from desktop_app.storage import get_values, history
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.i18n import install_language
from desktop_app.ui.problems_panel import PROBLEM_ROLE
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.clerk import CTRL, SHIFT, choose_menu, click, click_section, type_text

pytestmark = pytest.mark.gui
Key = Qt.Key
TODAY = datetime.date(2026, 11, 23)

# Fields of five sections and every kind of input: counts tied by rules, yes/no, a
# choice, a date, money, a multi-line text.
FIELDS = [
    "cbcc_tong",
    "cbcc_co_may_tinh",
    "may_tinh_tong",
    "may_tinh_ket_noi_internet",
    "co_cap_quang",
    "vb_di_tong",
    "vb_di_ky_so",
    "hinh_thuc_phu_trach_cntt",
    "co_ke_hoach_cntt",
    "ngay_ban_hanh_ke_hoach_cntt",
    "kinh_phi_cntt",
    "kinh_phi_da_chi",
    "kho_khan_vuong_mac",
]
GOOD = ["0", "1", "5", "10", "23", "85,5", "1.500", "12,0", "05/01/2026"]
RULE_BREAKING = ["30", "120", "250"]  # more computers, officials… than the totals
BAD = ["hai mươi", "2O", "-3", "2,5", "1e5", "abc", "32/13/2026", "1.2.3", "Thiếu máy tính"]
TEXTS = st.sampled_from(GOOD + RULE_BREAKING + BAD)
KEYS = {
    "Enter": (Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "Ctrl+Enter": (Key.Key_Return, CTRL),
    "Tab": (Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "Shift+Tab": (Key.Key_Backtab, SHIFT),
    "Escape": (Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    "Ctrl+Z": (Key.Key_Z, CTRL),
    "Ctrl+Y": (Key.Key_Y, CTRL),
    "Ctrl+S": (Key.Key_S, CTRL),
    "Ctrl+PgDown": (Key.Key_PageDown, CTRL),
    "Ctrl+PgUp": (Key.Key_PageUp, CTRL),
}


class EntryWindow(RuleBasedStateMachine):
    qtbot = None  # set by the test that runs the machine
    steps = 0  # checked after every step: how many, for the run's report
    windows = 0

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="entry-fuzz-"))
        self.ws = Workspace.open(self.tmp / "data")
        setup_unit(self.ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        self.dialogs = ScriptedDialogs()
        self.window = None
        self._open()

    # -- the window --------------------------------------------------------------------------

    def _open(self) -> None:
        from desktop_app.ui.main_window import MainWindow

        EntryWindow.windows += 1
        self.window = MainWindow(self.ws, dialogs=self.dialogs, today=TODAY)
        self.window.show()
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow)
        # the oracle: texts each field may show besides its saved value, and the last
        # text the clerk typed into it (with the audit row id at that moment)
        self.allowed: dict[str, set[str]] = {}
        self.owed: dict[str, tuple[str, int]] = {}
        self.saved_before = self._saved_texts()

    def teardown(self) -> None:
        if self.window is not None:
            self.dialogs.answers = [True] * 5
            self.window.close()
            self.window.deleteLater()
            QApplication.processEvents()
        self.ws.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def entry(self):
        return self.window.entry

    def _editor_field(self) -> str | None:
        """The field whose editor has the keyboard focus, if any."""
        widget = QApplication.focusWidget()
        for fid, row in self.entry.rows.items():
            if row.editor is widget:
                return fid
        return None

    def _stored(self) -> dict[str, str]:
        report = self.window.session.report
        return {} if report is None else get_values(self.ws.db, report.id)

    def _saved_texts(self) -> dict[str, str]:
        """Each field's saved value as its editor shows it, read from the database."""
        stored = self._stored()
        shown = {}
        for f in self.window.session.form.input_fields:
            fid = f.id
            value = from_storage(f, stored.get(fid))
            shown[fid] = (value or "") if f.type == "choice" else display(f, value, "vi")
        return shown

    def _last_audit_id(self) -> int:
        row = self.ws.db.fetchone("SELECT COALESCE(MAX(id), 0) FROM audit_log")
        return row[0]

    def _owe(self, fid: str, since: int) -> None:
        """The clerk's text in ``fid`` now is theirs: it must stay, or be saved after the
        audit row ``since`` (the last one before the clerk's action)."""
        self.owed[fid] = (self.entry.rows[fid].text(), since)

    def _typed(self, fid: str, texts: list[str], since: int) -> None:
        self.allowed.setdefault(fid, set()).update(texts)
        self._owe(fid, since)

    # -- what the clerk does -------------------------------------------------------------------

    @rule(field=st.sampled_from(FIELDS))
    def click_into(self, field):
        row = self.entry.row(field)
        entry = self.entry
        entry.nav.setCurrentRow(entry.section_index(field))
        entry.pages.currentWidget().ensureWidgetVisible(row.editor)
        click(self.qtbot, row.editor)
        if isinstance(row.editor, QComboBox):  # its list opened: closed again
            self.qtbot.keyClick(row.editor.view(), Key.Key_Escape)

    @rule(text=TEXTS, replace=st.booleans())
    def type_text(self, text, replace):
        fid = self._editor_field()
        if fid is None or isinstance(self.entry.rows[fid].editor, QComboBox):
            return
        since = self._last_audit_id()
        editor = self.entry.rows[fid].editor
        if replace:
            self.qtbot.keyClick(editor, Key.Key_A, CTRL)
            self.qtbot.keyClick(editor, Key.Key_Delete)
        # what is typed replaces the selection, at the cursor
        head, tail = _around_cursor(editor)
        if text.isascii():
            self.qtbot.keyClicks(editor, text)
        else:
            type_text(editor, text)
        steps = [head + text[:i] + tail for i in range(len(text) + 1)]
        self._typed(fid, ["", *steps], since)

    @rule(name=st.sampled_from(sorted(KEYS)))
    def press(self, name):
        fid = self._editor_field()
        if fid is None and name not in ("Ctrl+Z", "Ctrl+Y", "Ctrl+PgDown", "Ctrl+PgUp"):
            return
        k, modifiers = KEYS[name]
        widget = QApplication.focusWidget() or self.window
        row = self.entry.rows.get(fid) if fid else None
        typing = row is not None and row.text() != self._saved_texts().get(fid)
        since = self._last_audit_id()
        if name == "Enter" and row is not None and isinstance(row.editor, QPlainTextEdit):
            head, tail = _around_cursor(row.editor)  # a new line in a multi-line text
            self.qtbot.keyClick(widget, k, modifiers)
            self._typed(fid, [head + tail, head + "\n" + tail], since)
            return
        self.qtbot.keyClick(widget, k, modifiers)
        if row is not None and typing and name in ("Ctrl+Z", "Ctrl+Y"):
            self._owe(fid, since)  # the clerk undid (or redid) their own typing
        if row is not None and typing and name == "Escape":
            self.owed.pop(fid, None)  # dropped, as the clerk asked

    @rule(field=st.sampled_from(["co_cap_quang", "co_ke_hoach_cntt", "hinh_thuc_phu_trach_cntt"]))
    def choose(self, field):
        since = self._last_audit_id()
        row = self.entry.row(field)
        self.entry.nav.setCurrentRow(self.entry.section_index(field))
        self.entry.pages.currentWidget().ensureWidgetVisible(row.editor)
        click(self.qtbot, row.editor)
        self.qtbot.waitUntil(row.editor.view().isVisible)
        self.qtbot.keyClick(row.editor.view(), Key.Key_Down)
        self.qtbot.keyClick(row.editor.view(), Key.Key_Return)
        self._typed(field, [row.text()], since)

    @rule(index=st.integers(0, 7))
    def click_a_section(self, index):
        click_section(self.qtbot, self.window, index)

    @rule(which=st.sampled_from(["Hoàn tác", "Làm lại"]))
    def edit_menu(self, which):
        choose_menu(self.qtbot, self.window, "Sửa", which)

    @rule(answer=st.booleans())
    def close_and_reopen(self, answer):
        asked = len(self.dialogs.shown)
        self.dialogs.answers = [answer]
        closed = self.window.close()
        questions = self.dialogs.shown[asked:]
        count = int(questions[0][2].split(" ", 1)[0]) if questions else 0
        if not closed:  # "no": back to the first field that cannot be saved
            assert questions and not answer
            unsaved = self.entry.unsaved_fields()
            assert count == len(unsaved) > 0
            assert QApplication.focusWidget() is self.entry.rows[unsaved[0]].editor
            return
        if questions:  # "yes, drop what cannot be saved": exactly those, as said
            gone = [f for f, (text, since) in self.owed.items() if not self._saved(f, text, since)]
            assert len(gone) == count, (gone, questions)
            for fid in gone:
                del self.owed[fid]
        self._check_owed(closing=True)
        self.window.deleteLater()
        QApplication.processEvents()
        self._open()

    # -- the promises ----------------------------------------------------------------------------

    @invariant()
    def fields_show_saved_or_typed_text(self):
        EntryWindow.steps += 1
        if self.window is None:
            return
        saved = self._saved_texts()
        changed = {f for f in saved if saved[f] != self.saved_before.get(f)}
        for fid in saved:
            row = self.entry.rows.get(fid)
            if row is None:
                continue
            text = row.text()
            if text == saved[fid]:
                self.allowed[fid] = set()  # shown saved: what came before is gone
                continue
            assert text in self.allowed.get(fid, set()), (
                f"{fid} shows {text!r}: neither its saved value {saved[fid]!r} nor typed"
            )
            if fid in changed:  # the saved value changed under the typing
                self.allowed[fid] = {text}
        self.saved_before = saved

    @invariant()
    def not_saved_is_said_exactly_when_true(self):
        if self.window is None:
            return
        saved = self._saved_texts()
        rows = self.entry.rows
        differs = [f for f in saved if f in rows and rows[f].text() != saved[f]]
        assert self.entry.unsaved_fields() == differs
        panel = self.window.problems.list
        listed = {
            panel.item(i).data(PROBLEM_ROLE).field_id
            for i in range(panel.count())
            if panel.item(i).data(PROBLEM_ROLE).code == UNSAVED
        }
        here = self._editor_field()
        for fid in differs:
            row = rows[fid]
            if fid != here:
                assert row.editor.property("problem") == "error", fid
                assert row.message.text(), fid
                assert fid in listed, (fid, listed)
        assert listed <= set(differs), (listed, differs)

    @invariant()
    def database_is_the_audit_log(self):
        if self.window is None or self.window.session.report is None:
            return
        stored = self._stored()
        report_id = self.window.session.report.id
        last: dict[str, str | None] = {}
        for row in reversed(history(self.ws.db, report_id)):
            if row.kind == "value":
                last[row.target] = row.new
        assert {f: v for f, v in last.items() if v is not None} == stored
        session = self.window.session
        for f in session.form.input_fields:
            assert session.inputs.get(f.id) == from_storage(f, stored.get(f.id))

    @invariant()
    def nothing_typed_is_lost(self):
        if self.window is not None:
            self._check_owed()

    def _saved(self, fid: str, text: str, since: int) -> bool:
        """The clerk's ``text`` is saved: the field holds its value, or the audit log
        has saved it since it was typed (and an undo changed it after)."""
        f = self.window.session.form.fields[fid]
        try:
            wanted = to_storage(f, parse_input(f, text).value)
        except ValueRejected:
            return False
        if self._stored().get(fid) == wanted:
            return True
        report = self.window.session.report
        rows = [] if report is None else history(self.ws.db, report.id, fid)
        return any(r.kind == "value" and r.id > since and r.new == wanted for r in rows)

    def _check_owed(self, closing: bool = False) -> None:
        for fid, (text, since) in list(self.owed.items()):
            if self._saved(fid, text, since):
                del self.owed[fid]  # kept: nothing more is owed
                continue
            row = self.entry.rows.get(fid)
            still = not closing and row is not None and row.text() == text
            assert still, f"{fid}: «{text}» typed and gone unsaved"


def _around_cursor(editor) -> tuple[str, str]:
    """The editor's text before and after what typing will replace (its selection, or
    the cursor)."""
    if isinstance(editor, QLineEdit):
        text = editor.text()
        if editor.hasSelectedText():
            start = editor.selectionStart()
            return text[:start], text[start + len(editor.selectedText()) :]
        return text[: editor.cursorPosition()], text[editor.cursorPosition() :]
    cursor = editor.textCursor()
    text = editor.toPlainText()
    return text[: cursor.selectionStart()], text[cursor.selectionEnd() :]


def run(qtbot, examples: int, steps: int) -> None:
    install_language("vi")
    EntryWindow.qtbot = qtbot
    EntryWindow.steps = EntryWindow.windows = 0
    try:
        run_state_machine_as_test(
            EntryWindow,
            settings=settings(
                max_examples=examples,
                stateful_step_count=steps,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
    finally:
        EntryWindow.qtbot = None
        print(f"entry window: {EntryWindow.steps} steps checked, {EntryWindow.windows} windows")


def test_the_entry_window_keeps_its_promises(qtbot):
    run(qtbot, examples=10, steps=30)


@pytest.mark.entry_long
def test_the_entry_window_keeps_its_promises_long(qtbot):
    run(qtbot, examples=250, steps=60)
