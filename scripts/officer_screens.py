"""Saves issue 16's screenshots under docs/screenshots/ (Vietnamese): the first-run setup
(the matches for "binh trung" with nothing chosen, the unit chosen with the names, the
confirmation naming the unit's full path) and the three dialogs that show the fingerprint
read aloud over the phone (identity, export after exporting, accept). Needs an X server:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/officer_screens.py"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop_app.receiving.status import BoardRow  # noqa: E402
from desktop_app.ui.app import create_application  # noqa: E402
from desktop_app.ui.dialogs import ScriptedDialogs  # noqa: E402
from desktop_app.ui.setup_dialog import SetupDialog  # noqa: E402
from desktop_app.ui.ui_context import UiContext  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from desktop_app.workspace.entry import load_values  # noqa: E402
from desktop_app.workspace.identity import create_unit_identity  # noqa: E402
from desktop_app.workspace.setup_unit import setup_unit  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "mat-khau-xa-2026"


def settle(app, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget, name: str, app) -> None:
    widget.show()
    settle(app)
    path = OUT / name
    widget.grab().save(str(path))
    print(path)


def setup_screens(app, tmp: Path) -> None:
    setup = SetupDialog(tmp / "data", dialogs=ScriptedDialogs())
    setup.show()
    QTest.keyClicks(setup.search, "binh trung")
    QTest.keyClick(setup.search, Qt.Key.Key_Return)
    save(setup, "setup-matches.png", app)
    for _ in range(2):  # Down to Xã Bình Trung, Huyện Chợ Đồn, and Enter
        QTest.keyClick(setup.results, Qt.Key.Key_Down)
    QTest.keyClick(setup.results, Qt.Key.Key_Return)
    setup.clerk.setText("Nguyễn Thị Hoa")
    setup.leader.setText("Hoàng Văn Minh")
    save(setup, "setup-names.png", app)
    box = QMessageBox(QMessageBox.Icon.Question, setup.windowTitle(), setup.summary(), parent=setup)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("Có")
    box.button(QMessageBox.StandardButton.No).setText("Không")
    save(box, "setup-confirm.png", app)
    box.close()
    setup.close()


def fingerprint_screens(app, tmp: Path) -> None:
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.identity_dialog import IdentityDialog
    from desktop_app.ui.receiving.review_dialog import ReviewDialog

    with Workspace.open(tmp / "xa") as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        load_values(ws, SAMPLE)
        create_unit_identity(ws, PASS)
        identity = IdentityDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"))
        save(identity, "fingerprint-identity.png", app)
        identity.close()
        export = ExportDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"), "cntt-xa", "2026")
        export.folder.setText(str(tmp / "out"))
        export.show()
        export.secret.setText(PASS)
        export.start_export()
        while export.result is None:
            settle(app, 1)
        save(export, "fingerprint-export.png", app)
        export.close()
    with Workspace.open(tmp / "huyen") as ws:
        setup_unit(ws, "064", "legacy", clerk="Lê Văn Tư", leader="Phạm Thị Lan")
        create_unit_identity(ws, PASS)
        row = BoardRow("02080", "Xã Bình Trung", "submitted", revision=2)
        review = ReviewDialog(
            UiContext.of(ws, ScriptedDialogs(), lang="vi"), row, "cntt-xa", "2026", "accepted"
        )
        save(review, "fingerprint-accept.png", app)
        review.close()


def main() -> None:
    app = create_application(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        setup_screens(app, Path(tmp))
        fingerprint_screens(app, Path(tmp))


if __name__ == "__main__":
    main()
