"""Translation of user-facing text, shared by the CLI and the Qt UI.

There is one catalog per language, in Qt's own format: ``resources/translations/kiosk_<lang>.ts``. The Qt
UI loads its compiled ``.qm`` through ``QTranslator`` and calls ``QCoreApplication.translate(context,
text)``; the CLI calls ``tr(context, text)`` here, which reads the same ``.ts`` without importing Qt.
Source strings are English; Japanese is the first language of the product (a Japanese locale, or
``KIOSK_LANG=ja``, selects it).

Rules for callers, checked by ``tests/test_i18n.py``:
- ``context`` and ``text`` are string literals, so ``python -m kiosk.i18n_catalog update`` can find them;
- values go in as ``{name}`` placeholders filled after translation (``tr("cli", "{n} tries left", n=3)``);
- text defined before a language is known (tables at module level) is marked with ``tr_noop`` and
  translated where it is shown.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import NamedTuple

from kiosk.paths import resources_dir

SUPPORTED_LANGUAGES = ("ja", "en")
SOURCE_LANGUAGE = "en"

_override_lock = threading.Lock()
_language_override: str | None = None


class Message(NamedTuple):
    """A translatable text not translated yet: what ``tr_noop`` marks."""

    context: str
    text: str


def tr_noop(context: str, text: str) -> Message:
    return Message(context, text)


def normalise_language(value: str | None) -> str | None:
    """``ja_JP.UTF-8`` -> ``ja``; anything not supported -> None."""
    if not value:
        return None
    code = value.split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def language() -> str:
    """The language of user-facing text: an explicit choice, then the locale, then English."""
    if _language_override:
        return _language_override
    explicit = normalise_language(os.environ.get("KIOSK_LANG"))
    if explicit:
        return explicit
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            # POSIX: the first of these that is set decides, even when it names an unsupported language.
            return normalise_language(value) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def set_language(code: str | None) -> None:
    """Choose the language for this process (a kiosk's language button); None returns to the locale."""
    global _language_override  # noqa: PLW0603 - one process-wide choice, guarded by a lock
    with _override_lock:
        _language_override = normalise_language(code) if code else None


def catalog_path(lang: str) -> Path:
    return resources_dir() / "translations" / f"kiosk_{lang}.ts"


@cache
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    path = catalog_path(lang)
    if not path.exists():
        return {}
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - our own shipped catalog, not untrusted input
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                entries[(name, source)] = translation.text
    return entries


def catalog(lang: str) -> dict[tuple[str, str], str]:
    """Every finished translation of ``lang``: (context, source) -> text."""
    return _catalog(lang)


def tr(context: str, text: str, /, **values: object) -> str:
    """Translate ``text`` into the current language and fill its ``{placeholders}``."""
    lang = language()
    translated = text if lang == SOURCE_LANGUAGE else _catalog(lang).get((context, text), text)
    return translated.format(**values) if values else translated


def tr_message(message: Message, /, **values: object) -> str:
    return tr(message.context, message.text, **values)


def tr_in(lang: str, message: Message, /, **values: object) -> str:
    """``message`` in ``lang`` whatever the process's language: a printed document carries fixed languages."""
    translated = message.text if lang == SOURCE_LANGUAGE else _catalog(lang).get(message, message.text)
    return translated.format(**values) if values else translated
