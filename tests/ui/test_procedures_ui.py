"""Every procedure driven through the window, from the insert-card screen to the result, in both modes,
against a virtual card in a real pcscd reader and the reference central service; the card's state and the
record checked after each."""

from __future__ import annotations

import pytest

from kiosk.cardsim.profiles import named_profile
from kiosk.domain.transactions import Outcome, TransactionKind
from ui.harness import UiTerminal

pytestmark = pytest.mark.pcsc

NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"


def last_record_kind(terminal: UiTerminal) -> tuple[TransactionKind, Outcome]:
    assert terminal.results, "no procedure finished"
    result = terminal.results[-1]
    return result.record.kind, result.record.outcome


async def test_counter_renewal_from_insert_card_to_receipt(counter_app: UiTerminal) -> None:
    app = counter_app
    await app.sign_in()
    await app.screen("insertCardScreen")
    card = app.card("renewable")
    with app.inserted(card):
        await app.screen("checkScreen")
        app.click("renewButton")
        await app.screen("identityScreen")
        app.controller.identity.boxes[next(iter(app.controller.identity.boxes))].setChecked(True)
        expiry = named_profile("renewable").card_expires_on
        from PySide6.QtCore import QDate

        app.controller.identity.expiry.setDate(QDate(expiry.year, expiry.month, expiry.day))
        app.click("identityOkButton")
        await app.type_pin("5678")  # card-info PIN
        await app.type_pin("ABC123")  # the current signing password (optional)
        for pin in (NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN):
            await app.type_pin(pin)
        await app.screen("resultScreen")
    assert last_record_kind(app) == (TransactionKind.RENEWAL, Outcome.COMPLETED)
    assert app.widget("resultReceiptButton").isVisible()
    assert card.state.pins["auth"].matches(NEW_AUTH.encode())


async def test_kiosk_reset_by_proof(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await app.screen("attractScreen")
    app.click("attractStartButton")
    await app.screen("insertCardScreen")
    card = app.card("sign-blocked")
    with app.inserted(card):
        await app.screen("checkScreen")
        app.click("resetPinButton")
        await app.screen("choosePinScreen")
        assert not app.widget("choosePin_card_info").isVisible()
        app.click("choosePin_sign")
        for pin in (NEW_SIGN, NEW_SIGN, "1234"):
            await app.type_pin(pin)
        await app.screen("resultScreen")
    assert last_record_kind(app) == (TransactionKind.PIN_RESET, Outcome.COMPLETED)
    assert card.state.pins["sign"].matches(NEW_SIGN.encode())
    await app.screen("attractScreen")  # the card left: back to the start, everything wiped
    assert app.controller.status is None


async def test_card_pulled_in_the_middle_says_so_and_recovers(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    app.click("attractStartButton")
    card = app.card("valid")
    with app.inserted(card) as link:
        await app.screen("checkScreen")
        app.click("changePinButton")
        await app.screen("choosePinScreen")
        app.click("choosePin_auth")
        await app.type_pin(NEW_AUTH)
        await app.type_pin(NEW_AUTH)
        await app.screen("pinEntryScreen")
        link.remove()
        await app.screen("attractScreen")
    assert last_record_kind(app)[1] in (Outcome.FAILED, Outcome.CANCELLED)
    assert card.state.pins["auth"].matches(b"1234")
    # and the next resident is served without a restart
    app.click("attractStartButton")
    with app.inserted(app.card("valid")):
        await app.screen("checkScreen")
