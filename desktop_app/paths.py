"""Where things live: bundled resources (source tree or PyInstaller bundle) and user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "desktop-app"
APP_AUTHOR = "cntt-baocao"
DATA_DIR_ENV = "DESKTOP_APP_DATA_DIR"


def is_frozen() -> bool:
    """True when running from the PyInstaller folder (``build.spec``), not from source."""
    return bool(getattr(sys, "frozen", False))


def project_root() -> Path:
    """The folder holding ``forms/`` and ``resources/``: the source checkout, or in the
    built folder the bundle directory (``sys._MEIPASS``: ``desktop-app/_internal``), where
    ``build.spec`` puts them under the same names. Every bundled file is found through
    this function, so the two layouts never diverge."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return project_root() / "forms"


def form_schema_path() -> Path:
    """The JSON schema every form definition is validated against (``forms/README.md``)."""
    return forms_dir() / "form.schema.json"


def default_data_dir() -> Path:
    """The user's data directory, unless DESKTOP_APP_DATA_DIR or --data-dir says otherwise,
    or the clerk chose another one in the window (remembered by app_config)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from .app_config import chosen_data_dir

    chosen = chosen_data_dir()
    if chosen is not None:
        return chosen
    # Imported here: platformdirs is cheap, but keeping module import free of it keeps
    # the cold start of `--help` minimal.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def cache_dir() -> Path:
    """Rebuildable files (checked forms); safe to delete at any time."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, APP_AUTHOR)) / "forms"
