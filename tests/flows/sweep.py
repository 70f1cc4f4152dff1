"""The interruption sweeps' shared parts: the procedures as cases, the card's wholeness, the seeded sample.

A case knows how to run its procedure with the PINs the card holds *now* (after an interruption a PIN may
already be the new one), so the same case serves the first attempt, the interrupted one and the rerun.
"""

from __future__ import annotations

import os
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from cryptography import x509

from flows.harness import Terminal
from flows.script import ScriptedInteraction
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import JPKI_AID, PinUse
from kiosk.flows.card_info import read_card_info
from kiosk.flows.check import check
from kiosk.flows.pin_change import change_pin
from kiosk.flows.pin_reset import reset_pin_by_proof, reset_pin_by_staff
from kiosk.flows.procedure import FlowResult
from kiosk.flows.renewal import renew

NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"
OLD = {"auth": "1234", "sign": "ABC123", "card_info": "5678"}
NEW = {"auth": NEW_AUTH, "sign": NEW_SIGN, "card_info": "2468"}
EXHAUSTIVE = os.environ.get("KIOSK_TEST_EXHAUSTIVE", "") not in ("", "0")
SAMPLE = 3  # points per procedure in an ordinary run; KIOSK_TEST_EXHAUSTIVE=1 (make test-all) tries them all
SEED = int(os.environ.get("KIOSK_TEST_SEED") or random.SystemRandom().randrange(2**32))


def points(total: int, salt: str) -> list[int]:
    """Which of 1..total to interrupt at: all of them, or a sample seeded by SEED (printed on failure)."""
    if EXHAUSTIVE or total <= SAMPLE:
        return list(range(1, total + 1))
    return sorted(random.Random(f"{SEED}:{salt}").sample(range(1, total + 1), SAMPLE))


def renewed(card: VirtualCard, purpose: str) -> bool:
    """Whether the card holds a certificate of ``purpose`` issued by a renewal (the training ones expire soon)."""
    from datetime import UTC, datetime, timedelta

    certificate = card.state.ef(JPKI_AID, 0x000A if purpose == "auth" else 0x0001)
    not_after = x509.load_der_x509_certificate(certificate.content).not_valid_after_utc  # type: ignore[union-attr]
    return not_after - datetime.now(UTC) > timedelta(days=365)


def current(card: VirtualCard, kind: str) -> str:
    """The PIN of ``kind`` the card holds now: the training one or the tests' new one."""
    pin = card.state.pins[kind]
    return OLD[kind] if pin.matches(OLD[kind].encode()) else NEW[kind]


Run = Callable[[Terminal, VirtualCard], Awaitable[FlowResult[object]]]


@dataclass(frozen=True)
class Case:
    name: str
    terminal: str  # "counter" or "kiosk"
    profile: str
    run: Run
    changes: tuple[str, ...]  # the PIN kinds the procedure may set to their NEW value

    def __str__(self) -> str:
        return self.name


async def _check(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    return await check(terminal.context(ScriptedInteraction()))  # type: ignore[return-value]


async def _renew(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    from flows.test_procedures import expiry

    # After an interrupted renewal, renew what is still old (a new certificate is not due yet).
    purposes = tuple(p for p in ("auth", "sign") if not renewed(card, p))
    if not purposes:
        return await _check(terminal, card)
    pins = ["5678", current(card, "sign")]
    pins += [NEW_AUTH, NEW_AUTH] if "auth" in purposes else []
    pins += [NEW_SIGN, NEW_SIGN] if "sign" in purposes else []
    script = ScriptedInteraction.typing(pins, card_expires_on=expiry("renewable"))
    return await renew(terminal.context(script), purposes)  # type: ignore[return-value]


async def _proof_reset(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    script = ScriptedInteraction.typing([NEW_SIGN, NEW_SIGN, current(card, "auth")])
    return await reset_pin_by_proof(terminal.context(script, staff_id=None), PinUse.SIGN)  # type: ignore[return-value]


async def _staff_reset(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    script = ScriptedInteraction.typing([NEW_AUTH, NEW_AUTH])
    return await reset_pin_by_staff(terminal.context(script), PinUse.AUTH)  # type: ignore[return-value]


async def _change(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    script = ScriptedInteraction.typing([NEW_AUTH, NEW_AUTH, current(card, "auth")])
    return await change_pin(terminal.context(script, staff_id=None), PinUse.AUTH)  # type: ignore[return-value]


async def _card_info(terminal: Terminal, card: VirtualCard) -> FlowResult[object]:
    return await read_card_info(terminal.context(ScriptedInteraction.typing(["5678"])))  # type: ignore[return-value]


CASES = (
    Case("check", "counter", "valid", _check, ()),
    Case("renewal", "counter", "renewable", _renew, ("auth", "sign")),
    Case("reset-by-proof", "kiosk", "valid", _proof_reset, ("sign",)),
    Case("reset-by-staff", "counter", "auth-blocked", _staff_reset, ("auth",)),
    Case("change", "kiosk", "valid", _change, ("auth",)),
    Case("card-info", "counter", "valid", _card_info, ()),
)


def assert_whole(card: VirtualCard, case: Case) -> None:
    """Old or new, never half: each installed key matches its certificate, each PIN is its old or new value."""
    for key_fid, certificate_fid in ((0x0017, 0x000A), (0x001A, 0x0001)):
        key, certificate = card.state.ef(JPKI_AID, key_fid), card.state.ef(JPKI_AID, certificate_fid)
        if key is None or certificate is None:
            continue
        installed = x509.load_der_x509_certificate(certificate.content)  # type: ignore[union-attr]
        assert installed.public_key().public_numbers() == \
            key.key.public_key().public_numbers(), f"key {key_fid:04X} and its certificate differ"  # type: ignore[union-attr]
    for kind, pin in card.state.pins.items():
        allowed = {OLD[kind]} | ({NEW[kind]} if kind in case.changes else set())
        assert any(pin.matches(value.encode()) for value in allowed), f"the {kind} PIN is neither old nor new"
