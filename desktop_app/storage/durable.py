"""Making a written file survive a power cut, not only a crash of the process."""

from __future__ import annotations

import os
import secrets
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


def temporary_beside(target: Path) -> Path:
    """A temporary name in ``target``'s folder that no other writer uses: two processes
    writing the same file at once (two exports, two receives) each write their own, and
    the rename puts one whole file under the real name. Starts with a dot (hidden)."""
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    return Path(target).with_name(f".{Path(target).name}.{token}.part")


__all__ = ["fsync_path", "temporary_beside"]
