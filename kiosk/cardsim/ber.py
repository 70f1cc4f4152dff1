"""BER-TLV encoding of the card's own data objects (the card-info files), with full BER lengths.

Written for the card alone: the terminal parses these files with its own code (see kiosk/cardsim/apdu.py
for why the two sides never share).
"""

from __future__ import annotations


def length(n: int) -> bytes:
    """Definite length: short form below 128, else 81/82/83 and the minimal big-endian bytes."""
    if n < 0:
        raise ValueError("negative length")
    if n < 0x80:
        return bytes([n])
    size = (n.bit_length() + 7) // 8
    if size > 3:
        raise ValueError("length too large for a card file")
    return bytes([0x80 | size]) + n.to_bytes(size, "big")


def tlv(tag: bytes, value: bytes) -> bytes:
    return tag + length(len(value)) + value
