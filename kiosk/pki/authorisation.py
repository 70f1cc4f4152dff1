"""Issuer-channel authorisations: what the central service's issuing authority signs and the card checks.

Wire format and rules: docs/issuer-channel.md. The central service builds and signs them (``sign``); the
virtual card parses and checks them (``parse`` then ``verify_signature``). The terminal's card layer never
looks inside: it carries the bytes from the central service to the card.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import IntEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

VERSION = 1
TAG_AUTHORISATION = 0x7A
TAG_SIGNATURE = 0x5F37
TAG_VERSION = 0x80
TAG_OPERATION = 0x81
TAG_AID = 0x82
TAG_TARGET = 0x83
TAG_CARD_ID = 0x84
TAG_CHALLENGE = 0x85
TAG_PAYLOAD_HASH = 0x86
TAG_AUTHORISATION_ID = 0x87

CARD_ID_LENGTH = 16
CHALLENGE_LENGTH = 8


class Operation(IntEnum):
    GENERATE_KEY_PAIR = 0x01
    WRITE_CERTIFICATE = 0x02
    RESET_PIN = 0x03


class MalformedAuthorisation(ValueError):
    """The bytes are not an authorisation of this version."""


@dataclass(frozen=True)
class Authorisation:
    operation: Operation
    aid: bytes
    target: int  # the FID of the key EF, certificate EF or PIN EF
    card_id: bytes
    challenge: bytes
    payload_hash: bytes | None  # SHA-256 of the certificate, for WRITE_CERTIFICATE
    authorisation_id: bytes

    def body(self) -> bytes:
        fields = [
            _tlv(TAG_VERSION, bytes([VERSION])),
            _tlv(TAG_OPERATION, bytes([self.operation])),
            _tlv(TAG_AID, self.aid),
            _tlv(TAG_TARGET, self.target.to_bytes(2, "big")),
            _tlv(TAG_CARD_ID, self.card_id),
            _tlv(TAG_CHALLENGE, self.challenge),
        ]
        if self.payload_hash is not None:
            fields.append(_tlv(TAG_PAYLOAD_HASH, self.payload_hash))
        fields.append(_tlv(TAG_AUTHORISATION_ID, self.authorisation_id))
        return _tlv(TAG_AUTHORISATION, b"".join(fields))


@dataclass(frozen=True)
class SignedAuthorisation:
    authorisation: Authorisation
    body: bytes  # the exact 7A TLV that was signed
    signature: bytes

    def encode(self) -> bytes:
        return self.body + _tlv(TAG_SIGNATURE, self.signature)


def payload_hash(payload: bytes) -> bytes:
    return hashlib.sha256(payload).digest()


def create(
    operation: Operation,
    *,
    aid: bytes,
    target: int,
    card_id: bytes,
    challenge: bytes,
    payload: bytes | None = None,
) -> Authorisation:
    if len(card_id) != CARD_ID_LENGTH or len(challenge) != CHALLENGE_LENGTH:
        raise ValueError("card id must be 16 bytes and the challenge 8")
    if (operation is Operation.WRITE_CERTIFICATE) != (payload is not None):
        raise ValueError("a payload goes with WRITE_CERTIFICATE and only with it")
    return Authorisation(operation, aid, target, card_id, challenge,
                         payload_hash(payload) if payload is not None else None, secrets.token_bytes(16))


def sign(authorisation: Authorisation, issuer_key: ec.EllipticCurvePrivateKey) -> SignedAuthorisation:
    body = authorisation.body()
    return SignedAuthorisation(authorisation, body, issuer_key.sign(body, ec.ECDSA(hashes.SHA256())))


def parse(data: bytes) -> tuple[SignedAuthorisation, bytes]:
    """Split ``data`` into the signed authorisation and the operation data that follows it."""
    tag, body_value, after_body = _read_tlv(data, 0)
    if tag != TAG_AUTHORISATION:
        raise MalformedAuthorisation("not an authorisation")
    body = data[:after_body]
    tag, signature, end = _read_tlv(data, after_body)
    if tag != TAG_SIGNATURE or not signature:
        raise MalformedAuthorisation("no signature")
    fields: dict[int, bytes] = {}
    offset = 0
    while offset < len(body_value):
        field_tag, value, offset = _read_tlv(body_value, offset)
        if field_tag in fields:
            raise MalformedAuthorisation("repeated field")
        fields[field_tag] = value
    required = (TAG_VERSION, TAG_OPERATION, TAG_AID, TAG_TARGET, TAG_CARD_ID, TAG_CHALLENGE,
                TAG_AUTHORISATION_ID)
    if any(t not in fields for t in required):
        raise MalformedAuthorisation("missing field")
    if fields[TAG_VERSION] != bytes([VERSION]):
        raise MalformedAuthorisation("unsupported version")
    try:
        operation = Operation(int.from_bytes(fields[TAG_OPERATION], "big"))
    except ValueError as exc:
        raise MalformedAuthorisation("unknown operation") from exc
    if len(fields[TAG_TARGET]) != 2 or len(fields[TAG_OPERATION]) != 1:
        raise MalformedAuthorisation("bad field length")
    hash_value = fields.get(TAG_PAYLOAD_HASH)
    if hash_value is not None and len(hash_value) != 32:
        raise MalformedAuthorisation("bad payload hash")
    authorisation = Authorisation(
        operation=operation,
        aid=fields[TAG_AID],
        target=int.from_bytes(fields[TAG_TARGET], "big"),
        card_id=fields[TAG_CARD_ID],
        challenge=fields[TAG_CHALLENGE],
        payload_hash=hash_value,
        authorisation_id=fields[TAG_AUTHORISATION_ID],
    )
    return SignedAuthorisation(authorisation, body, signature), data[end:]


def verify_signature(signed: SignedAuthorisation, issuer_public_key: ec.EllipticCurvePublicKey) -> bool:
    try:
        issuer_public_key.verify(signed.signature, signed.body, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def _tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(2 if tag > 0xFF else 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n <= 0xFF:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return tag_bytes + length + value


def _read_tlv(data: bytes, offset: int) -> tuple[int, bytes, int]:
    """Read one BER-TLV at ``offset``: (tag, value, offset after it)."""
    try:
        tag = data[offset]
        offset += 1
        if tag & 0x1F == 0x1F:  # multi-byte tag
            tag = tag << 8 | data[offset]
            offset += 1
            if data[offset - 1] & 0x80:
                raise MalformedAuthorisation("tag too long")
        first = data[offset]
        offset += 1
        if first < 0x80:
            length = first
        elif first in (0x81, 0x82):
            size = first & 0x7F
            length = int.from_bytes(data[offset:offset + size], "big")
            if len(data[offset:offset + size]) != size:
                raise MalformedAuthorisation("truncated length")
            offset += size
        else:
            raise MalformedAuthorisation("unsupported length form")
    except IndexError as exc:
        raise MalformedAuthorisation("truncated") from exc
    end = offset + length
    if end > len(data):
        raise MalformedAuthorisation("truncated value")
    return tag, data[offset:end], end
