"""PIN reset by proof of possession: a challenge, the card's signature over it, a proof.

The card signs the SHA-256 DigestInfo of the nonce with its authentication key (or its signing key)
after its PIN was verified; a valid signature by a trusted, current certificate shows that the person at
the kiosk holds the card and knows that PIN. A challenge is used up by the first proof sent for it,
verified or not, so a nonce is never signed-for twice. A proof is good for one authorisation, for the
card the challenge was issued to (``kiosk.central.authorising``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.central.encoding import serial_hex
from kiosk.central.models import Challenge, Proof
from kiosk.central.problems import ApiError
from kiosk.central.terminals import CallingTerminal
from kiosk.central.trust import is_valid_at, issuing_authority, load_certificate
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

NONCE_BYTES = 32


@dataclass(frozen=True)
class VerifiedKey:
    purpose: Purpose
    serial_hex: str


def new_challenge(session: Session, caller: CallingTerminal, card_id_hex: str, now: datetime,
                  ttl: timedelta) -> Challenge:
    challenge = Challenge(challenge_id=secrets.token_hex(16), site=caller.site, terminal_id=caller.terminal_id,
                          card_id_hex=card_id_hex.lower(), nonce=secrets.token_bytes(NONCE_BYTES),
                          created_at=now, expires_at=now + ttl, used_at=None)
    session.add(challenge)
    session.flush()
    return challenge


def use_challenge(session: Session, caller: CallingTerminal, challenge_id: str, now: datetime) -> Challenge:
    """Mark the caller's challenge used (once, even under a race); 404, 409 or 410 when it cannot be."""
    challenge = session.get(Challenge, challenge_id)
    if challenge is None or challenge.terminal_id != caller.terminal_id:
        raise ApiError(404, "unknown_challenge", "no such challenge for this terminal")
    if challenge.used_at is not None:
        raise ApiError(409, "challenge_used", "this challenge was already answered; ask for a new one")
    if now >= challenge.expires_at:
        raise ApiError(410, "challenge_expired", "this challenge has expired; ask for a new one")
    taken = session.execute(update(Challenge)
                            .where(Challenge.challenge_id == challenge_id, Challenge.used_at.is_(None))
                            .values(used_at=now))
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(409, "challenge_used", "this challenge was already answered; ask for a new one")
    return challenge


def verify_possession(pki: TrainingPki, certificate_der: bytes, signature: bytes, nonce: bytes,
                      now: datetime) -> VerifiedKey:
    certificate = load_certificate(certificate_der)
    if certificate is None:
        raise ApiError(422, "untrusted_certificate", "the certificate is not DER X.509")
    authority = issuing_authority(pki, certificate, now)
    if authority is None:
        raise ApiError(422, "untrusted_certificate", "the certificate was not issued by a trusted JPKI root")
    if not _may_sign(certificate):
        raise ApiError(422, "untrusted_certificate", "the certificate's key is not for signatures")
    if not is_valid_at(certificate, now):
        raise ApiError(422, "certificate_expired", "the certificate is not valid now")
    public_key = certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ApiError(422, "untrusted_certificate", "the certificate's key is not RSA")
    try:
        public_key.verify(signature, nonce, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise ApiError(422, "bad_signature", "the signature over the nonce does not verify") from exc
    return VerifiedKey(authority.purpose, serial_hex(certificate.serial_number))


def _may_sign(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return usage.digital_signature


def prove(sessions: sessionmaker[Session], pki: TrainingPki, caller: CallingTerminal, challenge_id: str,
          certificate_der: bytes, signature: bytes, now: datetime, ttl: timedelta) -> Proof:
    # The challenge is used up in a transaction of its own: a failed verification must not give it back.
    with sessions.begin() as session:
        challenge = use_challenge(session, caller, challenge_id, now)
    verified = verify_possession(pki, certificate_der, signature, challenge.nonce, now)
    with sessions.begin() as session:
        proof = Proof(proof_id=secrets.token_hex(16), challenge_id=challenge.challenge_id, site=caller.site,
                      terminal_id=caller.terminal_id, card_id_hex=challenge.card_id_hex,
                      purpose=str(verified.purpose), certificate_serial_hex=verified.serial_hex, created_at=now,
                      expires_at=now + ttl, used_at=None)
        session.add(proof)
    return proof
