"""The data-entry area: the section navigator, one page per section generated from the
form definition, and a help strip for the field in focus. It shows a ReportSession and
hands every commit to it; it decides nothing about values itself."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.forms.model import Section
from ..core.messages import AppError, Text
from ..core.validation import ERROR, UNSAVED, Problem, progress
from ..core.values import ValueRejected, display
from ..workspace.session import ReportSession
from .field_row import FieldRow


def editor_text(session: ReportSession, field_id: str, lang: str) -> str:
    """The stored value as the editor holds it: a choice's value (the combo's data),
    Có/Không, or the Vietnamese way of writing a number or date."""
    f = session.form.fields[field_id]
    value = session.value(field_id)
    if f.type == "choice":
        return value or ""
    return display(f, value, lang if f.is_computed else "vi")


class SectionPage(QWidget):
    def __init__(self, section: Section, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page_{section.id}")
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 3)
        grid.setHorizontalSpacing(10)
        title = QLabel(section.title.pick(lang), self)  # the form numbers its sections
        title.setObjectName("sectionTitle")
        grid.addWidget(title, 0, 0, 1, 4)
        self.rows: dict[str, FieldRow] = {}
        line = 1
        for f in section.fields:
            row = FieldRow(f, lang, self)
            self.rows[f.id] = row
            grid.addWidget(row.label, line, 0)
            grid.addWidget(row.editor, line, 1)
            grid.addWidget(row.unit, line, 2)
            grid.addWidget(row.notes, line, 3)
            grid.addWidget(row.message, line + 1, 1, 1, 3)
            line += 2
        grid.setRowStretch(line, 1)


class EntryView(QWidget):
    saved = Signal()
    save_failed = Signal(str, str)  # field id, why (disk full, read-only, locked)
    report_changed = Signal()  # status or revision changed
    field_focused = Signal(str)
    unsaved_changed = Signal()  # a field's typed text became, or stopped being, unsavable

    def __init__(self, session: ReportSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.rows: dict[str, FieldRow] = {}
        self.current_field: str | None = None
        self._read_hints: dict[str, str] = {}  # "1.500 read as 1 500" until the next edit
        self._unsaved: dict[str, str] = {}  # typed, valid, but the save failed: why
        self._prefilled = self._read_prefilled()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.nav = QListWidget(split)
        self.nav.setObjectName("sectionNav")
        self.nav.setMinimumWidth(200)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QWidget(split)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(right)
        # Pages are built when first shown: start-up pays for one section, not eight.
        self._built: set[int] = set()
        for section in session.form.sections:
            self.pages.addWidget(QWidget(self.pages))
            self.nav.addItem(QListWidgetItem(section.title.pick(lang)))
        self.help = QLabel(self)
        self.help.setObjectName("helpText")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setMinimumHeight(56)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.pages, 1)
        column.addWidget(self.help)
        split.addWidget(self.nav)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.nav.currentRowChanged.connect(self._show_page)
        self.unsaved_changed.connect(self._refresh_nav)
        self.nav.setCurrentRow(0)
        self.refresh()

    # -- navigation ----------------------------------------------------------------------

    def _build_page(self, index: int) -> None:
        if index in self._built:
            return
        self._built.add(index)
        page = SectionPage(self.session.form.sections[index], self.lang, self.pages)
        scroll = QScrollArea(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, scroll)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        for fid, row in page.rows.items():
            self.rows[fid] = row
            row.commit_requested.connect(self._commit)
            row.edited.connect(self._edited)
            row.focused.connect(self._focused)
            self._show_row(fid)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self._build_page(index)
        self.pages.setCurrentIndex(index)

    def row(self, field_id: str) -> FieldRow:
        """The field's row, building its section's page if it was not shown yet."""
        self._build_page(self.section_index(field_id))
        return self.rows[field_id]

    def section_index(self, field_id: str) -> int:
        section_id = self.session.form.fields[field_id].section_id
        return next(i for i, s in enumerate(self.session.form.sections) if s.id == section_id)

    def go_to_field(self, field_id: str) -> None:
        if field_id not in self.session.form.fields:
            return
        self.nav.setCurrentRow(self.section_index(field_id))
        scroll = self.pages.currentWidget()
        row = self.row(field_id)
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(row.editor, 50, 80)
        if not self.session.form.fields[field_id].is_computed:
            row.focus()
        self._focused(field_id)  # the help strip follows even when the window is inactive

    def go_to_section(self, index: int) -> None:
        count = self.nav.count()
        index = max(0, min(count - 1, index))
        self.nav.setCurrentRow(index)
        section = self.session.form.sections[index]
        first = next((f.id for f in section.fields if not f.is_computed), None)
        if first:
            self.row(first).focus()
            self._focused(first)

    def next_section(self) -> None:
        self.go_to_section(self.nav.currentRow() + 1)

    def previous_section(self) -> None:
        self.go_to_section(self.nav.currentRow() - 1)

    def _focus_next(self, field_id: str) -> None:
        order = [f.id for f in self.session.form.input_fields]
        position = order.index(field_id)
        if position + 1 < len(order):
            self.go_to_field(order[position + 1])

    # -- editing -------------------------------------------------------------------------

    def _edited(self, field_id: str, raw: str) -> None:
        """As the clerk types: mark a malformed or out-of-range value, change nothing."""
        row = self.rows[field_id]
        try:
            self.session.parse(field_id, raw)
        except ValueRejected as rejected:
            row.set_problem("error", rejected.message.pick(self.lang))
        else:
            self._read_hints.pop(field_id, None)
            self._mark(field_id)
        self.unsaved_changed.emit()

    def _commit(self, field_id: str, raw: str, move: bool) -> None:
        row = self.rows[field_id]
        try:
            result = self.session.commit(field_id, raw)
        except ValueRejected as rejected:
            # Never changed behind the clerk's back: the text stays, marked, unsaved.
            row.set_problem("error", rejected.message.pick(self.lang))
            self.unsaved_changed.emit()
            return
        except AppError as error:
            # The disk is full, the folder read-only, the database held elsewhere: the
            # text stays in the field (nothing typed is lost) until a retry saves it.
            message = "\n".join(
                [
                    error.message.pick(self.lang),
                    self.tr(
                        "Nội dung vừa nhập vẫn giữ ở ô này nhưng chưa được lưu; sau khi "
                        "khắc phục, nhấn Enter (ô nhiều dòng: Ctrl+Enter) để lưu lại."
                    ),
                ]
            )
            self._unsaved[field_id] = message
            row.set_problem("error", message)
            self.save_failed.emit(field_id, error.message.pick(self.lang))
            self.unsaved_changed.emit()
            return
        self._unsaved.pop(field_id, None)
        self.unsaved_changed.emit()
        if result.warning is not None:
            self._read_hints[field_id] = result.warning.pick(self.lang)
        if result.changed:
            self.saved.emit()
        if result.new_revision is not None:
            self.report_changed.emit()
        self.refresh()
        if move:
            self._focus_next(field_id)

    def commit_pending(self) -> None:
        """Commit the field being typed (Ctrl+S, closing, switching report)."""
        for fid, row in self.rows.items():
            if not row.field.is_computed and row.holds_uncommitted():
                self._commit(fid, row.text(), False)

    def unsaved_fields(self) -> list[str]:
        """Fields whose typed text is not saved, in form order, after ``commit_pending``:
        a value not accepted (still marked at the field) or a save that failed."""
        return [
            f.id
            for f in self.session.form.input_fields
            if f.id in self.rows and self.rows[f.id].holds_uncommitted()
        ]

    def discard_unsaved(self) -> None:
        """Put the saved values back in the fields the clerk agreed to leave unsaved."""
        for fid in self.unsaved_fields():
            self._unsaved.pop(fid, None)
            self.rows[fid].show_value(self.rows[fid].committed_text)
            self._mark(fid)
        self.unsaved_changed.emit()

    def unsaved_problems(self) -> list[Problem]:
        """What is typed but cannot be saved (a value not accepted, a save that failed),
        as errors for the problems panel, in form order. Text still being typed that is
        valid is not among them: it is saved on Enter or on leaving the field."""
        found = []
        for f in self.session.form.input_fields:
            row = self.rows.get(f.id)
            if row is None or not row.holds_uncommitted():
                continue
            if f.id in self._unsaved:
                why = Text(self._unsaved[f.id], self._unsaved[f.id])
            else:
                try:
                    self.session.parse(f.id, row.text())
                    continue
                except ValueRejected as rejected:
                    why = rejected.message
            found.append(Problem(UNSAVED, ERROR, f.id, why))
        return found

    def _focused(self, field_id: str) -> None:
        self.current_field = field_id
        f = self.session.form.fields[field_id]
        parts = [f.label.pick(self.lang), f.help.pick(self.lang)]
        hint = self.session.outlier_hint(field_id)
        if hint is not None:
            parts.append(hint.pick(self.lang))
        self.help.setText("\n".join(p for p in parts if p))
        self.field_focused.emit(field_id)

    # -- showing the session -------------------------------------------------------------

    def refresh(self) -> None:
        """Values, computed results, markers and section counts from the session."""
        self._prefilled = self._read_prefilled()
        for fid in self.rows:
            self._show_row(fid)
        self._refresh_nav()

    def _read_prefilled(self) -> dict[str, tuple[object, bool]]:
        """Fields pre-filled from the children's reports (a district's own form only)."""
        session = self.session
        if session.report is None or not any(f.prefill for f in session.form.fields.values()):
            return {}
        from ..workspace.district_prefill import prefilled_fields

        return prefilled_fields(session.ws, session.form.id, str(session.period))

    def _show_row(self, fid: str) -> None:
        row = self.rows[fid]
        if row.field.is_computed or not (
            row.holds_uncommitted() and row.editor.property("problem") == "error"
        ):
            row.show_value(editor_text(self.session, fid, self.lang))
        comment = self.session.comments.get(fid, "")
        row.set_note_marker(bool(comment), comment)
        prefilled = self._prefilled.get(fid)
        if prefilled is None:
            row.set_prefilled("")
        else:
            value, same = prefilled
            from ..core.values import display

            taken = display(row.field, value, self.lang)
            row.set_prefilled(
                "same" if same else "overridden",
                self.tr("Tổng hợp từ báo cáo của đơn vị cấp dưới: %1").replace("%1", taken)
                if same
                else self.tr("Đã sửa khác số tổng hợp từ cấp dưới (%1)").replace("%1", taken),
            )
        self._mark(fid)

    def _mark(self, field_id: str) -> None:
        row = self.rows[field_id]
        if field_id in self._unsaved:
            if row.holds_uncommitted():  # the reason stays until a save succeeds
                row.set_problem("error", self._unsaved[field_id])
                return
            del self._unsaved[field_id]  # typed back to what is saved: nothing lost
        if not row.field.is_computed and row.holds_uncommitted():
            try:
                self.session.parse(field_id, row.text())
            except ValueRejected as rejected:  # still as typed, still unsaved: say why
                row.set_problem("error", rejected.message.pick(self.lang))
                return
        problems = [p for p in self.session.result.problems if p.field_id == field_id]
        errors = [p for p in problems if p.is_error]
        warnings = [p for p in problems if not p.is_error and not p.explanation]
        if errors:
            row.set_problem("error", "\n".join(p.message.pick(self.lang) for p in errors))
        elif warnings:
            row.set_problem("warning", "\n".join(p.message.pick(self.lang) for p in warnings))
        elif (overridden := self._override_hint(row)) is not None:
            row.set_problem("hint", overridden)
        elif (hint := self.session.outlier_hint(field_id)) is not None:
            row.set_problem("hint", hint.pick(self.lang))
        elif field_id in self._read_hints:
            row.set_problem("hint", self._read_hints[field_id])
        else:
            row.set_problem("", "")

    def _override_hint(self, row: FieldRow) -> str | None:
        """A pre-filled figure the officer changed: the province will ask why."""
        prefilled = self._prefilled.get(row.field.id)
        if prefilled is None or prefilled[1]:
            return None
        from ..core.values import display

        return self.tr(
            "Khác số tổng hợp từ báo cáo cấp dưới (%1): ghi lý do vào ghi chú (F4)."
        ).replace("%1", display(row.field, prefilled[0], self.lang))

    def _refresh_nav(self) -> None:
        # Typed text that cannot be saved is not in the session's result: counted apart,
        # so a section never looks done while a field of it still holds unsaved text.
        unsaved = Counter(
            self.section_index(p.field_id) for p in self.unsaved_problems() if p.field_id
        )
        for index, p in enumerate(progress(self.session.form, self.session.result)):
            section = self.session.form.sections[index]
            item = self.nav.item(index)
            counts = f"{p.filled}/{p.total}"
            flags = []
            if unsaved[index]:
                flags.append(self.tr("%n chưa lưu", "", unsaved[index]))
            if p.errors:
                flags.append(self.tr("%n lỗi", "", p.errors))
            if p.warnings:
                flags.append(self.tr("%n cảnh báo", "", p.warnings))
            tail = " · ".join([counts, *flags])
            item.setText(f"{section.title.pick(self.lang)}\n{tail}")
            if p.errors or unsaved[index]:
                item.setForeground(QColor("#b71c1c"))
            elif p.warnings:
                item.setForeground(QColor("#8a5a00"))
            elif p.filled == p.total:
                item.setForeground(QColor("#1b5e20"))
            else:
                item.setForeground(self.palette().text().color())
