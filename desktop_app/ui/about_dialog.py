"""Trợ giúp → Giới thiệu và chẩn đoán…: what the district's IT officer asks for on the
phone — versions, where the data is, the database's size and schema version, the unit,
the end of the log — with buttons to open the data folder, copy it all, or save a
diagnostics zip (the text and the logs; never the database or the keys) to send.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..workspace.diagnostics import Diagnostics, collect, format_size, write_bundle
from ..workspace.logs import tail
from .base_dialog import AppDialog
from .ui_context import UiContext
from .unit_words import receiver

LOG_LINES = 200


def _value(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(AppDialog):
    def __init__(
        self,
        ui: UiContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.set_up("aboutDialog", self.tr("Giới thiệu và chẩn đoán"), size=(980, 640))
        self.info: Diagnostics = collect(
            self.workspace, [("Qt", qVersion()), ("PySide6", pyside_version)]
        )
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Báo cáo ứng dụng công nghệ thông tin"), self)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Khi cần hỗ trợ: bấm «Lưu gói chẩn đoán…» và gửi tệp đó cho cán bộ CNTT của "
                "%1. Gói chỉ gồm thông tin dưới đây và nhật ký; không có số liệu báo "
                "cáo, không có khóa ký số."
            ).replace("%1", receiver(self.workspace, self.lang)),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        columns = QHBoxLayout()
        columns.addWidget(self._versions_box(), 2)
        columns.addWidget(self._data_box(), 3)
        layout.addLayout(columns)
        log_box = QGroupBox(self.tr("Nhật ký (những dòng cuối)"), self)
        log_layout = QVBoxLayout(log_box)
        self.log_view = QPlainTextEdit(log_box)
        self.log_view.setObjectName("logView")
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        log_layout.addWidget(self.log_view)
        layout.addWidget(log_box, 1)
        self.open_button = QPushButton(self.tr("Mở thư mục dữ liệu"), self)
        self.open_button.clicked.connect(self.open_data_folder)
        self.copy_button = QPushButton(self.tr("Sao chép thông tin"), self)
        self.copy_button.clicked.connect(self.copy_info)
        self.save_button = QPushButton(self.tr("Lưu gói chẩn đoán…"), self)
        self.save_button.clicked.connect(self.save_bundle)
        layout.addLayout(self.button_row([self.open_button, self.copy_button, self.save_button]))
        self.refresh_log()

    def _versions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Phiên bản"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Phần mềm:"), _value(self.info.app_version, box))
        for name, version in self.info.versions:
            form.addRow(f"{name}:", _value(version, box))
        form.addRow(self.tr("Hệ điều hành:"), _value(self.info.system, box))
        return box

    def _data_box(self) -> QGroupBox:
        info = self.info
        box = QGroupBox(self.tr("Dữ liệu"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Thư mục dữ liệu:"), _value(str(info.data_dir), box))
        form.addRow(
            self.tr("Cơ sở dữ liệu:"),
            _value(f"{info.database.name} ({format_size(info.database_bytes)})", box),
        )
        form.addRow(self.tr("Phiên bản lược đồ:"), _value(str(info.schema_version), box))
        form.addRow(self.tr("Đơn vị:"), _value(info.unit or self.tr("chưa thiết lập"), box))
        form.addRow(self.tr("Tệp nhật ký:"), _value(str(info.log_file), box))
        backups = str(info.backups)
        if info.newest_backup:
            backups += self.tr(" (mới nhất: %1)").replace("%1", info.newest_backup)
        form.addRow(self.tr("Bản sao lưu:"), _value(backups, box))
        return box

    def refresh_log(self) -> None:
        text = tail(self.workspace.data_dir, LOG_LINES)
        self.log_view.setPlainText(text or self.tr("(Nhật ký chưa có dòng nào.)"))
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def info_text(self) -> str:
        return self.info.as_text()

    # -- buttons ---------------------------------------------------------------------------

    def open_data_folder(self) -> None:
        self.dialogs.open_folder(Path(self.workspace.data_dir))

    def copy_info(self) -> None:
        QGuiApplication.clipboard().setText(self.info_text())
        self.copy_button.setText(self.tr("Đã sao chép ✓"))

    def save_bundle(self) -> Path | None:
        from .export_dialog import default_export_dir

        profile = self.workspace.profile
        unit = profile.unit_code if profile else "chua-thiet-lap"
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        start = default_export_dir(self.workspace) / f"chan-doan_{unit}_{stamp}.zip"
        chosen = self.dialogs.choose_save_file(
            self, self.tr("Lưu gói chẩn đoán"), str(start), self.tr("Tệp zip (*.zip)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bundle(self.workspace.data_dir, target, self.info_text())
        except OSError as exc:
            self.dialogs.error(
                self,
                self.windowTitle(),
                self.tr("Không lưu được gói chẩn đoán vào %1: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.dialogs.info(
            self,
            self.windowTitle(),
            self.tr(
                "Đã lưu gói chẩn đoán:\n%1\n\nGói gồm thông tin trên và nhật ký; không có "
                "cơ sở dữ liệu, không có khóa ký số. Gửi tệp này cho cán bộ CNTT của %2."
            )
            .replace("%1", str(target))
            .replace("%2", receiver(self.workspace, self.lang)),
        )
        return target


__all__ = ["AboutDialog"]
