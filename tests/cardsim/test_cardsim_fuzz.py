"""Whatever bytes arrive, the card answers with a status word: never an exception, never an internal error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cardsim import VirtualCard

from .conftest import CardFactory
from .helpers import JPKI, select_applet, select_ef

KNOWN_CLA = st.sampled_from([0x00, 0x80, 0x90, 0x0C, 0xFF])
KNOWN_INS = st.sampled_from([0xA4, 0xB0, 0x20, 0x24, 0x84, 0xC0, 0x2A, 0xCA, 0x46, 0xD6, 0x2C, 0x00, 0xFF])


def _short(cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
    apdu = bytes([cla, ins, p1, p2])
    if data:
        apdu += bytes([len(data)]) + data
    if le is not None:
        apdu += bytes([le])
    return apdu


def _extended(cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
    apdu = bytes([cla, ins, p1, p2, 0])
    if data:
        apdu += len(data).to_bytes(2, "big") + data
    if le is not None:
        apdu += le.to_bytes(2, "big")
    return apdu


structured = st.builds(
    _short, KNOWN_CLA, KNOWN_INS, st.integers(0, 255), st.integers(0, 255),
    st.binary(max_size=255), st.one_of(st.none(), st.integers(0, 255)),
) | st.builds(
    _extended, KNOWN_CLA, KNOWN_INS, st.integers(0, 255), st.integers(0, 255),
    st.binary(max_size=300), st.one_of(st.none(), st.integers(0, 0xFFFF)),
)
# Applets and EFs the fuzzer should reach, so it exercises more than "nothing selected".
prefixes = st.lists(st.sampled_from([select_applet(JPKI), select_ef(0x000A), select_ef(0x0018),
                                     select_ef(0x0017), bytes.fromhex("0084000008")]), max_size=3)


def _answer_is_sane(card: VirtualCard, apdu: bytes) -> None:
    response = card.transmit(apdu)
    assert isinstance(response, bytes) and len(response) >= 2
    assert response[-2:] != b"\x6f\x00", apdu.hex()  # no internal error


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_random_bytes(make_card: CardFactory, raw: bytes) -> None:
    _answer_is_sane(make_card("valid"), raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=prefixes, apdus=st.lists(structured, min_size=1, max_size=4))
def test_random_commands_after_a_selection(make_card: CardFactory, prefix: list[bytes], apdus: list[bytes]) -> None:
    card = make_card("valid")
    for apdu in prefix + apdus:
        _answer_is_sane(card, apdu)


authorisation_like = st.builds(
    lambda body, tail: b"\x7a" + bytes([len(body)]) + body + tail,
    st.binary(max_size=120), st.binary(max_size=80),
) | st.binary(max_size=300)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ins=st.sampled_from([0x46, 0xD6, 0x2C]), p1p2=st.sampled_from([0x0017, 0x001A, 0x000A, 0x0001, 0x0018,
                                                                     0x001B, 0x0006]),
       data=authorisation_like)
def test_unauthorised_issuer_commands_never_change_the_card(make_card: CardFactory, ins: int, p1p2: int,
                                                            data: bytes) -> None:
    card = make_card("valid")
    card.transmit(select_applet(JPKI))
    before = card.snapshot()
    card.transmit(bytes.fromhex("0084000008"))
    header = bytes([0x80, ins, p1p2 >> 8, p1p2 & 0xFF])
    apdu = header + b"\x00" + len(data).to_bytes(2, "big") + data if data else header
    response = card.transmit(apdu)
    assert response[-2:] not in (b"\x90\x00", b"\x6f\x00")
    assert card.snapshot() == before
    assert not card.has_challenge
