"""The plan's targets in the entry window (issue 18, "Plans and targets"): a quiet line
under each field a target is set on ("Chỉ tiêu ≥ 40%: chưa đạt (35,0%)"), updated as
the clerk types and saves (typing into a field a ratio is computed from updates the
ratio's line); in the help strip, every target the focused field bears on, with the plan
that sets it (a count such as the number of officials feeds several ratios: one line
each there, none under the field);
and **Xem → Chỉ tiêu của kỳ báo cáo…**, every target of the period with where the unit
stands. Not reaching a target is no input error: the line is never red and never stops
anything. What a hint says is decided in ``workspace.target_hints``.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.targets import VERDICTS, value_text
from ..workspace.session import ReportSession
from ..workspace.target_hints import (
    TargetHint,
    field_hints,
    period_hints,
    plan_heading,
    targets_of,
)
from .style import MUTED, OK, WARNING

if TYPE_CHECKING:
    from .entry_view import EntryView, SectionPage
    from .window_context import WindowContext

COLOURS = {"reached": OK, "not_reached": WARNING, "unknown": MUTED}


def _worst(hints: list[TargetHint]) -> str:
    states = {h.state for h in hints}
    return next(s for s in ("not_reached", "unknown", "reached") if s in states)


class TargetHints(QObject):
    """The hint lines of one entry view: one under each field a target is set on."""

    def __init__(self, view: EntryView) -> None:
        super().__init__(view)
        self.view = view
        self.labels: dict[str, QLabel] = {}

    @property
    def session(self) -> ReportSession:
        return self.view.session

    def attach(self, page: SectionPage) -> None:
        """Lines under the page's fields that bear on a target, in the label's column of
        the message row (free on every row: the message spans the other columns)."""
        grid = page.layout()
        assert isinstance(grid, QGridLayout)
        scroll = page.parentWidget().parentWidget() if page.parentWidget() else None
        if isinstance(scroll, QScrollArea) and any(
            t.field_id in page.rows for t in self.session.form.targets
        ):
            # The lines make the page taller: a message appearing could then bring the
            # scroll bar in and shift the input column under the clerk's eyes.
            scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        for fid, row in page.rows.items():
            if targets_of(self.session.form, fid):
                row.edited.connect(self._typed)  # its lines, or those of what it feeds
            if not any(t.field_id == fid for t in self.session.form.targets):
                continue  # the targets a field only feeds are in the help strip
            line, _column, _rows, _columns = grid.getItemPosition(grid.indexOf(row.message))
            label = QLabel("", page)
            label.setObjectName(f"target_{fid}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            # wrapped to its column, never widening it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, line, 0)
            self.labels[fid] = label
            self._show(fid, self._own(fid, self._typed_text(fid)))

    def _own(
        self, field_id: str, typed: str | None, typed_in: str | None = None
    ) -> list[TargetHint]:
        """The targets set on ``field_id`` itself, measured with ``typed`` in the field
        ``typed_in`` (default: ``field_id``)."""
        hints = field_hints(self.session, typed_in or field_id, typed)
        return [h for h in hints if h.field.id == field_id]

    def _typed_text(self, field_id: str) -> str | None:
        field = self.session.form.fields[field_id]
        return None if field.is_computed else self.view.fields[field_id].typed

    def _show(self, field_id: str, hints: list[TargetHint]) -> None:
        label = self.labels[field_id]
        lang = self.view.lang
        label.setText("\n".join(h.short(field_id, lang) for h in hints))
        label.setToolTip("\n".join(h.detail(lang) for h in hints))
        label.setProperty("state", _worst(hints) if hints else "")
        label.setStyleSheet(f"color: {COLOURS[_worst(hints)]};" if hints else "")
        label.setVisible(bool(hints))

    def _typed(self, field_id: str, raw: str) -> None:
        """The clerk types into ``field_id``: its line, and those of the figures computed
        from it, say what the typed value would make of them."""
        bearing = {t.field_id for t in targets_of(self.session.form, field_id)}
        for fid in bearing & set(self.labels):
            self._show(fid, self._own(fid, raw, field_id))

    def refresh(self) -> None:
        """Every line from the saved figures (and what is still typed)."""
        for fid in self.labels:
            self._show(fid, self._own(fid, self._typed_text(fid)))

    def help_lines(self, field_id: str) -> list[str]:
        """For the help strip: each target the field bears on, with the plan that sets it."""
        typed = self._typed_text(field_id)
        return [h.detail(self.view.lang) for h in field_hints(self.session, field_id, typed)]


class TargetsDialog(QDialog):
    """Every target of the open report's period: what it asks, the figure, and whether
    it is reached; a double click goes to the field."""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.widget)
        self.window = window
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Chỉ tiêu của kỳ báo cáo"))
        self.heading = QLabel(self)
        self.heading.setObjectName("targetsPlan")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("targetsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chỉ tiêu"), self.tr("Mục tiêu"), self.tr("Số liệu"), self.tr("Đánh giá")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.hints: list[TargetHint] = []
        self.refresh()

    def refresh(self) -> None:
        session, lang = self.window.session, self.window.lang
        self.hints = period_hints(session) if session is not None else []
        heading = plan_heading(session) if session is not None else None
        if not self.hints:
            self.heading.setText(self.tr("Kỳ báo cáo này không có chỉ tiêu nào."))
        elif heading is None:
            self.heading.setText(self.tr("Chỉ tiêu của biểu mẫu (chưa có kế hoạch cho kỳ này)."))
        else:
            self.heading.setText(heading.pick(lang))
        self.table.setRowCount(len(self.hints))
        for r, hint in enumerate(self.hints):
            cells = [
                hint.target.label.pick(lang),
                hint.goal(lang),
                value_text(hint.field, hint.value, lang) or "—",
                VERDICTS[hint.achieved].pick(lang),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(hint.detail(lang))
                if c == 3:
                    item.setForeground(QColor(COLOURS[hint.state]))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # at the widths the shown table has

    def _go(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.hints) and self.window.entry is not None:
            self.window.entry.go_to_field(self.hints[row].field.id)


class TargetActions(QObject):
    """Xem → Chỉ tiêu của kỳ báo cáo…"""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.widget)
        self.window = window
        self.dialog: TargetsDialog | None = None
        self._heard: QObject | None = None  # the entry view whose saves refresh the list
        self.action = QAction(self.tr("&Chỉ tiêu của kỳ báo cáo…"), window.widget)
        self.action.setObjectName("targetsAction")
        self.action.triggered.connect(self.show_targets)

    def show_targets(self) -> TargetsDialog:
        if self.dialog is None:
            self.dialog = TargetsDialog(self.window)
            self.dialog.finished.connect(self._closed)
        else:
            self.dialog.refresh()
        entry = self.window.entry
        if entry is not None and entry is not self._heard:
            entry.saved.connect(lambda: self.dialog.refresh() if self.dialog else None)
            self._heard = entry
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


__all__ = ["TargetActions", "TargetHints", "TargetsDialog"]
