"""The main window's status bar: when the report was last saved (or that a save failed),
its status and revision with the parent unit's review note and, once the parent appraised
it, the official score against the self-assessed one, and the switch of the problems
panel (in the status bar, which is on screen at any width).

Imports Qt and the workspace's session.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton

from ..workspace.session import ReportSession


class ReportStatus(QObject):
    def __init__(self, bar: QStatusBar, problems_toggle: QAction, lang: str) -> None:
        super().__init__(bar)
        self.lang = lang
        self.bar = bar
        self.toggle = QToolButton(bar)
        self.toggle.setObjectName("problemsToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setDefaultAction(problems_toggle)
        self.saved_label = QLabel("", bar)
        self.saved_label.setObjectName("savedLabel")
        self.status_label = QLabel("", bar)
        self.status_label.setObjectName("reportStatus")
        bar.addWidget(self.saved_label, 1)
        bar.addPermanentWidget(self.status_label)
        bar.addPermanentWidget(self.toggle)

    def remove(self) -> None:
        """Off the status bar (the window is rebuilt in another language)."""
        for widget in (self.saved_label, self.status_label, self.toggle):
            self.bar.removeWidget(widget)
            widget.deleteLater()
        self.deleteLater()

    def saved(self, now: datetime.datetime | None = None) -> None:
        moment = (now or datetime.datetime.now()).strftime("%H:%M:%S")
        self.saved_label.setText(self.tr("Đã lưu lúc %1").replace("%1", moment))

    def save_failed(self, message: str) -> None:
        """A full disk, a read-only folder, a database held by another program."""
        self.saved_label.setText(self.tr("Chưa lưu được!"))
        self.bar.showMessage(message, 30000)

    def report_changed(self, revision: int) -> None:
        self.bar.showMessage(
            self.tr(
                "Báo cáo đã xuất nay được sửa: đây là lần sửa %1, cần xuất và gửi lại."
            ).replace("%1", str(revision)),
            15000,
        )

    def show(self, session: ReportSession | None) -> None:
        if session is None:
            self.status_label.setText("")
            return
        names = {
            "draft": self.tr("Bản nháp"),
            "exported": self.tr("Đã xuất gói"),
            "accepted": self.tr("Đã được tiếp nhận"),
            "returned": self.tr("Bị trả lại"),
        }
        text = (
            self.tr("Trạng thái: %1 · lần sửa %2")
            .replace("%1", names.get(session.status, session.status))
            .replace("%2", str(session.revision))
        )
        from .appraisal_result_dialog import appraisal_summary, held_for

        appraised = appraisal_summary(session, held_for(session))
        self.status_label.setText(f"{text} · {appraised}" if appraised else text)
        note = session.review_note()
        self.status_label.setToolTip(note.pick(self.lang) if note is not None else "")


__all__ = ["ReportStatus"]
