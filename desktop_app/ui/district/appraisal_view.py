"""Thẩm định: the receiving officer checks each child's self-assessed score items, one
unit at a time. On the left the units by official score, how far each is appraised; on
the right the chosen unit's items (the figure, the self-assessed points, the maximum, the
appraised points and reason, the evidence) and a small editor.

Keys, for a long list of units: Enter (or Space) accepts the item as the unit scored it
and moves on; F2 sets other points, then the reason (required when they differ), Enter
records them, Esc goes back; Ctrl+O opens the item's evidence; Alt+PgDown and Alt+PgUp
move to the next and previous unit. The totals, the units list and the ranking tab
(``appraised``) follow at once.

The children's reports are read once, off the GUI thread, by the window that owns the
view (``workspace.appraisal.appraisal_state``); each appraisal then reads one submission and writes one row.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...workspace import Workspace
from ...workspace.appraisal import AppraisalState, UnitAppraisal, appraise, unit_appraisal
from ..background import error_text
from ..dialogs import Dialogs
from ..read_table import read_only_table
from ..style import MUTED, TITLE
from .appraisal_editor import ENTER_KEYS, ItemEditor
from .appraisal_evidence import evidence_files, open_evidence
from .appraisal_model import AppraisalModel
from .sorting import score_text

UNITS_WIDTH = 280  # the units list beside the items, at 1024 pixels wide too
VIEW_STYLE = (
    f"QLabel#appraisalUnit {{ font-size: 13pt; font-weight: bold; color: {TITLE}; }}"
    "QLabel#appraisalTotals { font-size: 11pt; }"
    f"QLabel#appraisalHint {{ color: {MUTED}; }}"
)


class AppraisalView(QWidget):
    appraised = Signal(object)  # the official ranking after an item was appraised

    def __init__(
        self, workspace: Workspace, lang: str, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.dialogs = dialogs
        self.state: AppraisalState | None = None
        self.unit: UnitAppraisal | None = None
        self.setObjectName("appraisalView")
        self.setStyleSheet(VIEW_STYLE)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._units_box())
        splitter.addWidget(self._items_side())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([UNITS_WIDTH, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, step in (("Alt+PgDown", 1), ("Alt+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(lambda step=step: self.next_unit(step))
        opener = QShortcut(QKeySequence("Ctrl+O"), self, context=context)
        opener.activated.connect(self.open_evidence)

    # -- building ------------------------------------------------------------------------

    def _units_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Đơn vị (theo điểm chính thức)"), self)
        column = QVBoxLayout(box)
        heads = [
            self.tr("Hạng"),
            self.tr("Đơn vị"),
            self.tr("Chính\nthức"),
            self.tr("Thẩm\nđịnh xong"),
        ]
        self.units = read_only_table(box, "appraisalUnits", heads, stretch=1)
        self.units.currentCellChanged.connect(lambda row, *_: self._unit_row_chosen(row))
        column.addWidget(self.units)
        return box

    def _items_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(side)
        self.title.setObjectName("appraisalUnit")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.totals = QLabel(side)
        self.totals.setObjectName("appraisalTotals")
        self.totals.setWordWrap(True)
        column.addWidget(self.totals)
        self.model = AppraisalModel(self.lang, self)
        self.items = QTableView(side)
        self.items.setObjectName("appraisalItems")
        self.items.setModel(self.model)
        self.items.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(True)
        self.items.verticalHeader().hide()
        self.items.doubleClicked.connect(self._double_clicked)
        self.items.installEventFilter(self)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the item's title and the evidence take a readable width and wrap, the reason
        # (what the officer writes) the rest
        for key, width in (("item", 210), ("evidence", 170)):
            header.setSectionResizeMode(self.model.column(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.model.column(key), width)
        header.setSectionResizeMode(self.model.column("reason"), QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.items.resizeRowsToContents())
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.items, 1)
        self.editor = ItemEditor(self.lang, side)
        self.editor.setObjectName("appraisalEditor")
        self.editor.accept_requested.connect(self.accept_item)
        self.editor.save_requested.connect(self.save_item)
        self.editor.open_requested.connect(self.open_evidence)
        self.editor.left.connect(self._back_to_items)
        column.addWidget(self.editor)
        self.hint = QLabel(
            self.tr(
                "Enter: chấp nhận điểm tự đánh giá · F2: chấm điểm khác (ghi lý do) · "
                "Ctrl+O: mở tài liệu kiểm chứng · Alt+PgDown / Alt+PgUp: đơn vị sau / trước"
            ),
            side,
        )
        self.hint.setObjectName("appraisalHint")
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
        return side

    # -- data ----------------------------------------------------------------------------

    def set_state(self, state: AppraisalState | None) -> None:
        """Another form or period, or the same read again: the unit shown stays if it can."""
        keep = self.unit.unit_code if self.unit is not None else None
        self.state = state
        self.unit = None
        self._fill_units()
        codes = self.unit_codes()
        self.show_unit(keep if keep in codes else (codes[0] if codes else None))

    def unit_codes(self) -> list[str]:
        return [r.unit_code for r in self.state.official] if self.state else []

    def _fill_units(self) -> None:
        rows = self.state.official if self.state else []
        self.units.blockSignals(True)
        self.units.setRowCount(len(rows))
        for index, r in enumerate(rows):
            decimals = self._decimals()
            state = self.tr("Xong") if r.complete else self.tr("Chưa")
            cells = [str(r.rank), r.unit_name, score_text(r.official_total, decimals), state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    self.tr("%1 — tự đánh giá %2, chính thức %3")
                    .replace("%1", r.unit_name)
                    .replace("%2", score_text(r.self_total, decimals))
                    .replace("%3", score_text(r.official_total, decimals))
                )
                if column in (0, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.units.setItem(index, column, item)
        if self.unit is not None and self.unit.unit_code in self.unit_codes():
            self.units.setCurrentCell(self.unit_codes().index(self.unit.unit_code), 1)
        self.units.blockSignals(False)

    def _decimals(self) -> int:
        scoring = self.state.district.form.scoring if self.state else None
        return scoring.decimals if scoring is not None else 2

    def _unit_row_chosen(self, row: int) -> None:
        codes = self.unit_codes()
        if 0 <= row < len(codes) and (self.unit is None or codes[row] != self.unit.unit_code):
            self.show_unit(codes[row])

    def show_unit(self, code: str | None, item_row: int = 0) -> None:
        """The unit's items, the first (or ``item_row``) chosen, the table focused."""
        self.editor.hide_message()
        if self.state is None or code is None:
            self.unit = None
            self.model.set_unit(self.state.district.form if self.state else None, None)
            self.title.setText(self.tr("Chưa có báo cáo nào để thẩm định."))
            self.totals.setText("")
            self._show_item()
            return
        district = self.state.district
        form_id, period = district.form.id, str(district.period)
        try:
            unit = unit_appraisal(self.workspace, code, form_id, period, district)
        except AppError as error:
            self._refused(error)
            return
        try:
            evidence = evidence_files(self.workspace, unit.submission_id)
        except AppError:  # the submission went (a backup restored): nothing to list
            evidence = {}
        self.unit = unit
        self.model.set_unit(district.form, unit, evidence)
        self.units.blockSignals(True)
        self.units.setCurrentCell(self.unit_codes().index(code), 1)
        self.units.blockSignals(False)
        self._show_totals()
        self.items.resizeRowsToContents()
        self._choose_item(min(item_row, self.model.rowCount() - 1))
        self.items.setFocus()

    def _show_totals(self) -> None:
        unit = self.unit
        if unit is None:
            return
        decimals = self._decimals()
        self.title.setText(
            self.tr("%1 — báo cáo lần %2")
            .replace("%1", unit.unit_name)
            .replace("%2", str(unit.revision))
        )
        done = sum(1 for i in unit.items if i.appraised is not None)
        difference = unit.official_total - unit.self_total
        change = (
            ""
            if not difference
            else f" ({'+' if difference > 0 else ''}{score_text(difference, decimals)})"
        )
        self.totals.setText(
            self.tr("Tự đánh giá: <b>%1</b> · Chính thức: <b>%2</b>%3 · Đã thẩm định %4/%5 mục")
            .replace("%1", score_text(unit.self_total, decimals))
            .replace("%2", score_text(unit.official_total, decimals))
            .replace("%3", change)
            .replace("%4", str(done))
            .replace("%5", str(len(unit.items)))
        )

    def next_unit(self, step: int = 1) -> None:
        codes = self.unit_codes()
        if not codes:
            return
        at = (
            codes.index(self.unit.unit_code)
            if self.unit and self.unit.unit_code in codes
            else -step
        )
        self.show_unit(codes[(at + step) % len(codes)])

    # -- the chosen item -----------------------------------------------------------------

    def current_row(self) -> int:
        index = self.items.currentIndex()
        return index.row() if index.isValid() else -1

    def _choose_item(self, row: int) -> None:
        if row >= 0:
            self.items.setCurrentIndex(self.model.index(row, 0))
            self.items.selectRow(row)
        self._show_item()

    def _show_item(self) -> None:
        item = self.model.item(self.current_row())
        evidence = item is not None and bool(self.model.evidence.get(item.field_id))
        self.editor.show_item(item, evidence)

    def _back_to_items(self) -> None:
        self._show_item()  # what was typed is dropped
        self.items.setFocus()

    def edit_item(self) -> None:
        """F2: the points, to set others than the unit's (the reason after)."""
        self.editor.start()

    def accept_item(self) -> None:
        """The item's points as the unit assessed them; on to the next item."""
        item = self.model.item(self.current_row())
        if item is not None:
            self._appraise(item.item_id, None, "")

    def save_item(self, points: str, reason: str) -> None:
        item = self.model.item(self.current_row())
        if item is not None:
            self._appraise(item.item_id, points, reason)

    def _appraise(self, item_id: str, points: str | None, reason: str) -> None:
        if self.state is None or self.unit is None:
            return
        district, row = self.state.district, self.current_row()
        try:
            unit = appraise(
                self.workspace, self.unit.unit_code, district.form.id, str(district.period),
                item_id, points, reason, district,
            )  # fmt: skip
        except AppError as error:
            self._refused(error)
            return
        from ...workspace.appraisal import official_ranking

        self.editor.hide_message()
        self.unit = unit
        self.model.update_unit(unit)
        self.items.resizeRowsToContents()
        self.state = AppraisalState(
            district, official_ranking(self.workspace, district.form.id, str(district.period), district)
        )  # fmt: skip
        self._fill_units()
        self._show_totals()
        self._choose_item(min(row + 1, self.model.rowCount() - 1))
        self.items.setFocus()
        self.appraised.emit(self.state.official)

    def _refused(self, error: AppError) -> None:
        self.editor.refused(error, error_text(error, self.lang))

    # -- evidence ------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.KEYS[index.column()] == "evidence":
            self.open_evidence()
        else:
            self.edit_item()

    def open_evidence(self) -> None:
        """The item's evidence files, copied to a temporary folder and opened there."""
        item = self.model.item(self.current_row())
        if item is not None and self.unit is not None:
            files = self.model.evidence.get(item.field_id, ())
            open_evidence(
                self.workspace, self.unit.submission_id, files, self.dialogs, self.lang, self
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # wrapped texts take the height their new width needs, once the columns settled
        QTimer.singleShot(0, self.items.resizeRowsToContents)

    # -- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key_press = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if key_press and self._key(watched, event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        """Whether the key was one of the items' (taken, so the window's default button
        never sees Enter)."""
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        if watched is not self.items:
            return False
        if key in ENTER_KEYS or (key == Qt.Key.Key_Space and plain):
            self.accept_item()
            return True
        if key == Qt.Key.Key_F2:
            self.edit_item()
            return True
        return False


__all__ = ["AppraisalView"]
