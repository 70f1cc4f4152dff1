"""The counter's notice of kiosk calls, as a widget: what it says, when it beeps, and that one press answers
one call once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.sync.client import StaffCall
from kiosk.ui.widgets.staffcalls import StaffCallBanner

NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def call(call_id: str, *, minutes_ago: int, screen: str = "pinEntryScreen", language: str = "vi",
         answered_by: str | None = None, answered_staff: str | None = None) -> StaffCall:
    return StaffCall(call_id, "kiosk-02", screen, language, NOW - timedelta(minutes=minutes_ago),
                     NOW if answered_by else None, answered_by, answered_staff)


KEEP: list[QWidget] = []  # PySide deletes a parentless window nobody references; qtbot closes them


def banner(qtbot: QtBot) -> tuple[StaffCallBanner, list[None]]:
    beeps: list[None] = []
    window = QWidget()  # as in the counter's window: the notice shows itself when there is something to say
    qtbot.addWidget(window)
    KEEP[:] = [window]
    widget = StaffCallBanner(window, clock=lambda: NOW, beep=lambda: beeps.append(None))
    window.show()
    return widget, beeps


def test_hidden_without_calls_and_says_the_oldest_call_in_the_staffs_words(qtbot: QtBot) -> None:
    widget, beeps = banner(qtbot)
    assert widget.isHidden()
    widget.show_calls((call("a", minutes_ago=4), call("b", minutes_ago=1, screen="checkScreen", language="ja")))
    assert widget.isVisible()
    assert widget.text.text() == ("Kiosk kiosk-02 is calling for staff (entering a PIN, Vietnamese) for 4 min. "
                                  "Calls waiting in all: 2.")
    assert widget.answer_button.text() == "I'm going"
    assert widget.answer_button.accessibleName() == "Answer the call from kiosk kiosk-02"
    assert len(beeps) == 1  # one beep for what arrived together
    widget.show_calls((call("a", minutes_ago=4), call("b", minutes_ago=1)))
    assert len(beeps) == 1  # nothing new
    widget.show_calls((call("b", minutes_ago=1), call("c", minutes_ago=0)))
    assert len(beeps) == 2
    widget.show_calls(())
    assert widget.isHidden()


def test_one_press_answers_the_oldest_call_once(qtbot: QtBot) -> None:
    widget, _ = banner(qtbot)
    asked: list[str] = []
    widget.answer_requested.connect(asked.append)
    widget.show_calls((call("a", minutes_ago=4), call("b", minutes_ago=1)))
    widget.answer_button.click()
    widget.answer_button.click()  # a second press while the first is on its way
    assert asked == ["a"]
    assert not widget.answer_button.isEnabled() and widget.answer_button.text() == "Sending…"
    widget.show_answer(call("a", minutes_ago=4, answered_by="counter-01", answered_staff="S0012"), True)
    assert widget.note.text() == "You answered the call from kiosk kiosk-02."
    assert widget.answer_button.isEnabled()
    assert "Calls waiting" not in widget.text.text()  # the answered call left the notice


def test_someone_elses_answer_and_a_failed_answer_are_said(qtbot: QtBot) -> None:
    widget, _ = banner(qtbot)
    widget.show_calls((call("a", minutes_ago=2),))
    widget.answer_button.click()
    widget.show_answer(call("a", minutes_ago=2, answered_by="counter-02", answered_staff="S0099"), False)
    assert widget.note.text() == "S0099 at counter-02 already answered the call from kiosk kiosk-02."
    assert widget.text.isHidden() and widget.isVisible()  # the note stays a while, the call is gone

    widget.show_calls((call("b", minutes_ago=0),))
    widget.answer_button.click()
    widget.show_failure("Check the network.")
    assert widget.note.text() == "The answer did not reach the central service: Check the network."
    assert widget.answer_button.isEnabled()  # try again
    assert widget.text.isVisible()
