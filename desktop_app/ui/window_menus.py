"""The main window's menu bar, declared as data: which command stands under which menu,
in which order (as Picard's ``ui/mainwindow/actions.py`` registers its actions). The
commands live in their action classes (``report_commands``, ``packet_actions``,
``receiving_actions``, …); this module only places them. A receiving unit gets the
«Tiếp nhận» menu; every command is also added to the window, so its shortcut works with
the menus closed.

The menu titles keep the main window's translation context ("MainWindow").

May import: Qt, ``ui``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from .main_window import MainWindow

Menu = tuple[str, list[QAction | None]]  # None: a separator


def menus_of(window: MainWindow) -> list[Menu]:
    commands, packets, receiving = window.commands, window.packets, window.receiving
    menus: list[Menu] = [
        (
            QCoreApplication.translate("MainWindow", "&Báo cáo"),
            [
                commands.save_action,
                commands.copy_action,
                window.excel_import.action,
                window.scores.action,
                None,
                packets.export_action,
                packets.verify_action,
                receiving.receipt_action,
                receiving.appraisal_action,
                None,
                window.quit_action,
            ],
        ),
        (
            QCoreApplication.translate("MainWindow", "&Sửa"),
            [commands.undo_action, commands.redo_action, None, commands.notes_action],
        ),
        (
            QCoreApplication.translate("MainWindow", "&Xem"),
            [
                commands.next_action,
                commands.prev_action,
                commands.problems_action,
                window.problems_dock.toggleViewAction(),
                window.targets.action,
            ],
        ),
        (
            QCoreApplication.translate("MainWindow", "&Công cụ"),
            [
                packets.identity_action,
                window.maintenance.forms_action,
                window.maintenance.backups_action,
                None,
                window.settings.settings_action,
            ],
        ),
    ]
    if receiving.receives:
        menus.insert(
            1, (QCoreApplication.translate("MainWindow", "&Tiếp nhận"), receiving.menu_actions())
        )
    settings, about = window.settings, window.maintenance.about_action
    menus.append(
        (
            QCoreApplication.translate("MainWindow", "&Ngôn ngữ"),
            [settings.vi_action, settings.en_action],
        )
    )
    menus.append((QCoreApplication.translate("MainWindow", "Trợ &giúp"), [about]))
    return menus


def install_menus(window: MainWindow) -> None:
    """The menu bar filled from ``menus_of``; each command also on the window."""
    for title, actions in menus_of(window):
        menu = window.menuBar().addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                window.addAction(action)  # shortcuts work with the menu closed


__all__ = ["install_menus", "menus_of"]
