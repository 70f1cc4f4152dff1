"""Status words to typed errors: the one place where the card's answers become ``kiosk.errors``.

Status words of the public command set (jpki-reference.md "Status words") and of the issuer channel
(docs/issuer-channel.md). A blocked PIN answers ``63 C0``, ``69 83`` or ``69 84`` depending on the source;
all three mean blocked.

``CardTransport.transmit`` raises for every status word its caller did not name in ``expect`` (by default
only ``90 00``), through a *refusal*: a function from (operation, status word) to the error. ``error_for``
is the general one; the PIN commands, applet selection and the issuer channel have their own, which fall
back to it.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.domain.pins import PinKind
from kiosk.errors import (
    AppletNotFound,
    AuthorisationRejected,
    CardError,
    FileNotFound,
    IssuerChannelUnavailable,
    KioskError,
    PinBlocked,
    SecurityStatusNotSatisfied,
    UnexpectedStatus,
    WrongPin,
)

SW_OK = 0x9000
SW_END_OF_FILE_WARNING = 0x6282  # fewer bytes than asked: the end of the file came first
SW_VERIFICATION_FAILED = 0x6300
SW_TRIES_LEFT_0 = 0x63C0  # 63 Cx: x tries left (63 C0: none, blocked)
SW_WRONG_LENGTH = 0x6700
SW_SECURITY_STATUS = 0x6982
SW_AUTH_METHOD_BLOCKED = 0x6983
SW_REFERENCE_DATA_UNUSABLE = 0x6984
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_WRONG_DATA = 0x6A80
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6A86
SW_DATA_NOT_FOUND = 0x6A88
SW_OFFSET_BEYOND_END = 0x6B00
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00

SW_BLOCKED = frozenset({SW_AUTH_METHOD_BLOCKED, SW_REFERENCE_DATA_UNUSABLE, SW_TRIES_LEFT_0})
SW_TRIES_LEFT = frozenset(range(SW_TRIES_LEFT_0, SW_TRIES_LEFT_0 + 0x10)) | SW_BLOCKED
EXPECT_OK = frozenset({SW_OK})

AUTHORISATION_REFUSALS = frozenset({SW_SECURITY_STATUS, SW_CONDITIONS_NOT_SATISFIED, SW_WRONG_DATA, SW_WRONG_P1P2})
ISSUER_CHANNEL_ABSENT = frozenset({SW_INS_NOT_SUPPORTED, SW_CLA_NOT_SUPPORTED})

Refusal = Callable[[str, int], KioskError]
"""The error for a status word an operation did not expect: (operation, status word) -> error."""


def tries_left(sw: int) -> int | None:
    """Tries left from the answer to an empty VERIFY or a wrong one; None if ``sw`` does not say."""
    if sw in SW_BLOCKED:
        return 0
    if sw & 0xFFF0 == SW_TRIES_LEFT_0:
        return sw & 0x0F
    return None


def error_for(operation: str, sw: int) -> CardError:
    """The error for a status word that an operation did not expect."""
    if sw == SW_SECURITY_STATUS:
        return SecurityStatusNotSatisfied(f"{operation}: security status not satisfied (6982)")
    if sw == SW_FILE_NOT_FOUND:
        return FileNotFound(operation, sw)
    return UnexpectedStatus(operation, sw)


def applet_error_for(operation: str, sw: int) -> CardError:
    """The error for a refused SELECT by AID: ``AppletNotFound`` for ``6A 82``."""
    if sw == SW_FILE_NOT_FOUND:
        return AppletNotFound(operation, sw)
    return error_for(operation, sw)


def pin_error_for(kind: PinKind, operation: str, sw: int) -> KioskError:
    """The error for a refused VERIFY or CHANGE REFERENCE DATA on a PIN of ``kind``."""
    left = tries_left(sw)
    if left == 0:
        return PinBlocked(str(kind))
    if left is not None:
        return WrongPin(str(kind), left)
    return error_for(operation, sw)


def pin_refusal(kind: PinKind) -> Refusal:
    """``pin_error_for`` for the PIN of ``kind``, as a refusal."""

    def refusal(operation: str, sw: int) -> KioskError:
        return pin_error_for(kind, operation, sw)

    return refusal


def authorisation_error_for(operation: str, sw: int) -> CardError:
    """The error for a refused issuer-channel command (replayed, foreign, mismatched authorisation...)."""
    if sw in ISSUER_CHANNEL_ABSENT:
        return IssuerChannelUnavailable(f"{operation}: not supported by this card ({sw:04X})")
    if sw in AUTHORISATION_REFUSALS:
        return AuthorisationRejected(f"{operation}: the card refused the authorisation ({sw:04X})", sw)
    return UnexpectedStatus(operation, sw)


def card_id_error_for(operation: str, sw: int) -> CardError:
    """The error for a refused GET DATA C1: a card without the issuer channel answers ``6A 88`` or ``6D 00``."""
    if sw in ISSUER_CHANNEL_ABSENT or sw == SW_DATA_NOT_FOUND:
        return IssuerChannelUnavailable(f"{operation}: no issuer channel on this card ({sw:04X})")
    return error_for(operation, sw)
