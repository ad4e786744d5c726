"""One at a time in a data folder: an operating-system lock that a second process waits
for (receiving packets takes it, so two ``receive`` runs on one folder, or the window
and the command line, follow each other instead of interleaving file by file).

The lock is the system's (``flock`` on POSIX, a byte-range lock on Windows), like the
window's instance lock: the system drops it when the process ends however it ends, so
there is never a stale lock to clear.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

_WINDOWS_RETRY_S = 0.2


def _lock(fd: int, blocking: bool) -> bool:
    """True once locked; False if another process holds it and ``blocking`` is false."""
    if sys.platform == "win32":  # the form mypy reads as a platform check
        import msvcrt  # exists on Windows only (as fcntl on POSIX only)

        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not blocking:
                    return False
                time.sleep(_WINDOWS_RETRY_S)
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def exclusive(path: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the lock on ``path`` (created if needed); if another process holds it, call
    ``on_wait()`` once and wait for it. A folder that cannot hold a lock file (read-only)
    is not locked: what follows will report that it cannot write there."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    except OSError:
        yield
        return
    try:
        if not _lock(fd, blocking=False):
            on_wait()
            _lock(fd, blocking=True)
        yield
    finally:
        os.close(fd)  # closing releases the lock


__all__ = ["exclusive"]
