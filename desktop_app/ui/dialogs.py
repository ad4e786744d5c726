"""Every modal question the window asks goes through here, so GUI tests replace one
object instead of blocking on a message box (the Dangerzone pattern in STYLE.md).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
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

    def choose_files(
        self, parent: QWidget | None, title: str, start: str, filters: str
    ) -> list[str]:
        return QFileDialog.getOpenFileNames(parent, title, start, filters)[0]

    def choose_save_file(self, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(parent, title, start, filters)[0]

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_file(self, path: Path) -> bool:
        """Open ``path`` in the program the system associates with it (an .xlsx in Excel
        or LibreOffice Calc); False when there is none."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """One line of text (a reason), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None


class ScriptedDialogs(Dialogs):
    """For tests: records what was shown and answers from a queue (default: yes)."""

    def __init__(
        self,
        answers: list[bool] | None = None,
        directories: list[str] | None = None,
        files: list[list[str] | str] | None = None,
        texts: list[str | None] | None = None,
        open_succeeds: bool = True,
    ):
        self.shown: list[tuple[str, str, str]] = []
        self.answers = list(answers or [])
        self.directories = list(directories or [])
        self.files = list(files or [])
        self.opened: list[Path] = []
        self.opened_files: list[Path] = []
        self.open_succeeds = open_succeeds
        self.texts = list(texts or [])

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

    def choose_files(
        self, parent: QWidget | None, title: str, start: str, filters: str
    ) -> list[str]:
        self.shown.append(("files", title, start))
        chosen = self.files.pop(0) if self.files else []
        return [chosen] if isinstance(chosen, str) else list(chosen)

    def choose_save_file(self, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        self.shown.append(("save", title, start))
        chosen = self.files.pop(0) if self.files else ""
        return chosen if isinstance(chosen, str) else chosen[0]

    def open_folder(self, folder: Path) -> None:
        self.opened.append(Path(folder))

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("text", title, label))
        return self.texts.pop(0) if self.texts else None

    def open_file(self, path: Path) -> bool:
        self.opened_files.append(Path(path))
        return self.open_succeeds
