"""A pseudo-translation twice as long as each text still fits every kiosk screen, in every kiosk language,
in the normal and the large-text theme, in the kiosk's 1280x800 window: no text is cut off.

``KIOSK_PSEUDO_STRETCH`` stretches every text (kiosk.ui.translation); a label either wraps and gets the
height its wrapped text needs, or gets its whole one-line size; a button gets its whole size.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QSizePolicy, QWidget
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.domain.transactions import Mode
from kiosk.ui import theme
from kiosk.ui.translation import KIOSK_LANGUAGES, PSEUDO_STRETCH_VARIABLE, use_language
from kiosk.ui.window import MainWindow
from ui.screens_for_tests import KIOSK_SCREENS, ScreenCase

WIDTH, HEIGHT = 1280, 800


@pytest.fixture
def stretched(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Stretched texts for the test; afterwards English, no stretch, and the application's own look again."""
    font, palette = qapp.font(), qapp.palette()
    monkeypatch.setenv(PSEUDO_STRETCH_VARIABLE, "2.0")
    yield
    monkeypatch.delenv(PSEUDO_STRETCH_VARIABLE)
    use_language(i18n.SOURCE_LANGUAGE)
    i18n.set_language(None)
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setPalette(palette)


def cut_off(window: QWidget) -> list[str]:
    """Every visible text in ``window`` drawn in less room than it needs."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton) or not widget.text():
            continue
        where = f"{widget.objectName() or type(widget).__name__} {widget.text()[:40]!r}"
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height():
                problems.append(f"{where}: wrapped needs {needed} px high, has {widget.height()}")
        else:
            hint = widget.sizeHint()
            if hint.width() > widget.width() or hint.height() > widget.height():
                problems.append(f"{where}: needs {hint.width()}x{hint.height()}, has "
                                f"{widget.width()}x{widget.height()}")
    return problems


def _cases() -> list[object]:
    return [pytest.param(case, language, chosen, stretch, id=f"{case.name}-{language}-{chosen.name}-x{stretch:g}")
            for stretch in (1.0, 2.0) for chosen in (theme.NORMAL, theme.LARGE_TEXT)
            for language in KIOSK_LANGUAGES for case in KIOSK_SCREENS]


def show_in_kiosk_window(qtbot: QtBot, screen: QWidget, *, training: bool) -> MainWindow:
    window = MainWindow(Mode.KIOSK, training=training, lockdown=False)
    qtbot.addWidget(window)
    window.stack.addWidget(screen)
    window.stack.setCurrentWidget(screen)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    layout = window.centralWidget().layout()
    assert layout is not None
    layout.activate()
    return window


def problems_in(window: MainWindow) -> list[str]:
    problems = cut_off(window)
    if window.width() > WIDTH or window.height() > HEIGHT:
        problems.append(f"the window needs {window.width()}x{window.height()}, more than the kiosk's screen")
    return problems


@pytest.mark.parametrize(("case", "language", "chosen", "stretch"), _cases())
def test_texts_fit_the_kiosk_window(qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                                    stretched: None, case: ScreenCase, language: str, chosen: theme.Theme,
                                    stretch: float) -> None:
    monkeypatch.setenv(PSEUDO_STRETCH_VARIABLE, f"{stretch:g}")
    theme.apply(qapp, chosen)
    use_language(language)
    window = show_in_kiosk_window(qtbot, case.build(), training=False)
    problems = problems_in(window)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", KIOSK_LANGUAGES)
def test_the_training_banner_fits(qtbot: QtBot, qapp: QApplication, stretched: None, language: str) -> None:
    theme.apply(qapp, theme.LARGE_TEXT)
    use_language(language)
    window = show_in_kiosk_window(qtbot, KIOSK_SCREENS[0].build(), training=True)
    problems = problems_in(window)
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_cut_off_text(qtbot: QtBot, qapp: QApplication, stretched: None) -> None:
    """The check itself: a long unwrapped label squeezed by the layout is reported, a wrapped one is not."""
    theme.apply(qapp, theme.NORMAL)
    use_language("en")
    screen = KIOSK_SCREENS[0].build()
    long_text = "a text far too long for one line of the kiosk's screen " * 6
    squeezed = QLabel(long_text, screen)
    squeezed.setObjectName("squeezed")
    squeezed.setMinimumWidth(10)
    squeezed.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    wrapped = QLabel(long_text, screen)
    wrapped.setObjectName("wrapped")
    wrapped.setWordWrap(True)
    screen.layout_.addWidget(squeezed)
    screen.layout_.addWidget(wrapped)
    window = show_in_kiosk_window(qtbot, screen, training=False)
    found = problems_in(window)
    assert any(line.startswith("squeezed") for line in found), found
    assert not any(line.startswith("wrapped") for line in found), found
