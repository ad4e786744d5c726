"""Saves the README's screenshots under docs/screenshots/ at 1366×768 (the common
commune laptop screen): first-run setup, data entry with problems, note and history,
copy from last period, the window in English, About and backups. Needs an X server:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py

With ``--screen`` only the main window is saved, in Vietnamese and English, as it opens
on the X server's screen (the whole screen is grabbed: nothing may be off its edge), as
main-window-<width>x<height>-<lang>.png; run it on a 1024x768x24 and a 1366x768x24
screen."""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.storage import get_or_create_report, save_values  # noqa: E402
from desktop_app.ui.app import create_application  # noqa: E402
from desktop_app.ui.copy_dialog import CopyPreviousDialog  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.notes_dialog import NotesDialog  # noqa: E402
from desktop_app.ui.setup_dialog import SetupDialog  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from desktop_app.workspace.entry import load_values  # noqa: E402
from desktop_app.workspace.setup_unit import setup_unit  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"


def save(widget, name: str, app) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    path = OUT / name
    widget.grab().save(str(path))
    print(path)


def run_alone(screens) -> None:
    """Run one set of screens on its own (``python scripts/forms_screens.py``), saving
    as this script does; ``screens(app, save)``."""
    OUT.mkdir(parents=True, exist_ok=True)
    screens(create_application(sys.argv), save)


def save_with_menu(window, field, name: str, app) -> None:
    """The window with ``field``'s right-click menu open over it (Qt's own texts, which
    resources/translations/qtbase_vi.ts puts in Vietnamese)."""
    from PySide6.QtGui import QColor, QPainter

    menu = field.createStandardContextMenu()
    at = field.mapTo(window, field.rect().center())
    menu.popup(window.mapToGlobal(at))
    for _ in range(5):
        app.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    shown = menu.grab()
    painter.drawPixmap(at, shown)
    painter.setPen(QColor("#78909c"))  # a popup's edge, which a grab does not include
    painter.drawRect(at.x(), at.y(), shown.width() - 1, shown.height() - 1)
    painter.end()
    menu.close()
    path = OUT / name
    picture.save(str(path))
    print(path)


def screen_shots(app) -> None:
    """The main window as it opens on this screen, a value refused in one field, in both
    languages: the whole screen, so that what does not fit shows."""
    from desktop_app.ui.i18n import install_language

    screen = app.primaryScreen()
    size = screen.geometry()
    for lang in ("vi", "en"):
        with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
            setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh", language=lang)
            load_values(ws, SAMPLE)
            install_language(lang)
            window = MainWindow(ws, today=datetime.date(2026, 11, 23))
            window.show()
            entry = window.entry
            entry.go_to_field("may_tinh_tong")
            entry.rows["may_tinh_tong"].editor.setText("hai mươi")
            entry.rows["may_tinh_tong"].editor.editingFinished.emit()
            entry.go_to_field("cbcc_co_may_tinh")
            for _ in range(10):
                app.processEvents()
            path = OUT / f"main-window-{size.width()}x{size.height()}-{lang}.png"
            screen.grabWindow(0).save(str(path))
            print(path, window.frameGeometry().getRect())
            window.entry.discard_unsaved()
            window.close()
    install_language("vi")


def main() -> None:
    app = create_application(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if "--screen" in sys.argv:
        screen_shots(app)
        return
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
        setup = SetupDialog(Path(tmp))
        setup.legacy.setChecked(True)
        setup.search.setText("binh trung")
        setup.run_search()
        setup.clerk.setText("Nguyễn Thị Hoa")
        setup.leader.setText("Hoàng Văn Minh")
        save(setup, "setup.png", app)
        setup.close()

        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        last = get_or_create_report(ws.db, "02080", "cntt-xa", "2025.1", "2025")
        save_values(ws.db, last.id, {"cbcc_tong": "22", "may_tinh_tong": "19"}, "Nguyễn Thị Hoa")
        load_values(ws, SAMPLE)
        window = MainWindow(ws, today=datetime.date(2026, 11, 23))
        window.resize(1366, 768)
        window.show()
        entry = window.entry
        entry.go_to_field("cbcc_co_may_tinh")
        entry.rows["cbcc_co_may_tinh"].editor.setText("25")
        entry.rows["cbcc_co_may_tinh"].editor.editingFinished.emit()
        entry.go_to_field("may_tinh_tong")
        entry.rows["may_tinh_tong"].editor.setText("hai mươi")  # marked as it is typed
        window.session.set_comment("cbcc_tong", "Gồm 2 công chức được tăng cường từ huyện.")
        window._after_change()
        entry.go_to_field("cbcc_co_may_tinh")
        save(window, "main-window.png", app)
        save_with_menu(window, entry.rows["cbcc_co_may_tinh"].editor, "context-menu.png", app)

        notes = NotesDialog(window.session, "cbcc_co_may_tinh", "vi", window)
        notes.comment.setPlainText("Số liệu theo danh sách máy tính kiểm kê ngày 31/12.")
        save(notes, "notes-history.png", app)
        notes.close()

        copy = CopyPreviousDialog(window.session, "vi", window)
        save(copy, "copy-previous.png", app)
        copy.close()

        entry.rows["may_tinh_tong"].editor.setText("21")
        entry.rows["may_tinh_tong"].editor.editingFinished.emit()
        window.settings.set_language("en")
        window.entry.go_to_section(2)
        save(window, "main-window-en.png", app)
        window.settings.set_language("vi")
        window.close()
    packet_screens(app)
    from receiving_screens import receiving_screens

    receiving_screens(app, save)
    from district_screens import district_screens

    district_screens(OUT)
    from maintenance_screens import maintenance_screens

    maintenance_screens(app, save)
    from forms_screens import forms_screens

    forms_screens(app, save)
    from evidence_screens import evidence_screens

    evidence_screens(app, save)
    from appraisal_screens import appraisal_screens

    appraisal_screens(app, save)


def wait(task, app) -> None:
    while task is not None and task.running:
        app.processEvents()


def packet_screens(app) -> None:
    """The signature, export and check dialogs, with a real identity and packet."""
    import zipfile

    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.identity_dialog import IdentityDialog
    from desktop_app.ui.ui_context import UiContext
    from desktop_app.ui.verify_dialog import VerifyDialog
    from desktop_app.workspace.identity import create_unit_identity

    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "data") as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Minh")
        load_values(ws, SAMPLE)
        create_unit_identity(ws, "mat-khau-xa-2026")
        identity = IdentityDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"))
        save(identity, "identity.png", app)
        identity.close()

        export = ExportDialog(UiContext.of(ws, ScriptedDialogs(), lang="vi"), "cntt-xa", "2026")
        export.folder.setText(str(Path(tmp) / "BaoCaoCNTT"))
        export.secret.setText("mat-khau-xa-2026")
        save(export, "export-dialog.png", app)
        export.start_export()
        wait(export.task, app)
        save(export, "export-done.png", app)
        export.close()

        packet = export.result.path
        tampered = packet.with_name("02080_cntt-xa_2026_r1-sua.zip")
        with zipfile.ZipFile(packet) as src, zipfile.ZipFile(tampered, "w") as dst:
            for name in src.namelist():
                body = src.read(name)
                dst.writestr(name, body.replace(b"Nguy", b"Nguo") if name == "data.json" else body)
        verify = VerifyDialog(
            UiContext.of(ws, ScriptedDialogs(files=[[str(packet), str(tampered)]]), lang="vi")
        )
        verify.choose()
        wait(verify.task, app)
        save(verify, "verify-dialog.png", app)
        verify.close()


if __name__ == "__main__":
    main()
