"""Command APDUs as the card sees them: ISO 7816-3/4 cases 1 to 4, short and extended length.

The card's own parser, written independently of the terminal's (kiosk/card), so that a misreading of the
standard in one of them shows up as a failing test instead of agreeing with itself.
"""

from __future__ import annotations

from dataclasses import dataclass

SHORT_MAX_NE = 256
EXTENDED_MAX_NE = 65536


class MalformedApdu(ValueError):
    """The bytes are not a command APDU of any ISO case (the card answers 67 00)."""


@dataclass(frozen=True, slots=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes
    ne: int  # the most response bytes the terminal accepts; 0 when no Le field was sent
    extended: bool  # the length fields were in extended form

    @property
    def p1p2(self) -> int:
        return self.p1 << 8 | self.p2

    @property
    def has_le(self) -> bool:
        return self.ne > 0

    @property
    def ne_is_maximum(self) -> bool:
        """Le was all zeros: "as many bytes as there are", up to 256 or 65536 (ISO 7816-4)."""
        return self.ne == (EXTENDED_MAX_NE if self.extended else SHORT_MAX_NE)


def _short_ne(byte: int) -> int:
    return byte or SHORT_MAX_NE


def _extended_ne(high: int, low: int) -> int:
    return (high << 8 | low) or EXTENDED_MAX_NE


def parse(raw: bytes) -> CommandApdu:
    """Decode ``raw`` or raise ``MalformedApdu``."""
    size = len(raw)
    if size < 4:
        raise MalformedApdu("shorter than a header")
    cla, ins, p1, p2 = raw[0], raw[1], raw[2], raw[3]
    if size == 4:  # case 1
        return CommandApdu(cla, ins, p1, p2, b"", 0, extended=False)
    first = raw[4]
    if size == 5:  # case 2 short
        return CommandApdu(cla, ins, p1, p2, b"", _short_ne(first), extended=False)
    if first != 0:  # case 3 or 4 short
        lc = first
        if size == 5 + lc:
            return CommandApdu(cla, ins, p1, p2, bytes(raw[5:]), 0, extended=False)
        if size == 6 + lc:
            return CommandApdu(cla, ins, p1, p2, bytes(raw[5:-1]), _short_ne(raw[-1]), extended=False)
        raise MalformedApdu("Lc does not match the length")
    # A first byte 00 after the header opens the extended form.
    if size == 7:  # case 2 extended
        return CommandApdu(cla, ins, p1, p2, b"", _extended_ne(raw[5], raw[6]), extended=True)
    if size < 7:
        raise MalformedApdu("truncated extended length")
    lc = raw[5] << 8 | raw[6]
    if lc == 0:
        raise MalformedApdu("extended Lc of zero")
    if size == 7 + lc:
        return CommandApdu(cla, ins, p1, p2, bytes(raw[7:]), 0, extended=True)
    if size == 9 + lc:
        return CommandApdu(cla, ins, p1, p2, bytes(raw[7:-2]), _extended_ne(raw[-2], raw[-1]), extended=True)
    raise MalformedApdu("extended Lc does not match the length")
