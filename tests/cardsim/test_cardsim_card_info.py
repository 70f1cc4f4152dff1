"""The card-info input support applet: My Number and the four attributes in BER-TLV, behind its PIN."""

from __future__ import annotations

from kiosk.cardsim import VirtualCard

from .conftest import CardFactory
from .helpers import ATTRIBUTES, CARD_INFO, CARD_INFO_PIN, MY_NUMBER, Terminal, read_binary, select_ef, sw


def read_tlv(data: bytes, offset: int) -> tuple[bytes, bytes, int]:
    """(tag bytes, value, offset after) of one BER-TLV, any definite length form. The test's own parser."""
    start = offset
    offset += 1
    if data[start] & 0x1F == 0x1F:
        while data[offset] & 0x80:
            offset += 1
        offset += 1
    tag = data[start:offset]
    first = data[offset]
    offset += 1
    if first & 0x80:
        count = first & 0x7F
        assert 1 <= count <= 3
        length = int.from_bytes(data[offset:offset + count], "big")
        assert length >= 0x80 and (count == 1 or length > 0xFF), "lengths are minimal"
        offset += count
    else:
        length = first
    assert offset + length <= len(data)
    return tag, data[offset:offset + length], offset + length


def unlocked(card: VirtualCard) -> Terminal:
    terminal = Terminal(card)
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"5678") == 0x9000
    return terminal


def test_my_number(card: VirtualCard) -> None:
    terminal = unlocked(card)
    content = terminal.read_file(MY_NUMBER)
    tag, value, end = read_tlv(content, 0)
    assert content[:3] == b"\xff\x10\x0c" and tag == b"\xff\x10"
    assert value == card.profile.my_number.encode("ascii") and end == len(content)


def test_attributes_in_a_long_ber_container(card: VirtualCard) -> None:
    terminal = unlocked(card)
    content = terminal.read_file(ATTRIBUTES)
    tag, container, end = read_tlv(content, 0)
    assert tag == b"\xff\x20" and end == len(content)
    assert len(container) > 127 and content[2] in (0x81, 0x82)  # the long form, as on real cards
    items: dict[bytes, bytes] = {}
    starts: dict[bytes, int] = {}
    offset = 0
    container_start = len(content) - len(container)
    while offset < len(container):
        item_tag, value, after = read_tlv(container, offset)
        starts[item_tag] = container_start + offset
        items[item_tag] = value
        offset = after
    holder = card.profile.holder
    assert items[b"\xdf\x22"].decode("utf-8") == holder.name
    assert items[b"\xdf\x23"].decode("utf-8") == holder.address
    assert items[b"\xdf\x24"] == holder.birth_date.strftime("%Y%m%d").encode()
    assert items[b"\xdf\x25"] == holder.sex.encode()
    header = items[b"\xdf\x21"]
    offsets = [int.from_bytes(header[i:i + 2], "big") for i in range(0, len(header), 2)]
    assert offsets == [starts[t] for t in (b"\xdf\x22", b"\xdf\x23", b"\xdf\x24", b"\xdf\x25")]


def test_attributes_need_the_pin(card: VirtualCard) -> None:
    terminal = Terminal(card)
    terminal.select(CARD_INFO, ATTRIBUTES)
    assert sw(terminal.send(read_binary(0, 256))) == 0x6982
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"0000") == 0x63C2
    terminal.ok(select_ef(ATTRIBUTES))
    assert sw(terminal.send(read_binary(0, 256))) == 0x6982


def test_the_attribute_header_reads_in_seven_bytes_like_existing_tools(card: VirtualCard) -> None:
    terminal = unlocked(card)
    terminal.ok(select_ef(ATTRIBUTES))
    head = terminal.ok(read_binary(0, 7))
    assert head[:2] == b"\xff\x20"
    if head[2] < 0x80:
        total = 3 + head[2]
    else:
        size = head[2] & 0x7F
        total = 3 + size + int.from_bytes(head[3:3 + size], "big")
    assert len(terminal.read_file(ATTRIBUTES)) == total


def test_each_holder_is_encoded(make_card: CardFactory) -> None:
    for name in ("renewable", "minor", "next-gen"):
        card = make_card(name)
        terminal = Terminal(card)
        pin = b"1234" if name == "next-gen" else b"5678"
        assert terminal.verify(CARD_INFO, CARD_INFO_PIN, pin) == 0x9000
        _, container, _ = read_tlv(terminal.read_file(ATTRIBUTES), 0)
        assert card.profile.holder.name.encode("utf-8") in container
