"""Translation: language selection, the shared catalog, and that every text in the code is translated."""

from __future__ import annotations

import pytest

from kiosk import errors, i18n, i18n_catalog, messages


@pytest.fixture(autouse=True)
def _clean_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("KIOSK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    i18n.set_language(None)


@pytest.mark.parametrize(("environment", "expected"), [
    ({}, "en"),
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"KIOSK_LANG": "ja", "LC_ALL": "C"}, "ja"),
])
def test_language_follows_the_locale(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str],
                                     expected: str) -> None:
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    assert i18n.language() == expected


def test_explicit_choice_wins_and_can_be_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    i18n.set_language("ja")
    assert i18n.language() == "ja"
    i18n.set_language(None)
    assert i18n.language() == "en"


def test_japanese_text_comes_from_the_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LANG", "ja")
    text = messages.message_for(errors.NoCard("no card"))
    assert text != i18n.tr_noop("errors", "Please place your My Number Card on the reader.").text
    assert "マイナンバーカード" in text


def test_placeholders_are_filled_after_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("en", "ja"):
        monkeypatch.setenv("KIOSK_LANG", lang)
        text = messages.message_for(errors.WrongPin("auth", 2))
        assert "2" in text and "{" not in text


def test_every_error_has_its_own_message() -> None:
    generic = messages.message_for(errors.KioskError("x"))
    for error in (errors.NoCard("x"), errors.PcscUnavailable("x"), errors.ResidentRegisterCard("x"),
                  errors.PinBlocked("sign"), errors.ServerUnavailable("x"), errors.DatabaseCorrupt("x")):
        assert messages.message_for(error) != generic


def test_every_text_in_the_code_has_a_japanese_translation() -> None:
    missing = i18n_catalog.missing("ja")
    assert not missing, "untranslated (run `make i18n`, then translate):\n" + "\n".join(missing)


def test_extractor_finds_literal_calls_only() -> None:
    source = 'tr("ctx", "Hello {name}", name=x)\ntr_noop("ctx", "Later")\ntr(ctx, "dynamic")\n'
    found = [(c, t) for c, t, _ in i18n_catalog.extract_from_source(source)]
    assert found == [("ctx", "Hello {name}"), ("ctx", "Later")]


def test_card_errors_a_user_can_meet_have_their_own_messages() -> None:
    unexpected = messages.message_for(errors.UnexpectedStatus("x", 0x6F00))
    card = messages.message_for(errors.CardError("x"))
    assert messages.message_for(errors.TransmitRefused("x")) != card
    for error in (errors.FileNotFound("select EF 001B", 0x6A82), errors.CardInfoAppletMissing("x", 0x6A82)):
        assert messages.message_for(error) not in (unexpected, card)
    assert messages.message_for(errors.CardInfoAppletMissing("x", 0x6A82)) != messages.message_for(
        errors.FileNotFound("x", 0x6A82))
