"""Saves docs/screenshots/main-window.png: the main window for Xã Bình Trung with the
sample report loaded. Run under a real X server: xvfb-run -a .venv/bin/python scripts/screenshot_main_window.py"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ui.app import create_application  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from desktop_app.workspace.entry import load_values  # noqa: E402
from desktop_app.workspace.setup_unit import setup_unit  # noqa: E402


def main() -> None:
    app = create_application(sys.argv)
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        load_values(ws, ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json")
        window = MainWindow(ws)
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        out = ROOT / "docs" / "screenshots" / "main-window.png"
        window.grab().save(str(out))
        print(out)


if __name__ == "__main__":
    main()
