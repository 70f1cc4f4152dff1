"""The window fits the displays terminals have: a 1280x800 kiosk panel and a 1366x768 counter laptop. A
window whose minimum size is larger is cut off by a full-screen kiosk (the bottom of the PIN pad and the
status bar fall off the panel) and cannot be made to fit at the counter."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain.transactions import Mode
from kiosk.ui import theme
from kiosk.ui.controller import Controller
from kiosk.ui.window import MainWindow

DISPLAYS = {Mode.KIOSK: (1280, 800), Mode.COUNTER: (1366, 768)}


@pytest.mark.parametrize("mode", [Mode.KIOSK, Mode.COUNTER], ids=str)
def test_every_screen_fits_the_display(qapp: QApplication, mode: Mode) -> None:
    theme.apply(qapp, theme.NORMAL)
    try:
        window = MainWindow(mode, training=True, lockdown=False)
        controller = Controller(mode, window.stack)
        width, height = DISPLAYS[mode]
        too_big = {}
        for index in range(window.stack.count()):
            screen = window.stack.widget(index)
            assert screen is not None
            controller.show(screen)
            needed = window.minimumSizeHint()
            if needed.width() > width or needed.height() > height:
                too_big[screen.objectName()] = needed.toTuple()
        assert not too_big, f"screens larger than {width}x{height}: {too_big}"
    finally:
        qapp.setStyleSheet("")
