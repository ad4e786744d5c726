"""Screenshots of the reporting years before 2026 (issue 17), under docs/screenshots/:
the district's 2018 report in the window (form version 2017.1, legacy units), the
"Kỳ khác…" period picker, and the preview of an Excel import with its problems. Run on
its own or from scripts/screenshots.py; needs an X server:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/history_screens.py"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ui.app import create_application  # noqa: E402
from desktop_app.ui.import_dialog import ImportPreview  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.period_choice import PeriodPicker  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from desktop_app.workspace.entry import load_values  # noqa: E402
from desktop_app.workspace.setup_unit import setup_unit  # noqa: E402
from desktop_app.workspace.values_import import plan_import  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLES = ROOT / "resources" / "samples"
TODAY = datetime.date(2026, 11, 23)


def _save(widget, name: str, app) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def _errors_workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    rows = [
        ["Mã đơn vị", "cbcc_tong", "cbcc_co_may_tinh", "so_may_chu", "tthc_truc_tuyen_tong",
         "tthc_muc_1_2", "tthc_muc_3", "tthc_muc_4", "tthc_muc_3_4"],
        [2080, 22, 17, None, 114, 109, 15, 0, 15],
        [2035, 20, "12,5,1", None, 98, 90, 8, 0, 8],
        ["02099", 18, 12, None, None, None, None, None, None],
    ]  # fmt: skip
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def history_screens(app) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
        setup_unit(ws, "064", "legacy", clerk="Nguyễn Văn Bình", leader="Hoàng Văn Minh")
        load_values(ws, SAMPLES / "cntt-huyen_2018_064.json")
        window = MainWindow(ws, today=TODAY)
        window.resize(1366, 768)
        window.show()
        window.open_report("cntt-huyen", "2018")
        window.entry.go_to_section(2)
        _save(window, "report-2018.png", app)
        picker = PeriodPicker(ws.forms, "cntt-huyen", TODAY, "vi", window)
        picker.list.setCurrentRow(7)
        _save(picker, "period-picker.png", app)
        picker.close()
        plan = plan_import(ws, _errors_workbook(Path(tmp) / "lich-su-2018.xlsx"), "2018")
        preview = ImportPreview(plan, "vi", window)
        _save(preview, "import-preview.png", app)
        preview.close()
        window.close()


if __name__ == "__main__":
    history_screens(create_application(sys.argv))
