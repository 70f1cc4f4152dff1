"""The languages a document is written in.

A printed document carries Japanese with English under it whatever language the screen shows, so its
labels are looked up in two fixed languages: Japanese from the shipped catalog (the same
``resources/translations/kiosk_ja.ts`` the UI's ``QTranslator`` is built from) and English, the source
text. What is shown on screen goes through ``QCoreApplication.translate``, like every other UI text.
Labels are declared with ``tr_noop("documents", ...)`` so the catalog tool finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk import i18n
from kiosk.i18n import Message


@dataclass(frozen=True)
class Language:
    code: str  # "ja" or "en": picks the date forms
    translate: Callable[[Message], str]

    def text(self, message: Message, /, **values: object) -> str:
        translated = self.translate(message)
        return translated.format(**values) if values else translated


def _japanese(message: Message) -> str:
    # The catalog reader of kiosk.i18n, for one fixed language: the process-wide language is the screen's.
    return i18n._catalog("ja").get((message.context, message.text), message.text)


def _qt(message: Message) -> str:
    return QCoreApplication.translate(message.context, message.text)


JAPANESE = Language("ja", _japanese)
ENGLISH = Language("en", lambda message: message.text)


def interface() -> Language:
    """The screen's language: Qt's installed translator for the words, the terminal's language for dates."""
    return Language(i18n.language(), _qt)

