"""One child's score items as the appraising officer reads them: the item, the unit's
figure behind it, the self-assessed points, the maximum, the appraised points and the
reason, and the evidence the unit attached (file names and sizes).

The evidence comes from ``appraisal_evidence``; the model only shows what it is given.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.forms.model import Form
from ...core.values import display
from ...workspace.appraisal import ItemAppraisal, UnitAppraisal
from ..style import ERROR, MUTED, OK
from .appraisal_evidence import EvidenceFile, size_text
from .sorting import NO_PARENT, RIGHT, score_text

ITEM_ROLE = Qt.ItemDataRole.UserRole + 3
PENDING = QColor(MUTED)


class AppraisalModel(QAbstractTableModel):
    """Columns: item, the unit's figure, self-assessed, maximum, appraised, reason,
    evidence. Rows follow the form's score items."""

    KEYS = ("item", "value", "self", "maximum", "appraised", "reason", "evidence")

    def __init__(self, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.form: Form | None = None
        self.unit: UnitAppraisal | None = None
        self.items: tuple[ItemAppraisal, ...] = ()
        self.evidence: dict[str, Sequence[EvidenceFile]] = {}
        self.decimals = 2
        self.bold = QFont()
        self.bold.setBold(True)

    def set_unit(
        self,
        form: Form | None,
        unit: UnitAppraisal | None,
        evidence: Mapping[str, Sequence[EvidenceFile]] | None = None,
    ) -> None:
        self.beginResetModel()
        self.form = form
        self.unit = unit
        self.items = unit.items if unit is not None else ()
        self.evidence = dict(evidence or {})
        scoring = form.scoring if form is not None else None
        self.decimals = scoring.decimals if scoring is not None else 2
        self.endResetModel()

    def update_unit(self, unit: UnitAppraisal) -> None:
        """The same unit after an appraisal: the rows keep their place (and selection)."""
        self.unit = unit
        self.items = unit.items
        if self.items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.items) - 1, len(self.KEYS) - 1)
            )

    def item(self, row: int) -> ItemAppraisal | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def column(self, key: str) -> int:
        return self.KEYS.index(key)

    # -- the table's shape ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "item": self.tr("Mục chấm điểm"),
            "value": self.tr("Số liệu\ncủa đơn vị"),
            "self": self.tr("Tự\nđánh giá"),
            "maximum": self.tr("Tối\nđa"),
            "appraised": self.tr("Thẩm\nđịnh"),
            "reason": self.tr("Lý do"),
            "evidence": self.tr("Tài liệu kiểm chứng"),
        }[self.KEYS[section]]

    # -- cells ----------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, key)
        if role == ITEM_ROLE:
            return item.item_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("value", "self", "maximum"):
            return RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "appraised":
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key == "appraised":
            return self._colour(item)
        if role == Qt.ItemDataRole.FontRole and key == "appraised" and item.appraised is not None:
            return self.bold
        return None

    def _text(self, item: ItemAppraisal, key: str) -> str:
        if key == "item":
            return item.title.pick(self.lang)
        if key == "value":
            field = self.form.fields.get(item.field_id) if self.form is not None else None
            return (display(field, item.value, self.lang) if field is not None else "") or "—"
        if key == "self":
            return score_text(item.self_points, self.decimals)
        if key == "maximum":
            return score_text(item.maximum, 0 if item.maximum == int(item.maximum) else 2)
        if key == "appraised":
            if item.appraised is None:
                return self.tr("chưa")
            return score_text(item.appraised, self.decimals)
        if key == "reason":
            return item.reason
        files = self.evidence.get(item.field_id, ())
        if not files:
            return "—"
        return "; ".join(f"{f.name} ({size_text(f.size)})" for f in files)

    def _tooltip(self, item: ItemAppraisal, key: str) -> str | None:
        if key == "item":
            return f"{item.title.pick(self.lang)} ({item.item_id})"
        if key == "reason" and item.reason:
            return item.reason
        if key == "evidence" and self.evidence.get(item.field_id):
            return self.tr("Nhấn đúp hoặc Ctrl+O để mở tài liệu kiểm chứng")
        if key == "appraised" and item.appraised is None:
            return self.tr(
                "Chưa thẩm định: tính theo điểm tự đánh giá. Enter: chấp nhận; F2: chấm khác."
            )
        return None

    def _colour(self, item: ItemAppraisal) -> QColor:
        if item.appraised is None:
            return PENDING
        return QColor(OK) if item.appraised == item.self_points else QColor(ERROR)


__all__ = ["ITEM_ROLE", "AppraisalModel"]
