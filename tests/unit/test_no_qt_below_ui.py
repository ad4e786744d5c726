"""Only desktop_app/ui may import Qt (STYLE.md): everything else must run without a screen."""

import pkgutil
import subprocess
import sys

import desktop_app
from tests.conftest import PROJECT


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        if info.name.startswith("desktop_app.ui"):
            continue
        names.append(info.name)
    return names


def test_non_ui_modules_do_not_load_pyside6():
    modules = _non_ui_modules()
    assert "desktop_app.core.validation" in modules and "desktop_app.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
