"""The self-test's window step (``desktop_app.selftest``): open and close the main window
on the platform given, and print a PDF through QtPdf. Here because only ``ui`` imports
Qt; the self-test itself stays plain Python.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication


def window_check(workspace: Any, pdf: Path | None, out_dir: Path) -> tuple[str | None, str]:
    """(what went wrong or None, what was seen). ``pdf``, if given, is printed to
    ``out_dir/printed.pdf``."""
    from .app import create_application
    from .main_window import MainWindow

    app = create_application([sys.argv[0]])
    # Held in names so that lupdate does not take Qt's own text for one of ours.
    qt_context, qt_text = "QPlatformTheme", "Cancel"
    if QCoreApplication.translate(qt_context, qt_text) != "Hủy":
        return "Qt's own texts are not in Vietnamese (qtbase_vi.qm did not load)", ""
    # 10 January 2027: the 2026 report (the sample) is the one the window opens on
    window = MainWindow(workspace, today=datetime.date(2027, 1, 10))
    try:
        window.show()
        QApplication.processEvents()
        opened = window.session is not None
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    if not opened:
        return "the main window opened no report", title
    printed = ""
    if pdf is not None:
        from .district.print_preview import print_pdf_to_file

        out = out_dir / "printed.pdf"
        sheets = print_pdf_to_file(pdf, out)
        if sheets <= 0 or out.stat().st_size == 0:
            return "printing the PDF produced nothing", title
        printed = f"; printed {sheets} page(s) through QtPdf"
    return (
        None,
        f"«{title}» on {app.platformName()}, Qt {qVersion()}, PySide6 {pyside_version}{printed}",
    )


__all__ = ["window_check"]
