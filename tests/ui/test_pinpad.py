"""The PIN pad: fixed keys, the rule enforced as typed, the value handed out once and wiped, never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.pins import FOUR_DIGITS, PASSWORD, Alphabet, PinKind, PinRule
from kiosk.ui import theme
from kiosk.ui.widgets.pinpad import DIGIT_ROWS, FILLED_DOT, LETTER_ROWS, PinMirror, PinPad

from .helpers import save_screenshot, widget_texts


@pytest.fixture
def pad(qtbot: QtBot, styled: QApplication) -> PinPad:
    widget = PinPad()
    qtbot.addWidget(widget)
    widget.configure(FOUR_DIGITS, caption="User-authentication PIN", prompt="Enter your 4-digit PIN.")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def key(pad: QWidget, name: str) -> QPushButton:
    button = pad.findChild(QPushButton, name)
    assert button is not None, name
    return button


def click(qtbot: QtBot, pad: PinPad, characters: str) -> None:
    for character in characters:
        qtbot.mouseClick(key(pad, f"pinKey{character}"), Qt.MouseButton.LeftButton)


def collect(pad: PinPad) -> list[bytearray]:
    received: list[bytearray] = []
    pad.entered.connect(received.append)
    return received


def test_clicked_digits_are_handed_out_once_and_wiped(qtbot: QtBot, pad: PinPad) -> None:
    received = collect(pad)
    click(qtbot, pad, "9876")
    assert pad.length() == 4
    assert key(pad, "pinOk").isEnabled()
    qtbot.mouseClick(key(pad, "pinOk"), Qt.MouseButton.LeftButton)
    assert len(received) == 1
    assert isinstance(received[0], bytearray)  # mutable: the receiver can wipe it
    assert received[0] == bytearray(b"9876")
    assert pad.length() == 0
    assert not any(pad._buffer)  # every byte zero
    assert not key(pad, "pinOk").isEnabled()
    qtbot.keyClick(pad, Qt.Key.Key_Return)  # nothing left to hand out
    assert len(received) == 1


def test_physical_keyboard_digits_backspace_and_enter(qtbot: QtBot, pad: PinPad) -> None:
    received = collect(pad)
    qtbot.keyClicks(pad, "98")
    qtbot.keyClick(pad, Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, "76")
    qtbot.keyClick(pad, Qt.Key.Key_Enter)
    assert received == [bytearray(b"9876")]
    assert not any(pad._buffer)


def test_four_digit_rule_enforced_as_typed(qtbot: QtBot, pad: PinPad) -> None:
    received = collect(pad)
    qtbot.keyClicks(pad, "98a")  # a letter is not a digit: ignored
    assert pad.length() == 2
    click(qtbot, pad, "7")
    assert not key(pad, "pinOk").isEnabled()
    qtbot.keyClick(pad, Qt.Key.Key_Return)  # too short: nothing handed out
    assert received == []
    qtbot.keyClicks(pad, "65")  # the fifth is refused
    assert pad.length() == 4
    assert not key(pad, "pinKey0").isEnabled()  # full: the keys say so
    assert not key(pad, "pinShowLetters").isVisible()  # digits only: no letter page
    pad.submit()
    assert received == [bytearray(b"9876")]


def test_password_rule_letters_upper_cased_and_length_window(qtbot: QtBot, styled: QApplication) -> None:
    pad = PinPad(rule=PASSWORD)
    qtbot.addWidget(pad)
    pad.configure(PASSWORD, caption="Signing password")
    pad.show()
    qtbot.waitExposed(pad)
    received = collect(pad)
    assert key(pad, "pinShowLetters").isVisible()
    qtbot.mouseClick(key(pad, "pinShowLetters"), Qt.MouseButton.LeftButton)
    assert pad.letters_shown()
    click(qtbot, pad, "XQZ")
    qtbot.keyClicks(pad, "jk")  # lower-case typing arrives upper-cased
    assert not key(pad, "pinOk").isEnabled()  # 5 < 6
    qtbot.mouseClick(key(pad, "pinShowDigits"), Qt.MouseButton.LeftButton)
    click(qtbot, pad, "9")
    assert key(pad, "pinOk").isEnabled()
    qtbot.keyClicks(pad, "VVVVVVVVVVVVVVV")  # 6 + 15 > 16: the last five are refused
    assert pad.length() == 16
    assert not key(pad, "pinKeyA").isEnabled()
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert received == [bytearray(b"XQZJK9" + b"V" * 10)]
    assert not any(pad._buffer)
    pad.configure(FOUR_DIGITS)  # back to digits: the letter page goes away
    assert not pad.letters_shown()
    qtbot.keyClicks(pad, "AB")
    assert pad.length() == 0


def test_clear_back_cancel_and_hide_wipe(qtbot: QtBot, pad: PinPad) -> None:
    lengths: list[int] = []
    pad.length_changed.connect(lengths.append)
    cancelled: list[bool] = []
    pad.cancelled.connect(lambda: cancelled.append(True))
    click(qtbot, pad, "987")
    qtbot.mouseClick(key(pad, "pinBack"), Qt.MouseButton.LeftButton)
    assert pad.length() == 2
    assert pad._buffer[2] == 0
    qtbot.mouseClick(key(pad, "pinClear"), Qt.MouseButton.LeftButton)
    assert pad.length() == 0 and not any(pad._buffer)
    assert lengths == [1, 2, 3, 2, 0]
    click(qtbot, pad, "98")
    qtbot.mouseClick(key(pad, "pinCancel"), Qt.MouseButton.LeftButton)
    assert cancelled == [True]
    assert pad.length() == 0 and not any(pad._buffer)
    click(qtbot, pad, "98")
    pad.hide()  # a screen change or the idle return
    assert pad.length() == 0 and not any(pad._buffer)


def test_configured_by_pin_kind_and_optional_skip(qtbot: QtBot, pad: PinPad) -> None:
    skipped: list[bool] = []
    pad.skipped.connect(lambda: skipped.append(True))
    assert not key(pad, "pinSkip").isVisible()
    pad.skip()  # not optional: nothing happens
    assert skipped == []
    pad.configure(PinKind.SIGN, optional=True)
    assert pad.rule() == PASSWORD
    assert key(pad, "pinSkip").isVisible()
    qtbot.keyClicks(pad, "AB")
    qtbot.mouseClick(key(pad, "pinSkip"), Qt.MouseButton.LeftButton)
    assert skipped == [True]
    assert pad.length() == 0 and not any(pad._buffer)
    pad.configure(PinKind.AUTH)
    assert pad.rule() == FOUR_DIGITS and not key(pad, "pinSkip").isVisible()


def test_reconfiguring_wipes_the_old_buffer(qtbot: QtBot, pad: PinPad) -> None:
    click(qtbot, pad, "987")
    old = pad._buffer
    pad.configure(PASSWORD)
    assert not any(old)
    assert pad.length() == 0


@pytest.mark.parametrize("rule", [FOUR_DIGITS, PASSWORD], ids=["digits", "password"])
def test_no_typed_character_in_any_text(qtbot: QtBot, styled: QApplication, rule: PinRule) -> None:
    pad = PinPad(rule=rule)
    qtbot.addWidget(pad)
    pad.configure(rule, caption="PIN", prompt="Enter it.", tries_left=3, max_tries=3)
    mirror = PinMirror()
    qtbot.addWidget(mirror)
    mirror.follow(pad)
    pad.show()
    secret = "9876" if rule.alphabet is Alphabet.DIGITS else "XQZJKW9875"
    before = widget_texts(pad) | widget_texts(mirror)
    qtbot.keyClicks(pad, secret)
    assert pad.length() == len(secret)
    after = widget_texts(pad) | widget_texts(mirror)
    changed = {where: text for where, text in after.items() if before.get(where) != text}
    assert changed, "the dots and the count must change"
    for where, text in after.items():
        assert secret not in text, where
    for where, text in changed.items():
        # Only dots and counts change (here "4 of 4", "10 entered (6 to 16)"): no character of the secret.
        assert not set(text) & set(secret), (where, text)
    assert pad.accessibleDescription() == f"{len(secret)} characters entered"
    assert mirror.findChild(QLabel, "pinMirrorDots").text().startswith(FILLED_DOT * len(secret))
    pad.clear()


def test_every_button_has_an_object_name_and_accessible_name(qtbot: QtBot, pad: PinPad) -> None:
    buttons = pad.findChildren(QAbstractButton)
    assert len(buttons) == 10 + 26 + 2 + 5  # digits, letters, page toggles, Clear Back Cancel Skip OK
    names = [button.objectName() for button in buttons]
    assert all(names) and len(set(names)) == len(names)
    assert all(button.accessibleName() for button in buttons)
    assert pad.objectName() == "pinPad" and pad.accessibleName()
    for row in (*DIGIT_ROWS, *LETTER_ROWS):
        for character in row:
            assert key(pad, f"pinKey{character}").text() == character


def test_keys_are_large_touch_targets(qtbot: QtBot, pad: PinPad) -> None:
    for button in pad.findChildren(QPushButton):
        if button.isVisible():
            assert min(button.width(), button.height()) >= theme.MIN_TARGET_PX, button.objectName()
    assert min(key(pad, "pinKey5").width(), key(pad, "pinKey5").height()) >= theme.NORMAL.key_px


@pytest.mark.parametrize("chosen", [theme.NORMAL, theme.LARGE_TEXT], ids=lambda t: t.name)
def test_the_letter_page_fits_beside_the_texts_with_large_keys(qtbot: QtBot, styled: QApplication,
                                                               chosen: theme.Theme) -> None:
    """Letter keys are smaller than digit keys but targets still; the letter page is no taller than the
    digit page, and the texts keep a column beside the keys, not above them."""
    theme.apply(styled, chosen)
    pad = PinPad(rule=PASSWORD)
    qtbot.addWidget(pad)
    pad.configure(PASSWORD, prompt="Enter your signing password.")
    pad.resize(1248, 700)
    pad.show()
    qtbot.waitExposed(pad)
    digits, letters = pad.findChild(QWidget, "pinDigitPage"), pad.findChild(QWidget, "pinLetterPage")
    assert digits is not None and letters is not None
    assert letters.minimumSizeHint().height() <= digits.minimumSizeHint().height()
    pad.show_letters(True)
    for character in "".join(LETTER_ROWS):
        letter = key(pad, f"pinKey{character}")
        assert letter.isVisible()
        assert min(letter.width(), letter.height()) >= chosen.letter_key_px >= chosen.target_px, character
    prompt = pad.findChild(QLabel, "pinPrompt")
    assert prompt is not None
    keys = pad.findChild(QWidget, "pinPages")
    assert keys is not None
    assert prompt.mapTo(pad, prompt.rect().topRight()).x() < keys.x()  # beside, not above
    assert keys.geometry().bottom() < key(pad, "pinOk").y()


def test_japanese_texts_and_accessible_names(qtbot: QtBot, pad: PinPad, japanese: object) -> None:
    assert key(pad, "pinOk").text() == "確定"
    assert key(pad, "pinKey5").accessibleName() == "数字 5"
    qtbot.keyClicks(pad, "98")
    assert pad.accessibleDescription() == "2文字入力済み"
    for button in pad.findChildren(QAbstractButton):
        assert button.accessibleName(), button.objectName()


def test_tries_left_shown_and_the_last_try_highlighted(qtbot: QtBot, pad: PinPad) -> None:
    tries = pad.findChild(QLabel, "pinTries")
    assert not tries.isVisible()
    pad.set_tries_left(3, 3)
    assert tries.isVisible() and "3" in tries.text()
    assert tries.property("role") == theme.ROLE_NOTICE
    pad.set_tries_left(1, 3)
    assert tries.property("role") == theme.ROLE_WARNING
    assert "Last try" in tries.text()
    pad.set_problem("The PIN is wrong.")
    assert pad.findChild(QLabel, "pinProblem").isVisible()


def test_mirror_follows_configuration_and_progress(qtbot: QtBot, pad: PinPad) -> None:
    mirror = PinMirror()
    qtbot.addWidget(mirror)
    mirror.follow(pad)
    mirror.show()
    pad.configure(PASSWORD, caption="Signing password", prompt="New password, again")
    assert mirror.findChild(QLabel, "pinMirrorCaption").text() == "Signing password"
    qtbot.keyClicks(pad, "ABC")
    assert mirror.findChild(QLabel, "pinMirrorProgress").text() == "3 entered (6 to 16)"
    assert mirror.accessibleDescription() == "3 characters entered"
    assert mirror.findChildren(QAbstractButton) == []  # staff see, they do not type


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_screenshots(qtbot: QtBot, styled: QApplication, screenshot_dir: Path, chosen: theme.Theme,
                     language: str, request: pytest.FixtureRequest) -> None:
    if language == "ja":
        request.getfixturevalue("japanese")
    theme.apply(styled, chosen)
    pad = PinPad()
    qtbot.addWidget(pad)
    ja = language == "ja"
    pad.configure(FOUR_DIGITS, caption="利用者証明用暗証番号" if ja else "User-authentication PIN",
                  prompt="4桁の暗証番号を入力してください。" if ja else "Enter your 4-digit PIN.",
                  tries_left=1, max_tries=3)
    pad.show()
    qtbot.keyClicks(pad, "12")
    save_screenshot(pad, screenshot_dir, f"pinpad-digits-{chosen.name}-{language}")
    pad.configure(PASSWORD, caption="署名用電子証明書の暗証番号" if ja else "Signing password",
                  prompt="新しい暗証番号（確認のためもう一度）" if ja else "New password, once more",
                  tries_left=4, max_tries=5, problem="2回の入力が一致しません。" if ja else "The entries differ.")
    pad.show_letters(True)
    qtbot.keyClicks(pad, "ABCDEFG")
    save_screenshot(pad, screenshot_dir, f"pinpad-letters-{chosen.name}-{language}")
    mirror = PinMirror()
    qtbot.addWidget(mirror)
    mirror.follow(pad)
    mirror.show()
    save_screenshot(mirror, screenshot_dir, f"pinmirror-{chosen.name}-{language}")
    pad.clear()
