"""Báo cáo → Nhập từ Excel…: a workbook of earlier years' figures (the application's own
report.xlsx, or a sheet of units × indicators) read off the GUI thread, its plan shown
with every problem, and written only when the clerk presses Nhập, which stays disabled
while any error remains (``workspace.values_import``).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from .background import BackgroundTask, error_text, in_workspace

if TYPE_CHECKING:
    from ..workspace.values_import import ImportPlan
    from .main_window import MainWindow


class ImportPreview(QDialog):
    """The plan: what the file holds, for which form, period and units, and its problems."""

    def __init__(self, plan: ImportPlan, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Nhập số liệu từ Excel"))
        layout = QVBoxLayout(self)
        entered = sum(1 for u in plan.units if not u.own)
        template = self.tr(
            "%1: biểu mẫu %2 (phiên bản %3), %4; %5 đơn vị, trong đó %6 đơn vị trực thuộc do đơn vị này nhập (không phải báo cáo ký số)."
        )
        summary = (
            template.replace("%1", plan.path.name)
            .replace("%2", plan.form.title.pick(lang))
            .replace("%3", plan.form.version)
            .replace("%4", plan.period.label(lang))
            .replace("%5", str(len(plan.units)))
            .replace("%6", str(entered))
        )
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        errors = len(plan.errors)
        verdict = (
            self.tr("%n lỗi: sửa tệp rồi nhập lại. Chưa ghi gì.", "", errors)
            if errors
            else self.tr(
                "Không có lỗi: nhấn Nhập để ghi tất cả số liệu (ghi nhật ký từng giá trị)."
            )
        )
        self.verdict = QLabel(verdict, self)
        self.verdict.setObjectName("importVerdict")
        self.verdict.setStyleSheet("color: #b71c1c;" if errors else "color: #1b5e20;")
        layout.addWidget(self.verdict)
        self.table = QTableWidget(len(plan.problems), 4, self)
        self.table.setObjectName("importProblems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mức"), self.tr("Dòng"), self.tr("Mã"), self.tr("Nội dung")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        severity = {"error": self.tr("Lỗi"), "warning": self.tr("Cảnh báo")}
        for row, problem in enumerate(plan.problems):
            cells = [
                severity[problem.severity],
                "" if problem.row is None else str(problem.row),
                problem.code,
                problem.message.pick(lang),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.setWordWrap(True)  # a message is read whole, not cut at the edge
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(plan.problems))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Nhập"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(not errors)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 460)

    def showEvent(self, event: Any) -> None:  # Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()  # once the message column has its width


class ExcelImport(QObject):
    """The menu action and its steps: choose the file, plan in the background, preview,
    write."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Nhập từ &Excel…"), window)
        self.action.triggered.connect(self.run)
        self.task: BackgroundTask | None = None

    def run(self) -> None:
        window = self.window
        if window.workspace.profile is None or not window.may_leave_report():
            return
        chosen = window.dialogs.choose_files(
            window, self.tr("Chọn tệp Excel"), str(Path.home()), self.tr("Bảng tính Excel (*.xlsx)")
        )
        if not chosen:
            return
        path, period = Path(chosen[0]), window.toolbar.period

        def job(ws: Any, _progress: Any) -> Any:
            from ..workspace.values_import import plan_import

            try:
                return plan_import(ws, path)
            except AppError as error:  # a grid names no period: the one chosen in the window
                if error.code != "import.no_period" or not period:
                    raise
                return plan_import(ws, path, period)

        self.task = BackgroundTask(
            window, self.tr("Đang đọc tệp Excel…"), in_workspace(window.workspace.data_dir, job)
        )
        self.task.finished.connect(self._planned)
        self.task.failed.connect(
            lambda error: window.dialogs.error(
                window, window.windowTitle(), error_text(error, window.lang)
            )
        )
        self.task.start()

    def _planned(self, plan: ImportPlan) -> None:
        from ..workspace.values_import import apply_import

        window = self.window
        preview = ImportPreview(plan, window.lang, window)
        if preview.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changed = apply_import(window.workspace, plan)
        except AppError as error:
            window.dialogs.error(window, window.windowTitle(), error.message.pick(window.lang))
            return
        done = self.tr("Đã nhập từ %1: %2 giá trị thay đổi.")
        window.dialogs.info(
            window,
            window.windowTitle(),
            done.replace("%1", plan.path.name).replace("%2", str(changed)),
        )
        if any(u.own for u in plan.units):  # the unit's own report: show what came in
            window.open_report(plan.form.id, str(plan.period))


__all__ = ["ExcelImport", "ImportPreview"]
