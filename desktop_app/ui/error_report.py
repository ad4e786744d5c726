"""Unexpected errors in the window: logged with their traceback and told to the clerk,
instead of a traceback on a console nobody sees and a window that silently stops
responding to one button.

An exception escaping a Qt slot reaches ``sys.excepthook`` (PySide6 prints it there and
goes on); the hook installed here writes it to the log and shows one message box — one
at a time, however many follow. An ``AppError`` that escaped (a full disk while writing
a comment, say) shows its own message: it is the user's to act on. Errors in plain
threads are logged only: they have no window to speak in.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..core.messages import AppError
from .dialogs import Dialogs
from .unit_words import receiver

log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """``hook`` is the ``sys.excepthook``; ``window()`` gives the widget to speak over
    (its ``dialogs`` and ``lang`` when it has them)."""

    def __init__(
        self, window: Callable[[], QWidget | None], dialogs: Dialogs | None = None
    ) -> None:
        super().__init__()
        self.window = window
        self.dialogs = dialogs
        self.showing = False
        self.reported = 0
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self.thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def hook(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._previous_hook(kind, error, tb)
            return
        self.reported += 1
        try:
            log.error("unexpected error", exc_info=(kind, error, tb))
        except Exception:  # a log that cannot be written must not hide the error
            traceback.print_exception(kind, error, tb)
        if self.showing:
            return  # one box at a time: an error inside a paint event would repeat
        self.showing = True
        try:
            self._tell(error)
        finally:
            self.showing = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        log.error(
            "unexpected error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    def _tell(self, error: BaseException) -> None:
        window = self.window()
        dialogs = self.dialogs or getattr(window, "dialogs", None) or Dialogs()
        lang = getattr(window, "lang", "vi")
        title = self.tr("Lỗi")
        if isinstance(error, AppError):
            dialogs.error(window, title, error.message.pick(lang))
            return
        text = self.tr(
            "Đã xảy ra lỗi không lường trước (%1).\n\n"
            "Số liệu đã lưu không bị mất; hãy kiểm tra lại ô vừa nhập. Chi tiết đã được "
            "ghi vào nhật ký. Nếu lỗi lặp lại, hãy gửi gói chẩn đoán (Trợ giúp → Giới "
            "thiệu và chẩn đoán… → Lưu gói chẩn đoán…) cho cán bộ CNTT của %2."
        )
        text = text.replace("%1", type(error).__name__).replace(
            "%2", receiver(getattr(window, "workspace", None), lang)
        )
        dialogs.error(window, title, text)


__all__ = ["ErrorReporter"]
