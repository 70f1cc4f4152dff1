"""The status bar: every part of the terminal's state said in words, the rejected records one click away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import theme
from kiosk.ui.state import TerminalState
from kiosk.ui.widgets.statusbar import StatusBar, format_age, format_since

from .helpers import save_screenshot

NOW = datetime(2026, 12, 1, 5, 30, tzinfo=UTC)
READER = "Kiosk Virtual Reader 00 00"
SCREEN_WIDTH = 1280  # the smallest counter screen we plan for


@pytest.fixture
def bar(qtbot: QtBot, styled: QApplication) -> StatusBar:
    widget = StatusBar(clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def text(bar: QWidget, name: str) -> str:
    label = bar.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def label(bar: QWidget, name: str) -> QLabel:
    found = bar.findChild(QLabel, name)
    assert found is not None, name
    return found


@pytest.mark.parametrize(("state", "expected", "role"), [
    (TerminalState(pcsc_available=False), "Card reader service not running", theme.ROLE_STATUS_PROBLEM),
    (TerminalState(reader=None), "No card reader", theme.ROLE_STATUS_PROBLEM),
    (TerminalState(reader=READER), f"{READER}: no card", None),
    (TerminalState(reader=READER, card_present=True), f"{READER}: card inserted", theme.ROLE_STATUS_OK),
])
def test_reader_and_card(bar: StatusBar, state: TerminalState, expected: str, role: str | None) -> None:
    bar.show_state(state)
    assert text(bar, "statusReader") == expected
    assert label(bar, "statusReader").property("role") == role


def test_central_service_reachability_and_since_when(bar: StatusBar) -> None:
    bar.show_state(TerminalState())
    assert text(bar, "statusCentral") == "Central service: not checked yet"
    since = NOW - timedelta(minutes=20)
    bar.show_state(TerminalState(central_reachable=False, central_since=since))
    assert text(bar, "statusCentral") == f"Central service: unreachable since {format_since(since, NOW)}"
    assert label(bar, "statusCentral").property("role") == theme.ROLE_STATUS_PROBLEM
    bar.show_state(TerminalState(central_reachable=True, central_since=since))
    assert text(bar, "statusCentral").startswith("Central service: connected since ")
    assert label(bar, "statusCentral").property("role") == theme.ROLE_STATUS_OK


def test_since_shows_the_date_when_not_today() -> None:
    assert len(format_since(NOW - timedelta(minutes=5), NOW)) == len("05:25")
    assert len(format_since(NOW - timedelta(days=3), NOW)) == len("11/28 05:30")


@pytest.mark.parametrize(("seconds", "expected"), [
    (0, "0 s"), (59.9, "59 s"), (60, "1 min"), (3599, "59 min"), (3600, "1 h"), (86399, "23 h"),
    (86400, "1 days"), (10 * 86400 + 5, "10 days"),
])
def test_age_in_its_largest_unit(qapp: QApplication, seconds: float, expected: str) -> None:
    assert format_age(seconds) == expected


def test_outbox_backlog_oldest_age_and_stale(bar: StatusBar) -> None:
    bar.show_state(TerminalState(backlog=0))
    assert text(bar, "statusOutbox") == "Outbox: nothing waiting"
    bar.show_state(TerminalState(backlog=12, oldest_pending_age_s=3 * 3600 + 5))
    assert text(bar, "statusOutbox") == "Outbox: 12 waiting, oldest 3 h"
    assert label(bar, "statusOutbox").property("role") is None
    bar.show_state(TerminalState(backlog=12, oldest_pending_age_s=2 * 86400))
    assert label(bar, "statusOutbox").property("role") == theme.ROLE_STATUS_PROBLEM


def test_sender_paused_says_so_with_the_reason_for_the_technician(bar: StatusBar) -> None:
    bar.show_state(TerminalState())
    assert not label(bar, "statusSender").isVisible()
    bar.show_state(TerminalState(sender_paused_reason="401 Unauthorized"))
    assert label(bar, "statusSender").isVisible()
    assert "technician" in text(bar, "statusSender")
    assert label(bar, "statusSender").toolTip() == "401 Unauthorized"


def test_rejected_count_is_clickable(qtbot: QtBot, bar: StatusBar) -> None:
    bar.show_state(TerminalState(rejected=2))
    button = bar.findChild(QPushButton, "statusRejected")
    assert button.text() == "Rejected: 2"
    with qtbot.waitSignal(bar.rejected_clicked, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert min(button.width(), button.height()) >= theme.MIN_TARGET_PX


def test_training_banner_only_in_training(bar: StatusBar) -> None:
    bar.show_state(TerminalState(training=False))
    assert not label(bar, "statusTraining").isVisible()
    bar.show_state(TerminalState(training=True))
    assert label(bar, "statusTraining").isVisible()
    assert "TRAINING" in text(bar, "statusTraining")
    assert bar.state().training


def test_every_part_has_an_object_name_and_accessible_name(bar: StatusBar, japanese: object) -> None:
    bar.show_state(TerminalState(reader=READER, card_present=True, central_reachable=False, backlog=3,
                                 rejected=1, training=True, sender_paused_reason="TLS"))
    parts = [*bar.findChildren(QLabel), *bar.findChildren(QPushButton)]
    assert len(parts) == 6
    for part in parts:
        assert part.objectName().startswith("status"), part
        assert part.accessibleName(), part.objectName()
    assert text(bar, "statusReader") == f"{READER}: カードあり"
    assert bar.findChild(QPushButton, "statusRejected").accessibleName() == "拒否された記録: 1件。一覧を表示"


def test_state_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="negative"):
        TerminalState(backlog=-1)
    with pytest.raises(ValueError, match="negative"):
        TerminalState(oldest_pending_age_s=-5.0)
    with pytest.raises(ValueError, match="aware"):
        TerminalState(central_since=datetime(2026, 12, 1, 5, 0))  # naive: the point of the test


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_screenshots(qtbot: QtBot, styled: QApplication, screenshot_dir: Path, chosen: theme.Theme,
                     language: str, request: pytest.FixtureRequest) -> None:
    if language == "ja":
        request.getfixturevalue("japanese")
    theme.apply(styled, chosen)
    bar = StatusBar(clock=lambda: NOW)
    qtbot.addWidget(bar)
    bar.show()
    bar.show_state(TerminalState(reader=READER, card_present=True, central_reachable=False,
                                 central_since=NOW - timedelta(minutes=42), backlog=17,
                                 oldest_pending_age_s=2 * 86400 + 60, rejected=2, training=True,
                                 sender_paused_reason="401 Unauthorized"))
    save_screenshot(bar, screenshot_dir, f"statusbar-problems-{chosen.name}-{language}", width=SCREEN_WIDTH)
    rejected = bar.findChild(QPushButton, "statusRejected")
    assert rejected.width() >= rejected.sizeHint().width()  # the count is never cut off
    bar.show_state(TerminalState(reader=READER, central_reachable=True, central_since=NOW - timedelta(hours=2)))
    save_screenshot(bar, screenshot_dir, f"statusbar-calm-{chosen.name}-{language}", width=SCREEN_WIDTH)
