"""What each field of the entry window shows, and why: its saved value, or the text the
clerk typed that is not saved (with the reason); and which missing required fields are
flagged yet.

The window keeps three promises, and they are kept here, in plain Python, so they are
tested without a screen (``tests/unit/test_field_state.py``) and the view only shows
this state and forwards the clerk's keys:

- a field shows its saved value, or exactly the text typed into it, never anything else
  (no stale text from an editor's own undo buffer);
- "not saved" is said of a field exactly while its text differs from its saved value:
  a value saved after an earlier refusal is no longer marked, whatever rule it breaks;
- typed text is dropped only when the clerk says so (Escape, or "yes" when asked).

A blank report is not a wall of "required" errors: a missing required field is counted
per section, and flagged at the field once the clerk has left its section or tried to
export (as DHIS2 and ODK do on completing a form or leaving a screen).

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..core.messages import AppError, Text
from ..core.validation import ERROR, UNSAVED, Problem
from ..core.values import ValueRejected, display
from .session import ReportSession

REQUIRED = "required"  # the validation code of a required field left blank


@dataclass
class FieldState:
    """One input field: what is saved, and what is typed over it."""

    saved: str  # the saved value as its editor holds it ("" when blank)
    typed: str | None = None  # text typed and not saved; None: the field shows ``saved``
    refusal: Text | None = None  # why ``typed`` cannot be saved as it is
    failure: Text | None = None  # the save of ``typed`` failed (disk full…): why
    read_hint: Text | None = None  # how the text last saved was read ("1.500" → 1 500)

    @property
    def shown(self) -> str:
        return self.saved if self.typed is None else self.typed

    @property
    def unsaved(self) -> bool:
        return self.typed is not None

    @property
    def reason(self) -> Text | None:
        """Why the typed text is not saved; None while it is valid and not yet committed."""
        if self.typed is None:
            return None
        return self.refusal or self.failure

    def _clean(self) -> None:
        self.typed = self.refusal = self.failure = None


@dataclass(frozen=True)
class CommitOutcome:
    field_id: str
    saved: bool  # the field now shows its saved value (changed or not)
    changed: bool = False  # the stored value changed
    new_revision: int | None = None  # an exported report reopened as this revision
    failure: AppError | None = None  # the save failed (disk full, read-only, locked)


@dataclass(frozen=True)
class SectionCounts:
    filled: int
    total: int
    missing: int  # required fields left blank
    errors: int  # errors other than "required"
    warnings: int
    unsaved: int  # fields holding text that cannot be saved (refused or failed)
    flagged: bool  # the clerk left the section (or exported): missing fields are marked


def editor_text(session: ReportSession, field_id: str, lang: str = "vi") -> str:
    """The saved value as the field's editor holds it: a choice's value (the combo's
    data), Có/Không, or the Vietnamese way of writing a number or date. Computed fields
    follow the language; typed fields stay Vietnamese, as the clerk types them."""
    f = session.form.fields[field_id]
    value = session.value(field_id)
    if f.type == "choice":
        return value if isinstance(value, str) else ""  # a choice's value, or blank
    return display(f, value, lang if f.is_computed else "vi")


class FieldStates:
    """Every input field of one open report, over its ReportSession."""

    def __init__(self, session: ReportSession) -> None:
        self.session = session
        self.form = session.form
        self._order = [f.id for f in self.form.input_fields]
        self._states = {fid: FieldState(editor_text(session, fid)) for fid in self._order}
        self.flagged: set[str] = set()  # section ids whose missing fields are marked

    def __getitem__(self, field_id: str) -> FieldState:
        return self._states[field_id]

    # -- the clerk's side ------------------------------------------------------------------

    def edit(self, field_id: str, raw: str) -> FieldState:
        """The text in the field changed (typing, pasting, the editor's own undo): kept as
        typed, marked if it could not be saved; typed back to the saved value, clean."""
        state = self._states[field_id]
        state.read_hint = None
        if raw == state.saved:
            state._clean()
        else:
            state.typed = raw
            state.refusal = self._refusal(field_id, raw)
        return state

    def commit(self, field_id: str, raw: str) -> CommitOutcome:
        """Save what the field holds (Enter, Tab, leaving it, closing the window)."""
        state = self._states[field_id]
        if raw == state.saved:
            state._clean()
            return CommitOutcome(field_id, saved=True)
        try:
            result = self.session.commit(field_id, raw)
        except ValueRejected as rejected:
            # Never changed behind the clerk's back: the text stays, marked, unsaved.
            state.typed, state.refusal = raw, rejected.reason
            return CommitOutcome(field_id, saved=False)
        except AppError as error:
            # The disk is full, the folder read-only, the database held elsewhere: the
            # text stays (nothing typed is lost) until a retry saves it.
            state.typed, state.refusal, state.failure = raw, None, error.message
            return CommitOutcome(field_id, saved=False, failure=error)
        state._clean()
        self.sync()
        state.read_hint = result.warning
        return CommitOutcome(field_id, True, result.changed, result.new_revision)

    def revert(self, field_id: str) -> FieldState:
        """Drop the typed text, as the clerk asked (Escape, or "yes" to leaving it)."""
        state = self._states[field_id]
        state._clean()
        return state

    def sync(self) -> None:
        """Follow the saved values after any change (a commit, undo, redo, a copy from last
        period). Typed text stays over a value that changed under it, still unsaved,
        unless it now equals that value."""
        for fid, state in self._states.items():
            saved = editor_text(self.session, fid)
            if saved != state.saved:
                state.saved = saved
                state.read_hint = None
                if state.typed == saved:
                    state._clean()

    def _refusal(self, field_id: str, raw: str) -> Text | None:
        try:
            self.session.parse(field_id, raw)
        except ValueRejected as rejected:
            return rejected.reason  # the label is beside it: no field id, no repeated label
        return None

    # -- what is unsaved ---------------------------------------------------------------------

    def typed_fields(self) -> list[str]:
        """Fields holding text that differs from their saved value, in form order."""
        return [fid for fid in self._order if self._states[fid].unsaved]

    def unsaved_problems(self) -> list[Problem]:
        """Typed text that cannot be saved (refused, or its save failed), as errors for the
        problems panel. Valid text still being typed is not among them: it is saved on
        Enter or on leaving the field."""
        found = []
        for fid in self._order:
            reason = self._states[fid].reason
            if reason is not None:
                found.append(Problem(UNSAVED, ERROR, fid, reason, fields=(fid,)))
        return found

    # -- problems as shown -------------------------------------------------------------------

    def flag(self, section_id: str) -> bool:
        """The clerk left a section: its missing required fields are marked from now on.
        True if that is new."""
        if section_id in self.flagged:
            return False
        self.flagged.add(section_id)
        return True

    def flag_all(self) -> bool:
        """Before an export: every missing required field is marked."""
        before = len(self.flagged)
        self.flagged.update(s.id for s in self.form.sections)
        return len(self.flagged) != before

    def _hidden(self, problem: Problem) -> bool:
        if problem.code != REQUIRED or problem.field_id not in self.form.fields:
            return False
        return self.form.fields[problem.field_id].section_id not in self.flagged

    def problems(self) -> list[Problem]:
        """The report's problems as the window lists them: a missing required field only
        once its section is flagged."""
        return [p for p in self.session.result.problems if not self._hidden(p)]

    def missing(self) -> list[str]:
        """Required fields left blank (saved blank), in form order."""
        problems = self.session.result.problems
        return [p.field_id for p in problems if p.code == REQUIRED and p.field_id is not None]

    def marker(self, field_id: str) -> tuple[str, list[Text]]:
        """What the field is marked with: ("error", why) for typed text that cannot be
        saved or a saved value that breaks the form; ("failed", why) for a save that
        failed; ("warning", …) for an unexplained warning; ("", []) otherwise (a hint
        may then be shown: ``hint``)."""
        state = self._states.get(field_id)
        if state is not None and state.unsaved:
            if state.refusal is not None:
                return "error", [state.refusal]
            if state.failure is not None:
                return "failed", [state.failure]
        mine = [p for p in self.problems() if p.field_id == field_id]
        errors = [p.message for p in mine if p.is_error]
        if errors:
            return "error", errors
        warnings = [p.message for p in mine if not p.is_error and not p.explanation]
        if warnings:
            return "warning", warnings
        return "", []

    def hint(self, field_id: str) -> Text | None:
        """A soft note under the field: a big move from last period, or how the text last
        saved was read."""
        outlier = self.session.outlier_hint(field_id)
        if outlier is not None:
            return outlier
        state = self._states.get(field_id)
        return state.read_hint if state is not None else None

    def section_counts(self) -> list[SectionCounts]:
        """Per section, for the section list: filled/total, missing, errors, warnings and
        fields holding unsaved text."""
        values = self.session.result.values
        problems = self.session.result.problems
        section_of = {fid: f.section_id for fid, f in self.form.fields.items()}
        count: Counter[tuple[str | None, str]] = Counter()  # None: a form-wide problem
        for p in problems:
            where = section_of.get(p.field_id or "")
            kind = REQUIRED if p.code == REQUIRED else ("error" if p.is_error else "warning")
            count[where, kind] += 1
        for p in self.unsaved_problems():
            count[section_of[p.field_id or ""], UNSAVED] += 1
        rows = []
        for section in self.form.sections:
            inputs = [f for f in section.fields if not f.is_computed]
            sid = section.id
            rows.append(
                SectionCounts(
                    filled=sum(1 for f in inputs if values.get(f.id) is not None),
                    total=len(inputs),
                    missing=count[sid, REQUIRED],
                    errors=count[sid, "error"],
                    warnings=count[sid, "warning"],
                    unsaved=count[sid, UNSAVED],
                    flagged=sid in self.flagged,
                )
            )
        return rows


__all__ = [
    "CommitOutcome",
    "FieldState",
    "FieldStates",
    "SectionCounts",
    "editor_text",
]
