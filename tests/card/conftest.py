"""Fixtures of the card layer's tests: virtual cards, in-process or in a real reader."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kiosk.card.connection import InProcessConnection
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.cardsim import VirtualCard
from kiosk.pki.training import TrainingPki

CardFactory = Callable[..., VirtualCard]
TODAY = date(2026, 6, 1)


@pytest.fixture
def make_card(training_pki: TrainingPki) -> CardFactory:
    """A factory-fresh virtual card of a profile, its relative dates resolved against ``TODAY``."""

    def make(profile: str, today: date = TODAY) -> VirtualCard:
        return VirtualCard.from_profile(profile, pki=training_pki, today=today)

    return make


@pytest.fixture
def in_process(make_card: CardFactory) -> Callable[[str], tuple[VirtualCard, CardTransport]]:
    """A virtual card of a profile behind an in-process connection, with its own extended-length memory."""

    def open_card(profile: str) -> tuple[VirtualCard, CardTransport]:
        card = make_card(profile)
        transport = CardTransport(InProcessConnection(card, reader=f"in-process {profile}"),
                                  memory=ExtendedLengthMemory())
        return card, transport

    return open_card
