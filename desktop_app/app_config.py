"""The one thing that cannot live in the database: where the database is. A tiny JSON
file in the user's config directory remembers the data directory the clerk chose.

May import: ``core.durable`` (the one atomic writer; ``storage`` is above this module,
since ``core.units`` finds its file through ``paths``) and platformdirs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_dir

from .core.durable import atomic_write

APP_NAME = "desktop-app"
APP_AUTHOR = "cntt-baocao"
CONFIG_ENV = "DESKTOP_APP_CONFIG_DIR"


def config_file() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "config.json"
    return Path(user_config_dir(APP_NAME, APP_AUTHOR)) / "config.json"


def read_config() -> dict:
    try:
        data = json.loads(config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # absent or damaged: fall back to defaults, never refuse to start
    return data if isinstance(data, dict) else {}


def chosen_data_dir() -> Path | None:
    value = read_config().get("data_dir")
    return Path(value) if isinstance(value, str) and value else None


def remember_data_dir(directory: Path) -> None:
    """Remember ``directory`` as the data folder, synced to the disk: a power cut leaves
    the old choice or the new one. ``OSError`` when the config folder refuses it."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = read_config()
    data["data_dir"] = str(directory)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
