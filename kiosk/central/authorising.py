"""Issuer-channel authorisations (docs/issuer-channel.md), signed with the training PKI's issuer key.

Grounds are either a proof of possession (kiosk: a proof made with the auth key allows resetting the
signing password, one made with the signing key the auth PIN, for that card and nothing else) or staff
who checked the resident's identity (counter terminals only). Every authorisation issued is recorded by
its ID, with its grounds; a proof is used up by the authorisation it grounds, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from kiosk.central.encoding import b64decode
from kiosk.central.models import IssuedAuthorisation, Proof
from kiosk.central.problems import ApiError, invalid_request
from kiosk.central.schemas import AuthorisationIn, ByProof, StaffGrounds
from kiosk.central.terminals import CallingTerminal, require_counter
from kiosk.central.trust import issuing_authority, load_certificate
from kiosk.pki import authorisation
from kiosk.pki.authorisation import Operation
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

JPKI_AID = bytes.fromhex("D392F000260100000001")
CARD_INFO_AID = bytes.fromhex("D3921000310001010408")
AUTH_KEY, SIGN_KEY = 0x0017, 0x001A
AUTH_CERTIFICATE, SIGN_CERTIFICATE = 0x000A, 0x0001
AUTH_PIN, SIGN_PASSWORD, CARD_INFO_PIN = 0x0018, 0x001B, 0x0011

OPERATIONS = {
    "generate_key_pair": Operation.GENERATE_KEY_PAIR,
    "write_certificate": Operation.WRITE_CERTIFICATE,
    "reset_pin": Operation.RESET_PIN,
}
# What each operation may act on, per applet.
TARGETS: dict[Operation, dict[bytes, frozenset[int]]] = {
    Operation.GENERATE_KEY_PAIR: {JPKI_AID: frozenset({AUTH_KEY, SIGN_KEY})},
    Operation.WRITE_CERTIFICATE: {JPKI_AID: frozenset({AUTH_CERTIFICATE, SIGN_CERTIFICATE})},
    Operation.RESET_PIN: {JPKI_AID: frozenset({AUTH_PIN, SIGN_PASSWORD}), CARD_INFO_AID: frozenset({CARD_INFO_PIN})},
}
CERTIFICATE_EF = {Purpose.AUTH: AUTH_CERTIFICATE, Purpose.SIGN: SIGN_CERTIFICATE}
# Knowing one JPKI PIN (shown by a signature with its key) allows resetting the other.
PROOF_RESETS = {Purpose.AUTH: SIGN_PASSWORD, Purpose.SIGN: AUTH_PIN}


@dataclass(frozen=True)
class Issued:
    encoded: bytes
    authorisation_id_hex: str


def authorise(session: Session, pki: TrainingPki, caller: CallingTerminal, request: AuthorisationIn,
              now: datetime) -> Issued:
    operation = OPERATIONS[request.operation]
    aid, target = bytes.fromhex(request.aid_hex), int(request.target_hex, 16)
    card_id, card_challenge = bytes.fromhex(request.card_id_hex), bytes.fromhex(request.card_challenge_hex)
    if target not in TARGETS[operation].get(aid, frozenset()):
        raise invalid_request(f"{request.operation} cannot act on {request.target_hex.upper()} of applet "
                              f"{request.aid_hex.upper()}")
    payload = _certificate_payload(pki, request, operation, target, now)
    if isinstance(request.grounds, ByProof):
        proof_id: str | None = _use_proof(session, caller, request.grounds.proof_id, operation, aid, target,
                                          request.card_id_hex, now)
        staff: StaffGrounds | None = None
    else:
        require_counter(caller)
        staff = request.grounds.staff
        if not staff.identity_checks:
            raise invalid_request("staff grounds need at least one identity check")
        proof_id = None
    signed = authorisation.sign(
        authorisation.create(operation, aid=aid, target=target, card_id=card_id, challenge=card_challenge,
                             payload=payload),
        pki.issuer_key)
    authorisation_id_hex = signed.authorisation.authorisation_id.hex()
    session.add(IssuedAuthorisation(
        authorisation_id_hex=authorisation_id_hex, site=caller.site, terminal_id=caller.terminal_id,
        operation=request.operation, aid_hex=aid.hex(), target_hex=f"{target:04x}", proof_id=proof_id,
        staff_id=staff.staff_id if staff else None, identity_checks=list(staff.identity_checks) if staff else None,
        certificate_sha256_hex=signed.authorisation.payload_hash.hex() if signed.authorisation.payload_hash else None,
        issued_at=now))
    session.flush()
    return Issued(signed.encode(), authorisation_id_hex)


def _certificate_payload(pki: TrainingPki, request: AuthorisationIn, operation: Operation, target: int,
                         now: datetime) -> bytes | None:
    """The certificate a write_certificate authorisation binds: one of ours, for the EF it goes into."""
    if operation is not Operation.WRITE_CERTIFICATE:
        if request.certificate is not None:
            raise invalid_request("a certificate goes with write_certificate only")
        return None
    if request.certificate is None:
        raise invalid_request("write_certificate needs the certificate")
    der = b64decode(request.certificate, "certificate")
    certificate = load_certificate(der)
    if certificate is None:
        raise invalid_request("the certificate is not DER X.509")
    authority = issuing_authority(pki, certificate, now)
    if authority is None:
        raise invalid_request("the certificate was not issued by this service's authority")
    if CERTIFICATE_EF[authority.purpose] != target:
        raise invalid_request(f"a {authority.purpose} certificate does not go into {target:04X}")
    return der


def _use_proof(session: Session, caller: CallingTerminal, proof_id: str, operation: Operation, aid: bytes,
               target: int, card_id_hex: str, now: datetime) -> str:
    proof = session.get(Proof, proof_id)
    if proof is None or proof.terminal_id != caller.terminal_id:
        raise ApiError(404, "unknown_proof", "no such proof for this terminal")
    if proof.used_at is not None:
        raise ApiError(409, "proof_used", "this proof already grounded an authorisation")
    if now >= proof.expires_at:
        raise ApiError(410, "proof_expired", "this proof has expired; prove possession again")
    allowed = PROOF_RESETS[Purpose(proof.purpose)]
    if (operation, aid, target) != (Operation.RESET_PIN, JPKI_AID, allowed):
        raise ApiError(403, "proof_not_sufficient",
                       f"a proof with the {proof.purpose} key allows resetting {allowed:04X} only")
    if card_id_hex.lower() != proof.card_id_hex:
        raise ApiError(403, "proof_not_sufficient", "the proof was made with another card")
    taken = session.execute(update(Proof).where(Proof.proof_id == proof_id, Proof.used_at.is_(None))
                            .values(used_at=now))
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(409, "proof_used", "this proof already grounded an authorisation")
    return proof_id
