""" "Open in Excel": hand the consolidated workbook to whatever program the system opens
.xlsx files with (Excel, LibreOffice Calc, WPS). Goes through the Dialogs seam, so tests
check what would be opened without launching anything.

Texts are ``QCoreApplication.translate("OpenExternally", "…")`` spelled out in full:
pyside6-lupdate finds only that literal form.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..dialogs import Dialogs


def open_in_excel(path: Path, dialogs: Dialogs, parent: QWidget | None = None) -> bool:
    """Open the workbook; says why not (no file, no program for .xlsx) and returns False."""
    title = QCoreApplication.translate("OpenExternally", "Mở bảng tính")
    if not path.is_file():
        dialogs.error(
            parent,
            title,
            QCoreApplication.translate("OpenExternally", "Không tìm thấy tệp %1.").replace(
                "%1", str(path)
            ),
        )
        return False
    if not dialogs.open_file(path):
        dialogs.error(
            parent,
            title,
            QCoreApplication.translate(
                "OpenExternally",
                "Không mở được %1: máy chưa có chương trình mở tệp .xlsx (Microsoft Excel hoặc LibreOffice Calc). Tệp vẫn nằm trong thư mục %2.",
            )
            .replace("%1", path.name)
            .replace("%2", str(path.parent)),
        )
        return False
    return True


__all__ = ["open_in_excel"]
