"""The district's side, part 2, as use cases over a workspace (the CLI and the window
alike): consolidating the children's reports, scores and ranks, targets and statements,
the consolidated workbook and PDF, and trends across periods. The receiving unit is the
profile's unit; "district" is only the usual case: a province over its communes (current
catalogue) or its districts (legacy) is served the same way.

Each use case opens what it needs and calls the domain: which report counts for a child
and the reading of the received reports are ``consolidation.received``'s, the units
merged in the 2025 rearrangement ``consolidation.merges``' (the table itself is declared
through ``workspace.district_merges``), the words of the reports ``core.levels``'. The
unit's own report pre-filled from its children's is ``workspace.district_prefill``.

Heavy modules (openpyxl, reportlab) are imported inside the functions: importing this
module costs the window's start-up nothing.

May import: ``consolidation``, ``receiving``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..consolidation import (
    ExpectedUnit,
    ReportInfo,
    district_statements,
    rank_units,
    target_attainment,
    trend,
)
from ..consolidation.compare import consolidated_year_on_year
from ..consolidation.received import consolidate_received, no_children, nothing_received
from ..consolidation.reports import write_reports
from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.progress import Progress, no_progress
from ..storage.submissions import periods_with_submissions
from .appraisal import appraisal_summary
from .entry import today
from .receive import office as _office
from .workspace import Workspace

if TYPE_CHECKING:
    from ..consolidation import (
        Consolidation,
        FigureTrace,
        Ranking,
        ReportInfo,
        Statement,
        Trend,
    )
    from ..consolidation.compare import YearOnYear
    from ..consolidation.received import Received
    from ..core.targets import TargetResult


# -- consolidation -------------------------------------------------------------------------


@dataclass(frozen=True)
class DistrictConsolidation:
    """One form and period consolidated over the profile unit's children, with everything
    the report, the window's ranking and the statements need."""

    form: Form
    period: str
    consolidation: Consolidation
    ranking: Ranking | None  # None when the form carries no scoring
    previous_period: str | None  # the period compared with, when it has submissions
    previous_ranking: Ranking | None
    statements: list[Statement]
    info: ReportInfo
    returned: tuple[str, ...] = ()  # units whose counted report was returned
    merges: dict[str, str] = field(default_factory=dict)  # old code → new code, applied
    set_aside: tuple[str, ...] = ()  # old units' reports left out: the new unit reported
    # the figures against the period before (None: no form version covers it)
    year_on_year: YearOnYear | None = None

    @property
    def complete(self) -> bool:
        return self.consolidation.complete

    @cached_property
    def attainment(self) -> dict[str, list[TargetResult]]:
        """Unit code → one result per form target (computed when first asked: a province's
        thousands of units × targets need not be held while its report is written)."""

        return target_attainment(self.consolidation)

    def trace(self, field_id: str) -> FigureTrace:
        """A figure, each unit's contribution, and the received packets behind it."""
        return self.consolidation.trace(field_id)


def children_consolidation(
    ws: Workspace, form: Form, period: str, *, include_returned: bool = True
) -> Received:
    """``form``'s reports for ``period`` received from the profile unit's children,
    consolidated (``consolidation.received``); AppError ``report.no_children`` when none
    of its children fills ``form``."""

    office = _office(ws)
    children = office.children_for(form.level, period)
    if not children:
        raise no_children(office.unit.name, form)
    return consolidate_received(
        ws.db,
        ws.forms,
        form,
        period,
        [ExpectedUnit(u.code, u.name) for u in children],
        merges=office.merges,
        receiving_level=office.unit.level,
        include_returned=include_returned,
        receiving_code=office.unit_code,  # children's figures it entered itself count too
    )


def report_info(ws: Workspace, period: str, date: datetime.date | None = None) -> ReportInfo:
    """Who issues the consolidated report: the profile's unit and its parent, the clerk
    as preparer, the leader as approver, the place and date (default today)."""

    profile = ws.require_profile()
    office = _office(ws)
    parent = office.parent
    return ReportInfo(
        unit_name=office.unit.name,
        parent_name=parent.name if parent else None,
        period=period,
        date=(date or today(ws)).isoformat(),
        place=office.unit.proper_name,
        prepared_by=profile.clerk,
        approved_by=profile.leader,
    )


def consolidation_for(
    ws: Workspace,
    form_id: str,
    period: str,
    *,
    previous_period: str | None = None,
    date: datetime.date | None = None,
    include_returned: bool = True,
) -> DistrictConsolidation:
    """The children's ``form_id`` reports for ``period`` consolidated, scored and ranked,
    with statements and target attainment. ``previous_period`` (default: the period
    before) gives each unit's change when that period has submissions. AppError
    ``report.nothing_received`` when no child report counts yet."""

    form, parsed = ws.form_for(form_id, period)
    text = str(parsed)
    received = children_consolidation(ws, form, text, include_returned=include_returned)
    c = received.consolidation
    if not c.reports:
        raise nothing_received(form, text)
    before = previous_period or str(parsed.previous())
    previous: Ranking | None = None
    prior_c: Consolidation | None = None
    covered = False  # a form version covers the period before
    if before != text:
        try:
            prior_form, prior = ws.form_for(form_id, before)
            covered = True
            prior_c = children_consolidation(
                ws, prior_form, str(prior), include_returned=include_returned
            ).consolidation
        except AppError:
            prior_c = None  # no version of the form for that period: nothing to compare
        if (
            form.scoring is not None
            and prior_c is not None
            and prior_c.reports
            and prior_form.scoring is not None
        ):
            previous = rank_units(prior_c)
    yoy = None
    if covered:
        yoy = consolidated_year_on_year(c, prior_c if prior_c and prior_c.reports else None, before)
    ranking = rank_units(c, previous) if form.scoring is not None else None
    return DistrictConsolidation(
        form=form,
        period=text,
        consolidation=c,
        ranking=ranking,
        previous_period=before if previous is not None else None,
        previous_ranking=previous,
        statements=district_statements(c),
        info=report_info(ws, text, date),
        returned=tuple(code for code, r in c.reports.items() if r.returned),
        merges=received.merges,
        set_aside=received.set_aside,
        year_on_year=yoy,
    )


@dataclass(frozen=True)
class DistrictReports:
    xlsx: Path
    pdf: Path
    district: DistrictConsolidation


def write_district_reports(
    ws: Workspace,
    form_id: str,
    period: str,
    out_dir: Path,
    progress: Progress = no_progress,
    *,
    previous_period: str | None = None,
    date: datetime.date | None = None,
) -> DistrictReports:
    """Consolidate and write ``{form}_{period}_tong-hop.xlsx`` and ``.pdf`` into
    ``out_dir``. ``progress(done, 4)`` after each step; raising ``Cancelled`` from it
    stops the work with nothing written (both files appear together or not at all)."""

    total = 4  # consolidated and ranked, workbook, PDF, both in place
    progress(0, total)
    # a form without scoring (the versions before 2026) gives both reports without ranking
    district = consolidation_for(ws, form_id, period, previous_period=previous_period, date=date)
    progress(1, total)
    written = write_reports(
        Path(out_dir),
        district.consolidation,
        district.info,
        ranking=district.ranking,
        statements=district.statements,
        progress=lambda done, _steps: progress(1 + done, total),
        year_on_year=district.year_on_year,
        appraisal=appraisal_summary(ws, district) if district.ranking is not None else None,
    )
    return DistrictReports(written.xlsx, written.pdf, district)


# -- trend ---------------------------------------------------------------------------------


def trend_for(
    ws: Workspace,
    form_id: str,
    unit_code: str | None,
    periods: Sequence[str] | None = None,
    fields: Sequence[str] | None = None,
) -> Trend:
    """One unit (``unit_code``) or the whole of the children (None) across ``periods``
    (default: every period with submissions), for the key indicators (the fields the
    form sets targets for, unless ``fields``). Periods without any submission are left
    out; AppError ``trend.no_data`` when none is left."""

    wanted = list(periods) if periods is not None else periods_with_submissions(ws.db, form_id)
    by_period: dict[str, Consolidation] = {}
    rankings: dict[str, Ranking] = {}
    for text in wanted:
        try:
            form, parsed = ws.form_for(form_id, text)
        except AppError as error:
            if error.code == "form.no_version":
                continue  # a year before the form existed: nothing can have been received
            raise
        c = children_consolidation(ws, form, str(parsed)).consolidation
        if not c.reports:
            continue
        by_period[str(parsed)] = c
        if unit_code is not None and form.scoring is not None:
            rankings[str(parsed)] = rank_units(c)
    if not by_period:
        raise AppError(
            "trend.no_data",
            Text(
                f"Không có kỳ nào đã nhận báo cáo {form_id} để xem diễn biến.",
                f"No period has received {form_id} reports to show a trend.",
            ),
            form=form_id,
        )
    return trend(by_period, unit_code, fields, rankings)


__all__ = [
    "DistrictConsolidation",
    "DistrictReports",
    "children_consolidation",
    "consolidation_for",
    "report_info",
    "trend_for",
    "write_district_reports",
]
