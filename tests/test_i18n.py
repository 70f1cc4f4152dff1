"""Translation: language selection, the shared catalog, and that every text in the code is translated."""

from __future__ import annotations

from pathlib import Path

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
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"KIOSK_LANG": "zh-Hans"}, "zh"),
    ({"KIOSK_LANG": "zh_Hans_CN"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "en"),
    ({"KIOSK_LANG": "zh-Hant"}, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "ja_JP.eucJP@euro"}, "ja"),
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


@pytest.mark.parametrize("lang", i18n_catalog.KIOSK_ONLY_LANGUAGES)
def test_every_text_a_kiosk_resident_sees_is_translated(lang: str) -> None:
    missing = i18n_catalog.missing(lang)
    assert not missing, f"untranslated in {lang} (run `make i18n`, then translate):\n" + "\n".join(missing)


def test_every_language_is_checked_and_the_kiosk_contexts_are_the_ones_in_use() -> None:
    targets = set(i18n.SUPPORTED_LANGUAGES) - {i18n.SOURCE_LANGUAGE}
    assert targets == {*i18n_catalog.COMPLETE_LANGUAGES, *i18n_catalog.KIOSK_ONLY_LANGUAGES}
    used = {context for context, _ in i18n_catalog.extract(i18n_catalog.source_files())}
    assert used >= i18n_catalog.KIOSK_CONTEXTS


def test_kiosk_only_catalogs_hold_the_kiosk_contexts_only() -> None:
    for lang in i18n_catalog.KIOSK_ONLY_LANGUAGES:
        assert {context for context, _ in i18n.catalog(lang)} == i18n_catalog.KIOSK_CONTEXTS


@pytest.mark.parametrize("lang", [lang for lang in i18n.SUPPORTED_LANGUAGES if lang != i18n.SOURCE_LANGUAGE])
def test_placeholders_are_the_same_in_every_translation(lang: str) -> None:
    problems = i18n_catalog.placeholder_mismatches(lang)
    assert not problems, "\n".join(problems)


def test_placeholder_check_finds_a_renamed_dropped_or_broken_placeholder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = tmp_path / "translations" / "kiosk_ko.ts"
    catalog.parent.mkdir()
    catalog.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ko"><context>'
        '<name>errors</name>'
        '<message><source>The {pin} is wrong. {tries} tries are left.</source>'
        '<translation>{pin}이(가) 틀렸습니다. 남은 기회는 {count}번입니다.</translation></message>'
        '<message><source>This card has no {pin}.</source>'
        '<translation>이 카드에는 비밀번호가 없습니다.</translation></message>'
        '<message><source>This {pin} cannot be used. {detail}</source>'
        '<translation>이 {pin}은(는) 사용할 수 없습니다. {detail</translation></message>'
        '<message><source>The operation was cancelled.</source>'
        '<translation>작업이 취소되었습니다.</translation></message>'
        '</context></TS>\n', encoding="utf-8")
    monkeypatch.setattr(i18n_catalog, "catalog_path", lambda lang: tmp_path / "translations" / f"kiosk_{lang}.ts")
    problems = i18n_catalog.placeholder_mismatches("ko")
    assert len(problems) == 3
    assert not any("cancelled" in line for line in problems)


def test_a_caller_offering_more_values_lets_a_language_choose_among_them() -> None:
    offered = i18n_catalog.offered_values(i18n_catalog.source_files())
    assert {"weekday", "day", "month", "month_name", "year"} <= offered[
        ("calendar", "{weekday} {day} {month_name} {year}")]
    assert offered[("check", "{date} ({days} days left)")] == {"date", "days"}


@pytest.mark.parametrize("lang", i18n_catalog.KIOSK_ONLY_LANGUAGES)
def test_a_kiosk_language_speaks_the_kiosk_texts_and_falls_back_to_english_elsewhere(
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("KIOSK_LANG", lang)
    english = i18n.tr_noop("errors", "Please place your My Number Card on the reader.").text
    text = messages.message_for(errors.NoCard("no card"))
    assert text != english
    assert {"zh": "个人编号卡", "ko": "마이넘버 카드", "vi": "thẻ My Number"}[lang] in text
    wrong = messages.message_for(errors.WrongPin("auth", 2))
    assert "2" in wrong and "{" not in wrong
    # The CLI's own texts are not translated into the kiosk languages: English, text by text.
    assert i18n.tr("cli", "no such text in any catalog") == "no such text in any catalog"
    cli_text = next(text for context, text in i18n.catalog("ja") if context == "cli")
    assert i18n.tr("cli", cli_text) == cli_text


def test_japanese_and_english_are_unchanged_for_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    cli_text = next(text for context, text in i18n.catalog("ja") if context == "cli")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert i18n.tr("cli", cli_text) == i18n.catalog("ja")[("cli", cli_text)]
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.tr("cli", cli_text) == cli_text


def test_check_command_fails_on_a_missing_kiosk_translation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n_catalog.main(["check"]) == 0
    original = i18n_catalog.catalog_path
    source = original("vi").read_text(encoding="utf-8")
    broken = source.replace("<translation>Đã gọi nhân viên.</translation>",
                            '<translation type="unfinished">Đã gọi nhân viên.</translation>')
    assert broken != source
    (tmp_path / "kiosk_vi.ts").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(i18n_catalog, "catalog_path",
                        lambda lang: tmp_path / "kiosk_vi.ts" if lang == "vi" else original(lang))
    assert i18n_catalog.main(["check"]) == 1
    assert "A staff member has been called." in capsys.readouterr().out


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
