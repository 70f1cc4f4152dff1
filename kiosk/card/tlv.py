"""BER-TLV as the card stores it (ISO 7816-4 / X.690 definite lengths), parsed defensively.

Certificates (DER, tag 30) and the card-info attributes (tag FF 20) are both one TLV object at the start of
their EF, which is how a file is read in the fewest APDUs: the first chunk's header gives the object's total
size. Whatever the bytes, these functions return or raise ``MalformedCardData``; nothing else escapes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import MalformedCardData

MAX_TAG_BYTES = 3
MAX_LENGTH_BYTES = 3  # up to 16 MB: far beyond any EF of the card
MAX_HEADER_SIZE = MAX_TAG_BYTES + 1 + MAX_LENGTH_BYTES


@dataclass(frozen=True)
class Header:
    tag: int
    length: int  # of the value
    size: int  # of tag and length fields

    @property
    def total(self) -> int:
        return self.size + self.length


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes


def read_header(data: bytes | bytearray, offset: int = 0) -> Header:
    """The tag and length at ``offset``; raise ``MalformedCardData`` if they are cut short or invalid."""
    position = offset
    end = len(data)
    if position >= end:
        raise MalformedCardData("TLV: no tag")
    first = data[position]
    tag = first
    position += 1
    if first & 0x1F == 0x1F:  # tag number continues in following bytes, bit 8 set on all but the last
        while True:
            if position >= end:
                raise MalformedCardData("TLV: tag cut short")
            byte = data[position]
            tag = tag << 8 | byte
            position += 1
            if not byte & 0x80:
                break
            if position - offset >= MAX_TAG_BYTES:
                raise MalformedCardData("TLV: tag too long")
    if position >= end:
        raise MalformedCardData("TLV: no length")
    first_length = data[position]
    position += 1
    if first_length < 0x80:
        length = first_length
    elif first_length == 0x80:
        raise MalformedCardData("TLV: indefinite length")
    else:
        count = first_length & 0x7F
        if count > MAX_LENGTH_BYTES:
            raise MalformedCardData("TLV: length field too long")
        if position + count > end:
            raise MalformedCardData("TLV: length cut short")
        length = int.from_bytes(data[position:position + count], "big")
        position += count
    return Header(tag, length, position - offset)


def parse_all(data: bytes | bytearray) -> list[Tlv]:
    """Every TLV in ``data``, which must be nothing but complete TLVs."""
    items: list[Tlv] = []
    offset = 0
    while offset < len(data):
        header = read_header(data, offset)
        start = offset + header.size
        stop = start + header.length
        if stop > len(data):
            raise MalformedCardData("TLV: value cut short")
        items.append(Tlv(header.tag, bytes(data[start:stop])))
        offset = stop
    return items


def parse_one(data: bytes | bytearray, tag: int) -> bytes:
    """The value of the single TLV ``data`` must consist of, which must have ``tag``."""
    items = parse_all(data)
    if len(items) != 1 or items[0].tag != tag:
        raise MalformedCardData(f"TLV: expected one object with tag {tag:X}")
    return items[0].value


def find(items: list[Tlv], tag: int) -> bytes:
    """The value of the one item with ``tag``; raise ``MalformedCardData`` if absent or repeated."""
    values = [item.value for item in items if item.tag == tag]
    if len(values) != 1:
        raise MalformedCardData(f"TLV: tag {tag:X} {'missing' if not values else 'repeated'}")
    return values[0]
