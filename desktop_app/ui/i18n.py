"""The window's language. Source strings are Vietnamese (the default); English comes
from resources/translations/app_en.qm, built from app_en.ts by pyside6-lrelease
(``make translations``). Texts from forms and the core carry both languages already and
are picked with the same language code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..paths import resource_path

LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def translation_file(lang: str) -> str:
    return str(resource_path("translations", f"app_{lang}.qm"))


def install_language(lang: str) -> bool:
    """Switch the running application's language; True if the translation loaded.

    Widgets rebuild their texts on the LanguageChange event Qt sends on install."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        return True
    translator = QTranslator(app)
    if not translator.load(translation_file(lang)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Numbers stay in the Vietnamese way: the application's own parser and formatter
    # decide (DESIGN §8), and the clerk's colleagues read the same figures.
    return True
