"""The UI's language: Qt's own translation system over the project's one catalog.

Widgets call ``QCoreApplication.translate(context, text)`` (found by ``python -m kiosk.i18n_catalog``) and
retranslate on ``QEvent.LanguageChange``. ``use_language`` installs, for the chosen language, the compiled
``resources/translations/kiosk_<lang>.qm`` (``make translations`` builds it with pyside6-lrelease; packages
ship it) or, where it was not built (a fresh checkout), a translator reading the ``.ts`` catalog itself,
the one the CLI reads: the same texts either way.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import i18n
from kiosk.i18n import catalog_path

log = logging.getLogger("kiosk.ui.translation")

# The kiosk's language buttons, in the order shown; ja and en are complete for every screen.
KIOSK_LANGUAGES = ("ja", "en", "zh", "ko", "vi")
LANGUAGE_NAMES = {"ja": "日本語", "en": "English", "zh": "简体中文", "ko": "한국어", "vi": "Tiếng Việt"}


class CatalogTranslator(QTranslator):
    """Translations straight from the ``.ts`` catalog, for a checkout without compiled ``.qm`` files."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._language = language

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return i18n.catalog(self._language).get((context, source_text), "")

    def isEmpty(self) -> bool:
        return False


_installed: QTranslator | None = None


def use_language(language: str) -> str:
    """Make ``language`` the language of every window (and of the shared catalog the flows' messages use)."""
    global _installed  # noqa: PLW0603 - one translator for the one application
    app = QCoreApplication.instance()
    assert app is not None
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    i18n.set_language(language)
    if language != i18n.SOURCE_LANGUAGE:
        translator: QTranslator = QTranslator()
        compiled = catalog_path(language).with_suffix(".qm")
        if not (compiled.exists() and translator.load(str(compiled))):
            translator = CatalogTranslator(language)
        app.installTranslator(translator)
        _installed = translator
    return language
