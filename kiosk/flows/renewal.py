"""Renewal and new issuance of the card's certificates (counter only).

1. The card is read (as for the check) and the domain's renewal window decides: inside it, a renewal;
   expired, a new issuance; not yet due, refused with the date renewal opens.
2. Staff confirm the holder's identity (documents seen, the card's printed expiry date).
3. The holder opens the card-info applet with its PIN: the birth date (both certificates) and name,
   address and sex (the signing certificate) go to the issuing service and nowhere else.
4. For a renewal of the signing certificate, the holder may type the current signing password so that the
   old certificate can be read: the service then counts the renewal as inside the window (6th birthday).
   A holder who forgot it skips this step; the new certificate then counts from today's rules.
5. New PINs for each certificate, twice each, to the PIN rules.
6. For each certificate: the card generates a key pair (staged: the old key and certificate keep working),
   the service issues a certificate for the new public key, the card installs it (key and certificate
   together) and reads it back, and the PIN is set to the new value. The signing certificate is read back
   after its new password is verified, which also proves the password works.

Interrupted anywhere before a certificate is written, the card is exactly as it was. After a write, the
record lists the certificates that were installed and ``card_changed`` is set, so the screen says what
happened instead of "nothing was changed".
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from kiosk.card.cardinfo import CardInfoAttributes
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.card.check import CardStatus, read_card_status
from kiosk.card.progress import Progress
from kiosk.domain.certificates import RenewalState, status_on
from kiosk.domain.generation import Applet, GenerationProfile, PinUse
from kiosk.domain.pins import wipe
from kiosk.domain.transactions import CertificateChange, TransactionKind
from kiosk.errors import PinNotOnCard, RenewalNotOpen
from kiosk.flows import card_ops
from kiosk.flows.identity import CheckedIdentity, check_identity
from kiosk.flows.interaction import PinPurpose, Step
from kiosk.flows.pins import PinSkipped, new_pin, with_current_pin
from kiosk.flows.procedure import Attempt, FlowContext, FlowResult, run_procedure
from kiosk.sync.client import AuthorisationRequest, CertificateRequest, Holder, IssuedCertificate

PURPOSES = ("auth", "sign")


@dataclass(frozen=True)
class NewCertificate:
    purpose: str
    serial_hex: str
    certificate: CardCertificate


@dataclass(frozen=True)
class Renewal:
    kind: TransactionKind  # RENEWAL or NEW_ISSUANCE
    certificates: tuple[NewCertificate, ...]


def _has_pin(status: CardStatus, use: PinUse) -> bool:
    kind = status.profile.pin_for(use).kind
    return any(pin.kind is kind for pin in status.pins)


def _kind_for(certificate: CardCertificate, context: FlowContext) -> TransactionKind:
    standing = status_on(certificate.not_before, certificate.not_after, context.today())
    if standing.renewal is RenewalState.OPEN:
        return TransactionKind.RENEWAL
    if standing.renewal is RenewalState.EXPIRED:
        return TransactionKind.NEW_ISSUANCE
    raise RenewalNotOpen(standing.renewal_opens_on)


async def renew(context: FlowContext, purposes: tuple[str, ...] = PURPOSES) -> FlowResult[Renewal]:
    async def body(attempt: Attempt) -> Renewal:
        context.require_central()
        attempt.staff_id = context.require_counter()
        context.interaction.show_step(Step.READING_CARD)
        status = await context.channel.run(read_card_status, fresh=True)
        attempt.card_generation = str(status.profile.generation)
        attempt.auth_subject_der = status.auth_certificate.certificate.subject.public_bytes()
        wanted = [p for p in PURPOSES if p in purposes and (p == "auth" or _has_pin(status, PinUse.SIGN))]
        if not wanted:
            raise PinNotOnCard("the card has no signing key (a child's card)", "sign")
        if "auth" in wanted:  # refused before anyone types anything when it is not due
            attempt.kind = _kind_for(status.auth_certificate, context)

        identity = await check_identity(context, attempt, needs_card_expiry=True)
        attributes = await _card_info(context, status)
        # The old signing certificate: read with the current password, optional when the auth certificate
        # decides the window, required when the signing certificate is renewed alone (after a renewal that
        # stopped half way, its auth certificate is new and says nothing about the signing one).
        sign_alone = "auth" not in wanted
        previous_sign = (await _previous_signing_certificate(context, status, required=sign_alone)
                         if "sign" in wanted and (sign_alone or attempt.kind is TransactionKind.RENEWAL) else None)
        if sign_alone:
            assert previous_sign is not None
            attempt.kind = _kind_for(previous_sign, context)
        renewing = attempt.kind is TransactionKind.RENEWAL
        previous = {"auth": status.auth_certificate if renewing else None,
                    "sign": previous_sign if renewing else None}
        old_serials = {"auth": status.auth_certificate.serial_hex,
                       "sign": previous_sign.serial_hex if previous_sign else None}

        context.interaction.show_step(Step.ENTERING_PINS)
        new_pins: dict[str, bytearray] = {}
        try:
            for purpose in wanted:
                new_pins[purpose] = await new_pin(context.interaction,
                                                  status.profile.pin_for(card_ops.PURPOSE_USES[purpose]).kind)
            installed = []
            context.interaction.show_step(Step.AUTHORISING)
            start = await context.channel.run(card_ops.issuer_start(Applet.JPKI))
            challenge: bytes | None = start.challenge
            for index, purpose in enumerate(wanted):
                assert challenge is not None  # each step hands the next one its challenge
                issued, challenge = await _replace(
                    context, status.profile, purpose, identity, attributes, previous[purpose],
                    old_serials[purpose], new_pins[purpose], attempt, start.card_id, challenge,
                    last=index == len(wanted) - 1)
                installed.append(issued)
        finally:
            for pin in new_pins.values():
                wipe(pin)
        return Renewal(attempt.kind, tuple(installed))

    return await run_procedure(context, Attempt(TransactionKind.RENEWAL), body)


def _progress(context: FlowContext) -> Progress:
    """A long card command's parts, passed from the card's thread to the interaction on the event loop."""
    loop = asyncio.get_running_loop()

    def report(done: int, total: int) -> None:
        loop.call_soon_threadsafe(context.interaction.show_progress, done, total)

    return report


async def _card_info(context: FlowContext, status: CardStatus) -> CardInfoAttributes:
    state = card_ops.state_from(status, PinUse.CARD_INFO)

    async def read(pin: bytearray) -> CardInfoAttributes:
        context.interaction.show_step(Step.READING_CARD_INFO)
        return await context.channel.run(card_ops.read_attributes(state.location, pin))

    return await with_current_pin(context.interaction, state.status, read)


async def _previous_signing_certificate(context: FlowContext, status: CardStatus, *,
                                        required: bool) -> CardCertificate | None:
    state = card_ops.state_from(status, PinUse.SIGN)
    if state.status.blocked and not required:
        return None

    async def read(pin: bytearray) -> CardCertificate:
        return await context.channel.run(card_ops.read_certificate("sign", state.location, pin))

    try:
        return await with_current_pin(context.interaction, state.status, read, PinPurpose.CURRENT,
                                      optional=not required)
    except PinSkipped:
        return None


async def _replace(context: FlowContext, profile: GenerationProfile, purpose: str, identity: CheckedIdentity,
                   attributes: CardInfoAttributes, previous: CardCertificate | None, old_serial: str | None,
                   pin: bytearray, attempt: Attempt, card_id: bytes, challenge: bytes, *,
                   last: bool) -> tuple[NewCertificate, bytes | None]:
    """One certificate: staged key, issued certificate, write and read back, PIN set. Takes the challenge
    for its first issuer command; returns the one for the next certificate's (None after the last)."""
    central = context.require_central()
    grounds = identity.grounds
    aid = card_ops.aid_of(Applet.JPKI)
    location = profile.pin_for(card_ops.PURPOSE_USES[purpose])
    home = card_ops.home_of(profile, location.kind)

    context.interaction.show_step(Step.AUTHORISING)
    generate = await central.request_authorisation(AuthorisationRequest(
        "generate_key_pair", card_id, challenge, aid, card_ops.KEY_FILES[purpose], grounds))
    context.interaction.show_step(Step.GENERATING_KEY)
    staged = await context.channel.run(card_ops.generate_key_pair(purpose, generate, _progress(context)))

    context.interaction.show_step(Step.ISSUING_CERTIFICATE)
    assert identity.card_expires_on is not None  # check_identity insists for renewals
    issued: IssuedCertificate = await central.issue_certificate(CertificateRequest(
        purpose=purpose, public_key_der=staged.public_key_der, card_id=card_id,
        birth_date=attributes.birth_date, card_expires_on=identity.card_expires_on,
        card_generation=str(profile.generation),
        previous_certificate_der=previous.der if previous is not None else None,
        holder=(Holder(attributes.name, attributes.address, str(attributes.sex)) if purpose == "sign" else None),
        staff=grounds))

    context.interaction.show_step(Step.WRITING_CERTIFICATE)
    write = await central.request_authorisation(AuthorisationRequest(
        "write_certificate", card_id, staged.next_challenge, aid, card_ops.CERTIFICATE_FILES[purpose], grounds,
        certificate_der=issued.der))
    reset_challenge = await context.channel.run(card_ops.write_certificate(
        purpose, write, issued.der, read_back=purpose == "auth", then=home.applet, progress=_progress(context)))
    attempt.card_changed = True
    attempt.certificates.append(CertificateChange(purpose, old_serial, issued.serial_hex))

    context.interaction.show_step(Step.RESETTING_PIN)
    reset = await central.request_authorisation(AuthorisationRequest(
        "reset_pin", card_id, reset_challenge, card_ops.aid_of(home.applet), home.fid, grounds))
    following = await context.channel.run(card_ops.reset_pin(home, reset, pin,
                                                             then=None if last else Applet.JPKI))

    context.interaction.show_step(Step.VERIFYING_CERTIFICATE)
    if purpose == "sign":
        await context.channel.run(card_ops.check_written(purpose, location, pin, issued.der))
    return NewCertificate(purpose, issued.serial_hex, parse_certificate(issued.der)), following
