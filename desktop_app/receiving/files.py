"""The received files themselves, kept in the data directory: ``received/ab/abcdef….zip``,
named by the sha256 of their bytes, for every file received, rejected ones included.

Named by content, a file received twice is kept once, and a copy whose transaction
failed is simply reused next time. The bytes are on disk (fsynced) before the database
row that points at them is committed: a power cut never leaves a row without its file.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..storage.durable import atomic_write
from ..storage.errors import disk_error

RECEIVED_DIR = "received"


@dataclass(frozen=True)
class Incoming:
    """One file as read for receiving: its bytes (None when too large to read at all)."""

    path: Path
    size: int
    sha256: str
    data: bytes | None


class NotAFile(Exception):
    """The path names something that is not a regular file (a FIFO, a device such as
    /dev/zero, a socket, a folder): never read, since reading it could hang or never end."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str:
    """ "file", "folder", "link", "fifo", "device" or "socket" for an ``st_mode``."""
    for test, kind in (
        (stat.S_ISREG, "file"), (stat.S_ISDIR, "folder"), (stat.S_ISLNK, "link"),
        (stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"),
    ):  # fmt: skip
        if test(mode):
            return kind
    return "device"


def read_incoming(path: Path, max_bytes: int) -> Incoming:
    """Read a file for receiving; a file over ``max_bytes`` is hashed in chunks (up to
    the size it had when opened) and not kept in memory (it will be refused as too
    large). NotAFile for anything but a regular file; OSError propagates.

    Opened without blocking and checked on the open handle, not by name first: a FIFO
    would otherwise hang the open, and a name can be swapped between a check and the
    open. A file that grows while it is read is read up to ``max_bytes`` + 1, never more.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind != "file":
            raise NotAFile(kind)
        size = os.fstat(fd).st_size
        if size <= max_bytes:
            data = handle.read(max_bytes + 1)
            if len(data) <= max_bytes:
                return Incoming(path, len(data), hashlib.sha256(data).hexdigest(), data)
            size = max(size, len(data))
            handle.seek(0)
        digest = hashlib.sha256()
        remaining = size
        while remaining > 0:
            chunk = handle.read(min(remaining, 1 << 20))
            if not chunk:
                break
            digest.update(chunk)
            remaining -= len(chunk)
    return Incoming(path, size, digest.hexdigest(), None)


def stored_name(sha256: str, suffix: str) -> str:
    """The kept copy's path relative to the data directory."""
    clean = suffix.lower() if suffix.lower() in (".zip", ".p7s", ".json") else ".bin"
    return f"{RECEIVED_DIR}/{sha256[:2]}/{sha256}{clean}"


def keep(data_dir: Path, incoming: Incoming) -> str | None:
    """Write the bytes under their sha256 (once) and return the relative path; None when
    the file was too large to read (only its row and hash are kept). AppError
    ``storage.full`` (or another ``storage.*``) when the disk refuses the copy; no
    partial file is left behind.

    Each writer has a temporary file of its own (two receives of the same packet at once
    each write theirs, and the rename puts one whole copy under the hash's name)."""
    if incoming.data is None:
        return None
    relative = stored_name(incoming.sha256, incoming.path.suffix)
    target = Path(data_dir) / relative
    if target.is_file() and target.stat().st_size == incoming.size:
        return relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise disk_error(exc, incoming.path) from exc
    # The hash's name only ever holds the whole file, synced with its folder before the
    # row that names it commits.
    atomic_write(target, incoming.data, name=incoming.path)
    return relative


def discard(data_dir: Path, relative: str) -> None:
    """Remove a kept copy (one that no row names, after a receive that stopped)."""
    with contextlib.suppress(OSError):
        (Path(data_dir) / relative).unlink()


__all__ = [
    "RECEIVED_DIR",
    "Incoming",
    "NotAFile",
    "discard",
    "file_kind",
    "keep",
    "read_incoming",
    "stored_name",
]
