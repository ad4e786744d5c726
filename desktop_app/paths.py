"""Where the user's files live: the data folder (chosen, from the environment, or the
platform's default) and the cache. The files that ship with the application are found by
``desktop_app.core.bundle``.

May import: ``app_config`` and platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from .app_config import APP_AUTHOR, APP_NAME, chosen_data_dir

DATA_DIR_ENV = "DESKTOP_APP_DATA_DIR"


def default_data_dir() -> Path:
    """The user's data directory, unless DESKTOP_APP_DATA_DIR or --data-dir says otherwise,
    or the clerk chose another one in the window (remembered by app_config)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    chosen = chosen_data_dir()
    if chosen is not None:
        return chosen
    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def cache_dir() -> Path:
    """Rebuildable files (checked forms); safe to delete at any time."""
    return Path(user_cache_dir(APP_NAME, APP_AUTHOR)) / "forms"


DOCUMENTS_FOLDER = "BaoCaoCNTT"  # ASCII: the folder is copied to USB sticks and old PCs


def documents_dir(data_dir: Path) -> Path:
    """The unit's documents folder, where every file dialog starts and exported packets,
    receipts and reports go unless the clerk chose elsewhere: ``BaoCaoCNTT`` in the
    user's Documents folder, created on first use (a file dialog shown a folder that does
    not exist opens in the program's own folder, or greys out its "Choose" button).
    When Documents cannot be written (a locked-down profile), ``BaoCaoCNTT`` in the data
    folder instead; the data folder itself as the last resort."""
    from platformdirs import user_documents_dir

    for folder in (Path(user_documents_dir()) / DOCUMENTS_FOLDER, data_dir / DOCUMENTS_FOLDER):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return data_dir


def dialog_start(data_dir: Path, wanted: str | Path | None = None, file_name: str = "") -> str:
    """Where a file dialog opens: ``wanted`` (a folder, or a file to save) when its folder
    exists, else the unit's documents folder (with ``file_name`` for a save dialog)."""
    if wanted:
        path = Path(wanted)
        if path.is_dir() or (file_name and path.parent.is_dir() and not path.exists()):
            return str(path)
        if path.is_file() and path.parent.is_dir():
            return str(path)
    folder = documents_dir(data_dir)
    return str(folder / file_name) if file_name else str(folder)


__all__ = [
    "APP_AUTHOR",
    "APP_NAME",
    "DATA_DIR_ENV",
    "DOCUMENTS_FOLDER",
    "cache_dir",
    "default_data_dir",
    "dialog_start",
    "documents_dir",
]
