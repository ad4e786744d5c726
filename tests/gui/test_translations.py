"""Every string the window shows has its English translation, Qt's own texts the window
can show have their Vietnamese one, and each built .qm matches its .ts
(scripts/update_translations.sh refreshes them)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import PROJECT

TRANSLATIONS = PROJECT / "resources" / "translations"
TS = TRANSLATIONS / "app_en.ts"
QT_TS = TRANSLATIONS / "qtbase_vi.ts"
BIN = Path(sys.executable).parent


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to this Python")
    return str(path)


@pytest.mark.parametrize("ts", [TS, QT_TS], ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path):
    messages = _messages(ts)
    assert messages
    for (context, source), msg in messages.items():
        translation = msg.find("translation")
        assert translation.get("type") is None, (
            f"{context}: «{source}» is {translation.get('type')}"
        )
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(f and f.strip() for f in forms), f"{context}: «{source}» has no translation"
        assert context, f"«{source}» has no context: call self.tr(), not a bare tr()"


def test_the_ts_file_holds_every_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (PROJECT / "desktop_app" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    in_ts = set(_messages(TS))
    assert in_code - in_ts == set(), "run scripts/update_translations.sh and translate"
    assert in_ts - in_code == set(), "the .ts has strings the code no longer uses"


@pytest.mark.parametrize("ts", [TS, QT_TS], ids=lambda p: p.name)
def test_the_qm_file_is_built_from_the_ts(tmp_path, ts: Path):
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    built = tmp_path / ts.with_suffix(".qm").name
    subprocess.run(
        [_tool("pyside6-lrelease"), str(copy), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run scripts/update_translations.sh"
    )


# The libraries whose classes qtbase_vi translates (widgets, dialogs, print support).
QT_LIBRARIES = ("Core", "Gui", "Widgets", "PrintSupport")


def _qt_libraries() -> list[Path]:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    files = [
        f
        for name in QT_LIBRARIES
        for pattern in (f"libQt6{name}.so.6", f"Qt6{name}.dll", f"Qt{name}.framework/Qt{name}")
        for f in folder.glob(pattern)
        if f.is_file()
    ]
    if not files:
        pytest.skip(f"no Qt libraries found in {folder}")
    return files


def test_qt_texts_translated_are_texts_this_qt_has():
    """A typo, or a text Qt changed in an upgrade, would never be looked up: each source
    text must be in Qt's libraries, as the C string tr() is called with."""
    # One library at a time: together they are hundreds of megabytes.
    unknown = {source.encode(): f"{context}: «{source}»" for context, source in _messages(QT_TS)}
    for library in _qt_libraries():
        data = library.read_bytes()
        unknown = {text: label for text, label in unknown.items() if text not in data}
    unknown = sorted(unknown.values())
    assert unknown == []


def _texts(actions) -> list[str]:
    return [a.text().split("\t")[0] for a in actions if not a.isSeparator()]


def test_qt_texts_follow_the_language(qtbot):
    """What the clerk sees from Qt itself: a field's right-click menu, the buttons of a
    question, the print preview's toolbar. Vietnamese by default, English when switched."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from desktop_app.ui.i18n import install_language

    def seen() -> tuple[list[str], list[str], list[str]]:
        field = QLineEdit("Bình Trung")
        qtbot.addWidget(field)
        menu = _texts(field.createStandardContextMenu().actions())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "?",
            "?",
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        qtbot.addWidget(box)
        buttons = sorted(b.text() for b in box.buttons())
        preview = QPrintPreviewDialog()
        qtbot.addWidget(preview)
        toolbar = sorted(t for t in _texts(preview.findChildren(QAction)) if t)
        return menu, buttons, [preview.windowTitle(), *toolbar]

    try:
        assert install_language("vi")
        menu, buttons, toolbar = seen()
        assert menu[:5] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán"]
        assert "Chọn tất cả" in menu
        assert buttons == ["&Có", "&Không", "Hủy"]
        assert {
            "Xem trước khi in",
            "Trang sau",
            "Phóng to",
            "Khổ ngang",
            "In",
            "Thiết lập trang",
        } <= set(toolbar)
        english = {"Next page", "Zoom in", "Landscape", "Print", "Page setup", "Print Preview"}
        assert english.isdisjoint(toolbar), toolbar
        assert install_language("en")
        menu, buttons, toolbar = seen()
        assert menu[0] == "&Undo" and buttons == ["&No", "&Yes", "Cancel"]
        assert "Next page" in toolbar
    finally:
        install_language("vi")
