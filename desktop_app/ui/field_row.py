"""One field of the form on screen: label, an input suited to its type, unit, the note
button and a message line under the input.

The row never changes what the clerk typed: it reports edits and commits as signals and
shows what the session decided (value, problem, hint). Enter commits and moves on; a
multi-line text commits with Ctrl+Enter or on leaving it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

NUMBER_WIDTH = 160
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
    notes_requested = Signal(str)
    focused = Signal(str)

    def __init__(self, field: Field, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self._committed_text = ""
        label_text = field.label.pick(lang) + (" *" if field.required else "")
        self.label = QLabel(label_text, parent)
        self.label.setWordWrap(True)
        self.label.setToolTip(field.help.pick(lang))
        self.label.setObjectName(f"label_{field.id}")
        self.unit = QLabel(field.unit.pick(lang) if field.unit else "", parent)
        self.unit.setObjectName("fieldUnit")
        self.message = QLabel("", parent)
        self.message.setObjectName("fieldMessage")
        self.message.setProperty("severity", "")  # before the first polish: no re-polish
        self.message.setWordWrap(True)
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
            text.textChanged.connect(lambda: self.edited.emit(f.id, self.text()))
            return text
        line = QLineEdit(parent)
        if f.is_numeric:
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.setFixedWidth(NUMBER_WIDTH)
            line.setPlaceholderText("0" if f.type == "integer" else "0,0")
        elif f.type == "date":
            line.setFixedWidth(NUMBER_WIDTH)
            line.setPlaceholderText("dd/mm/yyyy")
        else:
            line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        line.textEdited.connect(lambda t: self.edited.emit(f.id, t))
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

    def _commit(self, *, move: bool) -> None:
        raw = self.text()
        if raw == self._committed_text and self.editor.property("problem") != "error":
            if move:
                self.commit_requested.emit(self.field.id, raw, True)
            return
        self.commit_requested.emit(self.field.id, raw, move)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor:
            if event.type() == QEvent.Type.FocusIn:
                self.focused.emit(self.field.id)
            elif event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
                self._commit(move=False)
            elif (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in ENTER_KEYS
            ):
                if isinstance(watched, QComboBox) and not watched.view().isVisible():
                    self.commit_requested.emit(self.field.id, self.text(), True)
                    return True
                ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
                if isinstance(watched, QPlainTextEdit) and ctrl:
                    self._commit(move=True)
                    return True
        return False

    # -- what the session decided ----------------------------------------------------------

    def show_value(self, shown: str) -> None:
        """Show a committed (or computed) value."""
        editor = self.editor
        if isinstance(editor, QLabel):
            editor.setText(shown or "—")
            return
        self._committed_text = shown
        if isinstance(editor, QLineEdit):
            if editor.text() != shown:
                editor.setText(shown)  # also clears the editor's own undo: Ctrl+Z is ours
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != shown:
                editor.blockSignals(True)
                editor.setPlainText(shown)
                editor.blockSignals(False)
        elif isinstance(editor, QComboBox):
            index = editor.findData(self._committed_text)
            editor.setCurrentIndex(max(index, 0))

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
    def committed_text(self) -> str:
        return self._committed_text

    def holds_uncommitted(self) -> bool:
        return self.text() != self._committed_text
