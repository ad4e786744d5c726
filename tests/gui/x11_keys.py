"""Run by test_entry_noise under xvfb with the xcb platform (X11 key bindings): the real
window, a number typed into a field, Ctrl+E pressed in that field. Prints what opened."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.app import create_application
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.main_window import MainWindow
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit


def main() -> None:
    app = create_application(sys.argv[:1])
    ws = Workspace.open(Path(sys.argv[1]))
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
    window = MainWindow(ws, dialogs=ScriptedDialogs(), today=datetime.date(2026, 11, 23))
    window.show()
    window.activateWindow()

    def look(tries: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == "exportDialog":
            print("EXPORT DIALOG", window.session.value("cbcc_tong"), flush=True)
            dialog.reject()
            app.quit()
        elif tries:
            QTimer.singleShot(50, lambda: look(tries - 1))
        else:
            print("NO DIALOG", flush=True)
            app.quit()

    def press() -> None:
        window.entry.go_to_field("cbcc_tong")
        editor = window.entry.rows["cbcc_tong"].editor
        QTest.keyClicks(editor, "12")
        QTimer.singleShot(0, lambda: look(60))  # runs inside the dialog, if it opens
        QTest.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(300, press)
    app.exec()
    ws.close()


if __name__ == "__main__":
    main()
