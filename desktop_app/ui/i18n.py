"""The window's language. Source strings are Vietnamese (the default); English comes
from resources/translations/app_en.qm, built from app_en.ts by pyside6-lrelease
(``make translations``). Texts from forms and the core carry both languages already and
are picked with the same language code.

Qt's own texts (a field's right-click menu, standard dialog buttons, the print preview
and print dialogs) are English in Qt and Qt ships no Vietnamese for them:
resources/translations/qtbase_vi.ts translates the ones this application can show, and
is loaded whenever the language is Vietnamese.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.bundle import resource_path

LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def translation_file(lang: str) -> str:
    return str(resource_path("translations", f"app_{lang}.qm"))


def qt_translation_file(lang: str) -> str:
    """Qt's own texts in ``lang`` (only Vietnamese exists: Qt's source texts are English)."""
    return str(resource_path("translations", f"qtbase_{lang}.qm"))


def _install(app: QCoreApplication, path: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(path):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_language(lang: str) -> bool:
    """Switch the running application's language; True if its translations loaded.

    Widgets rebuild their texts on the LanguageChange event Qt sends on install."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        return _install(app, qt_translation_file("vi"))
    # Numbers stay in the Vietnamese way in English too: the application's own parser
    # and formatter decide (DESIGN §8), and the clerk's colleagues read the same figures.
    return _install(app, translation_file(lang))
