"""What an operation changed, so that one signal can tell every view what to show again
(Anki's ``OpChanges``): values typed, restored by undo or copied; the report's status or
revision (an export, a receipt); comments and explanations. A view refreshes only what
concerns it.

Imports nothing of the application.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpChanges:
    fields: tuple[str, ...] = ()  # the fields whose saved value changed
    values: bool = False  # saved values changed (the fields above, and what they feed)
    status: bool = False  # the report's status or revision changed
    notes: bool = False  # comments or explanations changed
    saved: bool = False  # something was written just now: "last saved" moves on

    @classmethod
    def edited(cls, fields: list[str] | tuple[str, ...] = ()) -> OpChanges:
        """Values saved (typed, undone, redone, copied): everything derived moves too."""
        return cls(fields=tuple(fields), values=True, status=True, notes=True, saved=True)

    @property
    def any(self) -> bool:
        return bool(self.fields) or self.values or self.status or self.notes


__all__ = ["OpChanges"]
