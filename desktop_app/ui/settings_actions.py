"""The window's settings commands: Công cụ → Cài đặt (unit, clerk, leader, language,
outlier share, data folder) and the Ngôn ngữ menu. Kept out of main_window.py like the
packet, receiving and upkeep commands.

Each rebuilds the window, so each first asks the window whether the report open may be
left (typed text that cannot be saved is never dropped unasked).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..storage import set_setting
from ..workspace.changes import OpChanges
from ..workspace.session import OUTLIER_SETTING, read_outlier_share
from .i18n import install_language
from .window_context import WindowContext

if TYPE_CHECKING:
    from .setup_dialog import SetupChoice


class SettingsActions(QObject):
    def __init__(self, window: WindowContext, move_data: Callable[[Path], bool]) -> None:
        """``move_data`` moves the data folder (the upkeep commands'), False if it did not."""
        super().__init__(window.widget)
        self.window = window
        self.move_data = move_data
        self.settings_action = QAction(self.tr("&Cài đặt…"), window.widget)
        self.settings_action.triggered.connect(lambda: self.open_settings())
        # Each language named in itself: the clerk who cannot read the other finds it.
        self.vi_action = QAction("Tiếng Việt", window.widget)
        self.vi_action.triggered.connect(lambda: self.set_language("vi"))
        self.en_action = QAction("English", window.widget)
        self.en_action.triggered.connect(lambda: self.set_language("en"))

    def open_settings(self) -> None:
        from .setup_dialog import SetupDialog

        window = self.window
        # Asked now, not after the clerk filled the dialog; the text goes only if the
        # settings are applied (Cancel keeps it).
        if not window.may_leave_report(discard=False):
            return
        dialog = SetupDialog(
            window.workspace.data_dir,
            window.workspace.profile,
            outlier_share=read_outlier_share(window.workspace.db),
            dialogs=window.dialogs,
            parent=window.widget,
        )
        if not dialog.exec():
            return
        if window.entry is not None:
            window.entry.discard_unsaved()  # as agreed above
        self.apply_setup(dialog.choice())

    def apply_setup(self, choice: SetupChoice) -> None:
        from ..workspace.setup_unit import setup_unit

        window = self.window
        if not window.may_leave_report():
            return
        moving = Path(choice.data_dir) != Path(window.workspace.data_dir)
        if moving and not self.move_data(Path(choice.data_dir)):
            return
        setup_unit(
            window.workspace,
            choice.unit_code,
            choice.catalogue,
            choice.clerk,
            choice.leader,
            choice.language,
        )
        set_setting(window.workspace.db, OUTLIER_SETTING, str(choice.outlier_share))
        install_language(choice.language)
        window.build()

    def set_language(self, lang: str) -> None:
        """Switch the whole window to ``lang`` at once (and for the next start), on the
        same report and section."""
        window = self.window
        profile = window.workspace.profile
        if profile is not None and profile.language == lang:
            return
        if not window.may_leave_report():
            return
        open_now = None
        if window.session is not None and window.entry is not None:
            session, entry = window.session, window.entry
            where = entry.current_field
            open_now = (session.form.id, str(session.period), where, set(entry.fields.flagged))
        if profile is not None:
            from ..workspace.setup_unit import setup_unit

            setup_unit(window.workspace, profile.unit_code, profile.catalogue, language=lang)
        install_language(lang)
        window.build()  # opens the current period's report
        if open_now is not None and window.session is not None:
            form_id, period, where, flagged = open_now
            if (window.session.form.id, str(window.session.period)) != (form_id, period):
                window.open_report(form_id, period)
            if window.entry is not None and window.session.form.id == form_id:
                window.entry.fields.flagged |= flagged
                window.changed(OpChanges(notes=True))  # the flags shown again
                if where is not None:
                    window.entry.go_to_field(where)


__all__ = ["SettingsActions"]
