"""What an installation knows about itself: settings (JSON) and the units it deals with.

Settings live in the database, not QSettings, so the core and the CLI read them without
Qt, and a backup carries them along with the reports.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..core.units import Unit
from .audit import write_audit
from .database import Database

_UNIT_FIELDS = ("code", "name", "level", "parent_code", "catalogue")


def os_user() -> str:
    """The OS account's name, for the audit log when no clerk is named."""

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _encode(value: Any) -> str:
    # Sorted keys: an unchanged setting encodes the same, so re-saving it is a no-op.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    row = db.fetchone("SELECT value FROM settings WHERE key = ?", (key,))
    return default if row is None else json.loads(row[0])


def peek_setting(db_path: Path, key: str) -> Any:
    """A setting read without opening the database for work (no migration, no backup on
    open, nothing written); None if it is not there or the file cannot be read: for
    commands that must run on a damaged database too."""
    path = Path(db_path)
    try:
        # Without a -wal beside it (no window open) the file is read as immutable: a
        # read-only connection to a WAL database would leave -wal and -shm files behind,
        # owned by whoever ran the command.
        live = path.with_name(path.name + "-wal").exists()
        flags = "mode=ro" if live else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    except (sqlite3.Error, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def set_setting(db: Database, key: str, value: Any, user: str | None = None) -> bool:
    """Store ``value`` (anything JSON can hold; None deletes the setting), audited with
    ``user`` (default: the operating-system account). Returns whether anything changed."""
    new = None if value is None else _encode(value)
    with db.transaction():
        row = db.fetchone("SELECT value FROM settings WHERE key = ?", (key,))
        old = row[0] if row else None
        if old == new:
            return False
        if new is None:
            db.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, new),
            )
        write_audit(db, [(db.now(), user or os_user(), None, "setting", key, old, new)])
    return True


def _unit_record(unit: Any) -> dict[str, Any]:
    if isinstance(unit, Mapping):
        return {name: unit.get(name) for name in _UNIT_FIELDS}
    if isinstance(unit, tuple) and not hasattr(unit, "_fields"):
        return dict(zip(_UNIT_FIELDS, unit, strict=True))
    return {name: getattr(unit, name) for name in _UNIT_FIELDS}


def upsert_units(db: Database, units: Iterable[Any]) -> int:
    """Insert or update units given as ``Unit`` (or any object with its attributes),
    plain tuples in column order, or mappings. Returns how many were given."""
    records = [_unit_record(unit) for unit in units]
    with db.transaction():
        db.utils.table("units").upsert_all(records, pk="code")
    return len(records)


def get_unit(db: Database, code: str) -> Unit | None:
    row = db.fetchone(f"SELECT {', '.join(_UNIT_FIELDS)} FROM units WHERE code = ?", (code,))
    return Unit(*row) if row else None


def unit_path(db: Database, code: str) -> list[Unit]:
    """The unit and its parents, nearest first, as far as the database knows them (setup
    copies the unit's ancestors): the window names the unit without loading the whole
    catalogue at start-up."""
    path: list[Unit] = []
    unit = get_unit(db, code)
    while unit is not None and len(path) < 10:
        path.append(unit)
        unit = get_unit(db, unit.parent_code) if unit.parent_code else None
    return path


def child_units(db: Database, code: str) -> list[Unit]:
    """The units directly under ``code``, in official code order (the order of the
    government's own lists)."""
    rows = db.fetchall(
        f"SELECT {', '.join(_UNIT_FIELDS)} FROM units WHERE parent_code = ? ORDER BY code",
        (code,),
    )
    return [Unit(*row) for row in rows]
