"""The reports a receiving unit holds, read as consolidation inputs, and consolidated.

**Which report counts for a child** is its ``current`` submission (``storage.submissions``):
the first packet received, or the latest verified revision, or the one the officer chose
in a conflict. A same-revision conflict still waiting for a decision does not count: the
submission held before it does, until the officer decides. A **returned** report still
counts in the consolidated report and ranking (a unit should not drop out of the ranking
overnight while its correction is on the way) but is flagged (``UnitReport.returned``, a
line in the report's statements, "Bị trả lại" in the status sheet). The unit's own report
pre-filled from its children's leaves returned reports out (``include_returned=False``),
as the district form's own help says ("không tính báo cáo bị trả lại").

**Traceability**: every ``UnitReport`` carries a ``PacketRef`` (unit, revision, the file
as received with its sha256, the ``data.json`` hash, the review, the parent the packet
names), so each consolidated figure's ``trace`` names the packets behind it.

Each value is typed with the form version it was checked against on receipt, then
matched to the consolidated version by field id (ids are stable; renames are declared).

May import: ``consolidation``, ``storage``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.forms import Form, FormRegistry
from ..core.levels import level_name
from ..core.messages import AppError, Text
from ..storage.received import files_of_submissions
from ..storage.submissions import find_submissions, iter_values
from .consolidate import Consolidation, consolidate
from .merges import apply_merges
from .model import ExpectedUnit, PacketRef, UnitReport, typed_inputs

if TYPE_CHECKING:
    from ..storage import Database
    from ..storage.merges import MergeEntry
    from ..storage.submissions import Submission


@dataclass(frozen=True)
class Counted:
    """The submissions that count for one form and period, as consolidation inputs."""

    reports: list[UnitReport]  # by unit code
    left_out: tuple[str, ...]  # units whose returned report was not counted


def counted_reports(
    db: Database,
    forms: FormRegistry,
    form: Form,
    period: str,
    *,
    include_returned: bool = True,
    receiving_code: str | None = None,
) -> Counted:
    """The current submission of each unit for ``form`` (the version consolidated) and
    ``period``, typed, with its packet; returned ones only with ``include_returned``.
    With ``receiving_code``, also the children's reports that unit entered itself
    (``entered_reports``) for the units that sent no packet."""

    current = find_submissions(db, form.id, period, states=("current",), with_data=False)
    held = {s.id: s for s in current if include_returned or s.review != "returned"}
    left_out = tuple(s.unit_code for s in current if s.id not in held)
    files = files_of_submissions(db, form.id, period)

    def report(s: Submission, texts: Mapping[str, str]) -> UnitReport:
        own = forms.by_version(form.id, s.form_version) or form
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
            s.parent_code,
        )
        # dated by its signing time, as the status board judges it (issue 14 §3)
        return UnitReport(
            s.unit_code, s.unit_name, form, typed, s.revision, s.signed_at, (), (ref,)
        )

    # typed as they are read: a province's raw texts are never all held at once
    reports = {
        submission_id: report(held[submission_id], texts)
        for submission_id, texts in iter_values(db, form.id, period)
        if submission_id in held
    }
    for submission_id, s in held.items():
        if submission_id not in reports:  # every value blank: still a report
            reports[submission_id] = report(s, {})
    found = list(reports.values())
    if receiving_code is not None:
        sent = {s.unit_code for s in current}  # a signed packet wins over figures entered
        found += [
            r for r in entered_reports(db, forms, form, period, receiving_code)
            if r.unit_code not in sent
        ]  # fmt: skip
    return Counted(sorted(found, key=lambda r: r.unit_code), left_out)


def entered_reports(
    db: Database, forms: FormRegistry, form: Form, period: str, receiving_code: str
) -> list[UnitReport]:
    """The children's reports the receiving unit holds in its own ``reports`` table
    (imported from a workbook: ``workspace.values_import``), flagged ``entered``: the
    traces name the file they came from and its sha256, from the import's audit row."""
    from ..core.values import from_storage
    from ..storage import get_unit, get_values, list_reports

    found = []
    for row in list_reports(db, form_id=form.id, period=period):
        if row.unit_code == receiving_code:
            continue
        own = forms.by_version(form.id, row.form_version) or form
        stored = get_values(db, row.id)
        typed = {
            form.renamed.get(k, k): from_storage(own.fields[k], v)
            for k, v in stored.items()
            if k in own.fields and not own.fields[k].is_computed
        }
        typed = {k: v for k, v in typed.items() if k in form.fields}
        audit = db.fetchone(
            "SELECT target, new FROM audit_log WHERE report_id = ? AND kind = 'import'"
            " ORDER BY id DESC LIMIT 1",
            (row.id,),
        )
        note = json.loads(audit[1]) if audit and audit[1] else {}
        unit = get_unit(db, row.unit_code)
        ref = PacketRef(row.unit_code, row.revision, audit[0] if audit else "", note.get("sha256", ""),
                        "", "entered", unit.parent_code if unit else None)  # fmt: skip
        name = unit.name if unit else row.unit_code
        found.append(UnitReport(row.unit_code, name, form, typed, row.revision, None, (), (ref,)))
    return found


@dataclass(frozen=True)
class Received:
    """A consolidation of the reports received, with what the merges did."""

    consolidation: Consolidation
    merges: dict[str, str]  # old code → new code, applied
    set_aside: tuple[str, ...]  # old units' reports left out: the new unit reported itself
    left_out: tuple[str, ...]  # returned reports not counted (include_returned=False)


def consolidate_received(
    db: Database,
    forms: FormRegistry,
    form: Form,
    period: str,
    expected: Sequence[ExpectedUnit],
    *,
    merges: Mapping[str, MergeEntry] | None = None,
    receiving_level: str | None = None,
    include_returned: bool = True,
    receiving_code: str | None = None,
) -> Received:
    """The reports that count for ``form`` and ``period`` consolidated against the
    ``expected`` children, old units' reports added up into their new unit (``merges``:
    old code → the declared merge), worded for the ``receiving_level``."""
    counted = counted_reports(
        db, forms, form, period, include_returned=include_returned, receiving_code=receiving_code
    )
    merged = apply_merges(counted.reports, merges or {})
    c = consolidate(form, merged.reports, expected, merged.mapping, merged.names, receiving_level)
    return Received(c, merged.mapping, merged.set_aside, counted.left_out)


def no_children(receiver: str, form: Form) -> AppError:
    """``report.no_children``: the receiving unit has no children that fill ``form``."""

    level = level_name(form.level)
    return AppError(
        "report.no_children",
        Text(
            f"{receiver} không có đơn vị trực thuộc nào điền biểu mẫu {form.id} (biểu mẫu {level.vi}).",
            f"{receiver} has no units under it that fill form {form.id} (a {level.en} form).",
        ),
        form=form.id,
    )


def nothing_received(form: Form, period: str) -> AppError:
    """``report.nothing_received``: no child's report counts yet."""
    return AppError(
        "report.nothing_received",
        Text(
            f"Chưa nhận báo cáo {form.id} kỳ {period} nào của các đơn vị trực thuộc.",
            f"No {form.id} report for period {period} has been received from the units under it.",
        ),
        form=form.id,
        period=period,
    )


__all__ = [
    "Counted",
    "Received",
    "consolidate_received",
    "counted_reports",
    "no_children",
    "nothing_received",
]
