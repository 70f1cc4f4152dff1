"""The card's command APDU parser: ISO 7816-3 cases 1 to 4, short and extended."""

from __future__ import annotations

import pytest

from kiosk.cardsim.apdu import MalformedApdu, parse


def test_case_1_has_no_data_and_no_le() -> None:
    command = parse(bytes.fromhex("00200080"))
    assert (command.cla, command.ins, command.p1, command.p2) == (0x00, 0x20, 0x00, 0x80)
    assert command.data == b"" and command.ne == 0 and not command.extended


@pytest.mark.parametrize(("raw", "ne", "maximum"), [("00B0000010", 16, False), ("00B0000000", 256, True)])
def test_case_2_short_le_zero_means_256(raw: str, ne: int, maximum: bool) -> None:
    command = parse(bytes.fromhex(raw))
    assert command.ne == ne and command.ne_is_maximum is maximum and command.data == b""


def test_case_3_and_4_short() -> None:
    case3 = parse(bytes.fromhex("00A4020C02000A"))
    assert case3.data == b"\x00\x0a" and case3.ne == 0
    case4 = parse(bytes.fromhex("802A008003AABBCC00"))
    assert case4.data == b"\xaa\xbb\xcc" and case4.ne == 256


def test_extended_cases() -> None:
    case2 = parse(bytes.fromhex("00B00000000000"))
    assert case2.extended and case2.ne == 65536 and case2.ne_is_maximum
    case2_explicit = parse(bytes.fromhex("00B00000000400"))
    assert case2_explicit.ne == 1024 and not case2_explicit.ne_is_maximum
    data = bytes(300)
    case3 = parse(bytes.fromhex("80D6000A00012C") + data)
    assert case3.extended and case3.data == data and case3.ne == 0
    case4 = parse(bytes.fromhex("80D6000A00012C") + data + b"\x00\x00")
    assert case4.data == data and case4.ne == 65536


@pytest.mark.parametrize("raw", ["", "00", "00A404", "00A4040C05D392F0", "00A4040C02D392F000",
                                 "00B0000000000000", "00D6000A0000", "00D6000A000003AABB"])
def test_malformed_lengths_are_rejected(raw: str) -> None:
    with pytest.raises(MalformedApdu):
        parse(bytes.fromhex(raw))
