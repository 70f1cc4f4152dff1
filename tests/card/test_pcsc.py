"""The card layer through a real pcscd and the vpcd virtual reader: every profile, removal mid-read,
reader events."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

import pytest
from virtual_cards import card_in_reader, wait_for_card

from kiosk.card.cardinfo import CardInfoSession
from kiosk.card.check import read_card_status
from kiosk.card.jpki import CertificateFile, JpkiSession
from kiosk.card.pcsc import PcscConnection, PcscService, open_connection
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.card.watch import EventKind, ReaderEvent, ReaderWatcher
from kiosk.cardsim import PROFILE_NAMES, VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import LinkAction
from kiosk.domain.generation import PinUse
from kiosk.errors import (
    CardRemoved,
    MalformedCardData,
    NoCard,
    NoReader,
    ReaderBusy,
    ResidentRegisterCard,
    WrongPin,
)

from .conftest import CardFactory

pytestmark = pytest.mark.pcsc
EVENT_TIMEOUT_S = 15.0


@pytest.fixture
def service() -> Iterator[PcscService]:
    service = PcscService()
    yield service
    service.release()


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_status_of_every_profile_through_pcscd(vpcd_slot: Slot, make_card: CardFactory, service: PcscService,
                                               profile: str) -> None:
    card = make_card(profile)
    with card_in_reader(card, vpcd_slot), service.connect(vpcd_slot.reader) as connection:
        assert connection.atr == card.atr
        transport = CardTransport(connection, memory=ExtendedLengthMemory())
        if profile == "juki":
            with pytest.raises(ResidentRegisterCard):
                read_card_status(transport)
            return
        if profile == "broken-cert":
            with pytest.raises(MalformedCardData):
                read_card_status(transport)
            return
        status = read_card_status(transport)
        assert status.reader == vpcd_slot.reader
        assert status.auth_certificate.der == card.certificate("auth")
        assert status.extended_length is (profile != "no-extended-length")
        assert {str(pin.kind): pin.tries_left for pin in status.pins} == {
            kind: card.tries_left(kind) for kind in card.profile.pin_kinds}


def test_pin_verify_and_card_info_through_pcscd(vpcd_slot: Slot, make_card: CardFactory,
                                                service: PcscService) -> None:
    card = make_card("valid")
    with card_in_reader(card, vpcd_slot), service.connect(vpcd_slot.reader) as connection:
        transport = CardTransport(connection)
        with transport.transaction():
            jpki = JpkiSession(transport)
            profile = jpki.identify()[1]
            with pytest.raises(WrongPin):
                jpki.verify_pin(profile.pin_for(PinUse.AUTH), bytearray(b"0000"))
            session = CardInfoSession(transport)
            session.verify_pin(profile.pin_for(PinUse.CARD_INFO), bytearray(b"5678"))
            assert session.read_attributes().address == card.profile.holder.address
    assert card.tries_left("auth") == 2


def _read_hook(after_reads: int, action: LinkAction) -> Callable[[int, bytes], LinkAction | None]:
    """Pull the card when the ``after_reads``-th READ BINARY of the certificate EF arrives."""
    seen = {"certificate selected": False, "reads": 0}

    def hook(_number: int, apdu: bytes) -> LinkAction | None:
        if apdu[1] == 0xA4 and apdu[2] == 0x02:
            seen["certificate selected"] = apdu[-2:] == b"\x00\x0a"
        elif apdu[1] == 0xB0 and seen["certificate selected"] and len(apdu) == 5:  # a short READ BINARY
            seen["reads"] += 1
            if seen["reads"] == after_reads:
                return action
        return None

    return hook


@pytest.mark.parametrize("action", [LinkAction.REMOVE_AFTER_ANSWER, LinkAction.REMOVE_BEFORE_ANSWER])
def test_card_removed_in_the_middle_of_a_certificate_read(vpcd_slot: Slot, make_card: CardFactory,
                                                          service: PcscService, action: LinkAction) -> None:
    """The certificate comes in several READ BINARYs (a reader without extended length); the card leaves
    after the first: CardRemoved, and no half-read certificate anywhere."""
    card = make_card("no-extended-length")
    memory = ExtendedLengthMemory()
    memory.refuse(vpcd_slot.reader)
    with card_in_reader(card, vpcd_slot, on_apdu=_read_hook(1, action)) as link:
        connection = service.connect(vpcd_slot.reader)
        transport = CardTransport(connection, memory=memory)
        result: list[object] = []
        with pytest.raises(CardRemoved):
            result.append(read_card_status(transport))
        assert result == []
        # select, select, token, select, the first 256 bytes (answered or not), the next read if it was
        answered = action is LinkAction.REMOVE_AFTER_ANSWER
        assert transport.stats.apdus == 5 + answered
        connection.close()
        wait_for_card(vpcd_slot.reader, present=False)
        with pytest.raises(NoCard):
            service.connect(vpcd_slot.reader)
        link.on_apdu = None
        link.insert()
        wait_for_card(vpcd_slot.reader, present=True)
        with service.connect(vpcd_slot.reader) as again:
            status = read_card_status(CardTransport(again, memory=memory))
        assert status.auth_certificate.der == card.certificate("auth")


def test_an_empty_reader_and_an_unknown_reader(vpcd_slot: Slot, service: PcscService) -> None:
    with pytest.raises(NoCard):
        service.connect(vpcd_slot.reader)
    with pytest.raises(NoReader):
        open_connection("No Such Reader 99 00 00", service)


def test_another_program_holding_the_card_exclusively(vpcd_slot: Slot, make_card: CardFactory,
                                                      service: PcscService) -> None:
    from smartcard import scard

    with card_in_reader(make_card("valid"), vpcd_slot):
        other = PcscService()
        context = other._established()
        hresult, handle, _protocol = scard.SCardConnect(context, vpcd_slot.reader, scard.SCARD_SHARE_EXCLUSIVE,
                                                        scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        assert hresult == scard.SCARD_S_SUCCESS
        try:
            with pytest.raises(ReaderBusy):
                service.connect(vpcd_slot.reader)
        finally:
            scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
            other.release()


def _collect(watcher: ReaderWatcher) -> tuple[threading.Thread, queue.Queue[ReaderEvent]]:
    events: queue.Queue[ReaderEvent] = queue.Queue()

    def run() -> None:
        for event in watcher.events():
            events.put(event)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, events


def _next(events: queue.Queue[ReaderEvent], kind: EventKind, reader: str) -> ReaderEvent:
    while True:
        event = events.get(timeout=EVENT_TIMEOUT_S)
        if event.kind is kind and event.reader == reader:
            return event


def test_the_watcher_reports_readers_and_cards(vpcd_slot: Slot, make_card: CardFactory) -> None:
    watcher = ReaderWatcher()
    thread, events = _collect(watcher)
    try:
        _next(events, EventKind.READER_ADDED, vpcd_slot.reader)
        card = make_card("valid")
        with card_in_reader(card, vpcd_slot):
            inserted = _next(events, EventKind.CARD_INSERTED, vpcd_slot.reader)
            assert inserted.atr == card.atr
        _next(events, EventKind.CARD_REMOVED, vpcd_slot.reader)
    finally:
        watcher.stop()
        thread.join(timeout=EVENT_TIMEOUT_S)
    assert not thread.is_alive()


def test_a_card_already_present_is_reported_at_start(vpcd_slot: Slot, make_card: CardFactory) -> None:
    with card_in_reader(make_card("valid"), vpcd_slot):
        watcher = ReaderWatcher()
        thread, events = _collect(watcher)
        try:
            _next(events, EventKind.READER_ADDED, vpcd_slot.reader)
            _next(events, EventKind.CARD_INSERTED, vpcd_slot.reader)
        finally:
            watcher.stop()
            thread.join(timeout=EVENT_TIMEOUT_S)


def test_connections_are_pcsc_connections(vpcd_slot: Slot, make_card: CardFactory) -> None:
    card: VirtualCard = make_card("valid")
    with card_in_reader(card, vpcd_slot), open_connection(vpcd_slot.reader) as connection:
        assert isinstance(connection, PcscConnection)
        assert JpkiSession(CardTransport(connection)).read_certificate(CertificateFile.AUTH).der == card.certificate(
            "auth")
