"""The district's side, part 2, as use cases over a workspace (the CLI and the window
alike): consolidating the children's reports, scores and ranks, targets and statements,
the consolidated workbook and PDF, trends across periods, and the unit's own report
pre-filled from its children's. The receiving unit is the profile's unit; "district" is
only the usual case: a province over its communes (current catalogue) or its districts
(legacy) is served the same way.

**Which report counts for a child** is its ``current`` submission (``storage.submissions``):
the first packet received, or the latest verified revision, or the one the officer chose
in a conflict. A same-revision conflict still waiting for a decision does not count: the
submission held before it does, until the officer decides. A **returned** report still
counts in the consolidated report and ranking (a unit should not drop out of the ranking
overnight while its correction is on the way) but is flagged: ``returned`` here, a line
in the report's statements, "Bị trả lại" in the status sheet. The unit's own report
(``prefill_own_report``) leaves returned reports out, as the district form's own help
says ("không tính báo cáo bị trả lại").

**Traceability**: every ``UnitReport`` carries a ``PacketRef`` (unit, revision, the file
as received with its sha256, the ``data.json`` hash, the review), so each consolidated
figure's ``trace`` names the packets behind it.

**Units merged in the 2025 rearrangement.** The catalogue data carry no mapping from
old units to new ones (README), so none is guessed: the officer declares it
(``declare_merges``: old code → the new child unit it became part of, kept in the setting
``unit_merges``). With it, the old units' packets (of periods before the merge) are
received like a child's (``receiving.office.Office.former_units``), and
``consolidation.merge_units`` adds them up into the new unit: counts summed, ratios
recomputed. A submission is read as an old unit's when its code is in the table and it
names the old unit's parent (its own packet says so): a new unit that kept an old code
(Xã Chợ Đồn kept 02020 of Thị trấn Bằng Lũng) is told apart by its parent. When a new
unit has reported itself for a period, its own report is the figure and the old units'
reports of that period are set aside (``set_aside``), never added on top.

The merge table itself is kept by ``workspace.district_merges``, the pre-filled own report
by ``workspace.district_prefill``.

Heavy modules (openpyxl, reportlab) are imported inside the functions: importing this
module costs the window's start-up nothing.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.progress import Progress, no_progress
from .district_merges import MergeEntry, unit_merges
from .workspace import Workspace

if TYPE_CHECKING:
    from ..consolidation import (
        Consolidation,
        FigureTrace,
        Ranking,
        ReportInfo,
        Statement,
        Trend,
        UnitReport,
    )
    from ..core.targets import TargetResult
    from ..receiving.office import Office


def _office(ws: Workspace) -> Office:
    from .receive import office

    return office(ws)


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

    @property
    def complete(self) -> bool:
        return self.consolidation.complete

    @cached_property
    def attainment(self) -> dict[str, list[TargetResult]]:
        """Unit code → one result per form target (computed when first asked: a province's
        thousands of units × targets need not be held while its report is written)."""
        from ..consolidation import target_attainment

        return target_attainment(self.consolidation)

    def trace(self, field_id: str) -> FigureTrace:
        """A figure, each unit's contribution, and the received packets behind it."""
        return self.consolidation.trace(field_id)


@dataclass(frozen=True)
class _Gathered:
    reports: list[UnitReport]
    mapping: dict[str, str]
    names: dict[str, str]
    set_aside: tuple[str, ...]
    left_out: tuple[str, ...] = ()  # returned reports not counted (include_returned=False)


def _period(ws: Workspace, form_id: str, period_text: str) -> tuple[Form, Period]:
    return ws.form_for(form_id, period_text)


def _unit_reports(
    ws: Workspace, form: Form, period: str, include_returned: bool
) -> tuple[list[UnitReport], tuple[str, ...]]:
    """The submissions that count, as consolidation inputs with their packets, and the
    units whose returned report was left out (``include_returned=False``)."""
    from ..consolidation import PacketRef, UnitReport, typed_inputs
    from ..storage.received import files_of_submissions
    from ..storage.submissions import find_submissions, iter_values

    current = find_submissions(ws.db, form.id, period, states=("current",), with_data=False)
    held = {s.id: s for s in current if include_returned or s.review != "returned"}
    left_out = tuple(s.unit_code for s in current if s.id not in held)
    files = files_of_submissions(ws.db, form.id, period)

    def report(s: Any, texts: Mapping[str, str]) -> UnitReport:
        # typed with the version it was checked against on receipt, then matched to the
        # consolidated version by field id (ids are stable; renames are declared)
        own = ws.forms.by_version(form.id, s.form_version) or form
        raw = {k: json.loads(v, parse_float=Decimal) for k, v in texts.items()}
        typed = {form.renamed.get(k, k): v for k, v in typed_inputs(own, raw).items()}
        typed = {k: v for k, v in typed.items() if k in form.fields}
        received = files.get(s.id)
        kept = Path(s.packet_path)
        ref = PacketRef(
            s.unit_code,
            s.revision,
            received.file_name if received else kept.name,
            received.sha256 if received else kept.stem,
            s.data_sha256,
            s.review,
        )
        # dated by its signing time, as the status board judges it (issue 14 §3)
        return UnitReport(
            s.unit_code, s.unit_name, form, typed, s.revision, s.signed_at, (), (ref,)
        )

    # typed as they are read: a province's raw texts are never all held at once
    reports = {
        submission_id: report(held[submission_id], texts)
        for submission_id, texts in iter_values(ws.db, form.id, period)
        if submission_id in held
    }
    for submission_id, s in held.items():
        if submission_id not in reports:  # every value blank: still a report
            reports[submission_id] = report(s, {})
    return sorted(reports.values(), key=lambda r: r.unit_code), left_out


def _packet_parent(ws: Workspace, report: UnitReport, form: Form, period: str) -> str | None:
    from ..storage.submissions import find_submissions

    found = find_submissions(ws.db, form.id, period, report.unit_code, states=("current",))
    return json.loads(found[0].data_json)["unit"].get("parent_code") if found else None


def _gather(
    ws: Workspace, office: Office, form: Form, period: str, include_returned: bool
) -> _Gathered:
    from ..core.text import nfc

    reports, left_out = _unit_reports(ws, form, period, include_returned)
    merges = {e.old_code: e for e in unit_merges(ws) if e.into in office.children}
    old: dict[str, MergeEntry] = {}
    for r in reports:
        entry = merges.get(r.unit_code)
        # an old unit's own packet names its old parent; a new unit that kept the code
        # names the receiving unit
        if entry is not None and (
            r.unit_code != entry.into or _packet_parent(ws, r, form, period) == entry.old_parent
        ):
            old[r.unit_code] = entry
    reported_itself = {r.unit_code for r in reports if r.unit_code not in old}
    kept, mapping, names, aside = [], {}, {}, []
    for r in reports:
        entry = old.get(r.unit_code)
        if entry is None:
            kept.append(r)
            continue
        if entry.into in reported_itself:
            aside.append(r.unit_code)
            continue
        mapping[r.unit_code], names[entry.into] = entry.into, entry.into_name
        if r.unit_code == entry.into:
            # the single old unit whose code the new one kept: shown as the new unit
            r = replace(r, unit_name=nfc(entry.into_name), merged_from=(r.unit_code,))
        kept.append(r)
    return _Gathered(kept, mapping, names, tuple(sorted(aside)), left_out)


def _no_children(office: Office, form: Form) -> AppError:
    from ..core.levels import level_name

    level = level_name(form.level)
    return AppError(
        "report.no_children",
        Text(
            f"{office.unit.name} không có đơn vị trực thuộc nào điền biểu mẫu {form.id} (biểu mẫu {level.vi}).",
            f"{office.unit.name} has no units under it that fill form {form.id} (a {level.en} form).",
        ),
        form=form.id,
    )


def _consolidate(
    ws: Workspace, office: Office, form: Form, period: str, include_returned: bool = True
) -> tuple[Consolidation, _Gathered]:
    from ..consolidation import ExpectedUnit, consolidate

    children = office.children_for(form.level)
    if not children:
        raise _no_children(office, form)
    gathered = _gather(ws, office, form, period, include_returned)
    expected = [ExpectedUnit(u.code, u.name) for u in children]
    c = consolidate(
        form, gathered.reports, expected, gathered.mapping, gathered.names, office.unit.level
    )
    return c, gathered


def _today(ws: Workspace) -> datetime.date:
    from ..packets.manifest import vietnam_time
    from ..storage.clock import local_now

    return vietnam_time(ws.db.clock() if ws.db.clock else local_now()).date()


def report_info(ws: Workspace, period: str, date: datetime.date | None = None) -> ReportInfo:
    """Who issues the consolidated report: the profile's unit and its parent, the clerk
    as preparer, the leader as approver, the place and date (default today)."""
    from ..consolidation import ReportInfo

    profile = ws.require_profile()
    office = _office(ws)
    parent = office.parent
    return ReportInfo(
        unit_name=office.unit.name,
        parent_name=parent.name if parent else None,
        period=period,
        date=(date or _today(ws)).isoformat(),
        place=office.unit.proper_name,
        prepared_by=profile.clerk,
        approved_by=profile.leader,
    )


def _nothing_received(form: Form, period: str) -> AppError:
    return AppError(
        "report.nothing_received",
        Text(
            f"Chưa nhận báo cáo {form.id} kỳ {period} nào của các đơn vị trực thuộc.",
            f"No {form.id} report for period {period} has been received from the units under it.",
        ),
        form=form.id,
        period=period,
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
    from ..consolidation import district_statements, rank_units

    form, parsed = _period(ws, form_id, period)
    text = str(parsed)
    office = _office(ws)
    c, gathered = _consolidate(ws, office, form, text, include_returned)
    if not c.reports:
        raise _nothing_received(form, text)
    before = previous_period or str(parsed.previous())
    previous: Ranking | None = None
    if form.scoring is not None and before != text:
        try:
            prior_form, prior = _period(ws, form_id, before)
            prior_c, _ = _consolidate(ws, office, prior_form, str(prior), include_returned)
        except AppError:
            prior_c = None  # no version of the form for that period: nothing to compare
        if prior_c is not None and prior_c.reports and prior_form.scoring is not None:
            previous = rank_units(prior_c)
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
        merges=gathered.mapping,
        set_aside=gathered.set_aside,
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
    from ..consolidation.reports import write_reports

    total = 4  # consolidated and ranked, workbook, PDF, both in place
    progress(0, total)
    district = consolidation_for(ws, form_id, period, previous_period=previous_period, date=date)
    if district.ranking is None:
        raise AppError(
            "report.no_scoring",
            Text(
                f"Biểu mẫu {form_id} không có phần chấm điểm nên không lập được báo cáo xếp hạng.",
                f"Form {form_id} has no scoring section, so no ranked report can be made.",
            ),
            form=form_id,
        )
    progress(1, total)
    written = write_reports(
        Path(out_dir),
        district.consolidation,
        district.info,
        ranking=district.ranking,
        statements=district.statements,
        progress=lambda done, _steps: progress(1 + done, total),
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
    from ..consolidation import rank_units, trend
    from ..storage.submissions import periods_with_submissions

    office = _office(ws)
    wanted = list(periods) if periods is not None else periods_with_submissions(ws.db, form_id)
    by_period: dict[str, Consolidation] = {}
    rankings: dict[str, Ranking] = {}
    for text in wanted:
        try:
            form, parsed = _period(ws, form_id, text)
        except AppError as error:
            if error.code == "form.no_version":
                continue  # a year before the form existed: nothing can have been received
            raise
        c, _ = _consolidate(ws, office, form, str(parsed))
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
    "consolidation_for",
    "report_info",
    "trend_for",
    "write_district_reports",
]
