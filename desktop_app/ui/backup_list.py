"""The list of backups the two restoring dialogs show (Công cụ → Sao lưu và khôi phục,
and the start-up one when the data file is lost): a read-only table, one row a backup,
the counts right-aligned, the file's name as every cell's tooltip, a double click
restoring the row. Each dialog chooses its own columns.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from ..workspace.backups import BackupEntry
from .read_table import read_only_table


class BackupList:
    """The table (``table``) and the entries its rows show (``entries``)."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        heads: Sequence[str],
        selection_changed: Callable[[], None],
        restore: Callable[[], object],
    ) -> None:
        self.entries: list[BackupEntry] = []
        self.table: QTableWidget = read_only_table(parent, name, heads, stretch=1)
        self.table.itemSelectionChanged.connect(selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: restore())

    def fill(self, entries: list[BackupEntry], cells: Callable[[BackupEntry], list[str]]) -> None:
        """One row an entry; the first two columns (when, why) are text, the rest numbers."""
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(cells(entry)):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(entry.path.name)
                self.table.setItem(row, column, item)

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None


__all__ = ["BackupList"]
