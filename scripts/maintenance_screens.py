"""Screenshots of the upkeep windows: About and diagnostics (docs/screenshots/about.png),
backups and restore (backups.png), and the start-up offer when the data file is gone
(lost-data.png), for Xã Bình Trung with a real log (start-up, a signed export, a backup)
and a week of backups. Called by scripts/screenshots.py, or on
its own:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/maintenance_screens.py
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"

# A week of backups as the application makes them: at open, by hand, before a restore.
BACKUPS = (
    (datetime.datetime(2026, 11, 16, 7, 42, 5), "open"),
    (datetime.datetime(2026, 11, 18, 14, 3, 51), "open"),
    (datetime.datetime(2026, 11, 19, 8, 15, 22), "manual"),
    (datetime.datetime(2026, 11, 20, 7, 55, 40), "open"),
    (datetime.datetime(2026, 11, 20, 16, 31, 9), "before-restore"),
    (datetime.datetime(2026, 11, 23, 7, 48, 17), "open"),
)


def maintenance_screens(app, save) -> None:
    from desktop_app.storage import backup_now, get_or_create_report, save_values
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.logs import start_logging, stop_logging
    from desktop_app.workspace.setup_unit import setup_unit
    from tests.support import fleet as F

    with tempfile.TemporaryDirectory(prefix="bao-cao-cntt-") as tmp:
        data = Path(tmp) / "du-lieu"
        start_logging(data, "window")
        try:
            with Workspace.open(data) as ws, F.fast_keys():
                setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
                for number, (moment, reason) in enumerate(BACKUPS):
                    if number == 2:  # the clerk started on the report after the second
                        load_values(ws, SAMPLE)
                    else:  # and typed something each day (no backup of an unchanged file)
                        report = get_or_create_report(ws.db, "02080", "cntt-xa", "2026.1", "2026")
                        save_values(ws.db, report.id, {"so_bai_dang": str(40 + number)}, "Hoa")
                    backup_now(ws.db.conn, ws.db.backups, reason, now=moment)
                create_unit_identity(ws, F.PASS)
                export_report(ws, "cntt-xa", "2026", Path(tmp) / "BaoCaoCNTT", secret=F.PASS)
                window = MainWindow(
                    ws, dialogs=ScriptedDialogs(), today=datetime.date(2026, 11, 23)
                )
                window.resize(1366, 768)
                window.show()
                about = window.maintenance.open_about(modal=False)
                save(about, "about.png", app)
                about.close()
                backups = window.maintenance.open_backups(modal=False)
                backups.table.selectRow(2)
                save(backups, "backups.png", app)
                backups.close()
                window.close()
            lost_data_screen(data, app, save)
        finally:
            stop_logging()


def lost_data_screen(data: Path, app, save) -> None:
    """The data file emptied (zero bytes) beside that week of backups."""
    from desktop_app.core.messages import AppError
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.lost_data_dialog import LostDataDialog
    from desktop_app.workspace import Workspace

    (data / "data.sqlite3").write_bytes(b"")
    try:
        Workspace.open(data).close()
    except AppError as error:
        dialog = LostDataDialog(error.lost, ScriptedDialogs())
        save(dialog, "lost-data.png", app)
        dialog.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))  # screenshots.py puts the repository on the path
    from screenshots import run_alone

    run_alone(maintenance_screens)
