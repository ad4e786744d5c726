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
from ..core.values import Value
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
    from ..storage import ReportRow


# -- the officer's table of merged units -------------------------------------------------


@dataclass(frozen=True)
class MergeEntry:
    """One old unit and the new child unit it became part of."""

    old_code: str
    old_name: str
    old_parent: str | None  # as the old unit's packets name it (its district)
    level: str
    catalogue: str  # the catalogue the old unit is found in
    into: str
    into_name: str

    def as_setting(self) -> dict[str, Any]:
        return {
            "name": self.old_name,
            "parent_code": self.old_parent,
            "level": self.level,
            "catalogue": self.catalogue,
            "into": self.into,
            "into_name": self.into_name,
        }


def _office(ws: Workspace) -> Office:
    from .receive import office

    return office(ws)


def unit_merges(ws: Workspace) -> list[MergeEntry]:
    """The declared merges, by old code."""
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting

    table = get_setting(ws.db, MERGES_SETTING) or {}
    return [
        MergeEntry(code, e["name"], e.get("parent_code"), e["level"], e["catalogue"],
                   e["into"], e["into_name"])
        for code, e in sorted(table.items())
    ]  # fmt: skip


def _merge_error(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def declare_merges(
    ws: Workspace, mapping: Mapping[str, str], *, catalogue: str = "legacy"
) -> list[MergeEntry]:
    """Add or change merges (``{old code: new code}``; old units looked up in
    ``catalogue``, new ones among the profile unit's children); all or nothing, audited
    as a setting change. Returns the whole table."""
    from ..core.units import Catalogue
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting, set_setting

    office = _office(ws)
    old_units = Catalogue.load(catalogue)
    table = dict(get_setting(ws.db, MERGES_SETTING) or {})
    for old_code, new_code in mapping.items():
        old = old_units.require(old_code)
        new = office.children.get(str(new_code).strip()) or office.catalogue.get(new_code)
        if new is None or new.code not in office.children:
            raise _merge_error(
                "merge.not_child",
                f"Đơn vị mới {new_code} không phải đơn vị trực thuộc {office.unit.name}: chỉ gộp được vào một đơn vị trực thuộc.",
                f"The new unit {new_code} is not under {office.unit.name}: old units can only be merged into one of its units.",
                unit_code=str(new_code),
            )  # fmt: skip
        if old.code == new.code and old.catalogue == new.catalogue:
            raise _merge_error(
                "merge.same_unit",
                f"{old.name} ({old.code}) không thể gộp vào chính nó.",
                f"{old.name} ({old.code}) cannot be merged into itself.",
                unit_code=old.code,
            )
        if old.code in office.children and old.code != new.code and old.catalogue != new.catalogue:
            # a code that lives on in a current unit was kept by the unit the old one became
            # part of; mapping it elsewhere would also move that current unit's place
            kept = office.children[old.code]
            raise _merge_error(
                "merge.code_kept",
                f"Mã {old.code} của {old.name} nay là mã của {kept.name}: đơn vị cũ này chỉ có thể được gộp vào {kept.name}.",
                f"Code {old.code} of {old.name} is now the code of {kept.name}: this old unit can only have become part of {kept.name}.",
                unit_code=old.code,
            )  # fmt: skip
        table[old.code] = MergeEntry(
            old.code, old.name, old.parent_code, old.level, catalogue, new.code, new.name
        ).as_setting()
    set_setting(ws.db, MERGES_SETTING, table, ws.user)
    return unit_merges(ws)


def clear_merges(ws: Workspace, old_codes: Sequence[str] | None = None) -> list[MergeEntry]:
    """Remove some declared merges (all of them without ``old_codes``); audited."""
    from ..receiving.office import MERGES_SETTING
    from ..storage import get_setting, set_setting

    table = dict(get_setting(ws.db, MERGES_SETTING) or {})
    for code in list(table) if old_codes is None else old_codes:
        table.pop(code, None)
    set_setting(ws.db, MERGES_SETTING, table or None, ws.user)
    return unit_merges(ws)


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
        return UnitReport(
            s.unit_code, s.unit_name, form, typed, s.revision, s.created_at, (), (ref,)
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


_LEVEL_VI = {"commune": "xã", "district": "huyện", "province": "tỉnh"}


def _no_children(office: Office, form: Form) -> AppError:
    level = _LEVEL_VI.get(form.level or "", form.level)
    return AppError(
        "report.no_children",
        Text(
            f"{office.unit.name} không có đơn vị trực thuộc nào điền biểu mẫu {form.id} (biểu mẫu cấp {level}).",
            f"{office.unit.name} has no units under it that fill form {form.id} (a {form.level} form).",
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
    c = consolidate(form, gathered.reports, expected, gathered.mapping, gathered.names)
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


# -- the unit's own report, pre-filled from its children's --------------------------------


@dataclass(frozen=True)
class PrefillOutcome:
    form: Form
    period: str
    child_form: str
    report: ReportRow
    written: dict[str, Value]  # fields whose value (or comment) was written now
    unchanged: dict[str, Value]  # pre-filled again with the value they already had
    kept: dict[str, tuple[Value, Value]]  # overridden by the officer: (pre-fill, kept value)
    unmatched: tuple[str, ...]  # prefill fields no rule could fill
    units: int  # child reports used
    expected: int  # child units expected


def _child_form(ws: Workspace, office: Office, parent: Form) -> Form:
    """The form the children fill whose fields the parent's pre-fill names best (for
    cntt-huyen: cntt-xa)."""
    from ..consolidation import ExpectedUnit, consolidate, prefill_parent_form

    levels = {u.level for u in office.children.values()}
    candidates = [f for f in ws.forms.latest() if f.level in levels and f.id != parent.id]
    best: tuple[int, Form] | None = None
    for candidate in candidates:
        empty = consolidate(candidate, [], [ExpectedUnit("0", "0")])
        matched = len(prefill_parent_form(parent, empty).values)
        if matched and (best is None or matched > best[0]):
            best = (matched, candidate)
    if best is None:
        raise AppError(
            "prefill.no_child_form",
            Text(
                f"Không tìm được biểu mẫu của đơn vị trực thuộc để điền sẵn {parent.id}.",
                f"No form filled by the units under this one can pre-fill {parent.id}.",
            ),
            form=parent.id,
        )
    return best[1]


def _names(c: Consolidation, codes: Sequence[str], limit: int = 5) -> str:
    shown = [c.name(code) for code in codes[:limit]]
    return ", ".join(shown) + (
        f" và {len(codes) - limit} đơn vị khác" if len(codes) > limit else ""
    )


def _source(c: Consolidation, pv: Any, period: str, word: str, left_out: Sequence[str] = ()) -> str:
    """The comment written with a pre-filled value: where it came from, short enough for
    the printed report's Notes column ("Tổng hợp từ báo cáo của 20/20 xã (cộng).")."""
    m = len(c.expected)
    if pv.child_field is None:
        if pv.field_id.endswith("so_don_vi"):
            return "Điền sẵn theo danh mục đơn vị hành chính."
        return f"Điền sẵn: số {word} có báo cáo kỳ {period} đã nhận, không tính báo cáo bị trả lại."
    child = c.form.fields[pv.child_field]
    how = {
        "sum": "cộng",
        "count_true": f"số {word} trả lời «Có»",
        "count_false": f"số {word} trả lời «Không»",
        "min": "nhỏ nhất",
        "max": "lớn nhất",
    }.get(child.aggregate, child.aggregate)
    text = f"Tổng hợp từ báo cáo của {len(pv.units)}/{m} {word} ({how})"
    blank = list(c.figures.missing.get(child.id, []))
    if blank:
        text += f"; {len(blank)} {word} để trống: {_names(c, blank)}"
    returned = [u.code for u in c.missing if u.code in left_out]
    if returned:
        text += f"; {len(returned)} {word} có báo cáo bị trả lại, không tính: {_names(c, returned)}"
    missing = [u.code for u in c.missing if u.code not in left_out]
    if missing:
        text += f"; {len(missing)} {word} chưa nộp: {_names(c, missing)}"
    return text + "."


def prefill_own_report(
    ws: Workspace, parent_form_id: str, period: str, *, overwrite: bool = False
) -> PrefillOutcome:
    """Fill the ``prefill: children`` fields of the unit's own report (``cntt-huyen`` for a
    district) from the consolidation of its children's reports (returned ones left out),
    each with a comment saying where it came from, through the normal save path (one
    transaction, audited). A value the officer has changed since the last pre-fill (or
    typed before any) is kept, and so is a comment the officer wrote, unless
    ``overwrite``. What was pre-filled is recorded for ``prefilled_fields``; pre-filling
    again with nothing new writes nothing."""
    from ..consolidation import prefill_parent_form
    from ..consolidation.statements import UNIT_WORDS
    from ..core.values import ValueRejected, check_value, from_storage, to_storage
    from ..storage import get_comments, get_or_create_report, get_values, save_values, set_comment
    from ..storage.audit import write_audit
    from ..storage.prefills import get_prefills, record_prefills
    from .entry import InputRejected

    profile = ws.require_profile()
    office = _office(ws)
    form, parsed = _period(ws, parent_form_id, period)
    text = str(parsed)
    if form.level and form.level != office.unit.level:
        raise AppError(
            "prefill.wrong_level",
            Text(
                f"Biểu mẫu {form.id} là của cấp {_LEVEL_VI.get(form.level, form.level)}, không phải của {office.unit.name}.",
                f"Form {form.id} is a {form.level} form, not one {office.unit.name} fills.",
            ),
            form=form.id,
        )
    child_form = _child_form(ws, office, form)
    child_version, _ = _period(ws, child_form.id, text)
    c, gathered = _consolidate(ws, office, child_version, text, include_returned=False)
    if not c.reports:
        raise _nothing_received(child_version, text)
    prefill = prefill_parent_form(form, c)
    word = UNIT_WORDS.get(child_version.level, Text("đơn vị", "units")).vi

    rejected = []
    planned: dict[str, tuple[Value, str | None, str]] = {}
    for field_id, pv in prefill.values.items():
        f = form.fields[field_id]
        broken = check_value(f, pv.value)
        if broken is not None:
            rejected.append(ValueRejected(f, "value.bound", broken, str(pv.value)))
            continue
        planned[field_id] = (
            pv.value,
            to_storage(f, pv.value),
            _source(c, pv, text, word, gathered.left_out),
        )
    if rejected:
        raise InputRejected(rejected)

    report = get_or_create_report(ws.db, profile.unit_code, form.id, form.version, text)
    written: dict[str, Value] = {}
    unchanged: dict[str, Value] = {}
    kept: dict[str, tuple[Value, Value]] = {}
    with ws.db.transaction():
        stored, comments = get_values(ws.db, report.id), get_comments(ws.db, report.id)
        before = get_prefills(ws.db, report.id)
        changes: dict[str, str | None] = {}
        notes: dict[str, str] = {}
        records = []
        for field_id, (value, stored_text, source) in planned.items():
            f = form.fields[field_id]
            current = stored.get(field_id)
            last = before.get(field_id)
            ours = last is not None and current == last.value
            pv = prefill.values[field_id]
            basis = {
                "child_form": child_version.id,
                "child_version": child_version.version,
                "child_field": pv.child_field,
                "period": text,
                "units": len(pv.units),
                "of": len(c.expected),
            }
            if last is None or (last.value, last.source, last.basis) != (
                stored_text,
                source,
                basis,
            ):
                records.append((field_id, stored_text, source, basis))
            if current is not None and current != stored_text and not ours and not overwrite:
                # the officer's value stays; the record shows what the children now say
                kept[field_id] = (value, from_storage(f, current))
                continue
            old_comment = comments.get(field_id)
            # the officer's own note stays, unless the officer asked for the children's
            # figures over everything (then the note would explain a value no longer there)
            comment_ours = (
                overwrite
                or old_comment is None
                or (last is not None and old_comment == last.source)
            )
            if current != stored_text:
                changes[field_id] = stored_text
            if comment_ours and old_comment != source:
                notes[field_id] = source
            if field_id in changes or field_id in notes:
                written[field_id] = value
            else:
                unchanged[field_id] = value
        if changes:
            save_values(ws.db, report.id, changes, ws.user)
        for field_id, note in notes.items():
            set_comment(ws.db, report.id, field_id, note, ws.user)
        if records:
            now = ws.db.now()
            record_prefills(ws.db, report.id, records, user=ws.user, at=now)
            summary = {
                "child_form": child_version.id,
                "units": len(c.reports),
                "of": len(c.expected),
                "written": sorted(written),
                "kept": sorted(kept),
            }
            write_audit(
                ws.db,
                [(now, ws.user, report.id, "prefill", f"{form.id}/{text}", None,
                  json.dumps(summary, ensure_ascii=False, sort_keys=True))],
            )  # fmt: skip
    from ..storage import get_report_by_id

    row = get_report_by_id(ws.db, report.id) or report
    return PrefillOutcome(
        form, text, child_version.id, row, written, unchanged, kept, prefill.unmatched,
        len(c.reports), len(c.expected),
    )  # fmt: skip


def prefilled_fields(ws: Workspace, form_id: str, period: str) -> dict[str, tuple[Value, bool]]:
    """field id → (the value as pre-filled, whether the report still holds it) for the
    unit's own report; an overridden field has ``False``."""
    from ..core.values import from_storage
    from ..storage import get_report, get_values
    from ..storage.prefills import get_prefills

    profile = ws.require_profile()
    form, parsed = _period(ws, form_id, period)
    report = get_report(ws.db, profile.unit_code, form.id, str(parsed))
    if report is None:
        return {}
    current = get_values(ws.db, report.id)
    out: dict[str, tuple[Value, bool]] = {}
    for field_id, row in get_prefills(ws.db, report.id).items():
        f = form.fields.get(field_id)
        if f is None:
            continue
        out[field_id] = (from_storage(f, row.value), current.get(field_id) == row.value)
    return out


__all__ = [
    "DistrictConsolidation",
    "DistrictReports",
    "MergeEntry",
    "PrefillOutcome",
    "clear_merges",
    "consolidation_for",
    "declare_merges",
    "prefill_own_report",
    "prefilled_fields",
    "report_info",
    "trend_for",
    "unit_merges",
    "write_district_reports",
]
