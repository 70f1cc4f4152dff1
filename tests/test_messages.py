"""What a screen says and offers for each error, for residents and for staff, truthful about the card."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk import errors
from kiosk.messages import Audience, Remedy, advice_for, message_for


def test_staff_read_what_to_check_where_residents_are_told_to_call_staff() -> None:
    for error in (errors.NoReader("x"), errors.PcscUnavailable("x"), errors.ReaderBusy("x")):
        resident = advice_for(error, audience=Audience.RESIDENT).text
        staff = advice_for(error, audience=Audience.STAFF).text
        assert "staff member" in resident
        assert "staff member" not in staff and staff != resident


def test_a_procedure_that_changed_the_card_never_says_nothing_changed() -> None:
    removed = errors.CardRemoved("x")
    changed = advice_for(removed, card_changed=True)
    unchanged = advice_for(removed, card_changed=False)
    assert "Nothing" not in changed.text and "already done" in changed.text
    assert "Nothing on the card was changed" in unchanged.text
    assert changed.remedy is Remedy.REINSERT_CARD
    assert "Nothing" not in advice_for(errors.ServerUnavailable("x"), card_changed=True).text


@pytest.mark.parametrize(("error", "remedy"), [
    (errors.CardRemoved("x"), Remedy.REINSERT_CARD), (errors.WrongPin("auth", 2), Remedy.RETRY),
    (errors.PinBlocked("auth"), Remedy.GO_TO_COUNTER), (errors.RenewalNotOpen(date(2027, 1, 5)), Remedy.COME_BACK),
    (errors.ProofNotPossible("x", "same_pin"), Remedy.GO_TO_COUNTER), (errors.ServerUnavailable("x"), Remedy.RETRY),
    (errors.AuthenticationFailed("x"), Remedy.TECHNICIAN), (errors.OperationCancelled("x"), Remedy.NONE),
    (errors.DatabaseFull("x"), Remedy.TECHNICIAN)])
def test_every_error_has_a_remedy_a_screen_can_offer(error: errors.KioskError, remedy: Remedy) -> None:
    assert advice_for(error).remedy is remedy


def test_flow_refusals_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "2027-01-05" in message_for(errors.RenewalNotOpen(date(2027, 1, 5)))
    reasons = {message_for(errors.ProofNotPossible("x", r)) for r in ("not_provable", "same_pin", "proof_pin_blocked")}
    assert len(reasons) == 3
    assert "signing password" in message_for(errors.PinNotOnCard("x", "sign"))
    monkeypatch.setenv("KIOSK_LANG", "ja")
    assert "2027-01-05" in message_for(errors.RenewalNotOpen(date(2027, 1, 5)))
    assert "{" not in message_for(errors.PinNotOnCard("x", "sign"))
