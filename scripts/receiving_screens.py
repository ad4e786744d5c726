"""Screenshots of the receiving unit's screens (issue 5): the status board, a receive
with a rejected packet, a conflict side by side, the trust list. Huyện Chợ Đồn receives
16 of its 20 communes' packets made with the application's own export; called by
scripts/screenshots.py."""

from __future__ import annotations

import datetime
import shutil
import tempfile
import zipfile
from pathlib import Path


def receiving_screens(app, save) -> None:
    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.receiving.add_certificate_dialog import AddCertificateDialog
    from desktop_app.ui.receiving.compare_dialogs import ConflictDialog
    from desktop_app.ui.receiving.receive_dialog import ReceiveDialog
    from desktop_app.ui.receiving.trust_dialog import TrustDialog
    from desktop_app.ui.ui_context import UiContext
    from desktop_app.workspace import receive as use
    from desktop_app.workspace.entry import set_values
    from desktop_app.workspace.export import export_report
    from tests.support import fleet as F

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        communes = {}
        with F.fast_keys():
            for code in F.commune_codes():
                communes[code] = F.make_commune(code, root, root / "packets")
            district_dir = F.make_district(root)
            clash = []
            for name, figure in (("a", "40"), ("b", "55")):
                folder = shutil.copytree(communes["02080"].data_dir, root / f"binh-trung-{name}")
                with F.open_ws(folder) as ws:
                    set_values(ws, "cntt-xa", "2026", {"so_bai_dang": figure})
                    made = export_report(ws, "cntt-xa", "2026", root / name, secret=F.PASS)
                    clash.append(made.path)
        with F.open_ws(district_dir) as ws, F.fast_keys():
            codes = sorted(communes)
            for code in codes[:-1]:
                use.register_certificate(ws, communes[code].cert, code, note="Đã đọc vân tay")
            use.revoke_trust(ws, codes[3], "Xã báo mất USB ký số")
            arrived = root / "USB"
            arrived.mkdir()
            for code in codes[:16]:
                shutil.copy(communes[code].packet, arrived)
            tampered = arrived / f"{codes[5]}_cntt-xa_2026_r1.zip"
            with (
                zipfile.ZipFile(communes[codes[5]].packet) as src,
                zipfile.ZipFile(tampered, "w") as dst,
            ):  # data.json changed after signing
                for member in src.namelist():
                    body = src.read(member)
                    dst.writestr(member, body + b" " if member == "data.json" else body)
            window = MainWindow(ws, dialogs=ScriptedDialogs(), today=datetime.date(2026, 12, 20))
            dialog = ReceiveDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"))
            dialog.receive([arrived, *clash])
            while dialog.task.running:
                app.processEvents()
            dialog.resize(1280, 640)
            save(dialog, "receive-verdicts.png", app)
            dialog.close()
            for code in codes[6:8]:
                use.review(
                    ws, code, "cntt-xa", "2026", "accepted", "", root / "receipts", secret=F.PASS
                )
            use.review(
                ws, codes[8], "cntt-xa", "2026", "returned",
                "Thiếu số liệu cán bộ chuyên trách CNTT", root / "receipts", secret=F.PASS,
            )  # fmt: skip
            board = window.receiving.open_board()
            board.resize(1366, 700)
            board.select(codes[8])
            save(board, "status-board.png", app)
            board.select("02080")
            [(_held, pending)] = use.conflicts(ws, "cntt-xa", "2026")
            conflict = ConflictDialog(
                UiContext.of(ws, ScriptedDialogs(), lang="vi"), pending.id, board
            )
            conflict.reason.setText("Gọi điện: xã xác nhận 55 bài là đúng")
            save(conflict, "conflict.png", app)
            conflict.close()
            board.close()
            trust = TrustDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"))
            trust.show_ended.setChecked(True)
            save(trust, "trust-list.png", app)
            chooser = ScriptedDialogs(files=[str(communes[codes[-1]].cert)])
            add = AddCertificateDialog(UiContext.of(ws, chooser, lang="vi"), parent=trust)
            add.choose_file()
            save(add, "add-certificate.png", app)
            add.close()
            trust.close()

            consolidated = window.receiving.open_consolidation()
            while consolidated.ranking_view is None or consolidated.task.running:
                app.processEvents()
            save(consolidated, "district-window.png", app)
            consolidated.close()
            window.open_report("cntt-huyen", "2026")
            window.receiving.prefill()
            while window.receiving.task.running:
                app.processEvents()
            app.processEvents()
            window.entry.go_to_field("xa_so_bao_cao")
            save(window, "prefilled.png", app)
            window.close()
