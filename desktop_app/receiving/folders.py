"""What receiving takes from the paths it is given: each file named, and a folder's
``.zip`` files; everything else a folder holds is skipped with the reason (issue 14 §6).

Entries of a folder are looked at without following links, and only regular files are
read: a FIFO would hang the read, a device such as /dev/zero never ends, a link can lead
anywhere (out of the folder, into a loop), a sub-folder is not the officer's choice.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.messages import Text
from . import files

PACKET_SUFFIX = ".zip"


@dataclass(frozen=True)
class Skipped:
    """Something in a folder that is not received, and why (``receive.skipped_*``)."""

    path: Path
    code: str
    reason: Text

    def as_dict(self) -> dict[str, str]:
        return {"path": str(self.path), "code": self.code, "vi": self.reason.vi,
                "en": self.reason.en}  # fmt: skip


def _natural(path: Path) -> list[Any]:
    # r2 before r10: a folder holding several revisions is received oldest first.
    return [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", path.name)]


_SKIP_REASONS = {
    "folder": Text(
        "thư mục con (không đọc thư mục con)", "a sub-folder (sub-folders are not read)"
    ),
    "link": Text("liên kết (symlink/shortcut), không đi theo", "a link (symlink), not followed"),
    "fifo": Text("đường ống (FIFO), không phải tệp", "a pipe (FIFO), not a file"),
    "socket": Text("socket, không phải tệp", "a socket, not a file"),
    "device": Text(
        "thiết bị (như /dev/zero), không phải tệp", "a device (like /dev/zero), not a file"
    ),
    "not_zip": Text("không phải tệp .zip", "not a .zip file"),
}


def _skipped(path: Path, kind: str) -> Skipped:
    return Skipped(path, f"receive.skipped_{kind}", _SKIP_REASONS[kind])


def _folder_items(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """A folder's packets, and what else it holds with the reason each is not read.

    Entries are looked at without following links and only regular files are read: a
    FIFO would hang the read, a device such as /dev/zero never ends, a link can lead
    anywhere (out of the folder, into a loop)."""
    chosen: list[Path] = []
    skipped: list[Skipped] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            item = Path(entry.path)
            try:
                kind = files.file_kind(entry.stat(follow_symlinks=False).st_mode)
            except OSError:
                kind = "file"  # vanished or unreadable: receiving it says which
            if kind != "file":
                skipped.append(_skipped(item, kind))
            elif item.suffix.lower() == PACKET_SUFFIX and not item.name.startswith("."):
                chosen.append(item)
            else:
                skipped.append(_skipped(item, "not_zip"))
    return chosen, skipped


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """(files to receive, what is skipped and why): a folder gives its ``.zip`` files (not
    its sub-folders, links or special files); files named explicitly are all received,
    whatever their name (and refused if they are not regular files)."""
    chosen: list[Path] = []
    skipped: list[Skipped] = []
    for path in map(Path, paths):
        if not path.is_dir():
            chosen.append(path)
            continue
        found, passed = _folder_items(path)
        chosen += found
        skipped += passed
    return sorted(chosen, key=_natural), sorted(skipped, key=lambda s: _natural(s.path))


__all__ = ["PACKET_SUFFIX", "Skipped", "collect"]
