"""Exporting the unit's report for a form and period as a signed packet (DESIGN §3).

Refused while the report has errors or unexplained warnings. The same revision always
carries the same ``data.json``: re-exporting an unchanged report re-uses the revision and
the report date recorded at its first export (a harmless duplicate for the district);
if anything in it changed (an edit reopens the report with the next revision; a renamed
clerk or leader does not), the packet gets the next revision.

May import: ``packets``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..core.periods import Period, check_started
from ..core.text import COMMENT_MAX_LENGTH, NAME_MAX_LENGTH, kept_text_problem
from ..packets.data import build_data, canonical_json
from ..packets.excel import render_xlsx
from ..packets.identities import load_identity
from ..packets.manifest import vietnam_time
from ..packets.packet import PacketContent, assemble, zip_bytes
from ..packets.pdf import render_pdf
from ..storage import ExportRow, ReportRow, list_exports, record_export, report_version
from ..storage.clock import local_now
from ..storage.durable import atomic_write
from .doc_number import DocumentNumber, check_number, keep_number, stored_number
from .entry import ReportState, check_report
from .evidence import data_listing, packet_evidence
from .history import previous_values
from .published_scores import published_entries
from .setup_unit import CLERK, LEADER
from .workspace import Workspace

Progress = Callable[[int, int], None]
STEPS = 6

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Renderers:
    """The report renderers (packets.excel / packets.pdf); injectable for tools."""

    xlsx: Callable[[Any, Mapping[str, Any]], bytes]
    pdf: Callable[..., Any]  # (form, data, created=the export's time)


def default_renderers() -> Renderers:
    return Renderers(render_xlsx, render_pdf)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    revision: int
    data_sha256: str
    fingerprint: str
    manifest: Mapping[str, Any]
    duplicate: bool  # same data.json as an earlier export of this revision
    report: ReportRow
    export: ExportRow


def _kept_text_problems(state: ReportState) -> list[Text]:
    """Comments and explanations saved by an older version that took any character
    (a Word line break once broke the workbook): each to be entered again."""
    found = []
    for fid, text in state.comments.items():
        problem = kept_text_problem(text, COMMENT_MAX_LENGTH)
        field = state.form.fields.get(fid)
        if problem is not None and field is not None:
            found.append(Text(f"Ghi chú của «{field.label.vi}»: {problem.vi}",
                              f"The comment on «{field.label.en}»: {problem.en}"))  # fmt: skip
    for warning in state.result.warnings:
        problem = kept_text_problem(warning.explanation or "", COMMENT_MAX_LENGTH)
        if problem is not None:
            found.append(Text(f"Giải trình cảnh báo {warning.rule_id}: {problem.vi}",
                              f"The explanation of warning {warning.rule_id}: {problem.en}"))  # fmt: skip
    return found


def refusal(state: ReportState) -> AppError | None:
    """Why the report cannot be exported yet (nothing entered, errors, warnings without
    an explanation), or None when it can."""
    result = state.result
    if state.report is None:
        return AppError(
            "export.empty",
            Text(
                f"Chưa nhập số liệu nào cho {state.form.id} kỳ {state.period}.",
                f"Nothing has been entered for {state.form.id}, period {state.period}.",
            ),
        )
    if result.errors:
        lines_vi = "\n".join(f"  - {p.message.vi}" for p in result.errors[:10])
        lines_en = "\n".join(f"  - {p.message.en}" for p in result.errors[:10])
        return AppError(
            "export.has_errors",
            Text(
                f"Chưa xuất được: báo cáo còn {len(result.errors)} lỗi cần sửa:\n{lines_vi}",
                f"Cannot export: the report has {len(result.errors)} errors to fix:\n{lines_en}",
            ),
            errors=[p.as_dict() for p in result.errors],
        )
    kept = _kept_text_problems(state)
    if kept:
        return AppError(
            "export.bad_text",
            Text(
                "Chưa xuất được: cần sửa lại ghi chú, giải trình:\n"
                + "\n".join(f"  - {t.vi}" for t in kept[:10]),
                "Cannot export: comments or explanations to fix:\n"
                + "\n".join(f"  - {t.en}" for t in kept[:10]),
            ),
        )
    unexplained = result.unexplained_warnings
    if unexplained:
        lines_vi = "\n".join(f"  - [{p.rule_id}] {p.message.vi}" for p in unexplained[:10])
        lines_en = "\n".join(f"  - [{p.rule_id}] {p.message.en}" for p in unexplained[:10])
        return AppError(
            "export.unexplained_warnings",
            Text(
                f"Chưa xuất được: {len(unexplained)} cảnh báo cần giải trình (lời giải trình được gửi kèm báo cáo):\n{lines_vi}",
                f"Cannot export: {len(unexplained)} warnings need an explanation (sent with the report):\n{lines_en}",
            ),
            warnings=[p.as_dict() for p in unexplained],
        )
    return None


def _unit(ws: Workspace, period: Period) -> dict[str, str | None]:
    # the unit as it stood in the report's period: the packet names its parent of the time
    unit, parent = ws.unit_and_parent(period)
    return {
        "code": unit.code,
        "name": unit.name,
        "parent_code": unit.parent_code,
        "parent_name": parent.name if parent else None,
        "place": unit.proper_name,
    }


def _data(
    ws: Workspace,
    state: ReportState,
    unit: dict,
    revision: int,
    date: datetime.date,
    number: str = "",
) -> dict:
    profile = ws.require_profile()
    _check_names(profile.clerk, profile.leader)
    before = previous_values(ws, state.form, state.period)
    data = build_data(
        state.form,
        unit={k: unit[k] for k in ("code", "name", "parent_code", "parent_name")},
        period=str(state.period),
        revision=revision,
        result=state.result,
        comments=state.comments,
        prepared_by=profile.clerk,
        approved_by=profile.leader,
        place=unit["place"] or "",
        date=date,
        previous=(str(before.period), before.values) if before is not None else None,
        number=number,
        published=published_entries(ws, state.form.id, str(state.period)),
    )
    assert state.report is not None  # evidence: listed only when there is some
    listing = data_listing(packet_evidence(ws, state.form, state.report.id, content=False))
    return {**data, "evidence": listing} if listing else data


def _check_names(clerk: str, leader: str) -> None:
    """Names kept by an older version had no limit; a packet's manifest holds 200
    characters of each, on one line: say so rather than write a packet no one takes."""
    problems = []
    for name, what in ((clerk, CLERK), (leader, LEADER)):
        problem = kept_text_problem(name, NAME_MAX_LENGTH)
        if problem is None and "\n" in name:
            problem = Text("có xuống dòng", "has a line break")
        if problem is not None:
            problems.append(Text(f"{what.vi}: {problem.vi}", f"{what.en}: {problem.en}"))
    if problems:
        return_to = Text("hãy sửa trong Cài đặt (hoặc setup)", "fix it in Settings (or setup)")
        raise AppError(
            "export.bad_text",
            Text(
                "Chưa xuất được: " + "; ".join(p.vi for p in problems) + f"; {return_to.vi}.",
                "Cannot export: " + "; ".join(p.en for p in problems) + f"; {return_to.en}.",
            ),
        )


def _sha(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def plan_data(
    ws: Workspace,
    state: ReportState,
    today: datetime.date,
    document: DocumentNumber | None = None,
) -> tuple[dict[str, Any], bool]:
    """(data.json, duplicate): the revision and date of an earlier export of the current
    revision when the data are the same, else the next revision dated today. The
    ``document``'s number is printed; its date, when given, is the report's date.

    Built once: the revision and the date are two top-level members that nothing else in
    data.json depends on, so the next revision is the same build with those two changed."""
    assert state.report is not None
    revision = state.report.revision
    earlier = list_exports(ws.db, state.report.id, revision)
    fixed = document.date if document else None
    first_date = datetime.date.fromisoformat(earlier[0].report_date) if earlier else today
    number = document.number if document else ""
    data = _data(ws, state, _unit(ws, state.period), revision, fixed or first_date, number)
    if not earlier:
        return data, False
    if _sha(data) == earlier[0].data_sha256:
        return data, True
    return {**data, "revision": revision + 1, "date": (fixed or today).isoformat()}, False


def export_report(
    ws: Workspace,
    form_id: str,
    period_text: str,
    out_dir: Path,
    *,
    secret: str | None = None,
    identity: Any = None,
    progress: Progress | None = None,
    now: datetime.datetime | None = None,
    renderers: Renderers | None = None,
    document: DocumentNumber | None = None,
) -> ExportResult:
    """Check, build, render, sign and write the packet, then record it (one transaction).

    ``document``: the number and date the clerk gives the report, kept for the next
    export; without it, those of the last export (``doc_number``), else no number.

    ``identity`` is an open ``SigningIdentity`` (the window and the benchmark open it once);
    without it the unit's identity is opened with ``secret`` (passphrase or PIN) for this
    export and closed after. The outcome goes to the application's log (never ``secret``)."""
    try:
        result = _export_report(
            ws, form_id, period_text, out_dir, secret=secret, identity=identity,
            progress=progress, now=now, renderers=renderers, document=document,
        )  # fmt: skip
    except AppError as error:
        log.info("export %s %s refused: %s", form_id, period_text, error.code)
        raise
    log.info(
        "export %s %s: %s, revision %s%s",
        form_id, period_text, result.path.name, result.revision,
        " (unchanged: same revision again)" if result.duplicate else "",
    )  # fmt: skip
    return result


def _export_report(
    ws: Workspace,
    form_id: str,
    period_text: str,
    out_dir: Path,
    *,
    secret: str | None,
    identity: Any,
    progress: Progress | None,
    now: datetime.datetime | None,
    renderers: Renderers | None,
    document: DocumentNumber | None = None,
) -> ExportResult:
    def step(done: int) -> None:
        if progress:
            progress(done, STEPS)

    state = check_report(ws, form_id, period_text)
    refused = refusal(state)
    if refused is not None:
        raise refused
    assert state.report is not None
    expected = report_version(ws.db, state.report.id)
    moment = now or (ws.db.clock() if ws.db.clock else local_now())
    # A report for a period still to come (entered before the rule) is not signed: the
    # district would refuse it (packet.period_not_started).
    today = vietnam_time(moment).date()
    check_started(state.period, today)
    chosen = document or stored_number(ws.db, form_id, str(state.period))
    if chosen is not None:
        check_number(chosen.number, chosen.date, today)
    data, duplicate = plan_data(ws, state, today, chosen)
    step(1)
    renderers = renderers or default_renderers()
    xlsx = renderers.xlsx(state.form, data)
    step(2)
    pdf = renderers.pdf(state.form, data, created=vietnam_time(moment))
    step(3)
    owned = identity is None
    opened = load_identity(ws.db, ws.data_dir, secret, now=moment) if owned else identity
    try:
        content = assemble(
            opened.signer,
            opened.info.common_name,
            data,
            xlsx=xlsx,
            pdf=pdf,
            created_at=moment,
            reason=f"{state.form.title.vi} – {state.period.label('vi')}",
            progress=lambda done, _total: step(3 + done),
            evidence={
                e.member: e.content for e in packet_evidence(ws, state.form, state.report.id)
            },
        )
    finally:
        if owned:
            opened.close()
    result = _write_and_record(
        ws, state, content, Path(out_dir), expected, duplicate, opened, data["date"], step
    )
    if document is not None:
        keep_number(ws.db, form_id, str(state.period), document, ws.user)
    return result


def _write_and_record(
    ws: Workspace,
    state: ReportState,
    content: PacketContent,
    out_dir: Path,
    expected: tuple[str, int, int],
    duplicate: bool,
    identity: Any,
    report_date: str,
    step: Callable[[int], None],
) -> ExportResult:
    assert state.report is not None
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / content.name
    created = datetime.datetime.fromisoformat(content.manifest["created_at"])
    packet = zip_bytes(content.members, created)

    def place() -> str:
        # Last in the transaction that records it: the old packet or the new one, never
        # half, and a refused write (a full USB stick) records nothing.
        atomic_write(target, packet)
        return str(target)

    recorded = record_export(
        ws.db,
        state.report.id,
        expected=expected,
        revision=content.manifest["revision"],
        user=ws.user,
        report_date=report_date,
        data_sha256=content.data_sha256,
        packet_name=content.name,
        place=place,
        signer_fingerprint=identity.info.fingerprint,
    )
    if recorded is None:
        raise AppError(
            "export.changed_meanwhile",
            Text(
                "Báo cáo vừa được sửa trong lúc xuất gói; hãy xuất lại.",
                "The report was changed while the packet was being made; export again.",
            ),
        )
    report, row = recorded
    step(STEPS)
    return ExportResult(
        path=target,
        revision=row.revision,
        data_sha256=content.data_sha256,
        fingerprint=identity.info.fingerprint,
        manifest=content.manifest,
        duplicate=duplicate,
        report=report,
        export=row,
    )


__all__ = [
    "ExportResult",
    "Renderers",
    "default_renderers",
    "export_report",
    "plan_data",
    "refusal",
]
