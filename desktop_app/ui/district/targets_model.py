"""Each reporting unit against each of the form's targets: the unit's figure and whether
it reaches the target, and how many targets it reaches. A blank figure is "no figure",
never a miss.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...consolidation import Consolidation, target_attainment
from ...core.collation import vi_sort_key
from ...core.forms.model import Field
from ...core.targets import TargetResult
from ...core.values import Value, display
from ..style import ERROR, OK
from .sorting import BLANK, CENTRE, NO_PARENT, RIGHT, SORT_ROLE

REACHED, NOT_REACHED = QColor(OK), QColor(ERROR)
HEADER_WIDTH = 26  # characters per header line: five targets fit a 1366-pixel screen


def value_text(field: Field, value: Value, lang: str = "vi") -> str:
    """A figure with its unit, as the statements print it: "88,8%", "12 người"."""
    text = display(field, value, lang)
    unit = field.unit.pick(lang) if field.unit and field.is_numeric else ""
    if not text or not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


class TargetsModel(QAbstractTableModel):
    def __init__(
        self, consolidation: Consolidation, lang: str = "vi", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._load(consolidation)

    def set_consolidation(self, consolidation: Consolidation) -> None:
        self.beginResetModel()
        self._load(consolidation)
        self.endResetModel()

    def _load(self, consolidation: Consolidation) -> None:
        self.form = consolidation.form
        self.targets = self.form.targets
        results = target_attainment(consolidation)
        self.rows: list[tuple[str, str, list[TargetResult]]] = sorted(
            ((code, consolidation.name(code), r) for code, r in results.items()),
            key=lambda row: vi_sort_key(row[1]),
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.targets) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        last = len(self.targets) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Đơn vị")
            if section == last:
                return self.tr("Số chỉ tiêu\nđạt")
            label = self.targets[section - 1].label.pick(self.lang)
            return textwrap.fill(label, HEADER_WIDTH)
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < last:
            target = self.targets[section - 1]
            source = target.source.pick(self.lang) if target.source else ""
            return target.label.pick(self.lang) + (f"\n{source}" if source else "")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        _code, name, results = self.rows[index.row()]
        column = index.column()
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return name
            return vi_sort_key(name) if role == SORT_ROLE else None
        if column == len(self.targets) + 1:
            known = [r for r in results if r.achieved is not None]
            reached = sum(1 for r in known if r.achieved)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{reached}/{len(known)}"
            if role == SORT_ROLE:
                return (reached, -len(known))
            return CENTRE if role == Qt.ItemDataRole.TextAlignmentRole else None
        return self._result(results[column - 1], role)

    def _result(self, result: TargetResult, role: int) -> Any:
        field = self.form.fields[result.target.field_id]
        if role == Qt.ItemDataRole.DisplayRole:
            if result.achieved is None:
                return self.tr("chưa có số liệu")
            mark = "✓" if result.achieved else "✗"
            return f"{value_text(field, result.value, self.lang)}  {mark}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if result.achieved is None:
                return self.tr("Đơn vị để trống chỉ số này")
            return self.tr("Đạt chỉ tiêu") if result.achieved else self.tr("Chưa đạt chỉ tiêu")
        if role == Qt.ItemDataRole.ForegroundRole and result.achieved is not None:
            return REACHED if result.achieved else NOT_REACHED
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == SORT_ROLE:
            if result.achieved is None:
                return BLANK
            value = result.value
            # yes/no targets compare as 1/0 (bool is an int)
            return (result.achieved, Decimal(value) if isinstance(value, (int, Decimal)) else 0)
        return None


__all__ = ["TargetsModel", "value_text"]
