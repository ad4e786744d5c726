"""One report open for data entry: the clerk's edits, saved one committed field at a time.

The window is a thin view over this class, so everything the clerk can do — commit a
field, undo, comment, explain a warning, copy last period's figures — is plain Python
that the tests drive without a screen. Every change is one SQLite transaction (fsynced,
with its audit row) before the call returns: a power cut loses at most the field being
typed, never one that was committed.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..core.comparison import compare, comparison_text, outlier_hint
from ..core.evidence_rules import with_evidence
from ..core.forms import Form
from ..core.messages import Text
from ..core.periods import Period
from ..core.validation import ValidationResult, validate
from ..core.values import (
    Parsed,
    Value,
    ValueRejected,
    check_value,
    from_storage,
    parse_comment,
    parse_explanation,
    parse_input,
    to_storage,
)
from ..storage import (
    AuditRow,
    Database,
    ReportRow,
    get_comments,
    get_explanations,
    get_or_create_report,
    get_report,
    get_setting,
    get_values,
    history,
    save_values,
    set_comment,
    set_explanation,
)
from ..storage.evidence import evidence_counts
from .entry import typed_values
from .history import PreviousValues, previous_inputs, previous_values
from .undo import Edit, UndoStack
from .workspace import Workspace

OUTLIER_SETTING = "outlier_share"
DEFAULT_OUTLIER_SHARE = Decimal("0.5")  # ±50 % from last period draws a soft hint


RETURNED_BECAUSE = Text("Lý do trả lại: {reason}", "Returned because: {reason}")
ACCEPTED_NOTE = Text("Ghi chú khi tiếp nhận: {reason}", "Note on acceptance: {reason}")


@dataclass(frozen=True)
class CommitResult:
    field_id: str
    value: Value
    changed: bool
    warning: Text | None = None  # how the input was read, e.g. "1.500 read as 1 500"
    new_revision: int | None = None  # set when an exported report reopened as a draft


@dataclass(frozen=True)
class CopyCandidate:
    field_id: str
    previous: Value
    current: Value

    @property
    def differs(self) -> bool:
        return self.previous != self.current


class ReportSession:
    """The clerk's report for one form and period, as typed values plus its checks."""

    def __init__(self, ws: Workspace, form: Form, period: Period) -> None:
        self.ws = ws
        self.form = form
        self.period = period
        self.unit_code = ws.require_profile().unit_code
        self.report: ReportRow | None = get_report(ws.db, self.unit_code, form.id, str(period))
        stored = get_values(ws.db, self.report.id) if self.report else {}
        self.inputs: dict[str, Value] = typed_values(form, stored)
        self.comments: dict[str, str] = get_comments(ws.db, self.report.id) if self.report else {}
        self.explanations: dict[str, str] = (
            get_explanations(ws.db, self.report.id) if self.report else {}
        )
        self._undo = UndoStack()
        self.previous_values = previous_inputs(ws, self.unit_code, form, period)
        self._before: PreviousValues | None = None  # read when first asked (year_on_year)
        self._before_read = False
        self.result: ValidationResult = self._validate()

    @classmethod
    def open(cls, ws: Workspace, form_id: str, period_text: str) -> ReportSession:
        form, period = ws.form_for(form_id, period_text)
        return cls(ws, form, period)

    # -- state ---------------------------------------------------------------------------

    @property
    def status(self) -> str:
        return self.report.status if self.report else "draft"

    @property
    def revision(self) -> int:
        return self.report.revision if self.report else 1

    def value(self, field_id: str) -> Value:
        return self.result.values.get(field_id)

    def _validate(self) -> ValidationResult:
        result = validate(self.form, self.inputs, self.explanations)
        if self.form.evidence_fields and self.report is not None:
            result = with_evidence(self.form, result, evidence_counts(self.ws.db, self.report.id))
        return result

    def evidence_changed(self) -> int | None:
        """After a file was attached or removed (``workspace.evidence``): re-read the
        report (an exported one reopened) and re-check it; the new revision, if any."""
        reopened = self._reload_report()
        self.result = self._validate()
        return reopened

    def _ensure_report(self) -> ReportRow:
        if self.report is None:
            self.report = get_or_create_report(
                self.ws.db, self.unit_code, self.form.id, self.form.version, str(self.period)
            )
        return self.report

    def reload(self) -> None:
        """Re-read status and revision after work elsewhere (an export) changed them."""
        self._reload_report()

    def _reload_report(self) -> int | None:
        """Re-read status and revision; the revision if an exported report just reopened."""
        before = self.report
        self.report = get_report(self.ws.db, self.unit_code, self.form.id, str(self.period))
        if before and self.report and self.report.revision != before.revision:
            return self.report.revision
        return None

    # -- values --------------------------------------------------------------------------

    def parse(self, field_id: str, raw: str) -> Parsed:
        """What the clerk typed → a typed value, or ValueRejected with the reason. Nothing
        is changed: the window calls this as the clerk types, to mark the field."""
        f = self.form.fields[field_id]
        parsed = parse_input(f, raw)
        broken = check_value(f, parsed.value)
        if broken is not None:
            raise ValueRejected(f, "value.bound", broken, raw)
        return parsed

    def commit(self, field_id: str, raw: str) -> CommitResult:
        """Parse, save (one fsynced transaction) and re-check the whole form."""
        parsed = self.parse(field_id, raw)
        result = self._apply({field_id: parsed.value}, record=True)
        return CommitResult(
            field_id, parsed.value, bool(result[0]), parsed.warning, new_revision=result[1]
        )

    def _apply(
        self, changes: Mapping[str, Value], *, record: bool
    ) -> tuple[list[Edit], int | None]:
        edits = [
            Edit(fid, self.inputs.get(fid), new)
            for fid, new in changes.items()
            if self.inputs.get(fid) != new
        ]
        if not edits:
            return [], None
        report = self._ensure_report()
        stored = {e.field_id: to_storage(self.form.fields[e.field_id], e.new) for e in edits}
        save_values(self.ws.db, report.id, stored, self.ws.user)
        for e in edits:
            if e.new is None:
                self.inputs.pop(e.field_id, None)
            else:
                # What is stored, read back: 12,0 typed is 12 saved, and shown as 12 now
                # as after reopening (the window shows the saved value, not the typing).
                f = self.form.fields[e.field_id]
                self.inputs[e.field_id] = from_storage(f, stored[e.field_id])
        if record:
            self._undo.push(edits)
        self.result = self._validate()
        return edits, self._reload_report()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo.done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undo.undone)

    def undo(self) -> list[str]:
        """Put back the values before the last edit (saved like any edit: the audit log
        shows the undo). Returns the fields touched."""
        return self._undo.undo(lambda values: self._apply(values, record=False))

    def redo(self) -> list[str]:
        return self._undo.redo(lambda values: self._apply(values, record=False))

    # -- comments, explanations, history --------------------------------------------------

    def set_comment(self, field_id: str, text: str) -> None:
        """Save the clerk's comment; ``TextRejected`` (nothing saved) for a control
        character or a comment over its limit, with the same message as ``values load``."""
        cleaned = parse_comment(self.form.fields[field_id], text)
        if cleaned == self.comments.get(field_id, ""):
            return
        report = self._ensure_report()
        set_comment(self.ws.db, report.id, field_id, cleaned or None, self.ws.user)
        if cleaned:
            self.comments[field_id] = cleaned
        else:
            self.comments.pop(field_id, None)
        self._reload_report()

    def set_explanation(self, rule_id: str, text: str) -> None:
        """Save the explanation of a warning; ``TextRejected`` as ``set_comment``."""
        cleaned = parse_explanation(rule_id, text)
        if cleaned == self.explanations.get(rule_id, ""):
            return
        report = self._ensure_report()
        set_explanation(self.ws.db, report.id, rule_id, cleaned or None, self.ws.user)
        if cleaned:
            self.explanations[rule_id] = cleaned
        else:
            self.explanations.pop(rule_id, None)
        self.result = self._validate()
        self._reload_report()

    def last_edited_field(self) -> str | None:
        """The input field last changed (its value or its note): where the clerk left off,
        read from the audit log, so it survives a closed window and a power cut alike."""
        if self.report is None:
            return None
        for row in history(self.ws.db, self.report.id, limit=200):
            f = self.form.fields.get(row.target or "")
            if row.kind in ("value", "comment") and f is not None and not f.is_computed:
                return f.id
        return None

    def prefilled(self) -> dict[str, tuple[Value, bool]]:
        """field id → (the value pre-filled from the children's reports, whether the
        report still holds it): a district's own form only."""
        if self.report is None or not any(f.prefill for f in self.form.fields.values()):
            return {}
        from .district_prefill import prefilled_fields

        return prefilled_fields(self.ws, self.form.id, str(self.period))

    def review_note(self) -> Text | None:
        """What the parent unit said in its last receipt about this report, if anything."""
        if self.report is None or self.status not in ("accepted", "returned"):
            return None
        from ..storage.receipts import list_receipts

        found = list_receipts(self.ws.db, "received", report_id=self.report.id)
        if not found or not found[0].reason:
            return None
        if found[0].decision == "returned":
            return RETURNED_BECAUSE.format(reason=found[0].reason)
        return ACCEPTED_NOTE.format(reason=found[0].reason)

    def history(self, field_id: str) -> list[AuditRow]:
        """Who changed the field (or its comment) when, newest first."""
        if self.report is None:
            return []
        return history(self.ws.db, self.report.id, field_id)

    def display_stored(self, field_id: str, text: str | None) -> Value:
        """An audit row's stored text as a typed value (None if unreadable or blank)."""
        try:
            return from_storage(self.form.fields[field_id], text)
        except (ValueError, ArithmeticError, KeyError):
            return None

    # -- previous period -------------------------------------------------------------------

    def year_on_year(self, field_id: str) -> Text | None:
        """Last period's value beside this one, as the reports print it ("Năm 2025: 30,1
        (+0,3)"; "Năm 2025: —" when it had none), computed fields too and across form
        versions (``core.comparison``); None for free text or when no form version covers
        the period before."""
        if not self._before_read:
            self._before = previous_values(self.ws, self.form, self.period)
            self._before_read = True
        f = self.form.fields.get(field_id)
        if self._before is None or f is None or f.type == "text":
            return None
        now = self.result.computed.get(field_id, self.result.values.get(field_id))
        comparison = compare(f, now, self._before.values.get(field_id))
        label = self._before.period.label
        return Text(
            f"{label('vi')}: {comparison_text(f, comparison, 'vi')}",
            f"{label('en')}: {comparison_text(f, comparison, 'en')}",
        )

    def copy_candidates(self) -> list[CopyCandidate]:
        """The slowly-changing fields (``copy_forward`` in the form) that last period has."""
        return [
            CopyCandidate(f.id, self.previous_values[f.id], self.inputs.get(f.id))
            for f in self.form.input_fields
            if f.copy_forward and f.id in self.previous_values
        ]

    def copy_from_previous(self, field_ids: Iterable[str]) -> list[str]:
        """Copy the chosen fields' previous values in one transaction and one undo step."""
        wanted = {
            fid: self.previous_values[fid] for fid in field_ids if fid in self.previous_values
        }
        edits, _ = self._apply(wanted, record=True)  # save_values: one transaction
        return [e.field_id for e in edits]

    def outlier_share(self) -> Decimal:
        return read_outlier_share(self.ws.db)

    def outlier_hint(self, field_id: str) -> Text | None:
        """A soft hint when a number moved more than the configured share from last period."""
        f = self.form.fields.get(field_id)
        before = self.previous_values.get(field_id)
        if f is None or before is None:
            return None  # nothing to measure against: spare reading the setting
        return outlier_hint(f, self.result.values.get(field_id), before, self.outlier_share())


def read_outlier_share(db: Database) -> Decimal:
    """The share of change from last period that draws a hint (a setting, 0.5 = 50 %)."""
    raw = get_setting(db, OUTLIER_SETTING)
    try:
        share = Decimal(str(raw)) if raw is not None else DEFAULT_OUTLIER_SHARE
    except ArithmeticError:
        return DEFAULT_OUTLIER_SHARE
    return share if share > 0 else DEFAULT_OUTLIER_SHARE


__all__ = ["CommitResult", "CopyCandidate", "ReportSession", "read_outlier_share"]
