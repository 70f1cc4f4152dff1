"""What a procedure asks of the person at the terminal, injected rather than imported.

A flow never draws anything: it calls an ``Interaction`` (the Qt application's screens, the CLI's prompts,
a test's script) for PIN entry, confirmations and the staff's identity checklist, and tells it which step
it is on. PINs come back as ``bytearray``s that the flow owns and wipes.

To stop a procedure (the person pressed Cancel, the kiosk timed out) an interaction raises
``OperationCancelled``; the flow records the attempt as cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from kiosk.domain.pins import PinKind, PinRule, rule_for
from kiosk.errors import KioskError


class Step(StrEnum):
    """Where a procedure is; the screens show it, progress bars count it."""

    READING_CARD = "reading_card"
    CHECKING_IDENTITY = "checking_identity"
    READING_CARD_INFO = "reading_card_info"
    ENTERING_PINS = "entering_pins"
    PROVING = "proving"  # the card signs the central service's challenge
    AUTHORISING = "authorising"  # the central service authorises an issuer operation
    GENERATING_KEY = "generating_key"
    ISSUING_CERTIFICATE = "issuing_certificate"
    WRITING_CERTIFICATE = "writing_certificate"
    VERIFYING_CERTIFICATE = "verifying_certificate"
    RESETTING_PIN = "resetting_pin"
    CHANGING_PIN = "changing_pin"
    RECORDING = "recording"


class PinPurpose(StrEnum):
    CURRENT = "current"  # the PIN as it is now (to verify, or to change)
    PROOF = "proof"  # the other PIN, to prove the holder is the holder
    NEW = "new"
    NEW_AGAIN = "new_again"  # the new PIN once more, to catch a typing slip


@dataclass(frozen=True)
class PinRequest:
    kind: PinKind
    purpose: PinPurpose
    tries_left: int | None = None  # for a PIN the card checks: how many tries it has now
    max_tries: int | None = None
    # Why it is asked again: the last entry's ``WrongPin`` or ``PinFormatError``; None the first time.
    problem: KioskError | None = None
    optional: bool = False  # the person may skip it (the interaction then returns None)

    @property
    def rule(self) -> PinRule:
        return rule_for(self.kind)


@dataclass(frozen=True)
class IdentityRequest:
    """What staff confirm before a counter procedure: which documents they saw, and the card's expiry date
    as printed on its face (the issuing service needs it; the card's chip does not give it without the
    card-face applet's own key)."""

    needs_card_expiry: bool


@dataclass(frozen=True)
class IdentityCheck:
    checks: tuple[str, ...]  # IdentityDocument values (kiosk.domain.identity)
    card_expires_on: date | None = None


class Interaction(Protocol):
    async def ask_pin(self, request: PinRequest) -> bytearray | None:
        """The PIN typed (the flow wipes it); None only for an ``optional`` request the person skipped."""

    async def confirm_last_try(self, kind: PinKind) -> bool:
        """Only one try is left on ``kind``: may the next entry use it? (False cancels the procedure.)"""

    async def check_identity(self, request: IdentityRequest) -> IdentityCheck:
        """Staff's identity checklist (counter procedures only)."""

    def show_step(self, step: Step) -> None:
        """The procedure moved on to ``step``."""

    def show_progress(self, done: int, total: int) -> None:
        """How far a long card operation of the current step is (key generation, a certificate written in
        parts); on the event loop's thread."""
