"""Moving the data directory (Settings → data folder). The database is copied with
SQLite's backup API, never by copying a file that may be mid-write; the old folder is
left as it was, so a failed move loses nothing.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..app_config import config_file, remember_data_dir
from ..core.messages import AppError, Text
from ..storage.backups import write_copy
from ..storage.errors import disk_error
from .workspace import DATABASE_NAME, Workspace, own_forms_dir, published_forms_dir


def move_workspace(ws: Workspace, target: Path) -> Workspace:
    """Open ``target`` as the data directory (copying this database there if it holds
    none yet), remember the choice, and close ``ws``. Returns the new workspace."""
    target = Path(target)
    destination = target / DATABASE_NAME
    try:
        target.mkdir(parents=True, exist_ok=True)
        if not destination.exists():
            write_copy(ws.db.conn, destination)
        # The forms this folder imported go with its reports, which need them to open.
        for folder in (own_forms_dir, published_forms_dir):
            for form_file in sorted(folder(ws.data_dir).glob("*.yaml")):
                copied = folder(target) / form_file.name
                if not copied.exists():
                    copied.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(form_file, copied)
    except OSError as exc:
        raise AppError(
            "data_dir.unusable",
            Text(
                f"Không dùng được thư mục {target}: {exc.strerror or exc}",
                f"Cannot use the folder {target}: {exc.strerror or exc}",
            ),
        ) from exc
    moved = Workspace.open(target, forms=ws.forms)
    try:
        remember_data_dir(target)
    except OSError as exc:  # the choice not remembered: the move did not happen
        moved.close()
        raise disk_error(exc, config_file()) from exc
    ws.close()
    return moved
