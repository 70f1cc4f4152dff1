"""Selecting applets and EFs, and reading files in the fewest APDUs the card allows.

A file that holds one TLV object (a DER certificate, the card-info container) is read as: one READ BINARY
for as much as one APDU can carry (the whole file with extended length, else 256 bytes), whose first bytes
give the object's total size, then only what is missing. The object comes back exactly: trailing padding
is cut, and a file that ends before the object does raises ``MalformedCardData``.
"""

from __future__ import annotations

from kiosk.card import apdu, status_words, tlv
from kiosk.card.apdu import Command
from kiosk.card.transport import CardTransport
from kiosk.errors import MalformedCardData, UnexpectedStatus

MAX_OFFSET = 0x7FFF  # READ BINARY's P1 bit 8 means something else (SFI): offsets stay below 0x8000


def select_applet(transport: CardTransport, aid: bytes) -> int:
    """SELECT by DF name; returns the status word (the caller decides what a refusal means)."""
    return transport.send(Command(0x00, apdu.INS_SELECT, 0x04, 0x0C, aid)).sw


class FileNotFound(UnexpectedStatus):
    """SELECT of an EF the card does not have (6A 82)."""


def select_ef(transport: CardTransport, fid: int) -> None:
    response = transport.send(Command(0x00, apdu.INS_SELECT, 0x02, 0x0C, fid.to_bytes(2, "big")))
    if response.sw == status_words.SW_FILE_NOT_FOUND:
        raise FileNotFound(f"select EF {fid:04X}", response.sw)
    status_words.check(response, f"select EF {fid:04X}")


def read_binary(transport: CardTransport, offset: int, ne: int) -> bytes:
    """Up to ``ne`` bytes of the current EF from ``offset``; empty past its end."""
    if not 0 <= offset <= MAX_OFFSET:
        raise MalformedCardData(f"read beyond the largest offset a card file can have ({offset})")
    response = transport.send(Command(0x00, apdu.INS_READ_BINARY, offset >> 8, offset & 0xFF, ne=ne))
    if response.sw in (status_words.SW_OK, status_words.SW_END_OF_FILE_WARNING):
        return response.data
    if response.sw == status_words.SW_OFFSET_BEYOND_END:
        return b""
    raise status_words.error_for("read binary", response.sw)


def read_exactly(transport: CardTransport, length: int) -> bytes:
    """The first ``length`` bytes of the current EF (at most 256: the token, small headers)."""
    data = read_binary(transport, 0, length)
    if len(data) < length:
        raise MalformedCardData(f"file shorter than {length} bytes")
    return data[:length]


def _largest_ne(transport: CardTransport) -> int:
    return apdu.EXTENDED_MAX_NE if transport.extended_length_allowed else apdu.SHORT_MAX_NE


def read_tlv_object(transport: CardTransport) -> bytes:
    """The one TLV object at the start of the current EF, read in as few APDUs as possible."""
    data = bytearray(read_binary(transport, 0, _largest_ne(transport)))
    while True:  # a card may hand out fewer bytes than asked, even fewer than a header
        try:
            total = tlv.read_header(data).total
            break
        except MalformedCardData:
            if len(data) >= tlv.MAX_HEADER_SIZE:
                raise
            chunk = read_binary(transport, len(data), _largest_ne(transport))
            if not chunk:
                raise
            data += chunk
    while len(data) < total:
        chunk = read_binary(transport, len(data), min(total - len(data), _largest_ne(transport)))
        if not chunk:
            raise MalformedCardData(f"file ends after {len(data)} of {total} bytes")
        data += chunk
    return bytes(data[:total])
