"""Starting the window: Qt application, Vietnamese locale, bundled fonts, data directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.messages import AppError
from ..paths import resource_path

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def install_fonts(app: QApplication) -> None:
    """Register the bundled UI font: a bare machine has no font with Vietnamese glyphs."""
    families: list[str] = []
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(families[0])
        font.setPointSize(10)
        app.setFont(font)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Báo cáo ứng dụng CNTT")
    app.setOrganizationName("cntt-baocao")
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_fonts(app)
    return app


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="desktop-app")
    parser.add_argument("--data-dir", type=Path)
    args, qt_args = parser.parse_known_args(argv)
    app = create_application([sys.argv[0], *qt_args])
    from ..workspace import Workspace
    from .main_window import MainWindow

    try:
        workspace = Workspace.open(args.data_dir)
    except AppError as error:
        QMessageBox.critical(None, app.applicationName(), error.message.vi)
        return 1
    window = MainWindow(workspace)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
