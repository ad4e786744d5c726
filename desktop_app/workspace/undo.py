"""Undo and redo of the clerk's edits in the entry window: each step a group of field
changes (one typed value, or the fields copied from last period at once), undone or
redone as a whole.

The stack only remembers; the session saves an undo or a redo like any edit, so the
audit log shows it and a power cut keeps it.

May import: ``core``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..core.values import Value

Apply = Callable[[Mapping[str, Value]], object]  # saves field id → value


@dataclass(frozen=True)
class Edit:
    field_id: str
    old: Value
    new: Value


@dataclass
class UndoStack:
    done: list[list[Edit]] = field(default_factory=list)
    undone: list[list[Edit]] = field(default_factory=list)

    def push(self, group: list[Edit]) -> None:
        """A new step; it ends what could have been redone."""
        if group:
            self.done.append(group)
            self.undone.clear()

    def undo(self, apply: Apply) -> list[str]:
        """Save the values before the last step through ``apply``; the fields touched."""
        if not self.done:
            return []
        group = self.done.pop()
        apply({e.field_id: e.old for e in reversed(group)})
        self.undone.append(group)
        return [e.field_id for e in group]

    def redo(self, apply: Apply) -> list[str]:
        """Save again the values of the last step undone; the fields touched."""
        if not self.undone:
            return []
        group = self.undone.pop()
        apply({e.field_id: e.new for e in group})
        self.done.append(group)
        return [e.field_id for e in group]


__all__ = ["Edit", "UndoStack"]
