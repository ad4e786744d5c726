"""Báo cáo → Điểm qua các kỳ, điểm công bố…: the command, apart from its dialog
(``published_score_dialog``), which is imported when first opened: with the score
history it reads, ≈ 22 ms of start-up by ``-X importtime`` for a dialog opened now and
then.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from .published_score_dialog import ScoresDialog
    from .window_context import WindowContext


class ScoreActions(QObject):
    """Báo cáo → Điểm qua các kỳ, điểm công bố…"""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.widget)
        self.window = window
        self.dialog: ScoresDialog | None = None
        self.action = QAction(self.tr("Điểm qua các kỳ, điểm &công bố…"), window.widget)
        self.action.setObjectName("scoresAction")
        self.action.triggered.connect(self.show_scores)

    def show_scores(self) -> ScoresDialog | None:
        from .published_score_dialog import ScoresDialog

        session = self.window.session
        if session is None:
            return None
        self.dialog = ScoresDialog(self.window, session.form.id)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._gone)
        self.dialog.show()
        return self.dialog

    def _gone(self) -> None:
        self.dialog = None


__all__ = ["ScoreActions"]
