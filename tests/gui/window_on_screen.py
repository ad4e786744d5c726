"""Run by test_fits_screen: the real window, placed by the application itself on a
screen of the size the offscreen platform was given (its configfile), reports where its
parts are, as JSON on stdout."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect

from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values
from desktop_app.workspace.setup_unit import setup_unit


def main() -> None:
    data_dir, sample = Path(sys.argv[1]), Path(sys.argv[2])
    app = create_application(sys.argv[:1])
    ws = Workspace.open(data_dir)
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
    load_values(ws, sample)
    window = MainWindow(ws, today=datetime.date(2026, 11, 23))
    window.show()
    for _ in range(10):
        app.processEvents()

    def on_screen(widget) -> list[int]:
        top_left = widget.mapToGlobal(QPoint(0, 0))
        return QRect(top_left, widget.size()).getRect()

    toolbar = window.toolbar
    parts = {
        "status bar": window.statusBar(),
        "period box": window.period_combo,
        "export button": toolbar.widgetForAction(window.packets.export_action),
        "problems panel toggle": window.problems_toggle,
        "problems panel": window.problems,
    }
    print(
        json.dumps(
            {
                "screen": window.screen().availableGeometry().getRect(),
                "frame": window.frameGeometry().getRect(),
                "maximised": window.isMaximized(),
                "parts": {
                    name: on_screen(w) if w is not None and w.isVisible() else None
                    for name, w in parts.items()
                },
            }
        )
    )
    window.close()
    ws.close()


if __name__ == "__main__":
    main()
