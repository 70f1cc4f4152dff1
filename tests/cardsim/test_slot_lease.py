"""A leased virtual reader is handed on empty, as pcscd sees it, not only as the card link sees it."""

from __future__ import annotations

import pytest
from smartcard import scard
from virtual_cards import empty_slot, wait_for_card

from kiosk.cardsim import VirtualCard
from kiosk.cardsim import pcscd as pcscd_control
from kiosk.cardsim.vpcd import VpcdLink

from .pcsc import Reader

pytestmark = pytest.mark.pcsc


def test_a_card_pulled_just_before_the_lease_ends_is_gone_for_the_next_holder(
        pcscd: pcscd_control.PcscdProcess, card: VirtualCard) -> None:
    """The card leaves at the last moment of a test: pcscd has not polled yet when the test ends.

    Without the wait in ``empty_slot`` the next holder finds pcscd still reporting that card present
    (its removal poll comes about 250 ms later), takes it for its own card, and fails with "no card" or
    "card removed": tests/cli/test_card_cli.py failed so after tests/cardsim/test_cardsim_vpcd.py.
    """
    with pcscd_control.restart_lock(exclusive=False):
        with empty_slot() as slot:
            link = VpcdLink(card, slot.port)
            link.insert()
            wait_for_card(slot.reader, present=True)
            link.remove()
        reader = Reader(slot.reader)
        try:
            state, _atr = reader.state()
        finally:
            reader.close()
    assert not state & scard.SCARD_STATE_PRESENT, f"{slot.reader}: still a card ({state:#x})"
