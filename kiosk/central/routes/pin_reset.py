"""``POST /v1/challenges`` and ``POST /v1/challenges/{challenge_id}/proof``: proof of possession."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk.central import possession
from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.encoding import b64decode, b64encode
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.schemas import ChallengeIn, ChallengeOut, ProofIn, ProofOut

router = APIRouter(tags=["pin reset"], route_class=StrictJsonRoute)


@router.post("/v1/challenges", status_code=201, response_model=ChallengeOut,
             responses=error_responses(400, 401, 422, 503))
def create_challenge(body: ChallengeIn, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """A fresh nonce for the card to sign: valid 120 s, answered once."""
    with service.sessions.begin() as session:
        challenge = possession.new_challenge(session, caller, body.card_id_hex, service.now(),
                                             service.settings.challenge_ttl)
    return {"challenge_id": challenge.challenge_id, "nonce": b64encode(challenge.nonce),
            "expires_at": challenge.expires_at}


@router.post("/v1/challenges/{challenge_id}/proof", response_model=ProofOut,
             responses=error_responses(400, 401, 404, 409, 410, 422, 503))
def prove_possession(challenge_id: str, body: ProofIn, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """Check the card's signature over the nonce; the proof grounds one PIN-reset authorisation.

    The challenge is used up by this request whatever its outcome."""
    certificate = b64decode(body.certificate, "certificate")
    signature = b64decode(body.signature, "signature")
    proof = possession.prove(service.sessions, service.pki, caller, challenge_id, certificate, signature,
                             service.now(), service.settings.proof_ttl)
    return {"proof_id": proof.proof_id, "purpose": proof.purpose,
            "certificate_serial_hex": proof.certificate_serial_hex, "expires_at": proof.expires_at}
