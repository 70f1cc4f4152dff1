"""Every procedure end to end on every training card it applies to: virtual card in a real pcscd reader, the
reference central service over HTTP, a real SQLite store. After each: the card's state, the record, and the
record delivered exactly once with nothing to reconcile."""

from __future__ import annotations

from datetime import date

import pytest

from flows.harness import Terminal, deliver_and_reconcile
from flows.script import ScriptedInteraction
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.profiles import NAMED_PROFILES, Profile, japan_today, named_profile, profile_from_document
from kiosk.domain.generation import PinUse
from kiosk.domain.transactions import Outcome, TransactionKind
from kiosk.flows import card_ops
from kiosk.flows.card_info import read_card_info
from kiosk.flows.check import check
from kiosk.flows.pin_change import change_pin
from kiosk.flows.pin_reset import reset_pin_by_proof, reset_pin_by_staff
from kiosk.flows.renewal import renew

pytestmark = pytest.mark.pcsc

NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"


def expiry(profile: str) -> date:
    return load(profile).card_expires_on


def load(profile: str) -> Profile:
    """A named training card; ``minor-renewable``: the child's card inside its renewal window."""
    if profile == "minor-renewable":
        document = {**NAMED_PROFILES["minor"], "card": {"certificate_expires_on": "today+60d"}}
        return profile_from_document(document, name=profile, today=japan_today(), origin="test")
    return named_profile(profile)


async def pin_works(terminal: Terminal, use: PinUse, pin: str) -> int:
    """Verify ``pin`` on the card; returns the tries left afterwards (the maximum when it worked)."""
    state = (await terminal.channel.run(card_ops.prepare((use,)), fresh=True)).pins[use]
    await terminal.channel.run(card_ops.verify(state.location, bytearray(pin.encode())))
    after = (await terminal.channel.run(card_ops.prepare((use,)))).pins[use]
    return after.status.tries_left


@pytest.mark.parametrize(("profile", "generation"), [
    ("valid", "current"), ("renewable", "current"), ("expired", "current"), ("auth-blocked", "current"),
    ("sign-blocked", "current"), ("minor", "current"), ("next-gen", "next"), ("no-extended-length", "current")])
async def test_check_on_every_readable_card(counter: Terminal, profile: str, generation: str) -> None:
    with counter.inserted(counter.card(profile)):
        result = await check(counter.context(ScriptedInteraction()))
    assert result.completed, result.error
    assert result.record.card_generation == generation
    await deliver_and_reconcile(counter)


@pytest.mark.parametrize(("profile", "code"), [("juki", "card.resident_register_card"),
                                                ("broken-cert", "card.malformed_data")])
async def test_check_of_a_card_it_cannot_serve_is_a_failed_check(counter: Terminal, profile: str, code: str) -> None:
    with counter.inserted(counter.card(profile)):
        result = await check(counter.context(ScriptedInteraction()))
    assert (result.record.outcome, result.record.failure_code) == (Outcome.FAILED, code)
    await deliver_and_reconcile(counter)


@pytest.mark.parametrize(("profile", "kind", "purposes"), [
    ("renewable", TransactionKind.RENEWAL, ["auth", "sign"]),
    ("expired", TransactionKind.NEW_ISSUANCE, ["auth", "sign"]),
    ("minor-renewable", TransactionKind.RENEWAL, ["auth"])])
async def test_renewal_installs_new_keys_certificates_and_pins(counter: Terminal, profile: str,
                                                               kind: TransactionKind, purposes: list[str]) -> None:
    card = VirtualCard.from_profile(load(profile), pki=counter.pki)
    before = card.snapshot()
    pins = ["5678"]  # card-info PIN
    if kind is TransactionKind.RENEWAL and "sign" in purposes:
        pins.append("ABC123")  # the current signing password, to read the old signing certificate
    pins += [NEW_AUTH, NEW_AUTH] + ([NEW_SIGN, NEW_SIGN] if "sign" in purposes else [])
    script = ScriptedInteraction.typing(pins, card_expires_on=expiry(profile))
    with counter.inserted(card):
        result = await renew(counter.context(script))
        assert result.completed, result.error
        assert result.value is not None
        assert result.record.kind is kind
        assert [c.purpose for c in result.record.certificates] == purposes
        assert [c.new_serial_hex for c in result.record.certificates] == \
            [n.serial_hex for n in result.value.certificates]
        status = await check(counter.context(ScriptedInteraction()))
        assert status.value is not None
        assert status.value.auth_certificate.serial_hex == result.record.certificates[0].new_serial_hex
        assert status.value.auth_certificate.not_after.date() > date.today()
        assert await pin_works(counter, PinUse.AUTH, NEW_AUTH) == 3
        if "sign" in purposes:
            assert await pin_works(counter, PinUse.SIGN, NEW_SIGN) == 5
    after = card.snapshot()
    assert {fid: key for fid, key, _ in after.keys} != {fid: key for fid, key, _ in before.keys}
    assert all(pending is None for _, _, pending in after.keys)
    assert script.all_wiped
    # Key generation and the certificate write report their parts (one each with extended length).
    assert len(script.progress) >= 2 * len(purposes) and all(0 < d <= t for d, t in script.progress)
    await deliver_and_reconcile(counter)


async def test_renewal_before_the_window_is_refused_with_its_opening_date(counter: Terminal) -> None:
    card = counter.card("valid")
    before = card.snapshot()
    with counter.inserted(card):
        result = await renew(counter.context(ScriptedInteraction()))
    assert (result.record.outcome, result.record.failure_code) == (Outcome.FAILED, "flow.renewal_not_open")
    assert getattr(result.error, "opens_on", None) is not None
    assert card.snapshot() == before
    await deliver_and_reconcile(counter)


@pytest.mark.parametrize(("profile", "target", "proof_pin", "new", "tries"), [
    ("valid", PinUse.SIGN, "1234", NEW_SIGN, 5),
    ("sign-blocked", PinUse.SIGN, "1234", NEW_SIGN, 5),
    ("valid", PinUse.AUTH, "ABC123", NEW_AUTH, 3),
    ("auth-blocked", PinUse.AUTH, "ABC123", NEW_AUTH, 3),
    ("next-gen", PinUse.SIGN, "1234", NEW_SIGN, 5),
    ("next-gen", PinUse.AUTH, "ABC123", NEW_AUTH, 3)])
async def test_kiosk_reset_by_proof_of_the_other_pin(kiosk: Terminal, profile: str, target: PinUse,
                                                     proof_pin: str, new: str, tries: int) -> None:
    script = ScriptedInteraction.typing([new, new, proof_pin])
    with kiosk.inserted(kiosk.card(profile)):
        result = await reset_pin_by_proof(kiosk.context(script, staff_id=None), target)
        assert result.completed, result.error
        assert await pin_works(kiosk, target, new) == tries
    assert result.record.kind is TransactionKind.PIN_RESET
    assert result.record.pin_kind == ("short" if target is PinUse.AUTH else "long") if profile == "next-gen" \
        else str(target)
    assert result.record.staff_id is None
    assert result.record.subject_hmac_hex is not None
    assert script.all_wiped
    await deliver_and_reconcile(kiosk)


@pytest.mark.parametrize(("profile", "target", "reason"), [
    ("valid", PinUse.CARD_INFO, "not_provable"), ("auth-blocked", PinUse.SIGN, "proof_pin_blocked"),
    ("next-gen", PinUse.CARD_INFO, "not_provable")])
async def test_kiosk_reset_that_cannot_be_proven_sends_the_resident_to_a_counter(
        kiosk: Terminal, profile: str, target: PinUse, reason: str) -> None:
    card = kiosk.card(profile)
    before = card.snapshot()
    script = ScriptedInteraction.typing([])
    with kiosk.inserted(card):
        result = await reset_pin_by_proof(kiosk.context(script, staff_id=None), target)
    assert (result.record.outcome, result.record.failure_code) == (Outcome.FAILED, "flow.proof_not_possible")
    assert getattr(result.error, "reason", None) == reason
    assert script.asked == []
    assert card.snapshot() == before
    await deliver_and_reconcile(kiosk)


@pytest.mark.parametrize(("profile", "target", "new", "tries"), [
    ("auth-blocked", PinUse.AUTH, NEW_AUTH, 3), ("sign-blocked", PinUse.SIGN, NEW_SIGN, 5),
    ("valid", PinUse.CARD_INFO, "2468", 3), ("next-gen", PinUse.AUTH, NEW_AUTH, 3)])
async def test_counter_reset_on_staff_grounds_any_pin_blocked_or_not(counter: Terminal, profile: str,
                                                                    target: PinUse, new: str, tries: int) -> None:
    script = ScriptedInteraction.typing([new, new])
    with counter.inserted(counter.card(profile)):
        result = await reset_pin_by_staff(counter.context(script), target)
        assert result.completed, result.error
        assert await pin_works(counter, target, new) == tries
    assert result.record.staff_id == "S0012"
    entries = counter.store.audit_entries(limit=10, subject=result.record.key)
    assert sorted(entry.event for entry in entries) == ["staff.identity_checked", "transaction.recorded"]
    await deliver_and_reconcile(counter)


async def test_a_kiosk_can_never_use_staff_grounds(kiosk: Terminal) -> None:
    card = kiosk.card("auth-blocked")
    before = card.snapshot()
    with kiosk.inserted(card):
        result = await reset_pin_by_staff(kiosk.context(ScriptedInteraction.typing([NEW_AUTH, NEW_AUTH])),
                                          PinUse.AUTH)
    assert (result.record.outcome, result.record.failure_code) == (Outcome.FAILED, "flow.counter_only")
    assert card.snapshot() == before


@pytest.mark.parametrize(("profile", "use", "old", "new", "tries"), [
    ("valid", PinUse.AUTH, "1234", NEW_AUTH, 3), ("valid", PinUse.SIGN, "ABC123", NEW_SIGN, 5),
    ("valid", PinUse.CARD_INFO, "5678", "2468", 3), ("next-gen", PinUse.SIGN, "ABC123", NEW_SIGN, 5)])
async def test_pin_change(kiosk: Terminal, profile: str, use: PinUse, old: str, new: str, tries: int) -> None:
    script = ScriptedInteraction.typing([new, new, old])
    with kiosk.inserted(kiosk.card(profile)):
        result = await change_pin(kiosk.context(script, staff_id=None), use)
        assert result.completed, result.error
        assert await pin_works(kiosk, use, new) == tries
    assert result.record.kind is TransactionKind.PIN_CHANGE
    await deliver_and_reconcile(kiosk)


async def test_the_last_try_is_never_spent_without_confirmation(kiosk: Terminal) -> None:
    card = kiosk.card("valid")
    script = ScriptedInteraction.typing([NEW_AUTH, NEW_AUTH, "9999", "9998", "9997"], confirm_last=False)
    with kiosk.inserted(card):
        result = await change_pin(kiosk.context(script, staff_id=None), PinUse.AUTH)
        state = (await kiosk.channel.run(card_ops.prepare((PinUse.AUTH,)), fresh=True)).pins[PinUse.AUTH]
    assert result.record.outcome is Outcome.CANCELLED
    assert script.confirmations == ["auth"]
    assert state.status.tries_left == 1
    assert [request.tries_left for request in script.asked if request.purpose == "current"] == [3, 2]


async def test_paperless_form_reads_the_holder_and_keeps_nothing(counter: Terminal) -> None:
    script = ScriptedInteraction.typing(["5678"])
    with counter.inserted(counter.card("valid")):
        result = await read_card_info(counter.context(script))
    assert result.completed, result.error
    assert result.value is not None
    assert result.value.name == named_profile("valid").holder.name
    assert result.record.kind is TransactionKind.CARD_INFO_READ
    assert "番号" not in counter.store.path.read_bytes().decode("utf-8", "replace")  # type: ignore[union-attr]
    await deliver_and_reconcile(counter)
