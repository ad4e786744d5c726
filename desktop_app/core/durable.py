"""The one way a file is written whole: a temporary file beside it with a name no other
writer uses, synced to the disk, renamed over the target, and the folder synced.

In ``core``, the lowest layer, so that there is one implementation for every writer:
``app_config`` (which ``core.units`` reaches through ``paths``, so it may not import
``storage``) and ``core.forms``'s cache use it directly; ``storage`` and everything above
go through ``storage.durable``, which adds the clerk's message for a full disk. Raises
the ``OSError`` as it comes; the target is then untouched and no temporary file is left.

May import: the standard library only.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

Content = bytes | bytearray | memoryview | Callable[[BinaryIO], object]


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


@contextlib.contextmanager
def replacing(target: Path, *, sync: bool = True, temporary: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` for the caller to write whole (by any
    means: a zip, an SQLite backup); on a normal exit it is synced and renamed over
    ``target`` and the folder synced. On any exception the temporary file is removed and
    ``target`` keeps what it held. ``sync=False`` only for a rebuildable cache.
    ``temporary``: a fixed name of the caller's instead (in the same folder), for a writer
    that holds a lock and whose leftovers a clean-up looks for by name."""
    target = Path(target)
    temporary = Path(temporary) if temporary is not None else temporary_beside(target)
    try:
        yield temporary
        if sync:
            fsync_path(temporary)
        os.replace(temporary, target)
    except BaseException:
        # A read-only medium says EROFS even for a missing file: cleaning up must never
        # hide the failure being reported.
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    if sync:
        fsync_path(target.parent)


def atomic_write(target: Path, content: Content, *, mode: int = 0o666, sync: bool = True) -> None:
    """Write ``content`` (bytes, or a function writing into a binary file) as ``target``,
    whole or not at all. ``mode`` as for ``os.open`` (0o600: the owner only)."""
    with replacing(target, sync=sync) as temporary:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, (bytes, bytearray, memoryview)):
                handle.write(content)
            else:
                content(handle)


__all__ = ["Content", "atomic_write", "fsync_path", "replacing", "temporary_beside"]
