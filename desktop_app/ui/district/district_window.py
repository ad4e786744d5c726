"""The receiving unit's consolidated view: the children's reports scored and ranked for a
form and period, the targets, the district statements, the appraisal of each unit's
self-assessed scores (thẩm định) and the official ranking it makes, and the trend across
periods; from here the officer prints the consolidated report (preview, page range,
copies) or opens it in Excel.

Consolidating reads every received submission and writing the reports renders a PDF, so
both run in the background; the views only show what came back.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...core.periods import Period, current_period, offered_periods
from ...workspace import Workspace
from ..background import BackgroundTask, error_text, in_workspace
from ..base_dialog import AppDialog
from ..period_choice import PERIODS_BACK, fill_period_combo
from ..style import ERROR_TEXT
from ..ui_context import UiContext

if TYPE_CHECKING:  # imported when first used, not with the main window
    from ...consolidation.trend import Trend
    from ...core.progress import Progress
    from ...workspace.appraisal import AppraisalState
    from ...workspace.district import DistrictConsolidation, DistrictReports
    from .appraisal_view import AppraisalView
    from .print_preview import PdfPrintPreview
    from .ranking_view import RankingView
    from .trend_view import TrendView

T = TypeVar("T")
Shown = tuple["DistrictConsolidation", "Trend | None", "AppraisalState | None"]

REPORTS_SUBFOLDER = "TongHop"  # under the export folder; ASCII for USB sticks


def reports_dir(workspace: Workspace) -> Path:
    from ..export_dialog import default_export_dir

    return default_export_dir(workspace) / REPORTS_SUBFOLDER


class DistrictWindow(AppDialog):
    def __init__(
        self,
        ui: UiContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.district: DistrictConsolidation | None = None
        self.reports: DistrictReports | None = None  # of self.district
        self.ranking_view: RankingView | None = None
        self.trend_view: TrendView | None = None
        self.appraisal_view: AppraisalView | None = None
        self.task: BackgroundTask | None = None
        self.preview: PdfPrintPreview | None = None
        self.set_up("districtWindow", self.tr("Tổng hợp, chấm điểm và xếp hạng"), size=(1366, 760))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Biểu mẫu:"), self))
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("districtForm")
        self.form_combo.setMinimumWidth(320)
        row.addWidget(self.form_combo)
        row.addWidget(QLabel(self.tr("Kỳ báo cáo:"), self))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("districtPeriod")
        self.period_combo.setMinimumWidth(140)
        row.addWidget(self.period_combo)
        refresh = QPushButton(self.tr("Tính lại"), self)
        refresh.clicked.connect(self.refresh)
        row.addWidget(refresh)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("districtMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("districtTabs")
        layout.addWidget(self.tabs, 1)
        self.form_combo.activated.connect(lambda _i: self._fill_periods())
        self.period_combo.activated.connect(lambda _i: self.refresh())
        self._fill_forms()

    # -- choosing ------------------------------------------------------------------------

    def _fill_forms(self) -> None:
        from ...workspace.receive import receiving_forms

        for form in receiving_forms(self.workspace):
            if form.scoring:
                self.form_combo.addItem(f"{form.title.pick(self.lang)} ({form.id})", form.id)
        self._fill_periods()

    def _fill_periods(self) -> None:
        from ...workspace.receive import board_periods

        form_id = self.form_combo.currentData()
        self.period_combo.clear()
        if not form_id:
            self.message.setText(self.tr("Không có biểu mẫu chấm điểm nào cho đơn vị cấp dưới."))
            return
        form = self.workspace.forms.get(form_id)
        received = board_periods(self.workspace, form_id)
        current = current_period(form.period_kind, self.today, form.deadline)
        also = [Period.parse(text, form.period_kind) for text in received]
        # The newest period anything arrived for, else the current one.
        chosen = received[0] if received else str(current)
        periods = offered_periods(current, PERIODS_BACK, also)
        fill_period_combo(self.period_combo, periods, chosen, self.lang)
        self.refresh()

    def choose(self, form_id: str, period: str) -> None:
        index = self.form_combo.findData(form_id)
        if index >= 0:
            self.form_combo.setCurrentIndex(index)
        if self.period_combo.findData(period) < 0:
            self.period_combo.addItem(Period.parse(period).label(self.lang), period)
        self.period_combo.setCurrentIndex(self.period_combo.findData(period))
        self.refresh()

    # -- consolidating -------------------------------------------------------------------

    def _run(
        self, label: str, job: Callable[[Workspace, Progress], T], done: Callable[[T], None]
    ) -> None:
        if self.task is not None and self.task.running:
            return
        self.task = BackgroundTask(self, label, in_workspace(self.workspace.data_dir, job))
        self.task.finished.connect(done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error, self.lang))
        self.message.setStyleSheet(ERROR_TEXT)

    def refresh(self) -> None:
        form_id, period = self.form_combo.currentData(), self.period_combo.currentData()
        if not form_id or not period:
            return
        from ...consolidation.trend import all_fields
        from ...workspace.appraisal import appraisal_state
        from ...workspace.district import consolidation_for, trend_for

        def job(ws: Workspace, _progress: Progress) -> Shown:
            district = consolidation_for(ws, form_id, period)
            try:  # every indicator can be followed, the key ones first
                trend = trend_for(ws, form_id, None, fields=all_fields(ws.forms.get(form_id)))
            except AppError:  # nothing received in any period yet
                trend = None
            return district, trend, appraisal_state(ws, district)

        self.message.setStyleSheet("")
        self.message.setText(self.tr("Đang tổng hợp…"))
        self._run(self.tr("Đang tổng hợp số liệu các đơn vị…"), job, self._show)

    def _show(self, result: Shown) -> None:
        from .ranking_view import RankingView
        from .trend_view import TrendView

        district, trend, appraisal = result
        self.district, self.reports = district, None
        self.message.setText("")
        if district.ranking is None:
            self.message.setText(self.tr("Biểu mẫu này không có phần chấm điểm."))
            return
        if self.ranking_view is None:
            self.ranking_view = RankingView(
                district.consolidation, district.ranking, self.lang,
                district.statements, district.period, self,
            )  # fmt: skip
            self.ranking_view.print_requested.connect(self.print_report)
            self.ranking_view.open_excel_requested.connect(self.open_excel)
            self.ranking_view.unit_activated.connect(self.show_unit_trend)
            self.ranking_view.appraise_requested.connect(self.appraise_unit)
            self.tabs.addTab(self.ranking_view, self.tr("Xếp hạng"))
        else:
            self.ranking_view.set_data(
                district.consolidation, district.ranking, district.statements, district.period
            )
        self._show_appraisal(appraisal)
        if trend is not None:
            units = [(u.code, u.name) for u in district.consolidation.expected]
            if self.trend_view is None:
                self.trend_view = TrendView(trend, district.form, self.lang, units, self)
                self.trend_view.unit_changed.connect(self._unit_trend)
                self.tabs.addTab(self.trend_view, self.tr("Xu hướng qua các kỳ"))
            else:
                self.trend_view.set_trend(trend)

    def _show_appraisal(self, state: AppraisalState | None) -> None:
        from .appraisal_view import AppraisalView

        assert self.ranking_view is not None
        self.ranking_view.set_official(state.official if state is not None else None)
        if self.appraisal_view is None:
            self.appraisal_view = AppraisalView(self.workspace, self.lang, self.dialogs, self)
            self.appraisal_view.appraised.connect(self.ranking_view.set_official)
            self.tabs.insertTab(1, self.appraisal_view, self.tr("Thẩm định"))
        self.appraisal_view.set_state(state)

    def appraise_unit(self, unit_code: str) -> None:
        """«Thẩm định…» on a unit of the ranking: its items, ready for the keyboard."""
        if self.appraisal_view is None:
            return
        self.tabs.setCurrentWidget(self.appraisal_view)
        self.appraisal_view.show_unit(unit_code)

    def show_unit_trend(self, unit_code: str) -> None:
        if self.trend_view is None:
            return
        self._unit_trend(unit_code)
        self.tabs.setCurrentWidget(self.trend_view)

    def _unit_trend(self, unit_code: str | None) -> None:
        from ...consolidation.trend import all_fields
        from ...workspace.district import trend_for

        if self.district is None or self.trend_view is None:  # (shown after both are)
            return
        form_id = self.district.form.id
        fields = all_fields(self.workspace.forms.get(form_id))
        try:
            trend = trend_for(self.workspace, form_id, unit_code, fields=fields)
        except AppError as error:
            self.show_error(error)
            return
        self.trend_view.set_trend(trend)

    # -- the consolidated report -----------------------------------------------------------

    def _with_reports(self, then: Callable[[DistrictReports], object]) -> None:
        """Write the xlsx and pdf of what is shown (once), then ``then(reports)``."""
        if self.district is None:
            return
        if self.reports is not None and self.reports.pdf.exists():
            then(self.reports)
            return
        from ...workspace.district import write_district_reports

        form_id, period = self.district.form.id, self.district.period
        folder = reports_dir(self.workspace)

        def job(ws: Workspace, progress: Progress) -> DistrictReports:
            return write_district_reports(ws, form_id, period, folder, progress)

        def written(reports: DistrictReports) -> None:
            self.reports = reports
            then(reports)

        self._run(self.tr("Đang lập báo cáo tổng hợp (Excel và PDF)…"), job, written)

    def print_report(self) -> None:
        from .print_preview import preview_pdf

        def show(reports: DistrictReports) -> None:
            self.preview = preview_pdf(reports.pdf, self.dialogs, self.lang, self)

        self._with_reports(show)

    def open_excel(self) -> None:
        from .open_externally import open_in_excel

        self._with_reports(lambda reports: open_in_excel(reports.xlsx, self.dialogs, self))


__all__ = ["DistrictWindow", "reports_dir"]
