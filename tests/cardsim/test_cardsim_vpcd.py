"""The virtual card in a real pcscd through the vpcd virtual reader, seen with pyscard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography import x509

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import LinkAction, VpcdLink, remove_after

from .conftest import CardFactory
from .helpers import (
    AUTH_CERT,
    AUTH_PIN,
    JPKI,
    TOKEN,
    body,
    extended,
    read_binary,
    select_applet,
    select_ef,
    sw,
    verify,
)
from .pcsc import SCARD_E_NO_SMARTCARD, SCARD_E_NOT_TRANSACTED, SCARD_W_REMOVED_CARD, Reader

pytestmark = pytest.mark.pcsc


@pytest.fixture
def reader(vpcd_slot: Slot) -> Iterator[Reader]:
    handle = Reader(vpcd_slot.reader)
    handle.wait(present=False)  # a card pulled by an earlier test may not be noticed yet
    yield handle
    handle.close()


def test_a_status_read_through_pcscd(card: VirtualCard, vpcd_slot: Slot, reader: Reader) -> None:
    with VpcdLink(card, vpcd_slot.port):
        reader.wait(present=True)
        assert reader.state()[1] == card.atr
        reader.connect()
        assert sw(reader.send(select_applet(JPKI))) == 0x9000
        assert sw(reader.send(select_ef(TOKEN))) == 0x9000
        assert body(reader.send(read_binary(0, 32))).rstrip(b" ") == b"JPKIAPICCTOKEN2"
        reader.send(select_ef(AUTH_CERT))
        # short reads in 256-byte chunks, as a contactless reader allows
        content = b""
        while True:
            response = reader.send(read_binary(len(content), 256))
            content += body(response)
            if len(body(response)) < 256:
                break
        assert content == card.certificate("auth")
        x509.load_der_x509_certificate(content)
        # and the whole certificate in one extended APDU
        assert body(reader.send(extended(0x00, 0xB0, 0, 0, le=65536))) == content
        reader.send(select_ef(AUTH_PIN))
        assert sw(reader.send(verify())) == 0x63C3


def test_pcscd_sees_every_insertion_and_removal(card: VirtualCard, vpcd_slot: Slot, reader: Reader) -> None:
    link = VpcdLink(card, vpcd_slot.port)
    reader.wait(present=False)
    first = reader.state()[0] >> 16
    for _ in range(3):
        link.insert()
        reader.wait(present=True)
        link.remove()
        reader.wait(present=False)
    assert link.insertions == 3
    assert (reader.state()[0] >> 16) - first == 6  # pcscd counted three insertions and three removals


def test_the_card_pulled_after_the_nth_command(card: VirtualCard, vpcd_slot: Slot, reader: Reader) -> None:
    with VpcdLink(card, vpcd_slot.port, on_apdu=remove_after(2)):
        reader.wait(present=True)
        reader.connect()
        assert sw(reader.send(select_applet(JPKI))) == 0x9000
        assert sw(reader.send(select_ef(TOKEN))) == 0x9000  # answered, then the card leaves
        rv, _ = reader.transmit(read_binary(0, 32))
        # before pcscd's next presence poll the transfer fails; after it, the card is reported removed
        assert rv in (SCARD_E_NOT_TRANSACTED, SCARD_W_REMOVED_CARD, SCARD_E_NO_SMARTCARD), f"{rv:08X}"
        reader.wait(present=False)


def test_the_card_pulled_during_a_command(card: VirtualCard, vpcd_slot: Slot, reader: Reader) -> None:
    def pull_on_verify(_number: int, apdu: bytes) -> LinkAction | None:
        return LinkAction.REMOVE_BEFORE_ANSWER if apdu[1] == 0x20 and len(apdu) > 5 else None

    with VpcdLink(card, vpcd_slot.port, on_apdu=pull_on_verify):
        reader.wait(present=True)
        reader.connect()
        reader.send(select_applet(JPKI))
        reader.send(select_ef(AUTH_PIN))
        rv, response = reader.transmit(verify(b"0000"))
        # vpcd reports a card gone mid-command as a transfer of zero bytes: no status word at all
        assert rv != 0 or response == b"", (rv, response)
    assert card.tries_left("auth") == 3  # the command never reached the card


def test_a_blocked_pin_stays_blocked_after_reinsertion(make_card: CardFactory, vpcd_slot: Slot,
                                                       reader: Reader) -> None:
    card = make_card("valid")
    link = VpcdLink(card, vpcd_slot.port)
    link.insert()
    reader.wait(present=True)
    reader.connect()
    reader.send(select_applet(JPKI))
    reader.send(select_ef(AUTH_PIN))
    assert [sw(reader.send(verify(pin))) for pin in (b"0000", b"1111", b"2222")] == [0x63C2, 0x63C1, 0x63C0]
    reader.disconnect()
    link.remove()
    reader.wait(present=False)
    link.insert()
    reader.wait(present=True)
    reader.connect()
    assert sw(reader.send(select_ef(AUTH_PIN))) == 0x6A82  # a fresh session: no applet selected
    reader.send(select_applet(JPKI))
    reader.send(select_ef(AUTH_PIN))
    assert sw(reader.send(verify())) == 0x6984
    assert sw(reader.send(verify(b"1234"))) == 0x6984
    link.remove()


def test_long_answers_through_pcscd(card: VirtualCard, vpcd_slot: Slot, reader: Reader) -> None:
    """A signature without Le: 61 00 and GET RESPONSE through pcscd's T=1 path."""
    with VpcdLink(card, vpcd_slot.port):
        reader.wait(present=True)
        reader.connect()
        reader.send(select_applet(JPKI))
        reader.send(select_ef(AUTH_PIN))
        assert sw(reader.send(verify(b"1234"))) == 0x9000
        reader.send(select_ef(0x0017))
        digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + bytes(32)
        first = reader.send(bytes.fromhex("802A0080") + bytes([len(digest_info)]) + digest_info)
        assert sw(first) == 0x6100
        rest = reader.send(bytes.fromhex("00C0000000"))
        assert sw(rest) == 0x9000 and len(body(rest)) == 256
