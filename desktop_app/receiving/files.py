"""The received files themselves, kept in the data directory: ``received/ab/abcdef….zip``,
named by the sha256 of their bytes, for every file received, rejected ones included.

Named by content, a file received twice is kept once, and a copy whose transaction
failed is simply reused next time. The bytes are on disk (fsynced) before the database
row that points at them is committed: a power cut never leaves a row without its file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..storage.durable import fsync_path

RECEIVED_DIR = "received"


@dataclass(frozen=True)
class Incoming:
    """One file as read for receiving: its bytes (None when too large to read at all)."""

    path: Path
    size: int
    sha256: str
    data: bytes | None


def read_incoming(path: Path, max_bytes: int) -> Incoming:
    """Read a file for receiving; a file over ``max_bytes`` is hashed in chunks and not
    kept in memory (it will be refused as too large). OSError propagates."""
    size = path.stat().st_size
    if size <= max_bytes:
        data = path.read_bytes()
        return Incoming(path, len(data), hashlib.sha256(data).hexdigest(), data)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return Incoming(path, size, digest.hexdigest(), None)


def stored_name(sha256: str, suffix: str) -> str:
    """The kept copy's path relative to the data directory."""
    clean = suffix.lower() if suffix.lower() in (".zip", ".p7s", ".json") else ".bin"
    return f"{RECEIVED_DIR}/{sha256[:2]}/{sha256}{clean}"


def keep(data_dir: Path, incoming: Incoming) -> str | None:
    """Write the bytes under their sha256 (once) and return the relative path; None when
    the file was too large to read (only its row and hash are kept)."""
    if incoming.data is None:
        return None
    relative = stored_name(incoming.sha256, incoming.path.suffix)
    target = Path(data_dir) / relative
    if target.is_file() and target.stat().st_size == incoming.size:
        return relative
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(incoming.data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)  # the hash's name only ever holds the whole file
    fsync_path(target.parent)  # the rename too, before the row that names the file commits
    return relative


__all__ = ["RECEIVED_DIR", "Incoming", "keep", "read_incoming", "stored_name"]
