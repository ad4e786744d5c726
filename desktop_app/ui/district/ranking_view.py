"""The district's ranking in the window: a sortable table of every unit (rank — ties share
a place —, scores per section and in total, rating band, change from last period,
submitted or missing), each unit against the targets, and the district-wide statements.

When units are missing and the form scores some items relative to the best unit, the
scores can still change: the view says so above the table, in the words the printed report
uses. Printing and opening the workbook are the owner's job: the view only asks
(``print_requested``, ``open_excel_requested``), since it does not know where the files are;
so is appraising the chosen unit (``appraise_requested``). Once appraisal has begun the
table shows the official scores (``set_official``) and says how many units are done.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...consolidation import Consolidation, Ranking, Statement, district_statements
from ..style import ERROR, TITLE
from .ranking_model import CODE_ROLE, RankingModel
from .sorting import BlankLastProxy, period_label
from .targets_model import TargetsModel

if TYPE_CHECKING:
    from ...workspace.appraisal import OfficialRow

NOTE_STYLE = (
    "QLabel#provisionalNote { background: #fff8e1; color: #6d4c00; border: 1px solid #e0a100;"
    " padding: 6px; font-weight: bold; }"
    f"QLabel#missingUnits {{ color: {ERROR}; }}"
    f"QLabel#rankingTitle {{ font-size: 13pt; font-weight: bold; color: {TITLE}; }}"
)


def sortable_table(parent: QWidget, name: str, proxy: BlankLastProxy) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return table


class RankingView(QWidget):
    unit_activated = Signal(str)  # a unit's row double-clicked: its code
    print_requested = Signal()
    open_excel_requested = Signal()
    appraise_requested = Signal(str)  # «Thẩm định…» on the chosen unit: its code

    def __init__(
        self,
        consolidation: Consolidation,
        ranking: Ranking,
        lang: str = "vi",
        statements: Sequence[Statement] | None = None,
        period: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("rankingView")
        self.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        self.title = self._label(layout, "rankingTitle")
        self.submitted = self._label(layout, "submittedCount")
        self.note = self._label(layout, "provisionalNote")
        self.missing = self._label(layout, "missingUnits")
        self.appraisal_note = self._label(layout, "appraisalNote")
        self.appraisal_note.hide()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._tables(consolidation, ranking))
        splitter.addWidget(self._statements_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        self.set_data(consolidation, ranking, statements, period)

    def _label(self, layout: QVBoxLayout, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    def _tables(self, consolidation: Consolidation, ranking: Ranking) -> QTabWidget:
        self.model = RankingModel(consolidation, ranking, self.lang, self)
        self.proxy = BlankLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = sortable_table(self, "rankingTable", self.proxy)
        self.table.doubleClicked.connect(self._activated)
        self.targets_model = TargetsModel(consolidation, self.lang, self)
        self.targets_proxy = BlankLastProxy(self)
        self.targets_proxy.setSourceModel(self.targets_model)
        self.targets_table = sortable_table(self, "targetsTable", self.targets_proxy)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Bảng xếp hạng"))
        self.tabs.addTab(self.targets_table, self.tr("Đạt chỉ tiêu theo đơn vị"))
        return self.tabs

    def _statements_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kết quả chung"), self)
        box_layout = QVBoxLayout(box)
        self.statements = QListWidget(box)
        self.statements.setObjectName("districtStatements")
        self.statements.setWordWrap(True)
        self.statements.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        box_layout.addWidget(self.statements)
        return box

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.appraise_button = QPushButton(self.tr("&Thẩm định…"), self)
        self.appraise_button.setObjectName("appraiseUnit")
        self.appraise_button.setToolTip(
            self.tr("Thẩm định điểm tự đánh giá của đơn vị đang chọn trong bảng")
        )
        self.appraise_button.clicked.connect(self._appraise_chosen)
        buttons.addWidget(self.appraise_button)
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("In báo cáo tổng hợp…"), self)
        self.print_button.setObjectName("printConsolidated")
        self.print_button.clicked.connect(self.print_requested)
        self.excel_button = QPushButton(self.tr("Mở bảng tính Excel"), self)
        self.excel_button.setObjectName("openExcel")
        self.excel_button.clicked.connect(self.open_excel_requested)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.excel_button)
        return buttons

    def set_data(
        self,
        consolidation: Consolidation,
        ranking: Ranking,
        statements: Sequence[Statement] | None = None,
        period: str = "",
    ) -> None:
        """Show another consolidation (a packet arrived, another period was chosen)."""
        if statements is None:
            statements = district_statements(consolidation)
        title = consolidation.form.title.pick(self.lang)
        shown = period_label(period, self.lang) if period else ""
        # form titles usually name the year already ("… cấp xã năm 2026")
        if shown and shown.lower() not in title.lower():
            title = f"{title} — {shown}"
        self.title.setText(self.tr("Chấm điểm, xếp hạng: %1").replace("%1", title))
        note = ranking.note
        self.note.setText(note.pick(self.lang) if note else "")
        self.note.setVisible(note is not None)
        names = ", ".join(u.name for u in consolidation.missing)
        self.missing.setText(
            self.tr("Chưa nộp báo cáo (%1): %2.")
            .replace("%1", str(len(consolidation.missing)))
            .replace("%2", names)
        )
        self.missing.setVisible(bool(consolidation.missing))
        self._show_statements(statements)
        self.model.set_ranking(consolidation, ranking)
        self.targets_model.set_consolidation(consolidation)
        self._fit_columns()
        self.table.sortByColumn(self.model.column("rank"), Qt.SortOrder.AscendingOrder)
        self.targets_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _show_statements(self, statements: Sequence[Statement]) -> None:
        self.statements.clear()
        submitted = next((s for s in statements if s.id == "submitted"), None)
        self.submitted.setText(submitted.text.pick(self.lang) + "." if submitted else "")
        for s in statements:
            if s is submitted:
                continue
            item = QListWidgetItem(f"– {s.text.pick(self.lang)}.")
            if s.id.endswith(".overall"):  # the district-wide figure against the target
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.statements.addItem(item)

    def _fit_columns(self) -> None:
        for table in (self.table, self.targets_table):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column("name"), QHeaderView.ResizeMode.Stretch
        )
        # the targets table keeps every column readable and scrolls sideways instead

    def set_official(self, rows: Sequence[OfficialRow] | None) -> None:
        """The official scores beside the self-assessed ones, and how far appraisal got."""
        self.model.set_official(rows)
        self._fit_columns()
        if rows is not None:
            self.table.sortByColumn(self.model.column("official_rank"), Qt.SortOrder.AscendingOrder)
        self.appraisal_note.setVisible(rows is not None)
        if rows is None:
            return
        done = sum(1 for r in rows if r.complete)
        text = self.tr(
            "Xếp hạng theo điểm chính thức (sau thẩm định). Đã thẩm định xong %1/%2 đơn vị."
        )
        text = text.replace("%1", str(done)).replace("%2", str(len(rows)))
        if done < len(rows):
            text += " " + self.tr(
                "Dấu * : chưa thẩm định xong, điểm chính thức còn tạm tính (mục chưa thẩm định"
                " tính theo điểm tự đánh giá)."
            )
        self.appraisal_note.setText(text)

    def chosen_unit(self) -> str | None:
        """The code of the unit on the selected row, if it reported."""
        index = self.table.currentIndex()
        code = index.data(CODE_ROLE) if index.isValid() else None
        return code if code and self.model.lines and self._reported(code) else None

    def _reported(self, code: str) -> bool:
        return any(line.code == code and line.row is not None for line in self.model.lines)

    def _appraise_chosen(self) -> None:
        code = self.chosen_unit()
        if code is None:  # the first reporting unit, as the table is sorted
            codes = [c for c in self.shown_column("code") if self._reported(c)]
            code = codes[0] if codes else None
        if code is not None:
            self.appraise_requested.emit(code)

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.unit_activated.emit(code)

    # -- for the owner and the tests ------------------------------------------------------

    def shown_column(self, key: str) -> list[str]:
        """The texts of one column, top to bottom, as currently sorted."""
        column = self.model.column(key)
        return [self.proxy.index(r, column).data() for r in range(self.proxy.rowCount())]

    def sort_by(self, key: str, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.table.sortByColumn(self.model.column(key), order)


__all__ = ["RankingView", "sortable_table"]
