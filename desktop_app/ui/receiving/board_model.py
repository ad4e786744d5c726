"""The status board's rows as a Qt model: one row per child unit, sortable by any column
(by the underlying value, not the shown text: dates as dates, names in Vietnamese order)
and filterable by state.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ...core.collation import vi_sort_key
from ...core.messages import Text
from ..style import CONFLICT, ENTERED, ERROR, INFO, OK, RETURNED

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
ROOT = QModelIndex()  # a table has no parent rows
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_COLOURS = {
    "conflict": CONFLICT,
    "missing": ERROR,
    "entered": ENTERED,
    "returned": RETURNED,
    "submitted": INFO,
    "accepted": OK,
}
COLUMNS = (
    ("code", Text("Mã", "Code")),
    ("name", Text("Đơn vị", "Unit")),
    ("state", Text("Tình trạng", "Status")),
    ("revision", Text("Lần sửa", "Revision")),
    ("submitted", Text("Ngày ký", "Signed")),
    ("late", Text("Hạn nộp", "Deadline")),
    ("received", Text("Ngày nhận", "Received on")),
    ("note", Text("Ghi chú", "Note")),
)


def local_time(iso: str | None) -> str:
    """An ISO time as the officer reads it: dd/mm/yyyy HH:MM, Vietnam time."""
    if not iso:
        return ""
    moment = datetime.datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM)
    return moment.strftime("%d/%m/%Y %H:%M")


def _instant(iso: str | None) -> datetime.datetime | None:
    """An ISO time as an instant, so times kept in different offsets sort together."""
    return datetime.datetime.fromisoformat(iso) if iso else None


class BoardModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[Any] = []
        from ...receiving.status import STATE_LABELS, STATES

        self.state_labels = STATE_LABELS
        self.state_order = STATES

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1].pick(self.lang)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("submitted", "received"):
            return self._times_tip(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == SORT_ROLE:
            return self._sort_value(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and key in ("state", "late"):
            if key == "late" and row.on_time is False:
                return QColor(ERROR)
            if key == "state":
                return QColor(STATE_COLOURS[row.state])
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "revision":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: Any, key: str) -> str:
        if key == "code":
            return row.unit_code
        if key == "name":
            return row.unit_name
        if key == "state":
            return self.state_labels[row.state].pick(self.lang)
        if key == "revision":
            return str(row.revision) if row.revision else ""
        if key == "submitted":  # the signing time judges on time or late (issue 14 §3)
            return local_time(row.first_signed_at)
        if key == "received":
            return local_time(row.received_at)
        if key == "late":
            if row.on_time is None:
                return ""
            if row.on_time:
                return Text("Đúng hạn", "On time").pick(self.lang)
            return Text(f"Trễ {row.days_late} ngày", f"{row.days_late} days late").pick(self.lang)
        if row.state == "returned" and row.review_reason:
            return Text("Lý do trả lại: ", "Returned because: ").pick(self.lang) + row.review_reason
        if row.state == "conflict":
            return Text(
                f"{len(row.pending_ids)} gói cùng lần sửa có số liệu khác",
                f"{len(row.pending_ids)} packet(s) of the same revision with other data",
            ).pick(self.lang)
        return row.review_reason or ""  # a note the officer gave when accepting

    def _times_tip(self, row: Any) -> str:
        """Both times of the current revision and, when it is not the first, the first
        one's signing time that judged it on time or late."""
        if not row.signed_at:
            return ""
        lines = [
            Text(
                f"Lần {row.revision}: ký {local_time(row.signed_at)}, nhận {local_time(row.received_at)}",
                f"Revision {row.revision}: signed {local_time(row.signed_at)}, received {local_time(row.received_at)}",
            ).pick(self.lang)
        ]
        if row.first_signed_at != row.signed_at:
            lines.append(
                Text(
                    f"Đúng hạn hay trễ tính theo lần nộp đầu, ký {local_time(row.first_signed_at)}",
                    f"On time or late is judged by the first submission, signed {local_time(row.first_signed_at)}",
                ).pick(self.lang)
            )
        return "\n".join(lines)

    def _sort_value(self, row: Any, key: str) -> Any:
        # Blanks (a missing unit has no dates) sort after every value.
        if key == "state":
            return (0, self.state_order.index(row.state), row.unit_code)
        if key == "name":
            return (0, vi_sort_key(row.unit_name))
        if key == "code":
            return (0, row.unit_code)
        value = {
            "revision": row.revision,
            "submitted": _instant(row.first_signed_at),
            "received": _instant(row.received_at),
            "late": row.days_late if row.on_time is not None else None,
        }.get(key, self._text(row, key) or None)
        return (1, "") if value is None else (0, value, row.unit_code)


class BoardFilter(QSortFilterProxyModel):
    """Shows the rows in the chosen states; sorts by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.states: set[str] | None = None
        self.setSortRole(SORT_ROLE)

    def show_states(self, states: Iterable[str] | None) -> None:
        chosen = set(states) if states is not None else None
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10: invalidateFilter is deprecated
            self.beginFilterChange()
            self.states = chosen
            self.endFilterChange()
        else:
            self.states = chosen
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self.states is None:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return row.state in self.states

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:  # mixed kinds in one column: compare as text
            return str(a) < str(b)

    def row_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(ROW_ROLE)

    def shown_rows(self) -> list[Any]:
        return [self.row_at(r) for r in range(self.rowCount())]


__all__ = ["COLUMNS", "BoardFilter", "BoardModel", "local_time"]
