"""Progress reporting and cancelling for long work, without Qt.

Long operations (export, receive, consolidate) take a plain ``progress(done, total)``
callback. Cancelling is the caller's callback raising :class:`Cancelled`: the operation
stops at its next step and, because every operation writes only in its final
transaction, leaves nothing half done. The window wraps this in a worker thread
(``ui/background.py``); the CLI passes no callback.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised from a progress callback to stop the work in progress."""


class CancelToken:
    """Set from one thread (the window's Cancel button), checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def progress(self, report: Progress | None = None) -> Progress:
        """A progress callback that forwards to ``report`` and raises :class:`Cancelled`
        once the token is cancelled, except on the last step: work reported as finished
        has already been committed and is not undone by a late click."""

        def step(done: int, total: int) -> None:
            if report is not None:
                report(done, total)
            if self.cancelled and done < total:
                raise Cancelled

        return step


def no_progress(_done: int, _total: int) -> None:
    """The default callback: report nothing, never cancel."""


__all__ = ["CancelToken", "Cancelled", "Progress", "no_progress"]
