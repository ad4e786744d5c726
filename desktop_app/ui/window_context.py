"""What the window's commands (report, packet, settings and upkeep actions) may use of
the main window, and nothing more: the workspace and its open report, the language, the
dialogs, the clock (the four as one ``UiContext``, handed to the dialogs they open),
and the few things they ask the window to do (leave the report,
open another, rebuild, show a change). The window satisfies it; the commands import
this module instead of ``main_window``, so the window and its commands no longer import
each other.

Imports Qt and the workspace only (names only, for type hints).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from ..workspace import Workspace
from ..workspace.changes import OpChanges
from ..workspace.session import ReportSession
from .dialogs import Dialogs
from .ui_context import UiContext

if TYPE_CHECKING:
    from ..workspace.instance_lock import InstanceLock
    from .entry_view import EntryView


class WindowContext(Protocol):
    workspace: Workspace
    dialogs: Dialogs
    today: datetime.date
    session: ReportSession | None
    entry: EntryView | None
    instance_lock: InstanceLock | None

    @property
    def lang(self) -> str: ...

    @property
    def ui(self) -> UiContext:
        """The workspace, language, dialogs and today, for a window or dialog opened now."""
        ...

    @property
    def widget(self) -> QWidget:
        """The parent of the commands' dialogs."""
        ...

    def windowTitle(self) -> str: ...

    def may_leave_report(self, closing: bool = False, *, discard: bool = True) -> bool: ...

    def report_saved(self) -> bool: ...

    def open_report(self, form_id: str | None = None, period: str | None = None) -> None: ...

    def build(self) -> None: ...

    def changed(self, changes: OpChanges) -> None:
        """Something changed the data: every view shows it."""
        ...

    def focus_problems(self) -> None: ...

    def update_status(self) -> None:
        """The report's status and revision shown again (after a receipt)."""
        ...

    def open_settings(self) -> None: ...

    def show_nothing(self) -> None:
        """No report open, no view on the database (a restore replaces it)."""
        ...

    def close(self) -> bool: ...


__all__ = ["WindowContext"]
