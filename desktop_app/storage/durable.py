"""Writing a user's file so that it survives a power cut, with the clerk's message when
the disk refuses it: ``core.durable`` does the writing (temporary file beside the target,
fsync, rename, folder fsync); this adds ``storage.full`` for a full disk or quota (and the
other ``storage.*`` codes of ``storage.errors.disk_error``), the target untouched.

Every file the application writes for the user goes through ``atomic_write`` or
``replacing`` here, or ``core.durable``'s where the caller wants the ``OSError`` itself
(``app_config``, below ``storage``; the diagnostics bundle and database copies, whose
callers word the failure themselves).

May import: ``core`` and ``storage.errors``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from ..core import durable
from ..core.durable import Content, fsync_path, temporary_beside
from .errors import disk_error


@contextlib.contextmanager
def replacing(target: Path, *, name: Path | None = None) -> Iterator[Path]:
    """``core.durable.replacing``, a refused write as an AppError (``storage.full`` for a
    full disk) naming ``name`` (default ``target``)."""
    try:
        with durable.replacing(target) as temporary:
            yield temporary
    except OSError as exc:
        raise disk_error(exc, name or target) from exc


def atomic_write(
    target: Path, content: Content, *, mode: int = 0o666, name: Path | None = None
) -> None:
    """Write ``content`` (bytes, or a function writing into a binary file) as ``target``,
    whole or not at all; AppError ``storage.full`` (or another ``storage.*``) naming
    ``name`` (default ``target``) when the disk refuses it."""
    try:
        durable.atomic_write(target, content, mode=mode)
    except OSError as exc:
        raise disk_error(exc, name or target) from exc


__all__ = ["Content", "atomic_write", "fsync_path", "replacing", "temporary_beside"]
