"""Where things live on the card: applet AIDs, EF identifiers, and which EFs belong together.

Values from jpki-reference.md and docs/issuer-channel.md.
"""

from __future__ import annotations

from dataclasses import dataclass

JPKI_AID = bytes.fromhex("D392F000260100000001")
CARD_INFO_AID = bytes.fromhex("D3921000310001010408")
CARD_FACE_AID = bytes.fromhex("D3921000310001010402")
RESIDENT_REGISTER_AID = bytes.fromhex("D3921000310001010401")

# JPKI applet
TOKEN = 0x0006
AUTH_CERTIFICATE = 0x000A
AUTH_CA_CERTIFICATE = 0x000B
SIGN_CERTIFICATE = 0x0001
SIGN_CA_CERTIFICATE = 0x0002
AUTH_KEY = 0x0017
SIGN_KEY = 0x001A
AUTH_PIN = 0x0018
SIGN_PIN = 0x001B
# card-info applet
CARD_INFO_PIN = 0x0011
MY_NUMBER = 0x0001
ATTRIBUTES = 0x0002

TOKEN_SIZE = 32


@dataclass(frozen=True)
class KeyPairing:
    """A key EF, the certificate EF whose public key it matches, that certificate's CA EF, its PIN EF."""

    purpose: str  # "auth" or "sign", as kiosk.pki.jpki.Purpose
    key: int
    certificate: int
    ca_certificate: int
    pin: int


PAIRINGS = (
    KeyPairing("auth", AUTH_KEY, AUTH_CERTIFICATE, AUTH_CA_CERTIFICATE, AUTH_PIN),
    KeyPairing("sign", SIGN_KEY, SIGN_CERTIFICATE, SIGN_CA_CERTIFICATE, SIGN_PIN),
)
BY_KEY = {p.key: p for p in PAIRINGS}
BY_CERTIFICATE = {p.certificate: p for p in PAIRINGS}
BY_PURPOSE = {p.purpose: p for p in PAIRINGS}

# The EFs each issuer command may target, per applet (docs/issuer-channel.md "Targets").
KEY_TARGETS = {JPKI_AID: frozenset({AUTH_KEY, SIGN_KEY})}
CERTIFICATE_TARGETS = {JPKI_AID: frozenset({AUTH_CERTIFICATE, SIGN_CERTIFICATE})}
PIN_TARGETS = {JPKI_AID: frozenset({AUTH_PIN, SIGN_PIN}), CARD_INFO_AID: frozenset({CARD_INFO_PIN})}

# Which EF holds which PIN kind, per generation. On next-generation cards the card-info PIN EF is an
# alias of the short PIN: the same value and the same counter.
PIN_EFS_CURRENT = {"auth": ((JPKI_AID, AUTH_PIN),), "sign": ((JPKI_AID, SIGN_PIN),),
                   "card_info": ((CARD_INFO_AID, CARD_INFO_PIN),)}
PIN_EFS_NEXT = {"short": ((JPKI_AID, AUTH_PIN), (CARD_INFO_AID, CARD_INFO_PIN)), "long": ((JPKI_AID, SIGN_PIN),)}
