"""A trend as a table: one row per key indicator (and, for one unit, its total score and
rank), one column per period. Blank stays blank: a period whose form lacks the field, or
a unit that did not report, is not a zero.

May import: Qt, ``ui``, and plain data from the layers below (``consolidation``, ``core``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...consolidation import Trend
from ...core.forms.model import Form
from ...core.levels import units_word
from ...core.numbers import format_number
from ...core.values import Value
from .sorting import NO_PARENT, RIGHT, period_label
from .targets_model import value_text

TOTAL, RANK = "__total", "__rank"  # the rows that are not form fields


class TrendModel(QAbstractTableModel):
    def __init__(self, trend: Trend, form: Form, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self._load(trend)

    def set_trend(self, trend: Trend) -> None:
        self.beginResetModel()
        self._load(trend)
        self.endResetModel()

    def _load(self, trend: Trend) -> None:
        self.trend = trend
        self.row_ids = [f for f in trend.fields if f in self.form.fields]
        if trend.unit is not None and any(t is not None for t in trend.totals):
            self.row_ids.append(TOTAL)
        if trend.unit is not None and any(r is not None for r in trend.ranks):
            self.row_ids.append(RANK)

    # -- what a row is --------------------------------------------------------------------

    def label(self, row_id: str) -> str:
        if row_id == TOTAL:
            return self.tr("Tổng điểm")
        if row_id == RANK:
            return self.tr("Thứ hạng")
        label = self.trend.labels.get(row_id) or self.form.fields[row_id].label
        return label.pick(self.lang)

    def values(self, row_id: str) -> tuple[Value, ...]:
        if row_id == TOTAL:
            return self.trend.totals
        if row_id == RANK:
            return self.trend.ranks
        return self.trend.series[row_id]

    def is_count(self, row_id: str) -> bool:
        """A yes/no or choice field consolidated over the district is a count of units
        (``count_true``, ``count_choice(…)``), not an answer of its own type."""
        field = self.form.fields.get(row_id)
        if self.trend.unit is not None or field is None:
            return False
        return field.type == "boolean" or field.aggregate.startswith("count")

    def text(self, row_id: str, value: Value) -> str:
        if value is None:
            return ""
        if row_id == TOTAL:
            return format_number(value, 2)  # type: ignore[arg-type]
        if row_id == RANK:
            return str(value)
        if self.is_count(row_id):
            word = units_word(self.form.level).pick(self.lang)
            return f"{value} {word}"
        if isinstance(value, (list, dict)):  # a list of the units' answers: not a figure
            return ""
        return value_text(self.form.fields[row_id], value, self.lang)

    def number(self, value: Value) -> Decimal | None:
        """What the chart can draw: numbers (a count is one); yes/no and text are not."""
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return None
        return Decimal(value)

    # -- the table ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.row_ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.trend.periods) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Chỉ số")
        return period_label(self.trend.periods[section - 1], self.lang)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row_id = self.row_ids[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.label(row_id)
            return None
        value = self.values(row_id)[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row_id, value)
        if role == Qt.ItemDataRole.ToolTipRole and value is None:
            return self.tr("Không có số liệu kỳ này")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return None


__all__ = ["RANK", "TOTAL", "TrendModel"]
