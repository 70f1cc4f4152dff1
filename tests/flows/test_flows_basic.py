"""Every procedure once, end to end, on the cards it applies to."""

from __future__ import annotations

import pytest

from flows.harness import Terminal
from flows.script import ScriptedInteraction
from kiosk.domain.transactions import Outcome, TransactionKind
from kiosk.flows.check import check

pytestmark = pytest.mark.pcsc


async def test_check_reads_the_card_and_records_a_check(counter: Terminal) -> None:
    script = ScriptedInteraction()
    with counter.inserted(counter.card("renewable")):
        result = await check(counter.context(script))
    assert result.completed, result.error
    assert result.value is not None
    assert result.record.kind is TransactionKind.CHECK
    assert result.record.outcome is Outcome.COMPLETED
    assert result.record.subject_hmac_hex is not None
    assert script.asked == []


def _profile_card_expiry(profile: str) -> object:
    from kiosk.cardsim.profiles import named_profile

    return named_profile(profile).card_expires_on


async def test_renewal_replaces_both_certificates_and_sets_new_pins(counter: Terminal) -> None:
    from kiosk.flows.renewal import renew

    card = counter.card("renewable")
    old = card.snapshot()
    # card-info PIN, current signing password (to read the old signing certificate), new auth PIN twice,
    # new signing password twice.
    script = ScriptedInteraction.typing(["5678", "ABC123", "4321", "4321", "NEWPASS1", "newpass1"],
                                        card_expires_on=_profile_card_expiry("renewable"))
    with counter.inserted(card):
        result = await renew(counter.context(script))
    assert result.completed, result.error
    assert result.record.kind is TransactionKind.RENEWAL
    assert [c.purpose for c in result.record.certificates] == ["auth", "sign"]
    assert all(c.old_serial_hex and c.new_serial_hex and c.old_serial_hex != c.new_serial_hex
               for c in result.record.certificates)
    assert result.record.staff_id == "S0012"
    assert card.snapshot().keys != old.keys
    assert script.all_wiped
