"""Every control a person can operate, on every screen and in the window, has an accessible name (what a
screen reader says) and an objectName (what tests, docs/ui.md and tools find it by), in every kiosk language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.domain.transactions import Mode
from kiosk.ui.translation import KIOSK_LANGUAGES, use_language
from kiosk.ui.window import MainWindow
from ui.screens_for_tests import SCREENS, ScreenCase

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractSlider, QTextEdit,
               QPlainTextEdit, QAbstractItemView)
# Parts of a compound control that assistive technology reaches through the control itself.
COMPOUND = (QAbstractSpinBox, QComboBox)


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[None]:
    yield
    use_language(i18n.SOURCE_LANGUAGE)
    i18n.set_language(None)


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget.parentWidget(), COMPOUND):
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r} text={getattr(widget, 'text', lambda: '')()!r}"
        if not widget.objectName():
            problems.append(f"{where}: no objectName")
        if not widget.accessibleName().strip():
            problems.append(f"{where}: no accessibleName")
    return problems


@pytest.mark.parametrize("language", KIOSK_LANGUAGES)
@pytest.mark.parametrize("case", SCREENS, ids=lambda case: case.name)
def test_every_control_on_every_screen_is_named(qtbot: QtBot, speaking: None, case: ScreenCase,
                                                language: str) -> None:
    use_language(language)
    screen = case.build()
    qtbot.addWidget(screen)
    assert screen.objectName()
    assert not unnamed_controls(screen)
    if case.name == "pinEntry":  # both pages of the PIN pad
        pad = screen.pad  # type: ignore[attr-defined]
        pad.show_letters(not pad.letters_shown())
    problems = unnamed_controls(screen)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", KIOSK_LANGUAGES)
@pytest.mark.parametrize("mode", list(Mode))
def test_every_control_of_the_window_is_named(qtbot: QtBot, speaking: None, mode: Mode, language: str) -> None:
    use_language(language)
    window = MainWindow(mode, training=True, lockdown=False)
    qtbot.addWidget(window)
    problems = unnamed_controls(window)
    assert not problems, "\n".join(problems)


def test_the_check_finds_an_unnamed_control(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    QLineEdit(root).setObjectName("field")
    problems = unnamed_controls(root)
    assert problems == ["QLineEdit 'field' text='': no accessibleName"]
