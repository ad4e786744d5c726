"""Making a written file survive a power cut, not only a crash of the process."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Flush a file (or on POSIX a directory entry) to the disk: a rename is only durable
    once the directory is synced. Windows cannot open a directory for this; NTFS journals
    the rename itself."""
    if path.is_dir() and os.name == "nt":
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDWR
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["fsync_path"]
