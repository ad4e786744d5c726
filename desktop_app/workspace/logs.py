"""The application's log: ``logs/desktop-app.log`` in the data directory, rotated at
1 MB with five older files kept (``.1`` … ``.5``), written by the window and the CLI.

It is what the district's IT officer reads when a clerk says "it did not work": start-up
(version, data folder), exports, receives (one line per file with its verdict), backups
and restores, refusals by code, and unexpected errors with their tracebacks.

Never a passphrase, a PIN or a value typed: callers log codes, file names, counts and
verdicts, never what the clerk entered (a CLI line names its command, not its arguments).
Tracebacks keep their frames but not what the exceptions say (``Redacting``): a library's
message may quote the value it choked on (openpyxl's did, a whole pasted paragraph).

The handler is the standard ``RotatingFileHandler`` with what two processes sharing the
file need (see ``RotatingLog``). ``logging.handlers`` costs the start-up ~7-11 ms (it
imports ``socket``), within the 2.0 x room of issue 15.

May import: ``core`` and the standard library.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from .. import __version__
from ..core.messages import AppError

LOG_DIR = "logs"
LOG_NAME = "desktop-app.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
ROOT_LOGGER = "desktop_app"
FORMAT = "%(asctime)s %(levelname)-7s [%(process)d] %(name)s: %(message)s"

log = logging.getLogger(__name__)


class RotatingLog(RotatingFileHandler):
    """``logging.handlers.RotatingFileHandler`` (``.1`` … ``.5``, the oldest dropped) made
    safe for the two processes that may share the file (the window and a CLI command):

    - after the other one rotated, this one follows the new file instead of writing on
      into the renamed one (checked before each record, like ``WatchedFileHandler``);
    - the size is counted in bytes (Vietnamese text is longer in UTF-8 than in characters);
    - a rotation that fails (on Windows while the other one holds the file open) leaves
      the record in the current file and is tried again with the next one;
    - a failed write is said once on stderr: a log line is never worth an error.
    """

    def __init__(
        self, path: Path, max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT
    ) -> None:
        super().__init__(
            path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
        )
        self._failed = False

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self.stream is not None and self._moved():
            self.stream.close()  # the other process rotated it: write to the new file
            self.stream = None
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)  # another process may have written meanwhile
        size = self.stream.tell()
        return size > 0 and size + len(self.format(record).encode("utf-8")) + 1 > self.maxBytes

    def doRollover(self) -> None:
        # Failing, the record goes to the current file; the next one tries again.
        with contextlib.suppress(OSError):
            super().doRollover()

    def handleError(self, record: logging.LogRecord) -> None:
        # A full disk or a pulled USB stick: say so once on stderr, not at every record
        # (the CLI's output would drown), and go on without the line.
        if not self._failed:
            self._failed = True
            print(f"desktop-app: cannot write the log {self.baseFilename}", file=sys.stderr)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last lines could not be flushed: see handleError
            self.stream = None

    def _moved(self) -> bool:
        """Whether the file this handler writes is no longer the one named ``path``."""
        assert self.stream is not None
        try:
            named = os.stat(self.baseFilename)
        except FileNotFoundError:
            return True
        mine = os.fstat(self.stream.fileno())
        return (named.st_dev, named.st_ino) != (mine.st_dev, mine.st_ino)


WITHHELD = "(message withheld from the log: it may hold a typed value)"


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and the exceptions it was raised from or during, oldest first."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        cause = current.__cause__
        current = (
            cause if cause is not None or current.__suppress_context__ else current.__context__
        )
    return chain[::-1]


def redacted_traceback(error: BaseException, tb: TracebackType | None = None) -> str:
    """A traceback with every frame (file, line, function, source line) and each
    exception's type, but none of their messages or notes; an ``AppError`` keeps its
    code. Source lines are the application's code, never data."""
    lines: list[str] = []
    chain = _chain(error)
    for index, item in enumerate(chain):
        if index:
            lines.append("\nThe above exception led to the following one:\n\n")
        lines.append("Traceback (most recent call last):\n")
        frames = item.__traceback__ if item is not error or tb is None else tb
        lines.extend(traceback.format_list(traceback.extract_tb(frames)))
        kind = type(item)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else f"{kind.__module__}.{kind.__qualname__}"
        )
        code = f" [{item.code}]" if isinstance(item, AppError) else ""
        lines.append(f"{name}{code}: {WITHHELD}\n")
    return "".join(lines).rstrip("\n")


class Redacting(logging.Formatter):
    """The log's formatter: tracebacks through ``redacted_traceback``."""

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        kind, error, tb = ei
        if error is None:
            return f"{getattr(kind, '__qualname__', kind)}: {WITHHELD}"
        return redacted_traceback(error, tb)

    def formatStack(self, stack_info: str) -> str:
        return stack_info  # frames only: logging's own stack_info holds no values


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_NAME


def log_files(data_dir: Path) -> list[Path]:
    """The current log and its rotated predecessors that exist, newest first."""
    current = log_path(data_dir)
    candidates = [current] + [
        current.with_name(f"{LOG_NAME}.{i}") for i in range(1, BACKUP_COUNT + 1)
    ]
    return [p for p in candidates if p.is_file()]


def _current_handler(logger: logging.Logger) -> RotatingLog | None:
    return next((h for h in logger.handlers if isinstance(h, RotatingLog)), None)


def start_logging(data_dir: Path, kind: str) -> Path | None:
    """Send the application's log to ``data_dir``'s log file and log the start-up;
    ``kind`` says who started ("window", "cli export", ...). Returns the file, or None
    if it cannot be written (a read-only folder): the application runs on without a log.

    Called again with another folder (Settings moved the data), it switches files."""
    logger = logging.getLogger(ROOT_LOGGER)
    target = log_path(data_dir).absolute()
    handler = _current_handler(logger)
    if handler is not None and Path(handler.baseFilename) == target:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = RotatingLog(target)
        fresh.setFormatter(Redacting(FORMAT))
        fresh.stream = fresh._open()  # fails now, not at the first record
    except OSError as exc:
        print(f"desktop-app: cannot write the log {target}: {exc}", file=sys.stderr)
        return None
    if handler is not None:
        logger.removeHandler(handler)
        handler.close()
    logger.addHandler(fresh)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    log_startup(data_dir, kind)
    return target


def stop_logging() -> None:
    """Close the log file (tests, and before a data folder is given up)."""
    logger = logging.getLogger(ROOT_LOGGER)
    handler = _current_handler(logger)
    if handler is not None:
        logger.removeHandler(handler)
        handler.close()


def os_brief() -> str:
    """The system in a few words, cheaply: ``platform.platform()`` reads the Python
    binary to find the C library (~6 ms), too much for every start; the About window
    shows the full description."""
    if hasattr(os, "uname"):
        name = os.uname()
        return f"{name.sysname} {name.release} {name.machine}"
    version = sys.getwindowsversion()  # type: ignore[attr-defined]
    return f"Windows {version.major}.{version.minor}.{version.build}"


def log_startup(data_dir: Path, kind: str) -> None:
    log.info(
        "start %s: desktop-app %s, Python %s, %s, data folder %s",
        kind,
        __version__,
        sys.version.split()[0],
        os_brief(),
        Path(data_dir).absolute(),
    )


def tail(data_dir: Path, lines: int = 200, max_bytes: int = 256_000) -> str:
    """The last ``lines`` lines of the current log ("" if there is none), read from the
    end: the file may be a megabyte and the About window opens at once."""
    path = log_path(data_dir)
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except OSError:
        return ""
    text = data.decode("utf-8", errors="replace")
    if len(data) < size:  # started mid-file: drop the partial first line
        text = text.partition("\n")[2]
    return "\n".join(text.splitlines()[-lines:])


def log_refusal(logger: logging.Logger, action: str, error: BaseException) -> None:
    """A refused action: its code for an AppError (its message names files, not values
    typed), the traceback for anything else."""
    if isinstance(error, AppError):
        logger.info("%s refused: %s", action, error.code)
    else:
        with contextlib.suppress(Exception):
            logger.error("%s failed", action, exc_info=error)


__all__ = [
    "BACKUP_COUNT",
    "MAX_BYTES",
    "Redacting",
    "RotatingLog",
    "log_files",
    "log_path",
    "log_refusal",
    "redacted_traceback",
    "start_logging",
    "stop_logging",
    "tail",
]
