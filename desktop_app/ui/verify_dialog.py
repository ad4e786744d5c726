"""Check packet files (the one about to be sent, or any handed over) without receiving
them: each gets "valid" with who signed it, or "refused" with the specific reason.

Files come from the file chooser or are dropped onto the dialog. Checking loads the
signature libraries and reads every member, so it runs in the background.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .background import BackgroundTask, in_workspace
from .base_dialog import AppDialog
from .identity_panel import grouped_fingerprint
from .style import ERROR, OK
from .ui_context import UiContext


class VerifyDialog(AppDialog):
    def __init__(
        self,
        ui: UiContext,
        start_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.start_dir = start_dir or Path.home()
        self.trust_files: list[Path] = []
        self.task: BackgroundTask | None = None
        self.set_up("verifyDialog", self.tr("Kiểm tra gói nộp"), size=(980, 420))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chọn hoặc kéo thả các tệp gói nộp (.zip) vào đây. Mỗi gói được kiểm tra chữ "
                "ký, tính toàn vẹn và số liệu; không ghi gì vào dữ liệu."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.trust_label = QLabel(self)
        self.trust_label.setWordWrap(True)
        layout.addWidget(self.trust_label)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("verifyResults")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Kết quả"), self.tr("Báo cáo"), self.tr("Người ký / lý do")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        choose = QPushButton(self.tr("Chọn tệp gói…"), self)
        choose.setObjectName("chooseVerify")
        choose.clicked.connect(self.choose)
        trust = QPushButton(self.tr("Thêm chứng thư tin cậy…"), self)
        trust.clicked.connect(self.add_trust)
        layout.addLayout(self.button_row([choose, trust]))
        self._show_trust()

    def _show_trust(self) -> None:
        names = ", ".join(p.name for p in self.trust_files)
        text = self.tr("Tin cậy: chứng thư của chính đơn vị")
        self.trust_label.setText(text + (f"; {names}" if names else "") + ".")

    def choose(self) -> None:
        chosen = self.dialogs.choose_files(
            self, self.tr("Chọn tệp gói nộp"), str(self.start_dir), self.tr("Gói nộp (*.zip)")
        )
        if chosen:
            self.check([Path(p) for p in chosen])

    def add_trust(self) -> None:
        chosen = self.dialogs.choose_files(
            self,
            self.tr("Chọn chứng thư tin cậy"),
            str(self.start_dir),
            self.tr("Chứng thư (*.pem *.cer *.crt *.der)"),
        )
        self.trust_files.extend(Path(p) for p in chosen)
        self._show_trust()

    def check(self, paths: list[Path]) -> None:
        if self.task is not None and self.task.running:
            return
        from ..workspace.check_packets import check_packets

        trust = list(self.trust_files)
        self.task = BackgroundTask(
            self,
            self.tr("Đang kiểm tra gói nộp…"),
            in_workspace(
                self.workspace.data_dir,
                lambda ws, progress: check_packets(ws, paths, trust, progress),
            ),
        )
        self.task.finished.connect(self._show)
        self.task.failed.connect(self.show_error)
        self.task.start()

    def _show(self, outcomes: list[Any]) -> None:
        for outcome in outcomes:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = self._cells(outcome)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setForeground(QColor(OK if outcome.ok else ERROR))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _cells(self, outcome: Any) -> list[str]:
        if not outcome.ok:
            error = outcome.error
            return [
                outcome.path.name,
                self.tr("TỪ CHỐI"),
                "",
                f"{error.message.pick(self.lang)} [{error.code}]",
            ]
        summary = outcome.packet.summary()
        unit = summary["unit"]
        report = self.tr("%1 %2 · %3 · lần %4")
        report = (
            report.replace("%1", unit["code"])
            .replace("%2", unit["name"])
            .replace("%3", f"{summary['form']['id']} {summary['period']}")
            .replace("%4", str(summary["revision"]))
        )
        return [
            outcome.path.name,
            self.tr("HỢP LỆ"),
            report,
            f"{summary['signer']}\n{grouped_fingerprint(summary['fingerprint'])}",
        ]

    # -- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.check(paths)


__all__ = ["VerifyDialog"]
