"""Starting the window: Qt application, Vietnamese locale, bundled fonts, data directory,
the log, the one-window-per-data-folder lock, and the hook that reports unexpected errors.

Before the database is open the clerk's language is unknown, so what start-up has to say
(another window is open, the folder is read-only, the disk is full) is said in
Vietnamese and then English.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..core.bundle import resource_path
from ..core.messages import AppError, Text
from .dialogs import Dialogs
from .i18n import install_language

if TYPE_CHECKING:
    from ..storage.lost import LostData
    from ..workspace import Workspace
    from ..workspace.instance_lock import InstanceLock
    from .main_window import MainWindow
    from .setup_dialog import SetupChoice

log = logging.getLogger(__name__)

ALREADY_OPEN = Text(
    "Phần mềm đang mở ở một cửa sổ khác với cùng thư mục dữ liệu:\n{folder}\n\n"
    "Hãy dùng cửa sổ đó (tìm trên thanh tác vụ). Mỗi thư mục dữ liệu chỉ được mở ở một "
    "cửa sổ, để số liệu không bị ghi chồng lên nhau.",
    "The application is already open in another window on the same data folder:\n"
    "{folder}\n\nUse that window (look in the taskbar). Only one window may use a data "
    "folder, so that no figures are overwritten.",
)
CANNOT_START = Text("Thư mục dữ liệu: {folder}", "Data folder: {folder}")
OFFER_RESTORE = Text(
    "Khôi phục từ bản sao lưu gần nhất (lúc {when})? Tệp hỏng được giữ lại trong thư mục sao lưu.",
    "Restore the latest backup (of {when})? The damaged file is kept in the backups folder.",
)

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def install_fonts(app: QApplication) -> None:
    """Register the bundled UI font: a bare machine has no font with Vietnamese glyphs."""
    families: list[str] = []
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(families[0])
        font.setPointSize(10)
        app.setFont(font)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Báo cáo ứng dụng CNTT")
    app.setOrganizationName("cntt-baocao")
    # Vietnamese until the profile says otherwise: the first-run setup, and the messages
    # shown before the database opens, use Qt's buttons too.
    install_language("vi")
    install_fonts(app)
    return app


def is_fresh(data_dir: Path) -> bool:
    """No database and no backups in ``data_dir`` (or no folder at all): a first run,
    where nothing may be written before the clerk has confirmed the folder."""
    from ..workspace.workspace import BACKUP_DIR, DATABASE_NAME

    return not (data_dir / DATABASE_NAME).exists() and not (data_dir / BACKUP_DIR).exists()


def ask_setup(data_dir: Path, dialogs: Dialogs | None = None) -> SetupChoice | None:
    """The first-run setup dialog, proposing ``data_dir``; None if the clerk cancelled."""
    from .setup_dialog import SetupDialog

    dialog = SetupDialog(data_dir, dialogs=dialogs)
    return dialog.choice() if dialog.exec() else None


def apply_first_setup(workspace: Workspace, choice: SetupChoice) -> None:
    from ..storage import set_setting
    from ..workspace.session import OUTLIER_SETTING
    from ..workspace.setup_unit import setup_unit

    setup_unit(
        workspace, choice.unit_code, choice.catalogue, choice.clerk, choice.leader, choice.language
    )
    set_setting(workspace.db, OUTLIER_SETTING, str(choice.outlier_share))
    install_language(choice.language)


def first_run(workspace: Workspace, dialogs: Dialogs | None = None) -> Workspace | None:
    """The setup dialog before the first window on a folder that already holds a
    database without a unit; None if the clerk cancelled."""
    from ..workspace.relocate import move_workspace

    choice = ask_setup(workspace.data_dir, dialogs)
    if choice is None:
        workspace.close()
        return None
    if choice.data_dir != workspace.data_dir:
        workspace = move_workspace(workspace, choice.data_dir)
    apply_first_setup(workspace, choice)
    return workspace


def _first_run_fresh(
    app: QApplication, data_dir: Path, dialogs: Dialogs, lock: InstanceLock
) -> tuple[Workspace | None, int]:
    """A first run on an empty folder: the setup dialog first, and only then the chosen
    folder is created, logged to, locked and given its database. Cancel writes nothing."""
    from ..app_config import remember_data_dir
    from ..workspace import Workspace
    from ..workspace.instance_lock import LockState
    from ..workspace.logs import start_logging

    choice = ask_setup(data_dir, dialogs)
    if choice is None:
        return None, 0
    target = choice.data_dir
    start_logging(target, "window")
    if lock.acquire(target) == LockState.TAKEN:
        dialogs.error(
            None, app.applicationName(), both_languages(ALREADY_OPEN.format(folder=target))
        )
        return None, 1
    workspace = Workspace.open(target)
    if target != data_dir:
        remember_data_dir(target)
    if workspace.profile is None:
        apply_first_setup(workspace, choice)
    else:  # the clerk chose a folder already set up: its unit stays
        log.info("the chosen folder %s is already set up; kept as it is", target)
        install_language(workspace.profile.language)
    return workspace, 0


def both_languages(text: Text) -> str:
    return text.vi if text.vi == text.en else f"{text.vi}\n\n{text.en}"


def run_gui(argv: list[str], *, dialogs: Dialogs | None = None) -> int:
    parser = argparse.ArgumentParser(prog="desktop-app")
    parser.add_argument("--data-dir", type=Path)
    args, qt_args = parser.parse_known_args(argv)
    app = create_application([sys.argv[0], *qt_args])
    from ..paths import default_data_dir
    from ..workspace.instance_lock import InstanceLock, LockState
    from ..workspace.logs import start_logging
    from .error_report import ErrorReporter

    dialogs = dialogs or Dialogs()
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    # A first run writes nothing (log, lock, database) before the clerk confirms where.
    fresh = is_fresh(data_dir)
    if not fresh:
        start_logging(data_dir, "window")
    log.info("Qt %s", qVersion())
    lock = InstanceLock()
    if not fresh and lock.acquire(data_dir) == LockState.TAKEN:
        dialogs.error(
            None, app.applicationName(), both_languages(ALREADY_OPEN.format(folder=data_dir))
        )
        return 1
    window = None
    reporter = ErrorReporter(lambda: window or app.activeWindow(), dialogs)
    reporter.install()
    try:
        window, status = _open_window(app, data_dir, dialogs, lock)
        return status if window is None else app.exec()
    except Exception:
        reporter.hook(*sys.exc_info())
        return 1
    finally:
        if window is not None:
            window.workspace.close()  # Settings may have moved it to another folder
        lock.release()
        reporter.uninstall()
        log.info("window closed")


def _restore_at_start(app: QApplication, data_dir: Path, dialogs: Dialogs, why: Text) -> bool:
    """A database too damaged to open (a power cut mid-write on a failing disk): offer the
    newest backup, since the window that lists them cannot open. True once restored."""
    from ..workspace.backups import newest_good_backup, restore_folder

    # The newest backup that holds data and reads whole: the newest file may be a copy
    # of the same damage, or of an empty database.
    newest = newest_good_backup(data_dir)
    if newest is None:
        return False
    when = newest.created.strftime("%H:%M %d/%m/%Y")
    offer = OFFER_RESTORE.format(when=when)
    question = Text(f"{why.vi}\n\n{offer.vi}", f"{why.en}\n\n{offer.en}")
    if not dialogs.confirm(None, app.applicationName(), both_languages(question)):
        return False
    try:
        restore_folder(data_dir, newest.path)
    except AppError as error:
        log.info("restore at start refused: %s", error.code)
        return False
    return True


def _recover_lost_data(data_dir: Path, dialogs: Dialogs, lost: LostData) -> Workspace | None:
    """The database is missing, zero bytes or empty while the backups hold the data: the
    clerk restores one, or starts empty after confirming; None to quit (nothing done)."""
    from ..workspace import Workspace
    from .lost_data_dialog import LostDataDialog

    dialog = LostDataDialog(lost, dialogs)
    if not dialog.exec():
        log.info("the clerk quit at the lost-data offer for %s", data_dir)
        return None
    if dialog.start_empty:
        log.warning("starting %s empty on the clerk's confirmation; backups kept", data_dir)
    else:
        log.info("restored %s at start", dialog.restored)
    return Workspace.open(data_dir, start_empty=dialog.start_empty)


def _open_window(
    app: QApplication, data_dir: Path, dialogs: Dialogs, lock: InstanceLock
) -> tuple[MainWindow | None, int]:
    """The window on ``data_dir`` (after the first-run setup if needed), shown; or None
    and the exit status when it cannot open (said to the clerk) or the setup was
    cancelled (0: nothing to do, nothing written)."""
    from ..storage.lost import LostDataError
    from ..workspace import Workspace
    from ..workspace.backups import clear_interrupted_copies
    from ..workspace.instance_lock import LockState

    if is_fresh(data_dir):
        fresh, status = _first_run_fresh(app, data_dir, dialogs, lock)
        if fresh is None:
            return None, status
        return _show(fresh, dialogs, lock), 0
    if lock.held:  # else another program may be writing those copies right now
        clear_interrupted_copies(data_dir)
    try:
        workspace = Workspace.open(data_dir)
    except LostDataError as error:
        log.info("cannot open %s: %s (%s)", data_dir, error.code, error.lost.state)
        recovered = _recover_lost_data(data_dir, dialogs, error.lost)
        if recovered is None:
            return None, 1
        workspace = recovered
    except AppError as error:
        log.info("cannot open %s: %s", data_dir, error.code)
        folder = CANNOT_START.format(folder=data_dir)
        message = Text(f"{error.message.vi}\n{folder.vi}", f"{error.message.en}\n{folder.en}")
        if error.code != "storage.corrupt" or not _restore_at_start(
            app, data_dir, dialogs, message
        ):
            dialogs.error(None, app.applicationName(), both_languages(message))
            return None, 1
        workspace = Workspace.open(data_dir)
    profile = workspace.profile
    if profile is None:
        workspace = first_run(workspace, dialogs)
        if workspace is None:
            return None, 0
        if workspace.data_dir != data_dir:  # the clerk chose another folder
            from ..workspace.logs import start_logging

            start_logging(workspace.data_dir, "window")
        if lock.acquire(workspace.data_dir) == LockState.TAKEN:
            log.warning("the chosen data folder %s is open in another window", workspace.data_dir)
    else:
        install_language(profile.language)
    return _show(workspace, dialogs, lock), 0


def _show(workspace: Workspace, dialogs: Dialogs, lock: InstanceLock) -> MainWindow:
    from .main_window import MainWindow

    window = MainWindow(workspace, dialogs=dialogs)
    window.instance_lock = lock
    window.show()
    from ..workspace.backups import backup_warning

    if (warning := backup_warning(workspace)) is not None:
        profile = workspace.profile
        dialogs.error(
            window, window.windowTitle(), warning.pick(profile.language if profile else "vi")
        )
    return window
