"""The guard on what the clerk typed: before a report is left (another report, the
language, Settings, a restore, closing) or exported, what is being typed is saved; text
that still cannot be saved (a value not accepted, a save that failed) is never dropped
unasked. Kept out of main_window.py.

Imports Qt and this package's views (for type hints).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from .dialogs import Dialogs

if TYPE_CHECKING:
    from .entry_view import EntryView
    from .problems_panel import ProblemsPanel


def unsaved_after_commit(entry: EntryView | None, problems: ProblemsPanel) -> list[str]:
    """The fields whose typed text is still unsaved once the one being typed is saved."""
    if entry is None:
        return []
    problems.commit_explanation()  # an explanation being typed is saved too
    entry.commit_pending()
    return entry.unsaved_fields()


class LeaveGuard(QObject):
    def __init__(self, parent: QWidget, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.dialogs = dialogs

    def may_leave(
        self,
        entry: EntryView | None,
        problems: ProblemsPanel,
        *,
        closing: bool = False,
        discard: bool = True,
    ) -> bool:
        """Save what is being typed; if some typed text still cannot be saved, say so and
        ask before it is dropped. The clerk who says no is taken to the first such field.
        With ``discard`` False the text is left in place after a yes: the caller drops it
        once it really leaves."""
        unsaved = unsaved_after_commit(entry, problems)
        if not unsaved or entry is None:
            return True
        if closing:
            question = self.tr(
                "%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu đóng bây giờ, nội "
                "dung vừa nhập ở các ô đó sẽ mất.\n\nVẫn đóng phần mềm?",
                "",
                len(unsaved),
            )
        else:
            question = self.tr(
                "%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu chuyển đi bây giờ, "
                "nội dung vừa nhập ở các ô đó sẽ mất.\n\nVẫn chuyển?",
                "",
                len(unsaved),
            )
        parent = self.parent_widget
        if not self.dialogs.confirm(parent, parent.windowTitle(), question):
            entry.go_to_field(unsaved[0])
            return False
        if discard:
            entry.discard_unsaved()
        return True

    def all_saved(
        self,
        entry: EntryView | None,
        problems: ProblemsPanel,
        show_message: Callable[[str, int], None],
    ) -> bool:
        """Save the field being typed. False if some typed text cannot be saved: the clerk
        is taken to the first such field and the status bar says how many there are."""
        unsaved = unsaved_after_commit(entry, problems)
        if not unsaved or entry is None:
            return True
        entry.go_to_field(unsaved[0])
        show_message(
            self.tr("%n ô chưa lưu được: sửa nội dung đang đánh dấu đỏ dưới ô.", "", len(unsaved)),
            10000,
        )
        return False


__all__ = ["LeaveGuard", "unsaved_after_commit"]
