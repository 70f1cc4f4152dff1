"""The UI's translator: the compiled .qm when built, the .ts itself on a fresh checkout (no .qm), the same
texts either way, in every kiosk language; and the pseudo-translation setting."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk import errors, i18n, i18n_catalog, messages
from kiosk.errors import BadPseudoStretch
from kiosk.paths import resources_dir
from kiosk.ui import translation
from kiosk.ui.translation import (
    KIOSK_LANGUAGES,
    PSEUDO_STRETCH_VARIABLE,
    CatalogTranslator,
    StretchTranslator,
    pseudo_stretch_factor,
    use_language,
)
from ui.conftest import _lrelease

TRANSLATED = ("screens", "Please place your My Number Card on the card reader.")


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """A copy of resources/ with the .ts catalogs only, as a fresh checkout has them."""
    copy = tmp_path / "resources"
    (copy / "translations").mkdir(parents=True)
    for catalog in (resources_dir() / "translations").glob("*.ts"):
        shutil.copy(catalog, copy / "translations" / catalog.name)
    monkeypatch.setenv("KIOSK_RESOURCES", str(copy))
    monkeypatch.delenv(PSEUDO_STRETCH_VARIABLE, raising=False)
    i18n._catalog.cache_clear()
    yield copy
    use_language(i18n.SOURCE_LANGUAGE)
    i18n.set_language(None)
    i18n._catalog.cache_clear()


def _compile(resources: Path, language: str) -> Path:
    source = resources / "translations" / f"kiosk_{language}.ts"
    target = source.with_suffix(".qm")
    subprocess.run([_lrelease(), str(source), "-qm", str(target)], check=True, capture_output=True)
    return target


def _every_kiosk_text(language: str) -> dict[tuple[str, str], str]:
    use_language(language)
    return {key: QCoreApplication.translate(*key) for key in i18n_catalog.used_texts(language)}


@pytest.mark.parametrize("language", [lang for lang in KIOSK_LANGUAGES if lang != i18n.SOURCE_LANGUAGE])
def test_a_fresh_checkout_reads_the_ts_and_an_install_the_qm_with_the_same_texts(
        resources: Path, language: str) -> None:
    from_catalog = _every_kiosk_text(language)
    assert isinstance(translation._installed, CatalogTranslator)
    assert from_catalog[TRANSLATED] != TRANSLATED[1]
    assert all(text != source for (_, source), text in from_catalog.items() if not source.startswith("{"))

    _compile(resources, language)
    compiled = _every_kiosk_text(language)
    assert type(translation._installed) is QTranslator
    assert compiled == from_catalog


def test_english_installs_no_translator_and_a_language_change_removes_the_last(resources: Path) -> None:
    use_language("ko")
    assert QCoreApplication.translate(*TRANSLATED) != TRANSLATED[1]
    use_language("en")
    assert translation._installed is None
    assert QCoreApplication.translate(*TRANSLATED) == TRANSLATED[1]


def test_the_flows_messages_follow_the_kiosk_language(resources: Path) -> None:
    use_language("vi")
    assert "thẻ My Number" in messages.message_for(errors.NoCard("x"))
    use_language("zh")
    assert "个人编号卡" in messages.message_for(errors.NoCard("x"))


@pytest.mark.parametrize(("value", "expected"), [("", None), ("1", 1.0), ("2.0", 2.0), (" 1.5 ", 1.5)])
def test_the_pseudo_stretch_setting(monkeypatch: pytest.MonkeyPatch, value: str, expected: float | None) -> None:
    monkeypatch.setenv(PSEUDO_STRETCH_VARIABLE, value)
    assert pseudo_stretch_factor() == expected


@pytest.mark.parametrize("value", ["two", "0.5", "-1", "nan", "inf", "100"])
def test_a_bad_pseudo_stretch_is_refused_by_name(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(PSEUDO_STRETCH_VARIABLE, value)
    with pytest.raises(BadPseudoStretch, match=PSEUDO_STRETCH_VARIABLE):
        pseudo_stretch_factor()


@pytest.mark.parametrize("language", KIOSK_LANGUAGES)
def test_stretched_texts_are_twice_as_long_and_keep_their_placeholders(
        resources: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setenv(PSEUDO_STRETCH_VARIABLE, "2")
    use_language(language)
    assert isinstance(translation._installed, StretchTranslator)
    plain = i18n.catalog(language).get(TRANSLATED, TRANSLATED[1])
    stretched = QCoreApplication.translate(*TRANSLATED)
    assert stretched.startswith(plain) and len(stretched) == 2 * len(plain)
    with_value = QCoreApplication.translate("pins", "Enter your current {pin}.")
    assert "{pin}" in with_value and with_value.format(pin="X")
    message = messages.message_for(errors.WrongPin("auth", 2))
    assert "{" not in message and "2" in message
    assert "＃" in message or "ÅÇÉ" in message  # the shared catalog's texts (errors, PIN names) stretch too
    monkeypatch.delenv(PSEUDO_STRETCH_VARIABLE)
    use_language(language)
    assert QCoreApplication.translate(*TRANSLATED) == plain


def test_stretch_filler_matches_the_script() -> None:
    assert i18n.pseudo_stretch("ab", 1.0) == "ab"
    assert i18n.pseudo_stretch("カード", 2.0) == "カード＃＃＃"
    latin = i18n.pseudo_stretch("Start the procedure", 2.0)
    assert latin.startswith("Start the procedure ") and " " in latin[20:] and "{" not in latin
