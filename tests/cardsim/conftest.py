"""Fixtures of the virtual card's tests: a fixed "today" and factory-fresh cards on the seeded training PKI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kiosk.cardsim import Profile, VirtualCard
from kiosk.pki.training import TrainingPki

from .helpers import Terminal

# A fixed day keeps the relative profiles reproducible; the profile tests sweep other days.
TODAY = date(2026, 3, 1)

CardFactory = Callable[..., VirtualCard]


@pytest.fixture
def make_card(training_pki: TrainingPki) -> CardFactory:
    def make(profile: str | Profile = "valid") -> VirtualCard:
        return VirtualCard.from_profile(profile, pki=training_pki, today=TODAY)

    return make


@pytest.fixture
def card(make_card: CardFactory) -> VirtualCard:
    return make_card("valid")


@pytest.fixture
def terminal(card: VirtualCard) -> Terminal:
    return Terminal(card)
