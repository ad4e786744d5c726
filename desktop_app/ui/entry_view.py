"""The data-entry area: the section navigator, one page per section generated from the
form definition, and a help strip for the field in focus. It shows a ReportSession
through its FieldStates (what each field shows and why, ``workspace/field_state.py``)
and hands every edit and commit to them; it decides nothing about values itself.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from ..core.forms.model import Section
from ..core.validation import Problem
from ..workspace.field_look import FieldLooks
from ..workspace.field_state import FieldStates, editor_text
from ..workspace.session import ReportSession
from .evidence_panel import evidence_button, show_counts
from .field_row import NUMBER_WIDTH, FieldRow
from .section_nav import SectionNav
from .target_hint import TargetHints


class SectionPage(QWidget):
    def __init__(
        self,
        section: Section,
        lang: str,
        parent: QWidget,
        window_keys: tuple[QKeySequence, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page_{section.id}")
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 3)
        grid.setColumnMinimumWidth(1, NUMBER_WIDTH)
        grid.setHorizontalSpacing(10)
        title = QLabel(section.title.pick(lang), self)  # the form numbers its sections
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)  # a long title never widens the page past the screen
        grid.addWidget(title, 0, 0, 1, 4)
        self.rows: dict[str, FieldRow] = {}
        self.evidence: dict[str, QToolButton] = {}  # fields that take evidence files
        line = 1
        for f in section.fields:
            row = FieldRow(f, lang, self, window_keys)
            self.rows[f.id] = row
            grid.addWidget(row.label, line, 0)
            if f.type == "text":  # no unit: the text box takes its column too
                grid.addWidget(row.editor, line, 1, 1, 2)
            else:
                grid.addWidget(row.editor, line, 1)
                grid.addWidget(row.unit, line, 2)
            grid.addWidget(row.notes, line, 3)
            if f.evidence:
                self.evidence[f.id] = evidence_button(f, self)
                grid.addWidget(self.evidence[f.id], line, 4)
            grid.addWidget(row.message, line + 1, 1, 1, 3)
            line += 2
        grid.setRowStretch(line, 1)


class EntryView(QWidget):
    saved = Signal()
    save_failed = Signal(str, str)  # field id, why (disk full, read-only, locked)
    report_changed = Signal()  # status or revision changed
    field_focused = Signal(str)
    notes_requested = Signal(str)  # field id: its "Ghi chú" button was clicked
    evidence_requested = Signal(str)  # field id: its "Kiểm chứng (n)" button was clicked
    # What the problems panel lists changed: typed text became, or stopped being,
    # unsavable; or a section's missing fields were flagged.
    unsaved_changed = Signal()

    def __init__(
        self,
        session: ReportSession,
        lang: str,
        parent: QWidget | None = None,
        window_keys: tuple[QKeySequence, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.window_keys = window_keys
        self.fields = FieldStates(session)
        self.looks = FieldLooks(self.fields)
        self.rows: dict[str, FieldRow] = {}
        self.evidence_buttons: dict[str, QToolButton] = {}
        self.current_field: str | None = None
        self.target_hints = TargetHints(self)  # the plan's targets under their fields
        self._started = False  # placed on its first field: leaving a section flags it
        self._page = -1
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.nav = SectionNav(session.form, lang, split)
        # The help strip under the pages can be dragged smaller or folded away.
        right = QSplitter(Qt.Orientation.Vertical, split)
        right.setObjectName("helpSplitter")
        self.pages = QStackedWidget(right)
        # Pages are built when first shown: start-up pays for one section, not eight.
        self._built: set[int] = set()
        for _section in session.form.sections:
            self.pages.addWidget(QWidget(self.pages))
        self.help = QLabel()
        self.help.setObjectName("helpText")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setMinimumHeight(56)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        help_scroll = QScrollArea(right)
        help_scroll.setObjectName("helpScroll")
        help_scroll.setWidgetResizable(True)
        help_scroll.setFrameShape(QFrame.Shape.NoFrame)
        help_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        help_scroll.setWidget(self.help)
        right.addWidget(self.pages)
        right.addWidget(help_scroll)
        right.setStretchFactor(0, 1)
        right.setCollapsible(0, False)
        right.setSizes([600, 100])  # about four lines of help; a longer one scrolls
        split.addWidget(self.nav)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.nav.currentRowChanged.connect(self._show_page)
        # A click on a section puts the cursor in its first field (arrow keys in the list
        # only turn the pages).
        self.nav.itemClicked.connect(lambda item: self.go_to_section(self.nav.row(item)))
        self.unsaved_changed.connect(self._refresh_nav)
        self.nav.setCurrentRow(0)
        self.refresh()

    # -- navigation ----------------------------------------------------------------------

    def _build_page(self, index: int) -> None:
        if index in self._built:
            return
        self._built.add(index)
        section = self.session.form.sections[index]
        page = SectionPage(section, self.lang, self.pages, self.window_keys)
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
            row.revert_requested.connect(self._revert)
            row.notes_requested.connect(self.notes_requested)
            row.step_focus = lambda step, fid=fid: self._step_focus(fid, step)
            self._show_row(fid)
        self.target_hints.attach(page)
        for fid, button in page.evidence.items():
            self.evidence_buttons[fid] = button
            button.clicked.connect(lambda _=False, fid=fid: self.evidence_requested.emit(fid))
        if page.evidence:
            show_counts(page.evidence, self.session)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        if self._started and 0 <= self._page != index:
            self._left_section(self._page)
        self._page = index
        self._build_page(index)
        self.pages.setCurrentIndex(index)

    def _left_section(self, index: int) -> None:
        """The clerk left a section: its missing required fields are marked from now on."""
        if self.fields.flag(self.session.form.sections[index].id):
            for f in self.session.form.sections[index].fields:
                if f.id in self.rows:
                    self._mark(f.id)
            self.unsaved_changed.emit()

    def start(self, field_id: str | None = None) -> None:
        """Place the cursor where the clerk left off (``field_id``), else on the first
        field; from then on, leaving a section flags its missing fields."""
        if field_id in self.session.form.fields:
            self.go_to_field(field_id)
        else:
            self.go_to_section(0)
        self._started = True

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
        self._step_focus(field_id, 1)

    def _step_focus(self, field_id: str, step: int) -> bool:
        """To the next (or previous) input field in form order, across sections; False
        at either end of the form. The field left commits on losing the focus."""
        order = [f.id for f in self.session.form.input_fields]
        position = order.index(field_id) + step
        if not 0 <= position < len(order):
            return False
        self.go_to_field(order[position])
        return True

    # -- editing -------------------------------------------------------------------------

    def _edited(self, field_id: str, raw: str) -> None:
        """As the clerk types: mark a malformed or out-of-range value, change nothing."""
        before = self.fields[field_id].reason
        self.fields.edit(field_id, raw)
        self._mark(field_id)
        if self.fields[field_id].reason != before:
            self.unsaved_changed.emit()

    def _commit(self, field_id: str, raw: str, move: bool) -> None:
        outcome = self.fields.commit(field_id, raw)
        if not outcome.saved:
            self._show_row(field_id)
            if outcome.failure is not None:
                self.save_failed.emit(field_id, outcome.failure.message.pick(self.lang))
            self.unsaved_changed.emit()
            return
        if outcome.changed:
            self.refresh()
            self.saved.emit()
        else:
            self._show_row(field_id)
            self.unsaved_changed.emit()
        if outcome.new_revision is not None:
            self.report_changed.emit()
        if move:
            self._focus_next(field_id)

    def _revert(self, field_id: str) -> None:
        """Escape: the saved value back in place of what was being typed."""
        self.fields.revert(field_id)
        self._show_row(field_id)
        self.unsaved_changed.emit()

    def commit_pending(self) -> None:
        """Save what the fields hold (Ctrl+S, closing, switching report): the field being
        typed first, then any other that holds typed text (a save that failed is tried
        again; a refused text is refused again and stays)."""
        typed = self.fields.typed_fields()
        if self.current_field in typed:
            typed.remove(self.current_field)
            typed.insert(0, self.current_field)
        for fid in typed:
            if fid in self.rows:
                self._commit(fid, self.rows[fid].text(), False)

    def unsaved_fields(self) -> list[str]:
        """Fields whose typed text is not saved, in form order; after ``commit_pending``
        exactly those whose text was refused or whose save failed."""
        return self.fields.typed_fields()

    def discard_unsaved(self) -> None:
        """Put the saved values back in the fields the clerk agreed to leave unsaved."""
        for fid in self.fields.typed_fields():
            self.fields.revert(fid)
            if fid in self.rows:
                self._show_row(fid)
        self.unsaved_changed.emit()

    def unsaved_problems(self) -> list[Problem]:
        """What is typed but cannot be saved (a value not accepted, a save that failed),
        as errors for the problems panel, in form order."""
        return self.fields.unsaved_problems()

    def flag_all(self) -> None:
        """Before an export: every missing required field is marked."""
        if self.fields.flag_all():
            for fid in self.rows:
                self._mark(fid)
            self.unsaved_changed.emit()

    def _focused(self, field_id: str) -> None:
        if self._started and self.current_field is not None:
            left = self.section_index(self.current_field)
            if left != self.section_index(field_id):
                self._left_section(left)
        self.current_field = field_id
        f = self.session.form.fields[field_id]
        parts = [f.label.pick(self.lang), f.help.pick(self.lang)]
        parts += self.target_hints.help_lines(field_id)
        if (before := self.session.year_on_year(field_id)) is not None:
            parts.append(before.pick(self.lang))  # last period's value and the change
        hint = self.session.outlier_hint(field_id)
        if hint is not None:
            parts.append(hint.pick(self.lang))
        self.help.setText("\n".join(p for p in parts if p))
        self.field_focused.emit(field_id)

    # -- showing the session -------------------------------------------------------------

    def refresh(self) -> None:
        """Values, computed results, markers and section counts from the session."""
        self.fields.sync()
        self.looks.sync()
        for fid in self.rows:
            self._show_row(fid)
        self.target_hints.refresh()
        if self.evidence_buttons:
            show_counts(self.evidence_buttons, self.session)
        self._refresh_nav()

    def _show_row(self, fid: str) -> None:
        row = self.rows[fid]
        if row.field.is_computed:
            row.show_text(editor_text(self.session, fid, self.lang))
        else:
            state = self.fields[fid]
            row.show_text(state.saved, state.typed)
        self._mark(fid)

    def _mark(self, field_id: str) -> None:
        """The field's marker, message line, note button and pre-fill shading, as
        ``FieldLooks`` decides them."""
        row = self.rows[field_id]
        look = self.looks.look(field_id, self.lang)
        row.set_note_marker(bool(look.comment), look.comment)
        note = look.prefill_note
        row.set_prefilled(look.prefilled, note.pick(self.lang) if note is not None else "")
        row.set_problem(look.severity, look.message_text(self.lang))

    def _refresh_nav(self) -> None:
        self.nav.show_counts(self.fields.section_counts())
