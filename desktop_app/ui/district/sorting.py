"""What the district tables share: a sort role holding the underlying value (numbers as
numbers, names in Vietnamese order), a proxy that keeps blank cells last in either sort
order, and numbers and periods written the Vietnamese way.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ...core.numbers import format_number
from ...core.periods import Period, PeriodError

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# A cell with nothing to compare (a unit that has not reported has no score): its sort
# value is BLANK, and it sorts after every value whichever way the column is sorted.
BLANK = None

# the default ``parent`` of rowCount/columnCount: one shared invalid index
NO_PARENT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def score_text(value: Decimal | None, decimals: int = 2) -> str:
    return "" if value is None else format_number(value, decimals)


def signed_text(value: Decimal | None, decimals: int = 2) -> str:
    """A change as district reports write it: +2,20 / -1,50 / 0,00."""
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_number(value, decimals)


def period_label(period: str, lang: str) -> str:
    """ "Năm 2026" for "2026"; text that is not a period is shown as it is."""
    try:
        return Period.parse(period).label(lang)
    except PeriodError:
        return period


class BlankLastProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; blanks stay at the bottom in both orders, and equal values
    keep the source order (Qt's sort is stable), which the models make meaningful."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a: Any = left.data(SORT_ROLE)
        b: Any = right.data(SORT_ROLE)
        if (a is BLANK) != (b is BLANK):
            # Qt reverses lessThan for a descending sort: answer so that blanks end last.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is BLANK) if descending else (b is BLANK)
        if a is BLANK:
            return False
        try:
            return a < b
        except TypeError:  # mixed kinds in one column: compare as text
            return str(a) < str(b)


__all__ = [
    "BLANK",
    "CENTRE",
    "RIGHT",
    "SORT_ROLE",
    "BlankLastProxy",
    "period_label",
    "score_text",
    "signed_text",
]
