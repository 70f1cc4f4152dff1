"""Status words to typed errors: the one place where the card's answers become ``kiosk.errors``.

Status words of the public command set (jpki-reference.md "Status words") and of the issuer channel
(docs/issuer-channel.md). A blocked PIN answers ``63 C0``, ``69 83`` or ``69 84`` depending on the source;
all three mean blocked.
"""

from __future__ import annotations

from kiosk.card.apdu import Response
from kiosk.domain.pins import PinKind
from kiosk.errors import (
    AuthorisationRejected,
    CardError,
    KioskError,
    PinBlocked,
    SecurityStatusNotSatisfied,
    UnexpectedStatus,
    WrongPin,
)

SW_OK = 0x9000
SW_VERIFICATION_FAILED = 0x6300
SW_SECURITY_STATUS = 0x6982
SW_BLOCKED = frozenset({0x6983, 0x6984, 0x63C0})
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_WRONG_DATA = 0x6A80
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6A86
SW_DATA_NOT_FOUND = 0x6A88
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00
SW_END_OF_FILE_WARNING = 0x6282  # fewer bytes than asked: the end of the file came first
SW_OFFSET_BEYOND_END = 0x6B00

AUTHORISATION_REFUSALS = frozenset({SW_SECURITY_STATUS, SW_CONDITIONS_NOT_SATISFIED, SW_WRONG_DATA, SW_WRONG_P1P2})


def tries_left(sw: int) -> int | None:
    """Tries left from the answer to an empty VERIFY or a wrong one; None if ``sw`` does not say."""
    if sw in SW_BLOCKED:
        return 0
    if sw & 0xFFF0 == 0x63C0:
        return sw & 0x0F
    return None


def error_for(operation: str, sw: int) -> CardError:
    """The error for a status word that an operation did not expect."""
    if sw == SW_SECURITY_STATUS:
        return SecurityStatusNotSatisfied(f"{operation}: security status not satisfied (6982)")
    return UnexpectedStatus(operation, sw)


def pin_error_for(kind: PinKind, operation: str, sw: int) -> KioskError:
    """The error for a refused VERIFY or CHANGE REFERENCE DATA on a PIN of ``kind``."""
    left = tries_left(sw)
    if left == 0:
        return PinBlocked(str(kind))
    if left is not None:
        return WrongPin(str(kind), left)
    return error_for(operation, sw)


def authorisation_error_for(operation: str, sw: int) -> CardError:
    """The error for a refused issuer-channel command (replayed, foreign, mismatched authorisation...)."""
    if sw in AUTHORISATION_REFUSALS:
        return AuthorisationRejected(f"{operation}: the card refused the authorisation ({sw:04X})", sw)
    return UnexpectedStatus(operation, sw)


def check(response: Response, operation: str) -> bytes:
    """The response data if the card said ``90 00``, else the error for its status word."""
    if response.sw != SW_OK:
        raise error_for(operation, response.sw)
    return response.data
