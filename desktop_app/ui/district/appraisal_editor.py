"""The small editor under the appraisal view's items: the chosen item's appraised points
(0 to its maximum, a Vietnamese decimal comma accepted) and the reason, required when the
points differ from the unit's own; with the buttons that accept, record, or open the
evidence. It only asks (signals); the view appraises and says why a refusal was refused
(``refused``), and the editor puts the cursor where the fix is typed.

Keys: Enter in the points goes on to the reason (or records them when they are the unit's
own and no reason is given), Enter in the reason records, Esc drops what was typed. The
keys are taken here, so the window's default button and Esc closing it never see them.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...core.number_reading import parse_number
from ...core.numbers import format_number
from ...workspace.appraisal import ItemAppraisal
from ..style import ERROR_TEXT

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ItemEditor(QGroupBox):
    accept_requested = Signal()  # the unit's own points
    save_requested = Signal(str, str)  # points as typed, reason
    open_requested = Signal()  # the item's evidence
    left = Signal()  # Esc: back to the items

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.item: ItemAppraisal | None = None
        self.setTitle(self.tr("Thẩm định mục đang chọn"))
        column = QVBoxLayout(self)
        self.item_label = QLabel(self)
        self.item_label.setObjectName("appraisalItem")
        self.item_label.setWordWrap(True)
        column.addWidget(self.item_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Điểm thẩm định:"), self))
        self.points = self._line("appraisalPoints")
        self.points.setMaximumWidth(90)
        row.addWidget(self.points)
        self.maximum = QLabel(self)
        row.addWidget(self.maximum)
        row.addStretch(1)
        self.accept_button = self._button(self.tr("Chấp nhận"), "appraisalAccept")
        self.accept_button.clicked.connect(self.accept_requested)
        self.save_button = self._button(self.tr("Ghi điểm"), "appraisalSave")
        self.save_button.clicked.connect(self._save)
        self.open_button = self._button(self.tr("Mở tài liệu"), "appraisalOpenEvidence")
        self.open_button.clicked.connect(self.open_requested)
        for button in (self.accept_button, self.save_button, self.open_button):
            row.addWidget(button)
        column.addLayout(row)
        why = QHBoxLayout()
        why.addWidget(QLabel(self.tr("Lý do:"), self))
        self.reason = self._line("appraisalReason")
        self.reason.setPlaceholderText(self.tr("bắt buộc khi điểm khác điểm tự đánh giá"))
        why.addWidget(self.reason, 1)
        column.addLayout(why)
        self.message = QLabel(self)
        self.message.setObjectName("appraisalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_TEXT)
        self.message.hide()
        column.addWidget(self.message)

    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.installEventFilter(self)
        return line

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter belongs to the editor's lines
        return button

    # -- what it shows --------------------------------------------------------------------

    def show_item(self, item: ItemAppraisal | None, has_evidence: bool) -> None:
        """The item chosen (None: nothing to appraise), what was typed dropped."""
        self.item = item
        self.setEnabled(item is not None)
        self.hide_message()
        if item is None:
            for widget in (self.item_label, self.points, self.reason, self.maximum):
                widget.clear()
            return
        self.item_label.setText(f"<b>{item.title.pick(self.lang)}</b>")
        self.points.setText(format_number(item.official))
        self.reason.setText(item.reason)
        self.maximum.setText(self.tr("/ tối đa %1").replace("%1", format_number(item.maximum)))
        self.open_button.setEnabled(has_evidence)

    def start(self) -> None:
        """F2: the points, selected, to type others."""
        if self.item is not None:
            self.points.setFocus()
            self.points.selectAll()

    def refused(self, error: AppError, text: str) -> None:
        """Say why, and put the cursor where the fix is typed."""
        self.message.setText(text)
        self.message.show()
        if error.code == "appraisal.reason_required":
            self.reason.setFocus()
        else:
            self.points.setFocus()
            self.points.selectAll()

    def hide_message(self) -> None:
        self.message.hide()
        self.message.clear()

    # -- keys -----------------------------------------------------------------------------

    def _save(self) -> None:
        self.save_requested.emit(self.points.text(), self.reason.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key_press = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if key_press and self._key(watched, event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.left.emit()
            return True
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key not in ENTER_KEYS or modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if watched is self.points and not (self._unit_own() and not self.reason.text().strip()):
            self.reason.setFocus()
            self.reason.selectAll()
        else:
            self._save()
        return True

    def _unit_own(self) -> bool:
        """Whether the points typed are the unit's own (no reason needed)."""
        try:
            typed = Decimal(parse_number(self.points.text()).value)
        except AppError:
            return False
        return self.item is not None and typed == self.item.self_points


__all__ = ["ItemEditor"]
