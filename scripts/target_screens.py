"""Screenshots of the plan's targets in the entry window (issue 18): a line under each
ratio a target is set on, the help strip naming the plan, and Xem → Chỉ tiêu của kỳ báo
cáo. The whole screen is grabbed, so what does not fit shows; run it on a 1024x768x24
and a 1366x768x24 screen:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/target_screens.py
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ui.app import create_application  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from desktop_app.workspace.entry import load_values  # noqa: E402
from desktop_app.workspace.plan_files import import_plan  # noqa: E402
from desktop_app.workspace.setup_unit import setup_unit  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PLAN = {  # an example plan: the number and date are made up for the picture
    "plan": {"number": "12/KH-UBND (ví dụ)", "date": "15/01/2026", "issuer": "UBND tỉnh Bắc Kạn",
             "form": "cntt-xa", "period": "2026"},
    "targets": [
        {"id": "t_tthc", "field": "ty_le_tthc_truc_tuyen", "op": ">=", "value": 40,
         "label": {"vi": "Tối thiểu 40% TTHC cung cấp trực tuyến",
                   "en": "At least 40% of procedures online"}},
        {"id": "t_toan_trinh", "field": "ty_le_tthc_toan_trinh", "op": ">=", "value": 50,
         "label": {"vi": "Tối thiểu 50% TTHC trực tuyến toàn trình",
                   "en": "At least 50% of procedures fully online"}},
        {"id": "t_mot_cua", "field": "co_mot_cua_dien_tu", "op": "==", "value": True,
         "label": {"vi": "100% xã dùng phần mềm một cửa điện tử",
                   "en": "Every commune on the one-stop software"}},
        {"id": "t_may_tinh", "field": "ty_le_cbcc_co_may_tinh", "op": ">=", "value": 100,
         "label": {"vi": "100% cán bộ, công chức có máy tính",
                   "en": "Every official has a computer"}},
    ],
}  # fmt: skip


def settle(app, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    app = create_application(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    size = screen.geometry()
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        load_values(ws, SAMPLE)
        plan = Path(tmp) / "ke-hoach.yaml"
        plan.write_text(yaml.safe_dump(PLAN, allow_unicode=True), encoding="utf-8")
        import_plan(ws, plan)
        window = MainWindow(ws, today=datetime.date(2026, 11, 23))
        window.show()
        entry = window.entry
        entry.go_to_field("tthc_toan_trinh")
        editor = entry.rows["tthc_toan_trinh"].editor
        editor.setText("55")  # being typed, not saved: the ratio's line follows
        settle(app)
        path = OUT / f"target-hint-{size.width()}x{size.height()}.png"
        screen.grabWindow(0).save(str(path))
        print(path)
        if size.width() >= 1366:
            dialog = window.targets.show_targets()
            settle(app)
            dialog.grab().save(str(OUT / "targets-dialog.png"))
            print(OUT / "targets-dialog.png")
            dialog.close()
        entry.discard_unsaved()
        window.close()


if __name__ == "__main__":
    main()
