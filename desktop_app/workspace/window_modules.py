"""The Qt-free modules the entry window needs as it opens, imported before PySide6 is.

Why: once PySide6 is imported, its ``__feature__`` support wraps ``import`` and, for
every module that imports something afterwards, reads that module's source to see
whether it uses PySide (``shibokensupport/feature.py``, ``_mod_uses_pyside``). For the
≈ 50 domain modules the window opens with, that costs ≈ 100 ms of a 0.65 s start
(median of 12 alternated starts each way on this machine; bench/visible_start.py).
Imported first, they are in ``sys.modules`` already and never read again. This buys
start-up only: nothing else depends on the order, and a module left off this list just
costs its scan (tests/gui/test_window_modules.py keeps the list complete).

May import: ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

from ..core import progress  # noqa: F401  (the background tasks' progress)
from . import (  # noqa: F401  (imported for their side effect: loaded before Qt)
    appraisal_held,
    backups,
    changes,
    entry,
    evidence,
    field_look,
    history,
    instance_lock,
    logs,
    plans,
    session,
    target_hints,
)
from .workspace import Workspace  # noqa: F401
