"""The submission status board: for a form and period, every child unit — submitted
(revision, date, on time or late), accepted, returned, missing, or in conflict — with
counts, a state filter, sorting by any column and export to Excel. The officer acts on
the selected unit from here: what changed, resolve a conflict, accept or return.

A window of its own (not modal): the officer keeps it open beside the report while
packets arrive over the weeks, and it refreshes after every action taken from it.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...core.periods import Period, current_period, offered_periods
from ..base_dialog import AppDialog
from ..period_choice import (
    OTHER_PERIOD,
    PERIODS_BACK,
    PeriodPicker,
    add_other_period_item,
    fill_period_combo,
    show_period,
)
from ..ui_context import UiContext
from .board_model import BoardFilter, BoardModel


class BoardWindow(AppDialog):
    changed = Signal()  # something was received, decided or reviewed

    def __init__(
        self,
        ui: UiContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.board: Any = None
        self._shown: str | None = None  # the period on show before "Kỳ khác…" was chosen
        self.set_up(
            "boardWindow",
            self.tr("Theo dõi nộp báo cáo của đơn vị cấp dưới"),
            size=(1280, 680),
            window=True,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.heading = QLabel(self)
        self.heading.setObjectName("boardHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.counts = QLabel(self)
        self.counts.setObjectName("boardCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts)
        self.model = BoardModel(self.lang, self)
        self.proxy = BoardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("boardTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.view, 1)
        layout.addLayout(self._buttons())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._fill_forms()

    # -- building ------------------------------------------------------------------------

    def _choices(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Biểu mẫu:"), self))
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("boardForm")
        self.form_combo.setMinimumWidth(320)
        row.addWidget(self.form_combo)
        row.addWidget(QLabel(self.tr("Kỳ báo cáo:"), self))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("boardPeriod")
        self.period_combo.setMinimumWidth(140)
        row.addWidget(self.period_combo)
        row.addSpacing(24)
        row.addWidget(QLabel(self.tr("Hiển thị:"), self))
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("boardFilter")
        from ...receiving.status import STATE_LABELS, STATES

        self.filter_combo.addItem(self.tr("Tất cả đơn vị"), None)
        self.filter_combo.addItem(self.tr("Chưa xong (chưa nộp, trả lại, xung đột)"), "todo")
        for state in STATES:
            self.filter_combo.addItem(STATE_LABELS[state].pick(self.lang), state)
        row.addWidget(self.filter_combo)
        row.addStretch(1)
        self.form_combo.activated.connect(lambda _i: self._fill_periods())
        self.period_combo.activated.connect(self._period_activated)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()

        def button(text: str, name: str, slot: Any) -> QPushButton:
            made = QPushButton(text, self)
            made.setObjectName(name)
            made.clicked.connect(slot)
            row.addWidget(made)
            return made

        self.receive_button = button(self.tr("Nhận gói nộp…"), "boardReceive", self.receive)
        row.addSpacing(16)
        self.changes_button = button(self.tr("Xem thay đổi…"), "boardChanges", self.show_changes)
        self.conflict_button = button(
            self.tr("Giải quyết xung đột…"), "boardConflict", self.resolve_conflict
        )
        self.accept_button = button(
            self.tr("Tiếp nhận…"), "boardAccept", lambda: self.review("accepted")
        )
        self.return_button = button(
            self.tr("Trả lại…"), "boardReturn", lambda: self.review("returned")
        )
        row.addStretch(1)
        self.excel_button = button(self.tr("Xuất Excel…"), "boardExcel", self.export_xlsx)
        button(self.tr("Làm mới"), "boardRefresh", self.refresh)
        button(self.tr("Đóng"), "boardClose", self.close)
        return row

    def _fill_forms(self) -> None:
        from ...workspace.receive import receiving_forms

        self.form_combo.clear()
        for form in receiving_forms(self.workspace):
            self.form_combo.addItem(f"{form.title.pick(self.lang)} ({form.id})", form.id)
        self._fill_periods()

    def _fill_periods(self) -> None:
        from ...workspace.receive import board_periods

        form_id = self.form_combo.currentData()
        self.period_combo.clear()
        if not form_id:
            self.refresh()
            return
        form = self.workspace.forms.get(form_id)
        current = current_period(form.period_kind, self.today, form.deadline)
        received = [
            Period.parse(p, form.period_kind) for p in board_periods(self.workspace, form_id)
        ]
        periods = offered_periods(current, PERIODS_BACK, received)
        fill_period_combo(self.period_combo, periods, str(current), self.lang)
        add_other_period_item(self.period_combo)  # "Kỳ khác…": any year since the first form
        self._shown = self.period
        self.refresh()

    def _period_activated(self, _index: int) -> None:
        if self.period_combo.currentData() == OTHER_PERIOD:
            picker = PeriodPicker(
                self.workspace.forms, self.form_id or "", self.today, self.lang, self
            )
            chosen = picker.chosen if picker.exec() == PeriodPicker.DialogCode.Accepted else None
            if chosen is None:
                self.period_combo.setCurrentIndex(self.period_combo.findData(self._shown))
                return
            show_period(self.period_combo, chosen, self.lang)
        self._shown = self.period
        self.refresh()

    def choose(self, form_id: str, period: str) -> None:
        """Show the board of this form and period (after receiving, for instance)."""
        index = self.form_combo.findData(form_id)
        if index >= 0 and index != self.form_combo.currentIndex():
            self.form_combo.setCurrentIndex(index)
            self._fill_periods()
        show_period(self.period_combo, Period.parse(period), self.lang)
        self._shown = period
        self.refresh()

    # -- showing -------------------------------------------------------------------------

    @property
    def form_id(self) -> str | None:
        return self.form_combo.currentData()

    @property
    def period(self) -> str | None:
        data = self.period_combo.currentData()
        return None if data == OTHER_PERIOD else data

    def refresh(self) -> None:
        from ...workspace.receive import status_board

        selected = self.selected()
        if self.form_id is None or self.period is None:
            self.board = None
            self.model.set_rows([])
            self.heading.setText(self.tr("Không có biểu mẫu nào cho đơn vị cấp dưới."))
            self.counts.setText("")
            self._enable()
            return
        self.board = status_board(self.workspace, self.form_id, self.period)
        self.model.set_rows(self.board.rows)
        board = self.board
        self.heading.setText(
            self.tr("<b>%1</b> · %2 · hạn nộp %3 · đơn vị nhận: %4")
            .replace("%1", board.form.title.pick(self.lang))
            .replace("%2", board.period.label(self.lang))
            .replace("%3", board.deadline.strftime("%d/%m/%Y"))
            .replace("%4", board.unit_name)
        )
        self._show_counts()
        if selected is not None:
            self.select(selected.unit_code)
        self._enable()

    def _show_counts(self) -> None:
        from ...receiving.status import STATE_LABELS, STATES
        from .board_model import STATE_COLOURS

        counts = self.board.counts()
        parts = [self.tr("Tổng số: <b>%1</b>").replace("%1", str(counts["total"]))]
        for state in reversed(STATES):
            parts.append(
                f"<span style='color:{STATE_COLOURS[state]}'>"
                f"{STATE_LABELS[state].pick(self.lang)}: <b>{counts[state]}</b></span>"
            )
        parts.append(self.tr("Nộp trễ hạn: <b>%1</b>").replace("%1", str(counts["late"])))
        self.counts.setText(" &nbsp;·&nbsp; ".join(parts))

    def _apply_filter(self) -> None:
        chosen = self.filter_combo.currentData()
        if chosen is None:
            self.proxy.show_states(None)
        elif chosen == "todo":
            self.proxy.show_states(("missing", "returned", "conflict"))
        else:
            self.proxy.show_states((chosen,))
        self._enable()

    def show_states(self, states: tuple[str, ...] | None) -> None:
        self.proxy.show_states(states)

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select(self, unit_code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.row_at(row).unit_code == unit_code:
                self.view.selectRow(row)
                return True
        return False

    def _enable(self) -> None:
        row = self.selected()
        state = row.state if row is not None else None
        self.changes_button.setEnabled(row is not None and row.submission_id is not None)
        self.conflict_button.setEnabled(state == "conflict")
        self.accept_button.setEnabled(state in ("submitted", "returned"))
        self.return_button.setEnabled(state in ("submitted", "accepted"))
        self.excel_button.setEnabled(self.board is not None)

    # -- acting --------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Double-click: the conflict if there is one, else what changed."""
        row = self.selected()
        if row is None:
            return
        if row.state == "conflict":
            self.resolve_conflict()
        elif row.submission_id is not None:
            self.show_changes()

    def receive(self, paths: list[Path] | None = None) -> Any:
        from .receive_dialog import ReceiveDialog

        dialog = ReceiveDialog(self.ui, parent=self)
        dialog.received.connect(lambda _report: self._changed())
        if paths:
            dialog.receive(paths)
        dialog.exec()
        return dialog

    def show_changes(self) -> Any:
        row = self.selected()
        if row is None or row.submission_id is None:
            return None
        from .compare_dialogs import ChangesDialog

        dialog = ChangesDialog(self.ui, row.submission_id, self)
        dialog.exec()
        return dialog

    def resolve_conflict(self) -> Any:
        row = self.selected()
        if row is None or not row.pending_ids:
            return None
        from .compare_dialogs import ConflictDialog

        dialog = ConflictDialog(self.ui, row.pending_ids[0], self)
        dialog.decided.connect(lambda _counted: self._changed())
        dialog.exec()
        return dialog

    def review(self, decision: str) -> Any:
        row = self.selected()
        if row is None or row.submission_id is None:
            return None
        from .review_dialog import ReviewDialog

        assert self.form_id is not None and self.period is not None
        dialog = ReviewDialog(self.ui, row, self.form_id, self.period, decision, self)
        dialog.reviewed.connect(lambda _result: self._changed())
        dialog.exec()
        return dialog

    def export_xlsx(self) -> Path | None:
        if self.board is None:
            return None
        from ...workspace.receive import export_status_xlsx
        from ..export_dialog import default_export_dir

        name = f"theo-doi-nop_{self.form_id}_{self.period}.xlsx"
        chosen = self.dialogs.choose_save_file(
            self,
            self.tr("Lưu bảng theo dõi"),
            str(default_export_dir(self.workspace) / name),
            self.tr("Bảng tính Excel (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen).with_suffix(".xlsx")
        try:
            assert self.form_id is not None and self.period is not None
            export_status_xlsx(
                self.workspace, self.form_id, self.period, path, self.proxy.shown_rows()
            )
        except (AppError, OSError) as error:
            self.show_error(error)
            return None
        self.dialogs.info(
            self, self.windowTitle(), self.tr("Đã lưu bảng theo dõi: %1").replace("%1", str(path))
        )
        return path

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()


__all__ = ["BoardWindow"]
