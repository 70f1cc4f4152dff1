"""PIN kinds and the format rules a new or typed PIN must meet (jpki-reference.md "PINs").

A PIN travels as a ``bytearray`` of ASCII so that it can be wiped (``wipe``) the moment it is no longer
needed; nothing here copies it into an immutable ``str`` or ``bytes``. Format checks raise
``PinFormatError`` with a reason code (``kiosk.errors.PIN_FORMAT_REASONS``) that ``kiosk.messages`` turns
into a sentence; the error never carries the value.

Current cards have four PINs: user authentication (4 digits, 3 tries), the signing password (6 to 16 of
A-Z and 0-9, 5 tries), card-info (4 digits, 3 tries) and resident-register (4 digits, 3 tries; its applet's
files are not public, the terminal does not read it). Next-generation cards (hypothetical,
docs/issuer-channel.md) have two: ``short`` (4 digits, 3 tries) and ``long`` (6 to 16 characters, 5 tries).
Which PIN guards what on which card is the generation profile's business (``kiosk.domain.generation``).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from enum import StrEnum

from kiosk.errors import PinFormatError


class PinKind(StrEnum):
    AUTH = "auth"
    SIGN = "sign"
    CARD_INFO = "card_info"
    RESIDENT_REGISTER = "resident_register"
    SHORT = "short"  # next generation: the 4-digit PIN
    LONG = "long"  # next generation: the password


class Alphabet(StrEnum):
    DIGITS = "digits"
    UPPER_ALPHANUMERIC = "upper_alphanumeric"  # A-Z and 0-9; lower-case input is upper-cased first


@dataclass(frozen=True)
class PinRule:
    minimum: int
    maximum: int
    alphabet: Alphabet
    max_tries: int


FOUR_DIGITS = PinRule(4, 4, Alphabet.DIGITS, 3)
PASSWORD = PinRule(6, 16, Alphabet.UPPER_ALPHANUMERIC, 5)

RULES: dict[PinKind, PinRule] = {
    PinKind.AUTH: FOUR_DIGITS,
    PinKind.SIGN: PASSWORD,
    PinKind.CARD_INFO: FOUR_DIGITS,
    PinKind.RESIDENT_REGISTER: FOUR_DIGITS,
    PinKind.SHORT: FOUR_DIGITS,
    PinKind.LONG: PASSWORD,
}

_DIGITS = frozenset(b"0123456789")
_UPPER_ALPHANUMERIC = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LOWER = frozenset(b"abcdefghijklmnopqrstuvwxyz")


def rule_for(kind: PinKind) -> PinRule:
    return RULES[kind]


def wipe(buffer: bytearray) -> None:
    """Overwrite a secret in place; the buffer keeps its length, every byte zero."""
    buffer[:] = bytes(len(buffer))  # same length: overwritten in place, not reallocated


def normalise(kind: PinKind, pin: bytearray) -> None:
    """Upper-case a password in place, as the card expects it (the signing password is case-free on input)."""
    if rule_for(kind).alphabet is Alphabet.UPPER_ALPHANUMERIC:
        for index, byte in enumerate(pin):
            if byte in _LOWER:
                pin[index] = byte - 0x20


def validate(kind: PinKind, pin: bytearray) -> None:
    """Raise ``PinFormatError`` unless ``pin`` (already normalised) has the form the card accepts for ``kind``."""
    rule = rule_for(kind)

    def fail(reason: str) -> PinFormatError:
        return PinFormatError(str(kind), reason, rule.minimum, rule.maximum)

    if not pin:
        raise fail("empty")
    allowed = _DIGITS if rule.alphabet is Alphabet.DIGITS else _UPPER_ALPHANUMERIC
    if any(byte not in allowed for byte in pin):
        raise fail("not_digits" if rule.alphabet is Alphabet.DIGITS else "bad_characters")
    if len(pin) < rule.minimum:
        raise fail("too_short")
    if len(pin) > rule.maximum:
        raise fail("too_long")


def prepare(kind: PinKind, pin: bytearray) -> None:
    """Normalise then validate: what to do with every PIN typed by a resident before it goes to a card."""
    normalise(kind, pin)
    validate(kind, pin)


def require_match(kind: PinKind, first: bytearray, second: bytearray) -> None:
    """A new PIN is typed twice; raise ``PinFormatError(reason="mismatch")`` if the two differ."""
    rule = rule_for(kind)
    if not hmac.compare_digest(first, second):
        raise PinFormatError(str(kind), "mismatch", rule.minimum, rule.maximum)
