"""How the CLI speaks: one language for people (the profile's, or --lang), JSON for scripts,
and refusals on stderr in Vietnamese and English.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

from ..core.messages import AppError, Text
from .streams import carries_unicode


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Text):
        return value.as_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    # On a code page, \u escapes keep every name exact (streams.py).
    ascii_only = not carries_unicode(sys.stdout)
    sys.stdout.write(json.dumps(data, ensure_ascii=ascii_only, indent=2, default=_default) + "\n")


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def refuse(error: AppError, as_json: bool = False) -> int:
    """Report a refused input; the exit status is 1 (DESIGN §6)."""
    if as_json:
        print_json({"ok": False, "error": error.as_dict()})
    sys.stderr.write(f"Lỗi: {error.message.vi}\nError: {error.message.en}\n")
    return 1


def warn(text: Text) -> None:
    sys.stderr.write(f"Cảnh báo: {text.vi}\nWarning: {text.en}\n")
