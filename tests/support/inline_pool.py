"""A thread pool that runs the work inline, on the calling thread, for
``desktop_app.ui.background.BackgroundTask``: the task's result, error or cancellation
has arrived when ``start()`` returns, so a test needs no wait (Picard's
``FakeThreadPool``). The work itself is the real one."""

from __future__ import annotations

from PySide6.QtCore import QRunnable


class InlinePool:
    def __init__(self) -> None:
        self.started = 0  # how many jobs were given to the pool

    def start(self, runnable: QRunnable) -> None:
        self.started += 1
        runnable.run()


__all__ = ["InlinePool"]
