"""At start-up, when the data file is missing, zero bytes or empty while the backups
still hold the data ("storage.data_missing"): says what happened, lists the backups with
the newest good one chosen, and restores the one the clerk picks (or a copy from
elsewhere, a USB stick say). Starting with an empty database is possible only after an
explicit confirmation, and keeps the backups.

Before the database opens the clerk's language is unknown: what happened is said in
Vietnamese and then English, like the other start-up messages.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from ..storage.lost import LostData, describe, when_text
from ..workspace.backups import BackupEntry, folder_entries, reason_label, restore_folder
from ..workspace.workspace import BACKUP_DIR
from .backup_list import BackupList
from .dialogs import Dialogs


class LostDataDialog(QDialog):
    """``exec()`` is accepted once a backup was restored (``restored`` says which) or the
    clerk confirmed an empty start (``start_empty``); rejected to quit, nothing done."""

    def __init__(self, lost: LostData, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lost = lost
        self.dialogs = dialogs
        self.restored: Path | None = None
        self.start_empty = False
        self.setObjectName("lostDataDialog")
        self.setWindowTitle(self.tr("Không tìm thấy số liệu"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        said = describe(lost)
        vi = "<br>".join(html.escape(part.vi) for part in said)
        en = "<br>".join(html.escape(part.en) for part in said)
        self.message = QLabel(f"<b>{vi}</b><br><br>{en}", self)
        self.message.setObjectName("lostDataMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        advice = QLabel(
            self.tr(
                "Chọn bản sao lưu để khôi phục (bản tốt mới nhất đã được chọn sẵn), rồi "
                "bấm Khôi phục. Không có gì bị xoá."
            ),
            self,
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)
        heads = [
            self.tr("Thời điểm"),
            self.tr("Lý do"),
            self.tr("Số báo cáo"),
            self.tr("Số ô đã nhập"),
        ]
        self.backup_list = BackupList(
            self, "lostDataBackups", heads, self._selection_changed, self.restore_selected
        )
        self.table = self.backup_list.table
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã chọn"), self)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Chọn &tệp khác…"), self)
        self.file_button.clicked.connect(self.restore_other_file)
        self.empty_button = QPushButton(self.tr("&Bắt đầu với dữ liệu trống…"), self)
        self.empty_button.clicked.connect(self.confirm_empty_start)
        self.quit_button = QPushButton(self.tr("&Thoát"), self)
        self.quit_button.clicked.connect(self.reject)
        for button in (self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        self._fill()

    @property
    def entries(self) -> list[BackupEntry]:
        return self.backup_list.entries

    def _fill(self) -> None:
        self.backup_list.fill(folder_entries(self.lost.folder), self._cells)
        newest = self.lost.newest.path if self.lost.newest else None
        chosen = next((i for i, e in enumerate(self.entries) if e.path == newest), None)
        if chosen is not None:
            self.table.selectRow(chosen)
        self._selection_changed()

    def _cells(self, entry: BackupEntry) -> list[str]:
        if entry.readable:
            reports, values = str(entry.reports), str(entry.values)
        else:
            reports, values = self.tr("không đọc được"), ""
        return [
            entry.created.strftime("%d/%m/%Y %H:%M:%S"),
            reason_label(entry.reason).vi,
            reports,
            values,
        ]

    def selected(self) -> BackupEntry | None:
        return self.backup_list.selected()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- the choices ---------------------------------------------------------------------

    def restore_selected(self) -> bool:
        entry = self.selected()
        return entry is not None and self._restore(entry.path, when_text(entry.created))

    def restore_other_file(self) -> bool:
        chosen = self.dialogs.choose_files(
            self,
            self.tr("Chọn bản sao lưu"),
            str(self.lost.folder),
            self.tr("Cơ sở dữ liệu SQLite (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)"),
        )
        return bool(chosen) and self._restore(Path(chosen[0]), None)

    def _restore(self, backup: Path, when: str | None) -> bool:
        try:
            kept = restore_folder(self.lost.folder, backup)
        except AppError as error:
            # The backup will not do (damaged, from a newer version, no room): say why and
            # let the clerk choose another; nothing was changed.
            said = f"{error.message.vi}\n\n{error.message.en}"
            self.dialogs.error(self, self.windowTitle(), said)
            return False
        done = (
            self.tr("Đã khôi phục số liệu về bản sao lưu lúc %1.").replace("%1", when)
            if when
            else self.tr("Đã khôi phục số liệu từ %1.").replace("%1", backup.name)
        )
        done += " " + self.tr("Những gì nhập sau thời điểm của bản sao lưu không có trong đó.")
        if kept is not None:
            done += "\n\n" + self.tr(
                "Tệp dữ liệu cũ và những gì còn lại bên cạnh nó được cất trong %1."
            ).replace("%1", str(kept.parent))
        self.dialogs.info(self, self.windowTitle(), done)
        self.restored = backup
        self.accept()
        return True

    def confirm_empty_start(self) -> bool:
        question = self.tr(
            "Bắt đầu với dữ liệu trống?\n\nPhần mềm sẽ mở như lần đầu: chưa có đơn vị, chưa "
            "có báo cáo. Các bản sao lưu vẫn được giữ trong %1 và có thể khôi phục sau "
            "(Công cụ → Sao lưu và khôi phục).\n\nChỉ chọn khi chắc chắn số liệu cũ không "
            "còn cần."
        ).replace("%1", str(self.lost.folder / BACKUP_DIR))
        if not self.dialogs.confirm(self, self.windowTitle(), question):
            return False
        self.start_empty = True
        self.accept()
        return True


__all__ = ["LostDataDialog"]
