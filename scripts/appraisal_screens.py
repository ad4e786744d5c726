"""Screenshots of thẩm định (issue 18): the district window's appraisal tab on the cds-xa
form, one commune's items with its evidence beside them, one item set down with its
reason (appraisal-view-1366x768.png, appraisal-view-1024x768.png), and the commune's
«Kết quả thẩm định» once it opened the receipt (appraisal-result.png). Three sample
communes send the same sample figures, each a little lower than the one before
(demonstration figures, not data). Called by scripts/screenshots.py, or on its own:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/appraisal_screens.py
"""

from __future__ import annotations

import datetime
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "cds-xa_2026_02020.json"
COMMUNES = {"02080": 1.0, "02083": 0.9, "02029": 0.8}  # code: share of each count kept
LOWERED = ("so_tin_bai_cds", "thon_co_to_cds", "nhiem_vu_ke_hoach_hoan_thanh",
           "cbcc_tap_huan_cntt", "vb_di_ky_so", "vb_den_xu_ly_tren_he_thong")  # fmt: skip
EVIDENCE = {
    "co_bcd_cds": ("Quyết định 125-QĐ-UBND thành lập BCĐ chuyển đổi số.pdf", "pdf"),
    "co_ke_hoach_cntt": ("Kế hoạch 18-KH-UBND ứng dụng CNTT 2026.pdf", "pdf"),
}


def _commune(code: str, share: float, root: Path, out: Path) -> tuple[Path, Path, Path]:
    """A commune's data folder, its certificate and its exported packet."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.evidence import attach_evidence_bytes
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity, export_unit_certificate
    from desktop_app.workspace.setup_unit import setup_unit
    from tests.support import evidence_files as files
    from tests.support import fleet as F

    values = json.loads(SAMPLE.read_text(encoding="utf-8"))
    values["unit"] = code
    for name in LOWERED:
        values["values"][name] = int(values["values"][name] * share)
    source = root / f"{code}.json"
    source.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    data_dir = root / f"xa-{code}"
    with Workspace.open(data_dir) as ws, F.fast_keys():
        setup_unit(ws, code, "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        load_values(ws, source)
        for field_id, (name, kind) in EVIDENCE.items():
            attach_evidence_bytes(ws, "cds-xa", "2026", field_id, name, getattr(files, kind)())
        create_unit_identity(ws, F.PASS)
        cert, _ = export_unit_certificate(ws, root / "certs" / f"{code}.pem")
        packet = export_report(ws, "cds-xa", "2026", out, secret=F.PASS).path
    return data_dir, cert, packet


def appraisal_screens(app, save) -> None:
    from desktop_app.ui.appraisal_result_dialog import AppraisalResultDialog, held_for
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.district.district_window import DistrictWindow
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.ui_context import UiContext
    from desktop_app.workspace import receive as use
    from desktop_app.workspace.appraisal import appraise, unit_appraisal
    from tests.support import fleet as F

    today = datetime.date(2026, 12, 20)
    with tempfile.TemporaryDirectory(prefix="tham-dinh-") as tmp:
        root = Path(tmp)
        made = {code: _commune(code, share, root, root / "goi") for code, share in COMMUNES.items()}
        district = F.make_district(root)
        first = "02083"
        with F.open_ws(district) as ws, F.fast_keys():
            for code, (_, cert, _) in made.items():
                use.register_certificate(ws, cert, code)
            use.receive(ws, [packet for _, _, packet in made.values()])
            items = unit_appraisal(ws, first, "cds-xa", "2026").items
            down = next(i for i in items if i.field_id == "co_ke_hoach_cntt")
            for item in items[:6]:
                if item is not down:
                    appraise(ws, first, "cds-xa", "2026", item.item_id, None)
            appraise(
                ws, first, "cds-xa", "2026", down.item_id, "1,5",
                "Kế hoạch gửi kèm chưa có phụ lục kinh phí; chấm một nửa số điểm.",
            )  # fmt: skip
            receipt = use.review(
                ws, first, "cds-xa", "2026", "accepted", "", root / "bn", secret=F.PASS
            )
            window = DistrictWindow(UiContext.of(ws, ScriptedDialogs(), today=today, lang="vi"))
            window.choose("cds-xa", "2026")
            while window.appraisal_view is None or window.appraisal_view.state is None:
                app.processEvents()
            window.appraise_unit(first)
            view = window.appraisal_view
            view.items.setCurrentIndex(view.model.index(items.index(down), 0))
            for width in (1366, 1024):
                window.resize(width, 768)
                save(window, f"appraisal-view-{width}x768.png", app)
            window.close()
        commune_dir = made[first][0]
        with F.open_ws(commune_dir) as ws:
            use.open_receipt(ws, receipt.path, fingerprint=receipt.fingerprint)
            main = MainWindow(ws, dialogs=ScriptedDialogs(), today=today)
            main.open_report("cds-xa", "2026")
            dialog = AppraisalResultDialog(main.session, held_for(main.session), "vi", main)
            dialog.resize(1024, 600)
            save(dialog, "appraisal-result.png", app)
            main.resize(1366, 740)
            save(main, "appraisal-status.png", app)
            dialog.close()
            main.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))  # screenshots.py puts the repository on the path
    from screenshots import run_alone

    run_alone(appraisal_screens)
