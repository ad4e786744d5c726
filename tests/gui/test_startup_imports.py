"""The window starts without loading reportlab: the PDFs are made on export or on
demand, through ``desktop_app.documents``, and the clerk waits for none of it at start-up
(a commune's window and a district's, which also receives and consolidates)."""

import os
import subprocess
import sys

from tests.conftest import PROJECT

CODE = """
import datetime, sys, tempfile
from pathlib import Path
from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit

app = create_application(sys.argv[:1])
for code in ("02080", "064"):
    ws = Workspace.open(Path(tempfile.mkdtemp(dir=sys.argv[1])))
    setup_unit(ws, code, "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
    window = MainWindow(ws, today=datetime.date(2026, 11, 23))
    window.show()
    app.processEvents()
    print(code, window.isVisible(), ",".join(sorted(
        m for m in sys.modules if m.split(".")[0] == "reportlab"
    )) or "-", flush=True)
    window.close()
"""


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter (so only what it imports is loaded), offscreen."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_the_window_starts_without_reportlab(tmp_path):
    run = _python(CODE, str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["02080", "True", "-", "064", "True", "-"]


PRELOAD = """
import datetime, sys
from pathlib import Path
import desktop_app.workspace.window_modules

before = set(sys.modules)
from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.workspace import Workspace

app = create_application(sys.argv[:1])
for folder in sys.argv[1:]:
    window = MainWindow(Workspace.open(Path(folder)), today=datetime.date(2026, 11, 23))
    window.show()
    app.processEvents()
    window.close()
print(" ".join(sorted(
    m for m in set(sys.modules) - before
    if m.startswith("desktop_app.") and not m.startswith("desktop_app.ui")
)) or "-", flush=True)
"""


def test_the_windows_domain_modules_load_before_qt(tmp_path):
    """Every Qt-free module a commune's or a district's window opens with is on
    workspace/window_modules.py's list, so PySide6's import hook never scans it
    (≈ 100 ms of start-up). The data folders are made here, so the window's process
    imports only what opening them needs."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.setup_unit import setup_unit

    folders = []
    for code in ("02080", "064"):
        folder = tmp_path / code
        ws = Workspace.open(folder)
        setup_unit(ws, code, "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        ws.close()
        folders.append(str(folder))
    run = _python(PRELOAD, *folders)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["-"]
