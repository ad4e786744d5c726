"""Starting the window: Qt application, Vietnamese locale, bundled fonts, data directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.messages import AppError
from ..paths import resource_path
from .i18n import install_language

if TYPE_CHECKING:
    from ..workspace import Workspace

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


def first_run(workspace: Workspace) -> Workspace | None:
    """The setup dialog before the first window; None if the clerk cancelled."""
    from ..storage import set_setting
    from ..workspace.relocate import move_workspace
    from ..workspace.session import OUTLIER_SETTING
    from ..workspace.setup_unit import setup_unit
    from .setup_dialog import SetupDialog

    dialog = SetupDialog(workspace.data_dir)
    if not dialog.exec():
        workspace.close()
        return None
    choice = dialog.choice()
    if choice.data_dir != workspace.data_dir:
        workspace = move_workspace(workspace, choice.data_dir)
    setup_unit(
        workspace, choice.unit_code, choice.catalogue, choice.clerk, choice.leader, choice.language
    )
    set_setting(workspace.db, OUTLIER_SETTING, str(choice.outlier_share))
    install_language(choice.language)
    return workspace


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="desktop-app")
    parser.add_argument("--data-dir", type=Path)
    args, qt_args = parser.parse_known_args(argv)
    app = create_application([sys.argv[0], *qt_args])
    from .main_window import MainWindow

    try:
        from ..workspace import Workspace

        workspace = Workspace.open(args.data_dir)
    except AppError as error:
        QMessageBox.critical(None, app.applicationName(), error.message.vi)
        return 1
    profile = workspace.profile
    if profile is None:
        workspace = first_run(workspace)
        if workspace is None:
            return 0  # the clerk closed the setup: nothing to do, nothing written
    else:
        install_language(profile.language)
    window = MainWindow(workspace)
    window.show()
    try:
        return app.exec()
    finally:
        window.workspace.close()  # Settings may have moved it to another folder
