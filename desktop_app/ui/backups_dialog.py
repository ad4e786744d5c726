"""Công cụ → Sao lưu và khôi phục…: the automatic backups of the database (when, why,
how big, how many reports), a backup now, and restoring the chosen one.

Restoring is the window's business (it closes its report and reopens on the restored
data); this dialog asks first, says what happened, and lists the backups again — the
copy of the database as it was before the restore is at the top.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from ..workspace.backups import BackupEntry, Restored, back_up_now, backups, reason_label
from ..workspace.diagnostics import format_size
from .backup_list import BackupList
from .base_dialog import AppDialog
from .ui_context import UiContext

# None: the window's report may not be left (typed text the clerk keeps), nothing done.
Restore = Callable[[Path], Restored | None]


class BackupsDialog(AppDialog):
    def __init__(
        self,
        ui: UiContext,
        restore: Restore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.restore = restore
        self.must_close = False  # the data could not be opened again after a restore
        self.set_up("backupsDialog", self.tr("Sao lưu và khôi phục"), size=(860, 460))
        layout = QVBoxLayout(self)
        policy = self.workspace.db.backups
        intro = QLabel(
            self.tr(
                "Phần mềm tự sao lưu cơ sở dữ liệu khi mở (nhiều nhất một lần mỗi giờ, chỉ "
                "khi số liệu đã thay đổi) và giữ %1 bản tự động mới nhất; bản sao lưu thủ "
                "công và bản mới nhất còn số liệu không bao giờ bị xoá. Khôi phục thay toàn "
                "bộ số liệu hiện tại bằng bản đã chọn; số liệu hiện tại được sao lưu trước, "
                "nên vẫn lấy lại được."
            ).replace("%1", str(policy.keep if policy else 0)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        heads = [
            self.tr("Thời điểm"),
            self.tr("Lý do"),
            self.tr("Dung lượng"),
            self.tr("Số báo cáo"),
            self.tr("Số ô đã nhập"),
            self.tr("Gói đã nhận"),
        ]
        self.backup_list = BackupList(
            self, "backupsTable", heads, self._selection_changed, self.restore_selected
        )
        self.table = self.backup_list.table
        layout.addWidget(self.table, 1)
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        self.backup_button = QPushButton(self.tr("Sao lưu ngay"), self)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Khôi phục…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("Mở thư mục sao lưu"), self)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = [self.backup_button, self.restore_button, self.folder_button]
        layout.addLayout(self.button_row(buttons))
        self.refresh()

    # -- the list --------------------------------------------------------------------------

    @property
    def entries(self) -> list[BackupEntry]:
        return self.backup_list.entries

    def refresh(self, select: Path | None = None) -> None:
        self.backup_list.fill(backups(self.workspace), self._cells)
        receives = any(e.received for e in self.entries)
        self.table.setColumnHidden(5, not receives)
        chosen = next((i for i, e in enumerate(self.entries) if e.path == select), 0)
        if self.entries:
            self.table.selectRow(chosen)
        directory = self.workspace.db.backups.directory if self.workspace.db.backups else None
        self.folder_label.setText(
            self.tr("Thư mục sao lưu: %1").replace("%1", str(directory or "—"))
        )
        self._selection_changed()

    def _cells(self, entry: BackupEntry) -> list[str]:
        unreadable = self.tr("không đọc được")
        return [
            entry.created.strftime("%d/%m/%Y %H:%M:%S"),
            reason_label(entry.reason).pick(self.lang),
            format_size(entry.size),
            str(entry.reports) if entry.readable else unreadable,
            str(entry.values) if entry.readable else "",
            str(entry.received) if entry.readable else "",
        ]

    def selected(self) -> BackupEntry | None:
        return self.backup_list.selected()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- buttons ---------------------------------------------------------------------------

    def back_up(self) -> Path | None:
        try:
            path = back_up_now(self.workspace)
        except AppError as error:
            self.show_error(error)
            return None
        self.refresh(select=path)
        return path

    def restore_selected(self) -> Restored | None:
        entry = self.selected()
        if entry is None:
            return None
        when = entry.created.strftime("%H:%M:%S %d/%m/%Y")
        question = self.tr(
            "Khôi phục số liệu về bản sao lưu lúc %1?\n\n"
            "Toàn bộ số liệu hiện tại được thay bằng bản này; mọi thay đổi sau thời điểm đó "
            "sẽ không còn trong phần mềm. Số liệu hiện tại được sao lưu trước khi khôi phục, "
            "nên có thể lấy lại từ danh sách này."
        ).replace("%1", when)
        if not self.dialogs.confirm(self, self.windowTitle(), question):
            return None
        result = self.restore(entry.path)
        if result is None:
            self.reject()  # back to the field whose text the clerk chose to keep
            return None
        self.workspace = result.workspace
        if not result.reopened:
            self.must_close = True
            error = result.error.message.pick(self.lang) if result.error else ""
            self.dialogs.error(
                self,
                self.windowTitle(),
                error
                + "\n\n"
                + self.tr(
                    "Không mở lại được số liệu nên phần mềm sẽ đóng. Hãy khắc phục (giải "
                    "phóng ổ đĩa, cắm lại USB…) rồi mở lại phần mềm; số liệu đã lưu không "
                    "bị mất."
                ),
            )
            self.reject()
            return result
        if result.error is not None:
            self.dialogs.error(self, self.windowTitle(), result.error.message.pick(self.lang))
            self.refresh(select=entry.path)
            return result
        done = self.tr("Đã khôi phục số liệu về bản sao lưu lúc %1.").replace("%1", when)
        if result.safety is not None:
            done += "\n\n" + self.tr(
                "Số liệu trước khi khôi phục được giữ trong bản sao lưu: %1"
            ).replace("%1", result.safety.name)
        self.dialogs.info(self, self.windowTitle(), done)
        self.refresh(select=result.safety)
        return result

    def open_folder(self) -> None:
        if self.workspace.db.backups is not None:
            directory = self.workspace.db.backups.directory
            directory.mkdir(parents=True, exist_ok=True)
            self.dialogs.open_folder(directory)


__all__ = ["BackupsDialog"]
