"""Receive packets from the child units: files, a whole folder, or dropped onto the window
or this dialog. Receiving runs in the background (verification loads the signature
libraries and reads every member); each file then gets its verdict in a table, with the
specific reason for a refusal. Cancelling stops between two files: those already
received stay received, and the table says so.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
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

from ...core.messages import Text
from ...workspace import Workspace
from ..background import BackgroundTask, in_workspace
from ..base_dialog import AppDialog
from ..style import CONFLICT, ERROR, INFO, MUTED, OK
from ..ui_context import UiContext
from .register_signer import UnknownSigner, button_text, register_signers, unknown_signer

VERDICT_LABELS = {
    "accepted": Text("Đã nhận", "Received"),
    "duplicate": Text("Trùng lặp", "Duplicate"),
    "superseding": Text("Thay thế bản cũ", "Supersedes"),
    "conflict": Text("Xung đột", "Conflict"),
    "rejected": Text("Từ chối", "Rejected"),
}
VERDICT_COLOURS = {
    "accepted": OK,
    "duplicate": MUTED,
    "superseding": INFO,
    "conflict": CONFLICT,
    "rejected": ERROR,
}


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local .zip files and folders among dropped URLs."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() == ".zip"]


class _Waiting(QObject):
    """Carries "another receive holds the data folder" from the worker to the dialog."""

    said = Signal()


class ReceiveDialog(AppDialog):
    received = Signal(object)  # receiving.receive.ReceiveReport

    def __init__(
        self,
        ui: UiContext,
        start_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.start_dir = start_dir or Path.home()
        self.task: BackgroundTask | None = None
        self.report: Any = None
        self.steps: list[tuple[int, int]] = []  # progress seen, files done of total
        self.waiting = _Waiting(self)  # emitted from the worker, shown on this thread
        self.waiting.said.connect(self._waiting)
        self.set_up("receiveDialog", self.tr("Nhận gói nộp của đơn vị cấp dưới"), size=(1100, 480))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chọn các tệp gói nộp (.zip), cả một thư mục, hoặc kéo thả vào đây. Mỗi gói "
                "được kiểm tra chữ ký, tính toàn vẹn và số liệu trước khi nhận; gói bị từ "
                "chối không được ghi vào dữ liệu. Tệp nhận được lưu lại cùng kết quả."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("verdicts")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Đơn vị"), self.tr("Kết quả"), self.tr("Chi tiết")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 250)
        self.table.setColumnWidth(1, 200)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("receiveSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.register_button = QPushButton(button_text([]), self)
        self.register_button.setObjectName("registerSigner")
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self.register_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.files_button = QPushButton(self.tr("Chọn tệp…"), self)
        self.files_button.setObjectName("chooseFiles")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Chọn thư mục…"), self)
        self.folder_button.setObjectName("chooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        buttons = [self.files_button, self.folder_button, self.register_button]
        layout.addLayout(self.button_row(buttons))

    # -- choosing ------------------------------------------------------------------------

    def choose_files(self) -> None:
        chosen = self.dialogs.choose_files(
            self,
            self.tr("Chọn gói nộp"),
            str(self.start_dir),
            self.tr("Gói nộp (*.zip);;Mọi tệp (*)"),
        )
        if chosen:
            self.receive([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        chosen = self.dialogs.choose_directory(
            self, self.tr("Thư mục chứa các gói nộp"), str(self.start_dir)
        )
        if chosen:
            self.receive([Path(chosen)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.receive(paths)

    # -- receiving -----------------------------------------------------------------------

    def receive(self, paths: list[Path]) -> None:
        if self.task is not None and self.task.running:
            return
        from ...receiving.receive import ReceiveCancelled
        from ...workspace.receive import receive

        said = self.waiting.said

        def job(ws: Workspace, progress: Any) -> tuple[Any, bool]:
            try:
                return receive(ws, paths, progress, waiting=said.emit), False
            except ReceiveCancelled as stopped:  # those received so far are committed
                return stopped.report, True

        self.task = BackgroundTask(
            self,
            self.tr("Đang kiểm tra và nhận gói nộp…"),
            in_workspace(self.workspace.data_dir, job),
        )
        self.task.finished.connect(lambda result: self._show(*result))
        self.task.failed.connect(self.show_error)
        for button in (self.files_button, self.folder_button):
            button.setEnabled(False)
            self.task.done.connect(lambda b=button: b.setEnabled(True))
        self.summary.setText(self.tr("Đang nhận…"))
        self.steps = []
        self.task.progressed.connect(self._progress)
        self.task.start()

    def _waiting(self) -> None:
        self.summary.setText(
            self.tr(
                "Một lượt nhận gói nộp khác đang chạy trên thư mục dữ liệu này (cửa sổ dòng "
                "lệnh hoặc máy khác); đang chờ lượt đó xong…"
            )
        )

    def _progress(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        self.summary.setText(
            self.tr("Đang nhận: %1/%2 tệp…").replace("%1", str(done)).replace("%2", str(total))
        )

    def _show(self, report: Any, cancelled: bool) -> None:
        self.report = report
        self.table.setRowCount(len(report.outcomes))
        for row, outcome in enumerate(report.outcomes):
            self._fill_row(row, outcome)
        self.table.resizeRowsToContents()
        counts = report.counts()
        parts = [
            f"{VERDICT_LABELS[v].pick(self.lang)}: {counts[v]}"
            for v in VERDICT_LABELS
            if counts.get(v)
        ]
        text = self.tr("%1 tệp.").replace("%1", str(len(report.outcomes)))
        if parts:
            text += " " + " · ".join(parts) + "."
        if report.skipped:
            text += " " + self.tr(
                "Bỏ qua %1 tệp không nhận (không phải .zip, thư mục con, liên kết hoặc tệp đặc biệt)."
            ).replace("%1", str(len(report.skipped)))
        if cancelled:
            text += " " + self.tr(
                "Đã dừng theo yêu cầu: các gói trong bảng đã được xử lý, các tệp còn lại chưa nhận."
            )
        if counts.get("conflict"):
            text += " " + self.tr("Xung đột cần cán bộ quyết định trên bảng theo dõi.")
        self.summary.setText(text)
        self.received.emit(report)

    # -- registering unknown signers ------------------------------------------------------

    def unknown_signers(self, rows: list[int] | None = None) -> list[UnknownSigner]:
        """The selected rows (or ``rows``) refused for an unknown signer of a child unit."""
        if self.report is None:
            return []
        from ...workspace.receive import office

        units = office(self.workspace).children
        if rows is None:
            rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [unknown_signer(self.report.outcomes[r], units) for r in rows]
        return [f for f in found if f is not None]

    def _selection_changed(self) -> None:
        chosen = self.unknown_signers()
        self.register_button.setText(button_text(chosen))
        self.register_button.setEnabled(bool(chosen) and not (self.task and self.task.running))

    def register_selected(self) -> None:
        chosen = self.unknown_signers()
        if not chosen or (self.task is not None and self.task.running):
            return
        again = register_signers(self, self.workspace, chosen, self.dialogs, self.lang)
        if again:
            self.receive(again)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # Once the header has laid out the new widths: wrapped reasons take the height
        # they need at the width they get.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)  # not once deleted

    def _fill_row(self, row: int, outcome: Any) -> None:
        verdict = outcome.verdict
        submission, claimed = outcome.submission, outcome.received
        if submission is not None:
            unit = f"{submission.unit_name} ({submission.unit_code})"
        elif claimed is not None and claimed.unit_code:
            unit = self.tr("%1 (tự khai)").replace("%1", claimed.unit_code)
        else:
            unit = "—"
        detail = outcome.message().pick(self.lang)
        if outcome.error is not None:
            detail += f" [{outcome.error.code}]"
        cells = [outcome.path.name, unit, VERDICT_LABELS[verdict].pick(self.lang), detail]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(outcome.path) if column == 0 else text)
            if column == 2:
                item.setForeground(QColor(VERDICT_COLOURS[verdict]))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, verdict)
            self.table.setItem(row, column, item)


__all__ = ["VERDICT_LABELS", "ReceiveDialog", "dropped_paths"]
