"""Long work off the GUI thread, with a progress dialog and Cancel.

The work is a plain function ``work(progress) -> result`` from the layers below (they
know nothing of Qt). It runs on a thread pool (Qt's global one unless the owner gives
another: tests give one that runs the work inline, on the calling thread); its progress, result or error
come back as signals, delivered on the GUI thread. The worker never touches widgets, and
one that needs the database opens its own connection (:func:`in_workspace`): SQLite
connections stay on the thread that made them.

The progress dialog appears only if the work lasts more than half a second, so quick
jobs do not flash a window. Cancel raises :class:`Cancelled` from the next progress
call; the layers below write only in their last step, so a cancelled job leaves nothing
behind.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.progress import Cancelled, CancelToken, Progress

SHOW_AFTER_MS = 500
log = logging.getLogger(__name__)
Work = Callable[[Progress], Any]


class Pool(Protocol):
    """Where the work runs: ``QThreadPool`` or anything with its ``start``."""

    def start(self, runnable: QRunnable) -> None: ...


class _Relay(QObject):
    # Created on the GUI thread, so signals emitted from the worker are queued to it.
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, work: Work, token: CancelToken, relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.token = token
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work(self.token.progress(self.relay.progress.emit))
        except Cancelled:
            self.relay.cancelled.emit()
        except Exception as error:  # reported to the user by the task's owner
            from ..workspace.logs import log_refusal

            log_refusal(log, "background task", error)  # a traceback if unexpected
            self.relay.failed.emit(error)
        else:
            self.relay.finished.emit(result)


class BackgroundTask(QObject):
    """One job: ``start()`` it, then listen to ``finished(result)``, ``failed(error)``
    or ``cancelled()``; ``done`` fires after any of the three."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()
    progressed = Signal(int, int)  # done, total: for a count shown beside the dialog's bar

    def __init__(self, parent: QWidget, label: str, work: Work, pool: Pool | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.pool = pool
        self.token = CancelToken()
        self.relay = _Relay()
        self.running = False
        self.dialog = QProgressDialog(label, self.tr("Hủy"), 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(parent.windowTitle())
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.reset()  # hidden until start(); reset() stops its own show timer
        self.relay.progress.connect(self._progress)
        self.relay.finished.connect(lambda result: self._end(self.finished, result))
        self.relay.failed.connect(lambda error: self._end(self.failed, error))
        self.relay.cancelled.connect(lambda: self._end(self.cancelled))

    def start(self) -> None:
        self.running = True
        self.dialog.setRange(0, 0)
        self.dialog.setValue(0)  # starts the minimum-duration timer
        pool = self.pool if self.pool is not None else QThreadPool.globalInstance()
        pool.start(_Runnable(self.work, self.token, self.relay))

    def cancel(self) -> None:
        self.token.cancel()
        self.dialog.setLabelText(self.tr("Đang hủy…"))

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _end(self, signal: Any, *payload: object) -> None:
        self.running = False
        self.dialog.reset()
        self.dialog.hide()
        signal.emit(*payload)
        self.done.emit()


def error_text(error: BaseException, lang: str) -> str:
    """A refused input shows its own message; anything else is a fault worth reporting."""
    from ..core.messages import AppError

    if isinstance(error, AppError):
        return error.message.pick(lang)
    if lang == "en":
        return f"Unexpected error: {type(error).__name__}: {error}"
    return f"Lỗi không lường trước: {type(error).__name__}: {error}"


def in_workspace(data_dir: Path, job: Callable[[Any, Progress], Any]) -> Work:
    """Work that runs ``job(workspace, progress)`` on its own connection to ``data_dir``."""

    def work(progress: Progress) -> Any:
        from ..workspace import Workspace

        with Workspace.open(data_dir) as ws:
            return job(ws, progress)

    return work


__all__ = ["BackgroundTask", "Pool", "error_text", "in_workspace"]
