"""Screenshots of Công cụ → Biểu mẫu… (docs/screenshots/forms-window.png): the shipped forms,
one imported from a workbook and one published by the parent. Called by
scripts/screenshots.py, or on its own:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/forms_screens.py
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "forms" / "cntt-xa-2026.yaml"


def _workbook(version: str, title: str) -> bytes:
    from tests.support.form_books import edited_form_workbook

    return edited_form_workbook({"version": version, "title.vi": title})


def forms_screens(app, save) -> None:
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.form_library import (
        import_form_workbook,
        install_published_form,
        publish_form_packet,
    )
    from desktop_app.workspace.setup_unit import setup_unit
    from tests.support import fleet as F

    with tempfile.TemporaryDirectory(prefix="bieu-mau-") as tmp:
        root = Path(tmp)
        district = F.make_district(root)
        book = root / "cntt-xa-2026.2.xlsx"
        book.write_bytes(
            _workbook("2026.2", "Bộ chỉ tiêu ứng dụng CNTT cấp xã năm 2026 của huyện Chợ Đồn")
        )
        with F.open_ws(district) as ws:
            import_form_workbook(ws, book)
            _, packet, fingerprint = publish_form_packet(ws, "cntt-xa", "2026.2", root, F.PASS)
        own = root / "cntt-xa-2027.xlsx"
        own.write_bytes(_workbook("2026.3", "Bản thử của xã: thêm chỉ tiêu Wi-Fi"))
        with Workspace.open(root / "xa") as ws:
            setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
            install_published_form(ws, packet, fingerprint=fingerprint)
            import_form_workbook(ws, own)
            window = MainWindow(ws, dialogs=ScriptedDialogs(), today=datetime.date(2026, 11, 23))
            dialog = window.maintenance.open_forms(modal=False)
            save(dialog, "forms-window.png", app)
            dialog.close()
            window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))  # screenshots.py puts the repository on the path
    from screenshots import run_alone

    run_alone(forms_screens)
