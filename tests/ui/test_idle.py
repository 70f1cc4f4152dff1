"""The idle watcher: any input restarts the count, nothing else does, and idle is said once per lull."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.idle import IdleWatcher

LONG_S = 600.0  # tests that watch the count go down use a timeout that cannot expire during them


@pytest.fixture
def widget(qtbot: QtBot, qapp: QApplication) -> QLineEdit:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[IdleWatcher]:
    made = IdleWatcher(LONG_S)
    made.start()
    yield made
    made.stop()


FULL_MS = round(LONG_S * 1000)


def count_after(qtbot: QtBot, watcher: IdleWatcher, action: Callable[[], None]) -> float:
    """The time left after ``action`` plus the time ``action`` took: the full interval if it restarted the
    count (however slow the machine), and at least 20 ms less if it did not."""
    qtbot.waitUntil(lambda: 0 <= watcher.remaining_ms() < FULL_MS - 20, timeout=5000)
    started = time.monotonic()
    action()
    left = watcher.remaining_ms()
    return left + (time.monotonic() - started) * 1000


def test_idle_after_the_timeout(qtbot: QtBot, qapp: QApplication) -> None:
    watcher = IdleWatcher(0.05)
    watcher.start()
    try:
        with qtbot.waitSignal(watcher.idle, timeout=5000):
            pass
        assert watcher.remaining_ms() == -1  # said once; waits for the next input
    finally:
        watcher.stop()


def test_input_after_idle_starts_a_new_count(qtbot: QtBot, widget: QLineEdit) -> None:
    watcher = IdleWatcher(0.05)
    watcher.start()
    try:
        with qtbot.waitSignal(watcher.idle, timeout=5000):
            pass
        qtbot.keyClick(widget, Qt.Key.Key_A)
        assert watcher.remaining_ms() >= 0
        with qtbot.waitSignal(watcher.idle, timeout=5000):
            pass
    finally:
        watcher.stop()


def _key(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_5)


def _mouse(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _mouse_move(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseMove(widget, QPoint(5, 5))


def _wheel(qtbot: QtBot, widget: QWidget) -> None:
    event = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _touch(qtbot: QtBot, widget: QWidget) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, QPoint(5, 5)).commit()
    QTest.touchEvent(widget, device).release(0, QPoint(5, 5)).commit()


@pytest.mark.parametrize("send", [_key, _mouse, _mouse_move, _wheel, _touch],
                         ids=["key", "mouse", "mouse-move", "wheel", "touch"])
def test_any_input_restarts_the_count(qtbot: QtBot, widget: QLineEdit, watcher: IdleWatcher,
                                      send: Callable[[QtBot, QWidget], None]) -> None:
    assert count_after(qtbot, watcher, lambda: send(qtbot, widget)) >= FULL_MS - 2  # ms rounding


def test_other_events_do_not_count(qtbot: QtBot, widget: QLineEdit, watcher: IdleWatcher) -> None:
    def not_input() -> None:
        widget.repaint()
        widget.setText("status update")
        QApplication.sendEvent(widget, QEvent(QEvent.Type.UpdateRequest))
        widget.resize(widget.width() + 1, widget.height())

    assert count_after(qtbot, watcher, not_input) < FULL_MS - 10


def test_stop_removes_the_filter_and_start_resumes(qtbot: QtBot, widget: QLineEdit, watcher: IdleWatcher) -> None:
    watcher.stop()
    assert not watcher.is_watching()
    qtbot.keyClick(widget, Qt.Key.Key_A)
    assert watcher.remaining_ms() == -1  # no count while stopped: no idle during a card write
    watcher.start()
    assert watcher.is_watching() and watcher.remaining_ms() > 0


def test_timeout_is_checked_and_can_change(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="positive"):
        IdleWatcher(0)
    watcher = IdleWatcher(30)
    watcher.set_timeout(120)
    assert watcher.timeout_s() == 120
