"""The issuer channel (docs/issuer-channel.md): card ID, challenge, key generation, certificate write, PIN reset.

One small module so that a production adapter for the national issuer can replace it. Authorisations come
from the central service and go to the card as opaque bytes: this module never looks inside them. Long
commands are chained or sent with extended length by the transport; long answers (a public key) come back
through GET RESPONSE there too.

Refusals of an authorisation (replayed, foreign, mismatched, expired challenge: ``69 82``, ``69 85``,
``6A 80``, ``6A 86``) raise ``AuthorisationRejected`` carrying the status word; the card is unchanged and
its challenge consumed, so a retry starts from a new challenge.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.card import apdu, status_words
from kiosk.card.apdu import Command
from kiosk.card.transport import CardTransport
from kiosk.domain.pins import wipe
from kiosk.errors import IssuerChannelUnavailable, MalformedCardData

CARD_ID_LENGTH = 16
CHALLENGE_LENGTH = 8
CLA_PROPRIETARY = 0x80
TAG_CARD_ID = 0xC1
_UNAVAILABLE = frozenset({status_words.SW_DATA_NOT_FOUND, status_words.SW_INS_NOT_SUPPORTED,
                          status_words.SW_CLA_NOT_SUPPORTED})


def _issuer_command(operation: str, command: Command, transport: CardTransport) -> bytes:
    response = transport.send(command)
    if response.sw in (status_words.SW_INS_NOT_SUPPORTED, status_words.SW_CLA_NOT_SUPPORTED):
        raise IssuerChannelUnavailable(f"{operation}: not supported by this card ({response.sw:04X})")
    if response.sw != status_words.SW_OK:
        raise status_words.authorisation_error_for(operation, response.sw)
    return response.data


def read_card_id(transport: CardTransport) -> bytes:
    """The 16-byte card ID (GET DATA, tag C1), whatever applet is selected."""
    response = transport.send(Command(CLA_PROPRIETARY, apdu.INS_GET_DATA, 0x00, TAG_CARD_ID, ne=apdu.SHORT_MAX_NE))
    if response.sw in _UNAVAILABLE:
        raise IssuerChannelUnavailable(f"{transport.reader}: no issuer channel (GET DATA C1: {response.sw:04X})")
    data = status_words.check(response, "get card ID")
    if len(data) != CARD_ID_LENGTH:
        raise MalformedCardData(f"a card ID of {len(data)} bytes")
    return data


def get_challenge(transport: CardTransport) -> bytes:
    """A fresh 8-byte card challenge; it replaces any earlier one."""
    response = transport.send(Command(0x00, apdu.INS_GET_CHALLENGE, 0x00, 0x00, ne=CHALLENGE_LENGTH))
    data = status_words.check(response, "get challenge")
    if len(data) != CHALLENGE_LENGTH:
        raise MalformedCardData(f"a challenge of {len(data)} bytes")
    return data


def generate_key_pair(transport: CardTransport, key_fid: int, authorisation: bytes) -> rsa.RSAPublicKey:
    """Stage a new key pair in ``key_fid`` (installed by the next matching WRITE CERTIFICATE)."""
    command = Command(CLA_PROPRIETARY, apdu.INS_GENERATE_KEY_PAIR, key_fid >> 8, key_fid & 0xFF, authorisation,
                      ne=apdu.EXTENDED_MAX_NE)
    spki = _issuer_command(f"generate a key pair in EF {key_fid:04X}", command, transport)
    try:
        key = serialization.load_der_public_key(spki)
    except (ValueError, TypeError) as exc:
        raise MalformedCardData("the new public key is not a SubjectPublicKeyInfo") from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise MalformedCardData("the new public key is not RSA")
    return key


def write_certificate(transport: CardTransport, certificate_fid: int, authorisation: bytes, der: bytes) -> None:
    command = Command(CLA_PROPRIETARY, apdu.INS_WRITE_CERTIFICATE, certificate_fid >> 8, certificate_fid & 0xFF,
                      authorisation + der)
    _issuer_command(f"write the certificate in EF {certificate_fid:04X}", command, transport)


def reset_pin(transport: CardTransport, pin_fid: int, authorisation: bytes, new_pin: bytearray) -> None:
    """Set a PIN's value and restore its tries; ``new_pin`` must already meet its format."""
    data = bytearray(authorisation)
    data += new_pin
    try:
        command = Command(CLA_PROPRIETARY, apdu.INS_RESET_PIN, pin_fid >> 8, pin_fid & 0xFF, data)
        _issuer_command(f"reset the PIN in EF {pin_fid:04X}", command, transport)
    finally:
        wipe(data)
