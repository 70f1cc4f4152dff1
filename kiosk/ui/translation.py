"""The UI's language: Qt's own translation system over the project's one catalog.

Widgets call ``QCoreApplication.translate(context, text)`` (found by ``python -m kiosk.i18n_catalog``) and
retranslate on ``QEvent.LanguageChange``. ``use_language`` installs, for the chosen language, the compiled
``resources/translations/kiosk_<lang>.qm`` (``make translations`` builds it with pyside6-lrelease; packages
ship it) or, where it was not built (a fresh checkout), a translator reading the ``.ts`` catalog itself,
the one the CLI reads: the same texts either way.

``KIOSK_PSEUDO_STRETCH=2.0`` stretches every text to twice its length (a pseudo-translation, as Vorta's and
KDE's translators check layouts): a screen that still shows every text whole will take a longer language.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import i18n
from kiosk.errors import BadPseudoStretch
from kiosk.i18n import catalog_path

log = logging.getLogger("kiosk.ui.translation")

# The kiosk's language buttons, in the order shown: ja and en complete, zh, ko and vi for every kiosk screen.
KIOSK_LANGUAGES = ("ja", "en", "zh", "ko", "vi")
LANGUAGE_NAMES = {"ja": "日本語", "en": "English", "zh": "简体中文", "ko": "한국어", "vi": "Tiếng Việt"}
PSEUDO_STRETCH_VARIABLE = "KIOSK_PSEUDO_STRETCH"
_MAX_STRETCH = 5.0


def pseudo_stretch_factor() -> float | None:
    """The factor ``KIOSK_PSEUDO_STRETCH`` asks for: None when unset; a number from 1 to 5, or a clear error."""
    value = os.environ.get(PSEUDO_STRETCH_VARIABLE, "").strip()
    if not value:
        return None
    try:
        factor = float(value)
    except ValueError:
        factor = float("nan")
    if not 1.0 <= factor <= _MAX_STRETCH:
        raise BadPseudoStretch(f"{PSEUDO_STRETCH_VARIABLE}={value!r}: a number from 1 to {_MAX_STRETCH:g} is expected")
    return factor


class CatalogTranslator(QTranslator):
    """Translations straight from the ``.ts`` catalog, for a checkout without compiled ``.qm`` files."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._language = language

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        # The source text when the catalog has none: an empty string would count as a translation to Qt (it
        # only falls back on a null one), and a text absent from a kiosk language's catalog would vanish.
        return i18n.catalog(self._language).get((context, source_text), source_text)

    def isEmpty(self) -> bool:
        return False


class StretchTranslator(QTranslator):
    """Every text, translated by ``inner`` (or the English source), stretched: the pseudo-translation."""

    def __init__(self, inner: QTranslator | None, factor: float) -> None:
        super().__init__()
        self._inner = inner
        self._factor = factor

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        translated = self._inner.translate(context, source_text, disambiguation, n) if self._inner else ""
        return i18n.pseudo_stretch(translated or source_text, self._factor)

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
    factor = pseudo_stretch_factor()
    i18n.set_pseudo_stretch(factor)
    translator = translator_for(language)
    if factor is not None:
        translator = StretchTranslator(translator, factor)
    if translator is not None:
        app.installTranslator(translator)
        _installed = translator
    return language


def translator_for(language: str) -> QTranslator | None:
    """The compiled catalog when it was built, else the ``.ts`` itself; None for the source language."""
    if language == i18n.SOURCE_LANGUAGE:
        return None
    compiled = catalog_path(language).with_suffix(".qm")
    translator = QTranslator()
    if compiled.exists() and translator.load(str(compiled)):
        return translator
    log.info("no compiled catalog %s: reading the .ts", compiled.name)
    return CatalogTranslator(language)
