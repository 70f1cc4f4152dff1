"""The card's side of the issuer channel (docs/issuer-channel.md): authorised key generation, certificate
write and PIN reset.

Every command consumes the pending challenge first, whatever happens next, then runs the checks in the
documented order; a failed check returns its status word before anything on the card has changed.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from kiosk.cardsim import layout, status
from kiosk.cardsim.session import Session
from kiosk.cardsim.state import BinaryFile, CardState, KeyFile, PinFile
from kiosk.pki import authorisation, jpki
from kiosk.pki.authorisation import Operation
from kiosk.pki.keys import random_rsa_key

_log = logging.getLogger(__name__)

INS_GENERATE_KEY_PAIR = 0x46
INS_WRITE_CERTIFICATE = 0xD6
INS_RESET_PIN = 0x2C
OPERATIONS = {
    INS_GENERATE_KEY_PAIR: Operation.GENERATE_KEY_PAIR,
    INS_WRITE_CERTIFICATE: Operation.WRITE_CERTIFICATE,
    INS_RESET_PIN: Operation.RESET_PIN,
}
_TARGETS = {
    Operation.GENERATE_KEY_PAIR: layout.KEY_TARGETS,
    Operation.WRITE_CERTIFICATE: layout.CERTIFICATE_TARGETS,
    Operation.RESET_PIN: layout.PIN_TARGETS,
}

Reply = tuple[bytes, int]


@dataclass(frozen=True)
class IssuerTrust:
    """What the card knows of its issuer: its own identity, the issuer's public key, the CA certificates."""

    card_id: bytes
    issuer_public_key: ec.EllipticCurvePublicKey
    roots: tuple[x509.Certificate, ...]


def execute(trust: IssuerTrust, state: CardState, session: Session, ins: int, p1p2: int, data: bytes) -> Reply:
    challenge, session.challenge = session.challenge, None
    operation = OPERATIONS[ins]
    try:
        signed, operation_data = authorisation.parse(data)
    except authorisation.MalformedAuthorisation:
        return _refuse(operation, "malformed authorisation", status.WRONG_DATA)
    if challenge is None:
        return _refuse(operation, "no pending challenge", status.CONDITIONS_NOT_SATISFIED)
    if not authorisation.verify_signature(signed, trust.issuer_public_key):
        return _refuse(operation, "signature does not verify", status.SECURITY_STATUS)
    granted = signed.authorisation
    if not hmac.compare_digest(granted.challenge, challenge):
        return _refuse(operation, "replayed or expired challenge", status.CONDITIONS_NOT_SATISFIED)
    if not hmac.compare_digest(granted.card_id, trust.card_id):
        return _refuse(operation, "authorisation for another card", status.SECURITY_STATUS)
    if granted.operation is not operation or granted.aid != session.applet or granted.target != p1p2:
        return _refuse(operation, "authorisation for another operation or target", status.SECURITY_STATUS)
    applet = session.applet
    assert applet is not None  # the authorisation's AID matched it
    if p1p2 not in _TARGETS[operation].get(applet, frozenset()):
        return _refuse(operation, "not a target of this command", status.WRONG_P1P2)
    target = state.ef(applet, p1p2)
    if target is None:
        return _refuse(operation, "target EF absent on this card", status.FILE_NOT_FOUND)
    if operation is Operation.GENERATE_KEY_PAIR:
        return _generate(target, operation_data)
    if operation is Operation.WRITE_CERTIFICATE:
        return _write(trust, state, applet, p1p2, granted.payload_hash, operation_data)
    return _reset(target, session, operation_data)


def _refuse(operation: Operation, reason: str, sw: int) -> Reply:
    _log.info("issuer %s refused: %s (%04X)", operation.name, reason, sw)
    return b"", sw


def _generate(target: object, operation_data: bytes) -> Reply:
    if not isinstance(target, KeyFile) or operation_data:
        return b"", status.WRONG_DATA
    target.pending = random_rsa_key()
    public = target.pending.public_key().public_bytes(serialization.Encoding.DER,
                                                      serialization.PublicFormat.SubjectPublicKeyInfo)
    return public, status.OK


def _write(trust: IssuerTrust, state: CardState, applet: bytes, fid: int, payload_hash: bytes | None,
           certificate_der: bytes) -> Reply:
    if payload_hash is None or not hmac.compare_digest(payload_hash, authorisation.payload_hash(certificate_der)):
        return _refuse(Operation.WRITE_CERTIFICATE, "certificate is not the authorised one", status.SECURITY_STATUS)
    try:
        certificate = x509.load_der_x509_certificate(certificate_der)
        public = certificate.public_key()
    except ValueError:
        return _refuse(Operation.WRITE_CERTIFICATE, "not a DER certificate", status.WRONG_DATA)
    pairing = layout.BY_CERTIFICATE[fid]
    key_file = state.ef(applet, pairing.key)
    certificate_file = state.ef(applet, fid)
    if not isinstance(key_file, KeyFile) or not isinstance(certificate_file, BinaryFile):
        return b"", status.FILE_NOT_FOUND
    if not isinstance(public, rsa.RSAPublicKey):
        return _refuse(Operation.WRITE_CERTIFICATE, "not an RSA key", status.SECURITY_STATUS)
    numbers = public.public_numbers()
    if key_file.pending is not None and key_file.pending.public_key().public_numbers() == numbers:
        key_file.key, key_file.pending = key_file.pending, None
    elif key_file.key.public_key().public_numbers() != numbers:
        return _refuse(Operation.WRITE_CERTIFICATE, "key is neither the pending nor the current one",
                       status.SECURITY_STATUS)
    certificate_file.content = certificate_der
    # The issuer installs the issuing CA's certificate with it, so the card's chain stays whole when a
    # renewal comes from a newer root generation.
    root = jpki.find_issuer(certificate, list(trust.roots))
    ca_file = state.ef(applet, pairing.ca_certificate)
    if root is not None and isinstance(ca_file, BinaryFile):
        ca_file.content = root.public_bytes(serialization.Encoding.DER)
    return b"", status.OK


def _reset(target: object, session: Session, new_pin: bytes) -> Reply:
    if not isinstance(target, PinFile):
        return b"", status.WRONG_DATA
    new_value = bytearray(new_pin)
    try:
        if not target.pin.pin_format.accepts(new_value):
            return _refuse(Operation.RESET_PIN, "new PIN has the wrong format", status.WRONG_DATA)
        target.pin.replace(new_value, reset_counter=True)
    finally:
        new_value[:] = bytes(len(new_value))
    session.verified.discard(target.pin.kind)
    return b"", status.OK
