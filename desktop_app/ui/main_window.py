"""The main window. For now: who is reporting, the forms, and the reports held locally;
the data-entry view replaces the central widget in the data-entry issue."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import format_date
from ..core.periods import Period
from ..core.units import Catalogue
from ..storage import list_reports
from ..workspace import Workspace

STATUS_LABELS = {
    "draft": "Bản nháp",
    "exported": "Đã xuất gói",
    "accepted": "Đã được tiếp nhận",
    "returned": "Bị trả lại",
}


def _when(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return f"{format_date(moment.date())} {moment:%H:%M}"


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("Báo cáo ứng dụng công nghệ thông tin"))
        self.resize(1000, 640)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.unit_label = QLabel(central)
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.unit_label.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.unit_label.setFont(font)
        layout.addWidget(self.unit_label)
        layout.addWidget(QLabel(self.tr("Biểu mẫu báo cáo"), central))
        self.forms_table = self._table(["Mã", "Phiên bản", "Tên biểu mẫu", "Kỳ", "Số chỉ tiêu"])
        layout.addWidget(self.forms_table)
        layout.addWidget(QLabel(self.tr("Báo cáo đã lưu trên máy này"), central))
        self.reports_table = self._table(
            ["Biểu mẫu", "Kỳ báo cáo", "Trạng thái", "Lần sửa", "Cập nhật"]
        )
        layout.addWidget(self.reports_table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Dữ liệu: %s") % workspace.data_dir)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def refresh(self) -> None:
        profile = self.workspace.profile
        if profile is None:
            self.unit_label.setText(
                self.tr("Chưa thiết lập đơn vị báo cáo — chạy: desktop-app setup --unit MÃ_ĐƠN_VỊ")
            )
        else:
            described = Catalogue.load(profile.catalogue).describe(profile.unit_code)
            self.unit_label.setText(f"{profile.unit_code} – {described}")
        forms = self.workspace.forms.latest()
        self.forms_table.setRowCount(len(forms))
        for row, form in enumerate(forms):
            kind = {"year": "Năm", "half": "6 tháng", "quarter": "Quý", "month": "Tháng"}[
                form.period_kind
            ]
            cells = [form.id, form.version, form.title.vi, kind, str(len(form.fields))]
            for col, text in enumerate(cells):
                self.forms_table.setItem(row, col, QTableWidgetItem(text))
        reports = list_reports(self.workspace.db, profile.unit_code) if profile else []
        self.reports_table.setRowCount(len(reports))
        for row, report in enumerate(reports):
            cells = [
                report.form_id,
                Period.parse(report.period).label("vi"),
                STATUS_LABELS.get(report.status, report.status),
                str(report.revision),
                _when(report.updated_at),
            ]
            for col, text in enumerate(cells):
                self.reports_table.setItem(row, col, QTableWidgetItem(text))
