"""Selecting applets and EFs, and reading files in the fewest APDUs the card allows.

A file that holds one TLV object (a DER certificate, the card-info container) is read as: one READ BINARY
for as much as one APDU can carry (the whole file with extended length, else 256 bytes), whose first bytes
give the object's total size, then only what is missing. The object comes back exactly: trailing padding
is cut, and a file that ends before the object does raises ``MalformedCardData``.
"""

from __future__ import annotations

from kiosk.card import apdu, status_words, tlv
from kiosk.card.apdu import Command
from kiosk.card.progress import Progress
from kiosk.card.transport import CardTransport
from kiosk.errors import MalformedCardData

MAX_OFFSET = 0x7FFF  # READ BINARY's P1 bit 8 means something else (SFI): offsets stay below 0x8000
READ_ANSWERS = frozenset({status_words.SW_OK, status_words.SW_END_OF_FILE_WARNING,
                          status_words.SW_OFFSET_BEYOND_END})


def select_applet(transport: CardTransport, aid: bytes) -> None:
    """SELECT by DF name; ``AppletNotFound`` if the card has no such applet (the session says what that
    means), another typed error for any other refusal."""
    transport.transmit(Command(0x00, apdu.INS_SELECT, 0x04, 0x0C, aid), operation=f"select applet {aid.hex().upper()}",
                       refusal=status_words.applet_error_for)


def select_ef(transport: CardTransport, fid: int) -> None:
    """SELECT an EF of the current applet; ``FileNotFound`` if it has none of that FID."""
    transport.transmit(Command(0x00, apdu.INS_SELECT, 0x02, 0x0C, fid.to_bytes(2, "big")),
                       operation=f"select EF {fid:04X}")


def read_binary(transport: CardTransport, offset: int, ne: int) -> bytes:
    """Up to ``ne`` bytes of the current EF from ``offset``; empty past its end."""
    if not 0 <= offset <= MAX_OFFSET:
        raise MalformedCardData(f"read beyond the largest offset a card file can have ({offset})")
    response = transport.transmit(Command(0x00, apdu.INS_READ_BINARY, offset >> 8, offset & 0xFF, ne=ne),
                                  expect=READ_ANSWERS, operation="read binary")
    if response.sw == status_words.SW_OFFSET_BEYOND_END:
        return b""
    return response.data


def read_exactly(transport: CardTransport, length: int) -> bytes:
    """The first ``length`` bytes of the current EF (at most 256: the token, small headers)."""
    data = read_binary(transport, 0, length)
    if len(data) < length:
        raise MalformedCardData(f"file shorter than {length} bytes")
    return data[:length]


def _largest_ne(transport: CardTransport) -> int:
    return apdu.EXTENDED_MAX_NE if transport.extended_length_allowed else apdu.SHORT_MAX_NE


def read_tlv_object(transport: CardTransport, progress: Progress | None = None) -> bytes:
    """The one TLV object at the start of the current EF, read in as few APDUs as possible.

    ``progress`` hears ``(bytes read, object size)`` after each READ BINARY once the size is known.
    """
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
    if progress is not None:
        progress(min(len(data), total), total)
    while len(data) < total:
        chunk = read_binary(transport, len(data), min(total - len(data), _largest_ne(transport)))
        if not chunk:
            raise MalformedCardData(f"file ends after {len(data)} of {total} bytes")
        data += chunk
        if progress is not None:
            progress(min(len(data), total), total)
    return bytes(data[:total])
