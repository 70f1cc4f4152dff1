"""The card's PINs: their formats, retry counters and blocking.

A PIN's value is the card's secret: it lives in a bytearray, is compared in constant time, is wiped when
replaced, and never appears in a log line, an exception or a repr.
"""

from __future__ import annotations

import hmac
import secrets
import string
from dataclasses import dataclass, field
from enum import Enum

_DIGITS = frozenset(string.digits.encode())
_UPPER_ALNUM = frozenset((string.ascii_uppercase + string.digits).encode())


_FINGERPRINT_KEY = secrets.token_bytes(32)


class PinFormat(Enum):
    """What CHANGE REFERENCE DATA and RESET PIN accept as a new value."""

    FOUR_DIGITS = "4 digits"
    PASSWORD = "6 to 16 of A-Z and 0-9"  # noqa: S105 - a format description, not a password

    def accepts(self, value: bytes | bytearray) -> bool:
        if self is PinFormat.FOUR_DIGITS:
            return len(value) == 4 and all(b in _DIGITS for b in value)
        return 6 <= len(value) <= 16 and all(b in _UPPER_ALNUM for b in value)


@dataclass(eq=False)
class PinState:
    """One PIN of the card. Several EFs may name the same PIN (the next-generation card-info alias)."""

    kind: str  # "auth", "sign", "card_info"; on next-generation cards "short" and "long"
    pin_format: PinFormat
    max_tries: int
    tries_left: int
    _value: bytearray = field(repr=False)

    @classmethod
    def create(cls, kind: str, pin_format: PinFormat, max_tries: int, value: str, tries_left: int) -> PinState:
        return cls(kind, pin_format, max_tries, tries_left, bytearray(value.encode("ascii")))

    @property
    def blocked(self) -> bool:
        return self.tries_left == 0

    def matches(self, candidate: bytes | bytearray) -> bool:
        return hmac.compare_digest(bytes(self._value), bytes(candidate))

    def verify(self, candidate: bytes | bytearray) -> bool:
        """Spend a try on ``candidate``; a correct value restores the counter. The caller checks ``blocked``."""
        if self.matches(candidate):
            self.tries_left = self.max_tries
            return True
        self.tries_left = max(0, self.tries_left - 1)
        return False

    def replace(self, new_value: bytes | bytearray, *, reset_counter: bool) -> None:
        for i in range(len(self._value)):
            self._value[i] = 0
        self._value = bytearray(new_value)
        if reset_counter:
            self.tries_left = self.max_tries

    def fingerprint(self) -> bytes:
        """A digest of the value, so tests can tell whether it changed without reading it.

        Keyed with a secret of this process: a 4-digit PIN under a fixed key would be a lookup table away.
        """
        return hmac.new(_FINGERPRINT_KEY, bytes(self._value), "sha256").digest()


@dataclass(frozen=True)
class PinRule:
    pin_format: PinFormat
    max_tries: int


# The PINs of each card generation (jpki-reference.md "PINs", docs/issuer-channel.md "Next-generation").
PIN_RULES: dict[str, PinRule] = {
    "auth": PinRule(PinFormat.FOUR_DIGITS, 3),
    "sign": PinRule(PinFormat.PASSWORD, 5),
    "card_info": PinRule(PinFormat.FOUR_DIGITS, 3),
    "short": PinRule(PinFormat.FOUR_DIGITS, 3),
    "long": PinRule(PinFormat.PASSWORD, 5),
}
