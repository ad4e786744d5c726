"""Screenshots of a field with evidence attached (docs/screenshots/evidence-field.png: the
entry window on the cds-xa form, "Kiểm chứng (2)" beside the steering-committee answer,
the plan still missing its file among the problems) and of the field's evidence dialog
(evidence-dialog.png). Called by scripts/screenshots.py, or on its own:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/evidence_screens.py
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "cds-xa_2026_02020.json"


def evidence_screens(app, save) -> None:
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.evidence_panel import EvidenceDialog
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.evidence import attach_evidence_bytes
    from desktop_app.workspace.setup_unit import setup_unit
    from tests.support import evidence_files as files

    with (
        tempfile.TemporaryDirectory(prefix="kiem-chung-") as tmp,
        Workspace.open(Path(tmp) / "xa") as ws,
    ):
        setup_unit(ws, "02020", "current", "Nông Thị Lan", "Hà Văn Tùng")
        load_values(ws, SAMPLE)
        for name, data in (
            ("Quyết định 125-QĐ-UBND thành lập BCĐ chuyển đổi số.pdf", files.pdf()),
            ("Ảnh họp Ban Chỉ đạo 03-2026.jpg", files.jpeg()),
        ):
            attach_evidence_bytes(ws, "cds-xa", "2026", "co_bcd_cds", name, data)
        dialogs = ScriptedDialogs()
        window = MainWindow(ws, dialogs=dialogs, today=datetime.date(2026, 11, 23))
        window.resize(1366, 740)
        window.show()
        window.entry.go_to_field("co_bcd_cds")
        save(window, "evidence-field.png", app)
        dialog = EvidenceDialog(window.session, "co_bcd_cds", "vi", dialogs, window)
        save(dialog, "evidence-dialog.png", app)
        dialog.close()
        window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))  # screenshots.py puts the repository on the path
    from screenshots import run_alone

    run_alone(evidence_screens)
