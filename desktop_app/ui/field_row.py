"""One field of the form on screen: label, an input suited to its type, unit, the note
button and a message line under the input.

The row never changes what the clerk typed: it reports edits and commits as signals and
shows what the session decided (value, problem, hint). Enter commits and moves on; a
multi-line text commits with Ctrl+Enter or on leaving it; Escape puts the saved value
back in place of what is being typed.

Keys the window owns reach the window: Ctrl+Z / Ctrl+Y are the report's undo and redo
whenever the field's text is the saved value it shows (the editor's own undo only
undoes the typing in progress), and a window shortcut the editor would take for itself
(Ctrl+E is "end of line" under X11) goes to the window.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..core.forms.model import Field
from .two_line_label import TwoLineLabel

NUMBER_WIDTH = 160
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The window's undo and redo keys, whatever the platform calls its own.
UNDO_KEYS = (QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))


def _set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, re-polishing only on a change: polishing
    costs ~0.25 ms a widget, and a page of rows is marked several times as it is built."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def error_line(parent: QWidget) -> QLabel:
    """A red message line, hidden until ``show_error`` (a refused comment or explanation
    under its box, styled as a field's message)."""
    label = QLabel("", parent)
    label.setObjectName("fieldMessage")
    label.setProperty("severity", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class FieldRow(QObject):
    """Signals carry the field id so one page can listen to all its rows."""

    edited = Signal(str, str)  # field id, raw text (as typed, not yet committed)
    commit_requested = Signal(str, str, bool)  # field id, raw text, move to next field
    revert_requested = Signal(str)  # Escape: the saved value back in place of the typing
    notes_requested = Signal(str)
    focused = Signal(str)

    def __init__(
        self,
        field: Field,
        lang: str,
        parent: QWidget,
        window_keys: tuple[QKeySequence, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.window_keys = window_keys  # the window's shortcuts: never the editor's
        self._saved_text = ""  # the saved value last shown
        self._showing = False  # text set by show_text(), not typed
        # Tab / Shift+Tab: the view moves to the next / previous field in form order,
        # across sections; False at either end of the form (Qt's own order then).
        self.step_focus: Callable[[int], bool] = lambda _step: False
        self.label = TwoLineLabel(
            field.label.pick(lang), parent, "\u00a0*" if field.required else ""
        )
        self.label.setToolTip(field.help.pick(lang))
        self.label.setObjectName(f"label_{field.id}")
        self.unit = QLabel(field.unit.pick(lang) if field.unit else "", parent)
        self.unit.setObjectName("fieldUnit")
        self.message = QLabel("", parent)
        self.message.setObjectName("fieldMessage")
        self.message.setProperty("severity", "")  # before the first polish: no re-polish
        self.message.setWordWrap(True)
        # Wrapped to the width the columns give it, never widening them: the input
        # column stays where it is when a message appears.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.hide()
        self.notes = QToolButton(parent)
        self.notes.setObjectName(f"notes_{field.id}")
        self.notes.setAutoRaise(True)
        self.notes.setProperty("hasComment", False)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F4 reaches it from the keyboard
        self.notes.clicked.connect(lambda: self.notes_requested.emit(self.field.id))
        self.editor = self._make_editor(parent)
        self.editor.setObjectName(f"field_{field.id}")
        self.editor.setToolTip(field.help.pick(lang))
        self.editor.setProperty("problem", "")
        self.editor.setProperty("prefilled", "")
        self.editor.installEventFilter(self)
        if not field.is_computed:
            self.label.setBuddy(self.editor)
        self.set_note_marker(False)
        # As wide as "Ghi chú ✓" in bold from the start: a note added does not shift
        # the columns.
        bold = self.notes.font()
        bold.setBold(True)
        marked = QFontMetrics(bold).horizontalAdvance(self.notes.text() + " ✓")
        plain = self.notes.fontMetrics().horizontalAdvance(self.notes.text())
        self.notes.setMinimumWidth(self.notes.sizeHint().width() + marked - plain)

    # -- building ------------------------------------------------------------------------

    def _make_editor(self, parent: QWidget) -> QWidget:
        f = self.field
        if f.is_computed:
            value = QLabel("", parent)
            value.setObjectName("computedValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setFixedWidth(NUMBER_WIDTH)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return value
        if f.type in ("boolean", "choice"):
            combo = QComboBox(parent)
            combo.addItem("", "")
            if f.type == "boolean":
                # the data is what the core's parser reads; the text is for the clerk
                combo.addItem(self.tr("Có"), "Có")
                combo.addItem(self.tr("Không"), "Không")
            else:
                for choice in f.choices:
                    combo.addItem(choice.label.pick(self.lang), choice.value)
            combo.activated.connect(lambda _i: self._commit(move=False))
            return combo
        if f.type == "text" and f.multiline:
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setFixedHeight(90)
            text.textChanged.connect(self._changed)
            return text
        line = QLineEdit(parent)
        if f.is_numeric:
            # No placeholder: a grey "0" in a blank box reads as a zero already entered.
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.setFixedWidth(NUMBER_WIDTH)
        elif f.type == "date":
            line.setFixedWidth(NUMBER_WIDTH)
            line.setPlaceholderText("dd/mm/yyyy")
        else:
            line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # textChanged, not textEdited: the editor's own undo and redo change the text too.
        # No setMaxLength: pasted text over the limit is refused with a reason, never cut.
        line.textChanged.connect(self._changed)
        line.returnPressed.connect(lambda: self._commit(move=True))
        line.editingFinished.connect(lambda: self._commit(move=False))
        return line

    # -- the clerk's side ----------------------------------------------------------------

    def text(self) -> str:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        return ""

    def _changed(self, *_args: object) -> None:
        if not self._showing:
            self.edited.emit(self.field.id, self.text())

    def _commit(self, *, move: bool) -> None:
        # Always said: the view knows whether the text is saved already (it may hold a
        # refused text equal to what the editor showed last).
        self.commit_requested.emit(self.field.id, self.text(), move)

    def unchanged(self) -> bool:
        """The field holds the saved value it was shown with: nothing is being typed."""
        return self.text() == self._saved_text

    def _undo_key(self, event: QKeyEvent) -> bool:
        return (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or QKeySequence(event.keyCombination()) in UNDO_KEYS
        )

    def _window_key(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(pressed == key for key in self.window_keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.editor:
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.focused.emit(self.field.id)
        elif kind == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            self._commit(move=False)
        elif kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._undo_key(event):
                # The report's undo and redo while the field holds its saved value; the
                # editor's own (the typing in progress) while the clerk types.
                event.setAccepted(not self.unchanged())
                return True
            if self._window_key(event):
                event.ignore()  # not the editor's: the window's shortcut runs
                return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_pressed(watched, event)
        return False

    def _key_pressed(self, watched: QObject, event: QKeyEvent) -> bool:
        if self._undo_key(event) and self.unchanged():
            # Reached the editor, so the window's action is disabled (nothing to undo):
            # the editor's own undo buffer is never the report's.
            return True
        tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if tab and not ctrl:
            # A section's last field is followed by the next section's first, as Enter
            # does: Qt's own order left the form for the toolbar (where an arrow key
            # switches the report).
            back = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            return self.step_focus(-1 if back else 1)
        if event.key() == Qt.Key.Key_Escape and not isinstance(watched, QComboBox):
            if self.unchanged():
                return False
            self.revert_requested.emit(self.field.id)
            return True
        if event.key() not in ENTER_KEYS:
            return False
        if isinstance(watched, QComboBox) and not watched.view().isVisible():
            self.commit_requested.emit(self.field.id, self.text(), True)
            return True
        if isinstance(watched, QPlainTextEdit) and ctrl:
            self._commit(move=True)
            return True
        return False

    # -- what the session decided ----------------------------------------------------------

    def show_text(self, saved: str, typed: str | None = None) -> None:
        """Show the saved value, or (``typed``) text the clerk typed over it that is not
        saved. Showing the saved value empties the editor's own undo: what it could undo
        to is text from before, never to be shown again (Ctrl+Z is then the report's)."""
        editor = self.editor
        if isinstance(editor, QLabel):
            editor.setText(saved or "—")
            return
        moved = saved != self._saved_text
        self._saved_text = saved
        self._showing = True
        try:
            if typed is not None:
                # A saved value changed under typed text (an undo elsewhere): setting
                # the text empties the editor's history, which led back to a value no
                # longer saved.
                if self.text() != typed or moved:
                    self._set_text(typed)
            elif isinstance(editor, QLineEdit):
                if editor.text() != saved or editor.isUndoAvailable() or editor.isRedoAvailable():
                    editor.setText(saved)  # setText empties the line's undo history
            elif isinstance(editor, QPlainTextEdit):
                if editor.toPlainText() != saved:
                    editor.setPlainText(saved)
                editor.document().clearUndoRedoStacks()
            else:
                self._set_text(saved)
        finally:
            self._showing = False

    def _set_text(self, text: str) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            editor.setText(text)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(text), 0))

    def set_problem(self, severity: str, text: str) -> None:
        """severity: "error", "warning", "hint" or "" (clear)."""
        _set_style_property(self.editor, "problem", severity)
        _set_style_property(self.message, "severity", severity)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_note_marker(self, has_comment: bool, comment: str = "") -> None:
        self.notes.setText(self.tr("Ghi chú") + (" ✓" if has_comment else ""))
        _set_style_property(self.notes, "hasComment", has_comment)
        tip = self.tr("Ghi chú và lịch sử thay đổi (F4)")
        self.notes.setToolTip(f"{comment}\n\n{tip}" if comment else tip)

    def set_prefilled(self, state: str, text: str = "") -> None:
        """state: "same" (the value taken from the children's reports), "overridden" (the
        officer typed another) or "" (not pre-filled); ``text`` says what was taken."""
        _set_style_property(self.editor, "prefilled", state)
        help_text = self.field.help.pick(self.lang)
        self.editor.setToolTip(f"{text}\n\n{help_text}" if text else help_text)

    def focus(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self.editor, QLineEdit):
            self.editor.selectAll()

    @property
    def saved_text(self) -> str:
        return self._saved_text
