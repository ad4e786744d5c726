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


__all__ = ["APP_AUTHOR", "APP_NAME", "DATA_DIR_ENV", "cache_dir", "default_data_dir"]
