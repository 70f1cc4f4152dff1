"""PIN reset, two ways.

- ``reset_pin_by_proof`` (kiosk, counter too): the holder proves possession of the card with the *other*
  JPKI PIN. The central service issues a challenge; the card signs it with the key that PIN guards; the
  service checks the signature and the certificate's chain and grants one authorisation to reset the
  PIN that the proof allows (the signing password by the auth key, the auth PIN by the signing key, and
  nothing else); the holder sets the new PIN twice; the card resets it. The card-info PIN, or a holder who
  knows neither JPKI PIN, goes to a counter (``ProofNotPossible``, with the reason).
- ``reset_pin_by_staff`` (counter only): staff have checked the holder's identity; any PIN of the card,
  blocked or not, is reset on those grounds.

Both ask for the new PIN before anything changes, so a mistyped confirmation costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.generation import PinUse
from kiosk.domain.pins import wipe
from kiosk.domain.transactions import TransactionKind
from kiosk.errors import ProofNotPossible
from kiosk.flows import card_ops
from kiosk.flows.identity import check_identity
from kiosk.flows.interaction import PinPurpose, Step
from kiosk.flows.pins import new_pin, with_current_pin
from kiosk.flows.procedure import Attempt, FlowContext, FlowResult, run_procedure
from kiosk.sync.client import AuthorisationRequest, ProofGrounds, StaffGrounds

# The key whose possession proves the holder may reset a PIN (docs/central-api.md).
PROOF_FOR = {PinUse.SIGN: PinUse.AUTH, PinUse.AUTH: PinUse.SIGN}
PURPOSE_OF = {PinUse.AUTH: "auth", PinUse.SIGN: "sign"}


@dataclass(frozen=True)
class PinReset:
    kind: str  # the PIN kind reset


async def reset_pin_by_proof(context: FlowContext, target: PinUse) -> FlowResult[PinReset]:
    async def body(attempt: Attempt) -> PinReset:
        central = context.require_central()
        proof_use = PROOF_FOR.get(target)
        context.interaction.show_step(Step.READING_CARD)
        uses = (target,) if proof_use is None else (target, proof_use)
        prepared = await context.channel.run(
            card_ops.prepare(uses, issuer_for=target if proof_use is not None else None), fresh=True)
        state = prepared.pins[target]
        attempt.card_generation = str(prepared.profile.generation)
        attempt.pin_kind = str(state.home.kind)
        if proof_use is None or prepared.issuer is None:
            raise ProofNotPossible(f"the {target} PIN cannot be reset by proof", "not_provable")
        start = prepared.issuer
        proof_state = prepared.pins[proof_use]
        if proof_state.home.kind is state.home.kind:  # one PIN behind both uses: nothing to prove it with
            raise ProofNotPossible("the proof would use the PIN being reset", "same_pin")
        if proof_state.status.blocked:
            raise ProofNotPossible(f"the {proof_state.home.kind} PIN is blocked too", "proof_pin_blocked")

        context.interaction.show_step(Step.ENTERING_PINS)
        fresh = await new_pin(context.interaction, state.home.kind)
        try:
            challenge = await central.create_challenge(start.card_id)

            async def sign(pin: bytearray) -> card_ops.Signature:
                context.interaction.show_step(Step.PROVING)
                return await context.channel.run(
                    card_ops.sign_nonce(PURPOSE_OF[proof_use], proof_state.location, pin, challenge.nonce))

            signature = await with_current_pin(context.interaction, proof_state.status, sign, PinPurpose.PROOF)
            attempt.auth_subject_der = signature.auth_subject_der
            context.interaction.show_step(Step.AUTHORISING)
            proof = await central.send_proof(challenge.challenge_id, signature.certificate.der, signature.signature)
            # The card keeps its challenge through the signature (selecting and verifying do not clear it).
            await _reset(context, attempt, state, start, ProofGrounds(proof.proof_id), fresh)
        finally:
            wipe(fresh)
        return PinReset(str(state.home.kind))

    return await run_procedure(context, Attempt(TransactionKind.PIN_RESET, pin_kind=str(target)), body)


async def _reset(context: FlowContext, attempt: Attempt, state: card_ops.PinState, start: card_ops.IssuerStart,
                 grounds: ProofGrounds | StaffGrounds, new: bytearray) -> None:
    """The central service's authorisation on ``grounds``, then RESET PIN with it."""
    authorisation = await context.require_central().request_authorisation(AuthorisationRequest(
        "reset_pin", start.card_id, start.challenge, card_ops.aid_of(state.home.applet), state.home.fid, grounds))
    context.interaction.show_step(Step.RESETTING_PIN)
    await context.channel.run(card_ops.reset_pin(state.home, authorisation, new))
    attempt.card_changed = True


async def reset_pin_by_staff(context: FlowContext, target: PinUse) -> FlowResult[PinReset]:
    async def body(attempt: Attempt) -> PinReset:
        context.require_central()  # before anything else: no point checking identity without it
        attempt.staff_id = context.require_counter()
        context.interaction.show_step(Step.READING_CARD)
        prepared = await context.channel.run(card_ops.prepare((target,), issuer_for=target), fresh=True)
        state = prepared.pins[target]
        attempt.card_generation = str(prepared.profile.generation)
        attempt.pin_kind = str(state.home.kind)
        grounds = (await check_identity(context, attempt, needs_card_expiry=False)).grounds

        context.interaction.show_step(Step.ENTERING_PINS)
        fresh = await new_pin(context.interaction, state.home.kind)
        try:
            assert prepared.issuer is not None  # asked for with issuer_for
            context.interaction.show_step(Step.AUTHORISING)
            await _reset(context, attempt, state, prepared.issuer, grounds, fresh)
        finally:
            wipe(fresh)
        return PinReset(str(state.home.kind))

    return await run_procedure(context, Attempt(TransactionKind.PIN_RESET, pin_kind=str(target)), body)

