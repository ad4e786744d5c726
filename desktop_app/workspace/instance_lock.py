"""One window per data folder.

Two windows on the same database would each keep their own picture of the report and
their own undo stack, and the clerk would type into one while the other shows stale
figures. The window therefore holds a lock on ``.desktop-app.lock`` in the data folder
for as long as it runs; a second window on the same folder is told that one is already
open, and exits. The CLI takes no lock: it works beside the window (WAL, busy timeout).

The lock is the operating system's (``flock`` on POSIX, a byte-range lock on Windows),
not a lock *file* whose existence means "taken": the system drops it when the process
ends however it ends (a crash, the task manager, a power cut), so there is no stale
lock to detect, and taking it costs no fsync (QLockFile's ``fdatasync`` took 2-13 ms of
the measured start-up here, more on a commune's old hard disk). The file itself only
says who holds it (process id, machine, since when), for the log.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import datetime
import errno
import logging
import os
import sys
from enum import Enum
from pathlib import Path

LOCK_NAME = ".desktop-app.lock"
# Windows locks byte ranges, and a locked range cannot be read: lock a byte far past
# the text saying who holds it.
_LOCK_OFFSET = 1 << 20

log = logging.getLogger(__name__)


class LockState(Enum):
    HELD = "held"  # this process has the folder
    TAKEN = "taken"  # another window (this machine or another one) has it
    UNAVAILABLE = "unavailable"  # the folder cannot hold a lock (read-only, missing, no locks)


def _try_lock(fd: int) -> bool:
    """True if locked; False if another process holds it; OSError if locks fail here."""
    if sys.platform == "win32":  # the form mypy reads as a platform check
        import msvcrt  # exists on Windows only (as fcntl on POSIX only)

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True
    import fcntl

    try:
        # flock, not lockf: a second open of the file in the same process conflicts too.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _machine() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "?")


class InstanceLock:
    def __init__(self) -> None:
        self._fd: int | None = None
        self.directory: Path | None = None

    def acquire(self, data_dir: Path) -> LockState:
        """Take the lock of ``data_dir``; on success the lock held before (another
        folder) is released."""
        data_dir = Path(data_dir)
        if self._fd is not None and self.directory == data_dir:
            return LockState.HELD
        path = data_dir / LOCK_NAME
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            log.warning("cannot lock the data folder %s: %s", data_dir, exc)
            return LockState.UNAVAILABLE
        try:
            locked = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            log.warning("cannot lock the data folder %s: %s", data_dir, exc)
            return LockState.UNAVAILABLE
        if not locked:
            os.close(fd)
            log.info("data folder %s is in use: %s", data_dir, holder(data_dir))
            return LockState.TAKEN
        self.release()
        self._fd, self.directory = fd, data_dir
        self._say_who(fd)
        return LockState.HELD

    @staticmethod
    def _say_who(fd: int) -> None:
        since = datetime.datetime.now().isoformat(timespec="seconds")
        text = f"pid {os.getpid()} on {_machine()} since {since}\n".encode()
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text)
        except OSError:
            pass  # a full disk: the lock holds all the same

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock; the file stays (no race on it)
            self._fd = None
            self.directory = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __del__(self) -> None:
        self.release()


def holder(data_dir: Path) -> str:
    """What the lock file says about its holder (may be stale once it is free)."""
    try:
        with open(Path(data_dir) / LOCK_NAME, "rb") as handle:
            return handle.read(200).decode("utf-8", errors="replace").strip()
    except OSError:
        return "?"


__all__ = ["LOCK_NAME", "InstanceLock", "LockState", "holder"]
