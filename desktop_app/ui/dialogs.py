"""Every modal question the window asks goes through here, so GUI tests replace one
object instead of blocking on a message box (the Dangerzone pattern in STYLE.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs:
    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose_directory(self, parent: QWidget | None, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, title, start)


class ScriptedDialogs(Dialogs):
    """For tests: records what was shown and answers from a queue (default: yes)."""

    def __init__(self, answers: list[bool] | None = None, directories: list[str] | None = None):
        self.shown: list[tuple[str, str, str]] = []
        self.answers = list(answers or [])
        self.directories = list(directories or [])

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.answers.pop(0) if self.answers else True

    def choose_directory(self, parent: QWidget | None, title: str, start: str) -> str:
        self.shown.append(("directory", title, start))
        return self.directories.pop(0) if self.directories else ""
