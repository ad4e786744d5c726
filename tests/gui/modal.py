"""Answering a modal dialog the way a user would: once it is up, fill it and press a
button. ``exec()`` blocks the test, so the answer is scheduled before the call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_modal(kind: type[QDialog], answer: Callable[[QDialog], None], tries: int = 200) -> None:
    """Call ``answer(dialog)`` as soon as a modal ``kind`` is the active modal widget."""

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answer(dialog)
        elif left > 0:
            QTimer.singleShot(25, lambda: poll(left - 1))
        else:
            raise AssertionError(f"no modal {kind.__name__} appeared")

    QTimer.singleShot(0, lambda: poll(tries))
