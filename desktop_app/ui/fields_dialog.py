"""A small modal form of a few labelled inputs (passphrase twice, a file and its password,
a token's module and labels), checked before it closes so a mistyped passphrase is
caught here and not after the key has been made.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .base_dialog import ok_cancel
from .dialogs import Dialogs
from .style import ERROR_TEXT


@dataclass(frozen=True)
class Input:
    key: str
    label: str
    kind: str = "text"  # text | password | file
    value: str = ""
    filters: str = ""  # for kind="file"
    required: bool = True
    start: str = ""  # for kind="file": where the file dialog opens while the box is empty


Check = Callable[[dict[str, str]], str | None]  # returns the message to show, or None


class FieldsDialog(QDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        inputs: Sequence[Input],
        *,
        check: Check | None = None,
        dialogs: Dialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("fieldsDialog")
        self.dialogs = dialogs or Dialogs()
        self.check = check
        self.inputs = list(inputs)
        self.edits: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro, self)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for spec in self.inputs:
            form.addRow(spec.label, self._editor(spec))
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("fieldsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_TEXT)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Đồng ý")))
        self.setMinimumWidth(520)

    def _editor(self, spec: Input) -> QWidget:
        edit = QLineEdit(spec.value, self)
        edit.setObjectName(spec.key)
        self.edits[spec.key] = edit
        if spec.kind == "password":
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if spec.kind != "file":
            return edit
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        browse = QPushButton(self.tr("Chọn…"), row)
        browse.clicked.connect(lambda: self._browse(spec, edit))
        line.addWidget(browse)
        return row

    def _browse(self, spec: Input, edit: QLineEdit) -> None:
        start = edit.text() or spec.start
        chosen = self.dialogs.choose_files(self, spec.label, start, spec.filters)
        if chosen:
            edit.setText(chosen[0])

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def accept(self) -> None:
        values = self.values()
        missing = [s.label for s in self.inputs if s.required and not values[s.key].strip()]
        if missing:
            self.message.setText(self.tr("Chưa điền: %1").replace("%1", ", ".join(missing)))
            return
        problem = self.check(values) if self.check else None
        if problem:
            self.message.setText(problem)
            return
        super().accept()


__all__ = ["FieldsDialog", "Input"]
