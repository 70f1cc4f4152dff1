"""APDU encoding, the redacted APDU log, cancellation, thread confinement and the card worker."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

import pytest

from kiosk.card import apdu
from kiosk.card.apdu import Command
from kiosk.card.check import read_card_status
from kiosk.card.jpki import JpkiSession
from kiosk.card.transport import CardTransport
from kiosk.card.worker import CardWorker
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import PinUse
from kiosk.errors import OperationCancelled, WrongPin, WrongThread

OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]


@pytest.mark.parametrize(("command", "extended", "wire"), [
    (Command(0x00, 0x20, 0x00, 0x80), False, "00200080"),  # case 1
    (Command(0x00, 0xB0, 0x00, 0x00, ne=256), False, "00B0000000"),  # case 2, Le 256 as 00
    (Command(0x00, 0xB0, 0x01, 0x00, ne=0x20), False, "00B0010020"),
    (Command(0x00, 0xA4, 0x02, 0x0C, b"\x00\x0a"), False, "00A4020C02000A"),  # case 3
    (Command(0x80, 0x2A, 0x00, 0x80, b"\x01\x02", ne=256), False, "802A0080020102" "00"),  # case 4
    (Command(0x00, 0xB0, 0x00, 0x00, ne=65536), True, "00B00000000000"),  # case 2E, Le 65536 as 0000
    (Command(0x00, 0xB0, 0x00, 0x00, ne=0x0700), True, "00B00000000700"),
    (Command(0x80, 0xD6, 0x00, 0x0A, bytes(300)), True, "80D6000A00012C" + "00" * 300),  # case 3E
    (Command(0x80, 0x46, 0x00, 0x17, b"\xAA", ne=65536), True, "80460017000001AA0000"),  # case 4E
])
def test_encoding(command: Command, extended: bool, wire: str) -> None:
    assert apdu.encode(command, extended=extended).hex().upper() == wire


def test_a_long_command_cannot_go_short() -> None:
    with pytest.raises(ValueError, match="extended"):
        apdu.encode(Command(0x00, 0xB0, 0x00, 0x00, ne=257))


@pytest.mark.parametrize("wire", ["002000800431323334", "0024018006393939393939", "902C001B053132333435",
                                  "802C001B03414243"])
def test_the_log_shows_no_pin_data(wire: str) -> None:
    raw = bytes.fromhex(wire)
    described = apdu.describe(raw)
    assert described.endswith("[data redacted]")
    assert raw[4:].hex(" ").upper() not in described
    assert apdu.describe(bytes.fromhex("00A4020C020018")) == "00 A4 02 0C 02 00 18"


def test_a_command_repr_hides_its_data() -> None:
    assert "1234" not in repr(Command(0x00, 0x20, 0x00, 0x80, bytearray(b"1234")))


def test_apdu_log_lines_of_a_pin_verify(in_process: OpenCard, caplog: pytest.LogCaptureFixture) -> None:
    _card, transport = in_process("valid")
    caplog.set_level(logging.DEBUG, logger="kiosk")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(PinUse.AUTH)
    secret = bytearray(b"1357")
    with pytest.raises(WrongPin):
        jpki.verify_pin(location, secret)
    lines = [record.getMessage() for record in caplog.records if record.name == "kiosk.card.apdu"]
    assert any("00 20 00 80 [data redacted]" in line for line in lines)
    assert not any("1357" in line or "31 33 35 37" in line for line in lines)
    assert all("<" not in line or "bytes)" in line for line in lines)  # responses: status word and length only


def test_a_set_cancel_event_stops_before_the_next_apdu(in_process: OpenCard) -> None:
    card, transport = in_process("valid")
    transport.cancel = threading.Event()
    transport.cancel.set()
    with pytest.raises(OperationCancelled):
        read_card_status(transport)
    assert transport.stats.apdus == 0
    assert card.selected_applet is None


def test_encoded_buffers_are_wiped_after_sending(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    sent: list[bytearray] = []
    original = transport.connection.send_and_receive

    def keep(buffer: bytearray) -> tuple[bytes, int]:
        sent.append(buffer)
        return original(buffer)

    transport.connection.send_and_receive = keep  # type: ignore[method-assign]
    jpki = JpkiSession(transport)
    jpki.verify_pin(jpki.identify()[1].pin_for(PinUse.AUTH), bytearray(b"1234"))
    assert sent and all(not any(buffer) for buffer in sent)


def test_the_worker_runs_card_io_on_its_own_thread(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    worker = CardWorker("in-process valid")
    try:
        guarded = CardTransport(transport.connection, thread_guard=worker.assert_on_worker)
        with pytest.raises(WrongThread, match="outside its worker thread"):
            read_card_status(guarded)
        status = worker.call(read_card_status, guarded)
        assert status.io.apdus == 12
        assert asyncio.run(worker.run(lambda: worker.on_worker))
        assert not worker.on_worker
    finally:
        worker.shutdown()


def test_begin_clears_an_earlier_cancellation(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    worker = CardWorker("in-process valid")
    try:
        transport.cancel = worker.cancel
        worker.cancel.set()
        with pytest.raises(OperationCancelled):
            worker.call(read_card_status, transport)
        worker.begin()
        assert worker.call(read_card_status, transport).io.apdus == 12
    finally:
        worker.shutdown()


def test_the_card_leaving_cancels_work_on_its_reader_only() -> None:
    from kiosk.card.watch import EventKind, ReaderEvent

    worker = CardWorker("reader A")
    try:
        worker.on_reader_event(ReaderEvent(EventKind.CARD_REMOVED, "reader B"))
        worker.on_reader_event(ReaderEvent(EventKind.CARD_INSERTED, "reader A"))
        assert not worker.cancel.is_set()
        worker.on_reader_event(ReaderEvent(EventKind.CARD_REMOVED, "reader A"))
        assert worker.cancel.is_set()
        worker.begin()
        worker.on_reader_event(ReaderEvent(EventKind.PCSC_UNAVAILABLE))
        assert worker.cancel.is_set()
    finally:
        worker.shutdown()
