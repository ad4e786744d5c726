"""What every window and dialog of the application is given, as one object: the data
folder's workspace, the language it speaks, the modal questions (``Dialogs``, replaced by
a script in tests) and the day it takes as today (fixed in tests and screenshots). The
idea is Dangerzone's ``DangerzoneGui``: one object handed down instead of four arguments
threaded through every constructor.

It is frozen, a picture taken when a window opens: the main window's workspace and
language can change under it (a restore, a move of the data folder, the language menu),
and a dialog or board already open keeps the ones it was opened with, as it always has.
The main window makes a new one each time it opens something (``MainWindow.ui``).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..workspace import Workspace
from .dialogs import Dialogs


@dataclass(frozen=True)
class UiContext:
    workspace: Workspace
    dialogs: Dialogs
    today: datetime.date
    lang: str

    @classmethod
    def of(
        cls,
        workspace: Workspace,
        dialogs: Dialogs | None = None,
        *,
        today: datetime.date | None = None,
        lang: str | None = None,
    ) -> UiContext:
        """The context for ``workspace``: by default real message boxes, the real date
        and the language of the unit's profile (Vietnamese before there is one)."""
        if lang is None:
            profile = workspace.profile
            lang = profile.language if profile else "vi"
        return cls(workspace, dialogs or Dialogs(), today or datetime.date.today(), lang)


__all__ = ["UiContext"]
