"""How one field of the entry window looks, decided without Qt: the marker and message
line under it (from ``FieldStates``), whether it was pre-filled from the children's
reports and what was taken, and its comment. The entry view only applies a
``FieldLook`` to its widgets; the decisions are tested without a screen
(``tests/unit/test_field_look.py``).

Imports core and this package's field states and session.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.messages import Text
from ..core.values import Value, display
from .field_state import FieldStates

FAILED = Text(
    "Nội dung vừa nhập vẫn giữ ở ô này nhưng chưa được lưu; sau khi khắc phục, nhấn Enter "
    "(ô nhiều dòng: Ctrl+Enter) để lưu lại.",
    "What you typed is still in this field but not saved; once the cause is fixed, press "
    "Enter (multi-line fields: Ctrl+Enter) to save it.",
)
TAKEN = Text(
    "Tổng hợp từ báo cáo của đơn vị cấp dưới: {value}",
    "Consolidated from the subordinate units' reports: {value}",
)
CHANGED = Text(
    "Đã sửa khác số tổng hợp từ cấp dưới ({value})",
    "Changed from the consolidated figure ({value})",
)
# Under the field: the province will ask why the officer's figure differs.
EXPLAIN = Text(
    "Khác số tổng hợp từ báo cáo cấp dưới ({value}): ghi lý do vào ghi chú (F4).",
    "Differs from the figure consolidated from the subordinate units ({value}): give the "
    "reason in the note (F4).",
)


@dataclass(frozen=True)
class FieldLook:
    severity: str  # "error", "warning", "hint" or "" (no message line)
    message: tuple[Text, ...]  # the message line's lines
    prefilled: str  # "same" (as taken from the children), "overridden", or ""
    prefill_note: Text | None  # what was taken, for the field's tooltip
    comment: str  # the field's comment ("" if none)

    def message_text(self, lang: str) -> str:
        return "\n".join(line.pick(lang) for line in self.message)


class FieldLooks:
    """The looks of a report's fields; ``sync`` after the report changed."""

    def __init__(self, fields: FieldStates) -> None:
        self.fields = fields
        self.session = fields.session
        self.prefilled: dict[str, tuple[Value, bool]] = self.session.prefilled()

    def sync(self) -> None:
        self.prefilled = self.session.prefilled()

    def look(self, field_id: str, lang: str = "vi") -> FieldLook:
        """``lang``: the language a pre-filled number is written in."""
        field = self.session.form.fields[field_id]
        prefilled, note, explain = "", None, None
        taken = self.prefilled.get(field_id)
        if taken is not None:
            value = display(field, taken[0], lang)
            prefilled = "same" if taken[1] else "overridden"
            note = (TAKEN if taken[1] else CHANGED).format(value=value)
            explain = None if taken[1] else EXPLAIN.format(value=value)
        severity, lines = self.fields.marker(field_id)
        message = tuple(lines)
        if severity == "failed":
            severity, message = "error", (*message, FAILED)
        elif not severity and explain is not None:
            severity, message = "hint", (explain,)
        elif not severity and (hint := self.fields.hint(field_id)) is not None:
            severity, message = "hint", (hint,)
        comment = self.session.comments.get(field_id, "")
        return FieldLook(severity, message, prefilled, note, comment)


__all__ = ["FieldLook", "FieldLooks"]
