"""The counter's check screen judges an appointment date against the renewal window and the site calendar."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from kiosk.calendar_config import demo_rules
from kiosk.card.check import read_card_status
from kiosk.card.connection import InProcessConnection
from kiosk.card.transport import CardTransport
from kiosk.cardsim import VirtualCard
from kiosk.domain.validity import JST
from kiosk.pki.training import TrainingPki
from kiosk.ui.screens.check import CheckScreen


def _next(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7 or 7)


def test_a_closed_day_is_refused_with_the_nearest_bookable_one_and_an_open_day_is_bookable(
        qtbot: QtBot, training_pki: TrainingPki) -> None:
    from datetime import datetime

    today = datetime.now(JST).date()
    card = VirtualCard.from_profile("renewable", pki=training_pki, today=today)
    status = read_card_status(CardTransport(InProcessConnection(card)))
    screen = CheckScreen(counter=True)
    qtbot.addWidget(screen)
    screen.show_status(status, today, demo_rules())

    saturday = _next(today, 5)  # the example centre is closed on Saturdays
    screen.appointment_date.setDate(QDate(saturday.year, saturday.month, saturday.day))
    screen.appointment_button.click()
    refused = screen.appointment_verdict.text()
    assert refused and "booked" in refused.lower() and "can be booked." not in refused

    tuesday = _next(today, 1)  # open 11:00-19:00, unless a holiday falls on it
    if demo_rules().calendar.is_open_on(tuesday):
        screen.appointment_date.setDate(QDate(tuesday.year, tuesday.month, tuesday.day))
        screen.appointment_button.click()
        assert screen.appointment_verdict.text().endswith("can be booked.")

    past = today - timedelta(days=3)
    screen.appointment_date.setDate(QDate(past.year, past.month, past.day))
    screen.appointment_button.click()
    assert screen.appointment_verdict.text() not in ("", refused)
