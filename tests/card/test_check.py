"""The check screen's read (kiosk.card.check) on the in-process virtual card: every profile, the exact APDUs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from kiosk.card.check import read_card_status
from kiosk.card.connection import InProcessConnection
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.cardsim import VirtualCard
from kiosk.domain.certificates import RenewalState
from kiosk.domain.generation import CardGeneration, PinUse
from kiosk.domain.pins import PinKind
from kiosk.domain.validity import japan_date
from kiosk.errors import MalformedCardData, ResidentRegisterCard

from .cards import RecordingCard
from .conftest import TODAY, CardFactory

OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]


STATUS_READ_CURRENT = [
    "00A4040C0AD392F000260100000001",  # SELECT JPKI
    "00A4020C020006", "00B0000020",  # token
    "00A4020C02000A", "00B00000000000",  # auth certificate, whole file in one extended READ BINARY
    "00A4020C020018", "00200080",  # auth PIN tries
    "00A4020C02001B", "00200080",  # signing password tries
    "00A4040C0AD3921000310001010408", "00A4020C020011", "00200080",  # card-info PIN tries
]


def test_the_status_read_sends_the_minimal_public_sequence(make_card: CardFactory) -> None:
    recorder = RecordingCard(make_card("valid"))
    transport = CardTransport(InProcessConnection(recorder, "recorded"), memory=ExtendedLengthMemory())
    status = read_card_status(transport)
    assert [apdu.hex().upper() for apdu in recorder.apdus] == STATUS_READ_CURRENT
    assert status.io.apdus == len(STATUS_READ_CURRENT)
    assert status.extended_length


def test_without_extended_length_the_certificate_comes_in_256_byte_chunks(make_card: CardFactory) -> None:
    recorder = RecordingCard(make_card("no-extended-length"))
    memory = ExtendedLengthMemory()
    first = read_card_status(CardTransport(InProcessConnection(recorder, "short only"), memory=memory))
    reads = [apdu for apdu in recorder.apdus if apdu[1] == 0xB0]
    size = len(first.auth_certificate.der)
    chunks = -(-size // 256)
    # token, the refused extended try, then the certificate 256 bytes at a time.
    assert [apdu.hex().upper() for apdu in reads[:3]] == ["00B0000020", "00B00000000000", "00B0000000"]
    assert len(reads) == 2 + chunks
    assert not first.extended_length

    recorder.apdus.clear()
    second = read_card_status(CardTransport(InProcessConnection(recorder, "short only"), memory=memory))
    assert second.io.apdus == first.io.apdus - 1  # the reader is remembered: no second extended try
    assert second.auth_certificate.der == first.auth_certificate.der
    assert all(len(apdu) <= 5 + 255 for apdu in recorder.apdus)


def test_the_extended_length_memory_is_per_reader(make_card: CardFactory) -> None:
    memory = ExtendedLengthMemory()
    read_card_status(CardTransport(InProcessConnection(make_card("no-extended-length"), "reader A"), memory=memory))
    assert not memory.allows("reader A")
    assert memory.allows("reader B")
    status = read_card_status(CardTransport(InProcessConnection(make_card("valid"), "reader B"), memory=memory))
    assert status.extended_length and status.io.apdus == len(STATUS_READ_CURRENT)


@pytest.mark.parametrize(("profile", "renewal", "pins"), [
    ("valid", RenewalState.NOT_DUE, {PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
    ("renewable", RenewalState.OPEN, {PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
    ("expired", RenewalState.EXPIRED, {PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
    ("auth-blocked", RenewalState.NOT_DUE, {PinKind.AUTH: 0, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
    ("sign-blocked", RenewalState.NOT_DUE, {PinKind.AUTH: 3, PinKind.SIGN: 0, PinKind.CARD_INFO: 3}),
    ("minor", RenewalState.NOT_DUE, {PinKind.AUTH: 3, PinKind.CARD_INFO: 3}),
    ("next-gen", RenewalState.NOT_DUE, {PinKind.SHORT: 3, PinKind.LONG: 5}),
    ("no-extended-length", RenewalState.NOT_DUE, {PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
    ("no-issuer-channel", RenewalState.NOT_DUE, {PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3}),
])
def test_status_of_each_profile(in_process: OpenCard, profile: str, renewal: RenewalState,
                                pins: dict[PinKind, int]) -> None:
    card, transport = in_process(profile)
    status = read_card_status(transport)
    assert status.auth_certificate.der == card.certificate("auth")
    assert status.certificate_status_on(TODAY).renewal is renewal
    assert {pin.kind: pin.tries_left for pin in status.pins} == pins
    assert {pin.kind for pin in status.pins if pin.blocked} == {kind for kind, left in pins.items() if left == 0}
    expected_generation = CardGeneration.NEXT if profile == "next-gen" else CardGeneration.CURRENT
    assert status.profile.generation is expected_generation
    assert status.token == ("JPKIAPICCTOKEN3" if profile == "next-gen" else "JPKIAPICCTOKEN2")


def test_next_generation_probes_its_two_pins_once(in_process: OpenCard) -> None:
    _card, transport = in_process("next-gen")
    status = read_card_status(transport)
    assert status.io.apdus == 9  # no card-info applet select: its PIN is the short PIN
    short = next(pin for pin in status.pins if pin.kind is PinKind.SHORT)
    assert status.uses_of(short) == (PinUse.AUTH, PinUse.CARD_INFO)


def test_renewal_window_dates_come_from_the_certificate(in_process: OpenCard) -> None:
    _card, transport = in_process("renewable")
    status = read_card_status(transport)
    standing = status.certificate_status_on(TODAY)
    assert standing.expires_on == japan_date(status.auth_certificate.not_after)
    assert standing.days_left == (standing.expires_on - TODAY).days
    assert status.certificate_status_on(standing.renewal_opens_on - timedelta(days=1)).renewal is RenewalState.NOT_DUE
    assert status.certificate_status_on(standing.expires_on + timedelta(days=1)).renewal is RenewalState.EXPIRED


def test_a_resident_register_card_is_refused(in_process: OpenCard) -> None:
    _card, transport = in_process("juki")
    with pytest.raises(ResidentRegisterCard):
        read_card_status(transport)


def test_a_certificate_that_is_not_der_is_malformed_card_data(in_process: OpenCard) -> None:
    _card, transport = in_process("broken-cert")
    with pytest.raises(MalformedCardData):
        read_card_status(transport)
