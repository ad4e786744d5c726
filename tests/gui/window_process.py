"""Run by test_crash_after_commit: the real window in its own process; types a value into
a field through the widgets, commits it with Enter, says so, then waits to be killed."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit


def main() -> None:
    data_dir, field_id, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = create_application(sys.argv[:1])
    ws = Workspace.open(data_dir)
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
    window = MainWindow(ws, today=datetime.date(2026, 11, 23))
    window.show()

    def type_and_commit() -> None:
        window.entry.go_to_field(field_id)
        editor = window.entry.rows[field_id].editor
        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        print("COMMITTED", flush=True)

    QTimer.singleShot(0, type_and_commit)
    app.exec()


if __name__ == "__main__":
    main()
