"""Where the files that ship with the application are: the source checkout, or the
PyInstaller bundle (``sys._MEIPASS``). Path arithmetic only: nothing here reads a file,
so ``core`` may use it (the user's own folders are ``desktop_app.paths``).

May import: the standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path


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
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return project_root() / "forms"


def form_schema_path() -> Path:
    """The JSON schema every form definition is validated against (``forms/README.md``)."""
    return forms_dir() / "form.schema.json"


__all__ = ["form_schema_path", "forms_dir", "is_frozen", "project_root", "resource_path"]
