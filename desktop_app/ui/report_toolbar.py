"""The main window's toolbar: the unit's name, and the form and period to fill.

The unit's own form comes first (a commune fills the commune form). The current period
is preselected; earlier ones are offered as far as a version of the form covers them,
and any period that already holds a report; "Kỳ khác…" reaches every other period a
version covers, back to 2017. The toolbar only offers: what the clerk picks is signalled, and the window decides whether the report open may be left.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolBar, QWidget

from ..core.periods import Period, current_period, offered_periods
from ..storage import list_reports, unit_path
from ..workspace import Workspace
from ..workspace.workspace import form_order
from .period_choice import (
    OTHER_PERIOD,
    PERIODS_BACK,
    PeriodPicker,
    add_other_period_item,
    fill_period_combo,
    show_period,
)


class ReportToolbar(QToolBar):
    form_picked = Signal()  # the clerk chose another form
    period_picked = Signal()  # the clerk chose another period

    def __init__(
        self, today: datetime.date, lang: str, export_action: QAction, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Báo cáo"))  # named in the window's context menu
        self.today = today
        self.lang = lang
        self.setObjectName("reportToolbar")
        self.setMovable(False)
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("unitLabel")
        self.addWidget(self.unit_label)
        self.addSeparator()
        self.addWidget(QLabel(self.tr(" Biểu mẫu: "), self))
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("formChoice")
        # Shrinks on a narrow screen rather than push the export button off the toolbar;
        # the whole title is in the list and the tooltip.
        self.form_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.form_combo.setMinimumContentsLength(24)
        self.form_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addWidget(self.form_combo)
        self.addWidget(QLabel(self.tr("  Kỳ báo cáo: "), self))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodChoice")
        self.period_combo.setMinimumWidth(140)
        self.addWidget(self.period_combo)
        self.addSeparator()
        self.addAction(export_action)
        self.form_combo.currentTextChanged.connect(self.form_combo.setToolTip)
        self.form_combo.activated.connect(lambda _i: self.form_picked.emit())
        self.period_combo.activated.connect(self._period_activated)
        self._workspace: Workspace | None = None
        self._shown: str | None = None  # the period on show before "Kỳ khác…" was chosen
        self._own_label = ""

    @property
    def form_id(self) -> str | None:
        return self.form_combo.currentData()

    @property
    def period(self) -> str | None:
        data = self.period_combo.currentData()
        return None if data == OTHER_PERIOD else data

    def _period_activated(self, _index: int) -> None:
        if self.period_combo.currentData() != OTHER_PERIOD:
            self._shown = self.period_combo.currentData()
            self._label_unit()
            self.period_picked.emit()
            return
        chosen = None
        if self._workspace is not None and self.form_id:
            picker = PeriodPicker(
                self._workspace.forms, self.form_id, self.today, self.lang, self.window()
            )
            if picker.exec() == PeriodPicker.DialogCode.Accepted:
                chosen = picker.chosen
        if chosen is None:  # cancelled: the choice goes back to what is on show
            self.period_combo.setCurrentIndex(self.period_combo.findData(self._shown))
            return
        show_period(self.period_combo, chosen, self.lang)
        self._shown = str(chosen)
        self._label_unit()
        self.period_picked.emit()

    def fill_forms(self, workspace: Workspace) -> bool:
        """The unit's name and its forms; False if no unit is set up yet."""
        self._workspace = workspace
        profile = workspace.profile
        if profile is None:
            self.unit_label.setText(self.tr("Chưa thiết lập đơn vị báo cáo"))
            return False
        path = unit_path(workspace.db, profile.unit_code)
        if not path:  # a database set up before units were copied: ask the catalogue
            from ..core.units import Catalogue

            catalogue = Catalogue.load(profile.catalogue)
            unit = catalogue.require(profile.unit_code)
            path = [unit, *catalogue.ancestors(unit.code)]
        unit = path[0]
        self._own_label = f" {', '.join(u.name for u in path)} "
        self.unit_label.setText(self._own_label)
        self.unit_label.setToolTip(profile.unit_code)
        forms = workspace.forms.latest()
        held = _held_periods(workspace, profile.unit_code)
        # the unit's own level first, then as workspace.form_order ranks a choice of forms
        forms.sort(
            key=lambda f: (f.level != unit.level, form_order(workspace.forms, f, f.id in held))
        )
        self.form_combo.clear()
        for form in forms:
            # A form no version of which covers a period offered (one for later years)
            # could only open on an error: it is left out until it can be filled.
            if self._periods(workspace, form.id, held.get(form.id, [])):
                self.form_combo.addItem(f"{form.title.pick(self.lang)} ({form.id})", form.id)
        return True

    def _periods(self, workspace: Workspace, form_id: str, held: list[Period]) -> list[Period]:
        form = workspace.forms.get(form_id)
        current = current_period(form.period_kind, self.today, form.deadline)
        # Until last period's deadline the clerk reports on it, but may start this one too.
        running = Period.containing(form.period_kind, self.today)
        # A period no version of the form covers could only answer with an error; one
        # that holds a report is offered all the same (the error then says why). A period
        # that has not started is never offered, even one holding a report entered before
        # that rule: figures for it cannot be entered, exported or received.
        return [
            p
            for p in offered_periods(current, PERIODS_BACK, [running, *held])
            if (p in held or workspace.forms.covers(form_id, p.year)) and p.start <= self.today
        ]

    def fill_periods(self, workspace: Workspace, chosen: str | None = None) -> None:
        """The periods of the chosen form, ``chosen`` (else the current one) selected."""
        form_id = self.form_id
        if not form_id:
            return
        form = workspace.forms.get(form_id)
        profile = workspace.require_profile()
        held = _held_periods(workspace, profile.unit_code).get(form_id, [])
        held += [Period.parse(chosen)] if chosen else []
        periods = self._periods(workspace, form_id, held)
        shown = chosen or str(current_period(form.period_kind, self.today, form.deadline))
        if periods and shown not in {str(p) for p in periods}:
            shown = str(periods[0])  # a form's first year: last period has no version
        fill_period_combo(self.period_combo, periods, shown, self.lang)
        add_other_period_item(self.period_combo)
        self._shown = self.period
        self._label_unit()

    def _label_unit(self) -> None:
        """The unit as it stood in the period chosen: a commune of the current structure
        is named, for a period before 1 July 2025, as the unit of its code then, under its
        district (``core.units.unit_for_period``)."""
        workspace, period = self._workspace, self.period
        if workspace is not None and period is not None and self.form_id:
            # the form as titled in the period's version ("… năm 2026" is not 2018's title)
            form_id = self.form_id
            if workspace.forms.covers(form_id, Period.parse(period).year):
                version = workspace.forms.get(form_id, Period.parse(period).year)
                index = self.form_combo.currentIndex()
                self.form_combo.setItemText(index, f"{version.title.pick(self.lang)} ({form_id})")
        profile = workspace.profile if workspace is not None else None
        if profile is None or period is None or profile.catalogue != "current":
            return  # nothing to look up: the catalogue is not loaded at start-up for it
        from ..core.units import Catalogue, catalogue_for_period, unit_for_period

        chosen = Period.parse(period)
        unit = None
        if catalogue_for_period(chosen) != profile.catalogue:  # loads a catalogue: not at start
            unit = unit_for_period(profile.catalogue, profile.unit_code, chosen)
        if unit is None or unit.catalogue == profile.catalogue:
            self.unit_label.setText(self._own_label)
            return
        catalogue = Catalogue.load(unit.catalogue)
        self.unit_label.setText(f" {catalogue.describe(unit.code)} ")

    def show_report(self, workspace: Workspace, form_id: str, period: str) -> None:
        """Both choices on this report (the one open, or one opened from elsewhere)."""
        if (self.form_id, self.period) == (form_id, period):
            return
        self.form_combo.setCurrentIndex(self.form_combo.findData(form_id))
        self.fill_periods(workspace, chosen=period)


def _held_periods(workspace: Workspace, unit_code: str) -> dict[str, list[Period]]:
    """The periods that hold a report of the unit, by form."""
    held: dict[str, list[Period]] = {}
    for report in list_reports(workspace.db, unit_code):
        held.setdefault(report.form_id, []).append(Period.parse(report.period))
    return held


__all__ = ["ReportToolbar"]
