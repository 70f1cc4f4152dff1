"""Progress of long card operations (chained commands, GET RESPONSE, long reads) and the thread guard,
in-process and through a real pcscd."""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from virtual_cards import card_in_reader

from kiosk.card.apdu import Command
from kiosk.card.check import read_card_status
from kiosk.card.confinement import ThreadGuard
from kiosk.card.connection import InProcessConnection
from kiosk.card.jpki import CertificateFile, JpkiSession
from kiosk.card.pcsc import PcscService
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.card.worker import CardWorker
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.errors import KioskError, OperationCancelled, WrongThread
from kiosk.pki.training import TrainingPki

from .cards import RecordingCard, ScriptedCard
from .conftest import CardFactory
from .issuing import renew_auth_certificate

Reports = list[tuple[int, int]]
OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]


def counted(reports: Reports) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        reports.append((done, total))

    return progress


def assert_well_formed(reports: Reports) -> None:
    """Done counts up, the total never shrinks nor falls behind, and the last report is complete."""
    assert reports
    assert all(total >= done > 0 for done, total in reports)
    assert all(b[0] > a[0] and b[1] >= a[1] for a, b in itertools.pairwise(reports))
    assert reports[-1][0] == reports[-1][1]


def recorded(make_card: CardFactory, profile: str) -> tuple[VirtualCard, RecordingCard, CardTransport]:
    card = make_card(profile)
    recorder = RecordingCard(card)
    return card, recorder, CardTransport(InProcessConnection(recorder, f"recorded {profile}"),
                                         memory=ExtendedLengthMemory())


def test_a_chained_write_and_a_chained_key_generation_report_every_part(make_card: CardFactory,
                                                                         training_pki: TrainingPki) -> None:
    card, recorder, transport = recorded(make_card, "no-extended-length")
    JpkiSession(transport).read_certificate(CertificateFile.AUTH)  # learns: no extended length here
    recorder.apdus.clear()
    generate: Reports = []
    write: Reports = []
    der = renew_auth_certificate(transport, training_pki, on_generate=counted(generate), on_write=counted(write))
    assert card.certificate("auth") == der

    writes = sum(1 for apdu in recorder.apdus if apdu[1] == 0xD6)
    assert writes > 1
    assert write == [(part, writes) for part in range(1, writes + 1)]

    generate_parts = sum(1 for apdu in recorder.apdus if apdu[1] == 0x46)
    get_responses = sum(1 for apdu in recorder.apdus if apdu[1] == 0xC0)
    assert get_responses > 0  # the public key came back in several parts
    assert_well_formed(generate)
    assert len(generate) == generate_parts + get_responses


def test_with_extended_length_a_long_command_is_one_part(make_card: CardFactory, training_pki: TrainingPki) -> None:
    _card, recorder, transport = recorded(make_card, "valid")
    generate: Reports = []
    write: Reports = []
    renew_auth_certificate(transport, training_pki, on_generate=counted(generate), on_write=counted(write))
    assert generate == [(1, 1)]
    assert write == [(1, 1)]
    assert not any(apdu[1] == 0xC0 for apdu in recorder.apdus)


def test_get_response_grows_the_total_as_the_card_announces_more() -> None:
    card = ScriptedCard([(b"\x01" * 16, 0x6110), (b"\x02" * 16, 0x6104), (b"\x03" * 4, 0x9000)])
    transport = CardTransport(InProcessConnection(card, "scripted"), memory=ExtendedLengthMemory())
    reports: Reports = []
    response = transport.transmit(Command(0x00, 0xB0, 0x00, 0x00, ne=0x10), progress=counted(reports))
    assert len(response.data) == 36
    assert reports == [(1, 2), (2, 3), (3, 3)]
    assert [apdu.hex().upper() for apdu in card.apdus] == ["00B0000010", "00C0000010", "00C0000004"]


@pytest.mark.parametrize("profile", ["valid", "no-extended-length"])
def test_a_long_read_reports_bytes_per_read_binary(make_card: CardFactory, profile: str) -> None:
    card, recorder, transport = recorded(make_card, profile)
    jpki = JpkiSession(transport)
    if profile == "no-extended-length":
        jpki.read_certificate(CertificateFile.AUTH)  # learns: no extended length here
    recorder.apdus.clear()
    reports: Reports = []
    der = jpki.read_certificate_der(CertificateFile.AUTH, counted(reports))
    assert der == card.certificate("auth")
    reads = sum(1 for apdu in recorder.apdus if apdu[1] == 0xB0)
    assert_well_formed(reports)
    assert reports[-1] == (len(der), len(der))
    assert len(reports) == reads
    if profile == "no-extended-length":
        assert reports[0] == (256, len(der))
        assert reads == -(-len(der) // 256)
    else:
        assert reports == [(len(der), len(der))]


def test_cancelling_from_the_progress_callback_stops_a_chained_write_and_the_card_keeps_its_certificate(
        make_card: CardFactory, training_pki: TrainingPki) -> None:
    card, _recorder, transport = recorded(make_card, "no-extended-length")
    JpkiSession(transport).read_certificate(CertificateFile.AUTH)
    before = card.certificate("auth")
    transport.cancel = threading.Event()
    write: Reports = []

    def cancel_after_the_first_part(done: int, total: int) -> None:
        write.append((done, total))
        assert transport.cancel is not None
        transport.cancel.set()

    with pytest.raises(OperationCancelled):
        renew_auth_certificate(transport, training_pki, on_write=cancel_after_the_first_part)
    assert len(write) == 1 and write[0][1] > 1
    assert card.certificate("auth") == before
    transport.cancel.clear()
    assert JpkiSession(transport).read_certificate(CertificateFile.AUTH).der == before


# --- through pcscd ---------------------------------------------------------------------------------------


@pytest.fixture
def service() -> Iterator[PcscService]:
    service = PcscService()
    yield service
    service.release()


@pytest.mark.pcsc
def test_progress_of_a_renewal_and_a_long_read_through_pcscd(vpcd_slot: Slot, make_card: CardFactory,
                                                            service: PcscService, training_pki: TrainingPki) -> None:
    card = make_card("no-extended-length")
    with card_in_reader(card, vpcd_slot), service.connect(vpcd_slot.reader) as connection:
        transport = CardTransport(connection, memory=ExtendedLengthMemory())
        with transport.transaction():
            read: Reports = []
            der = JpkiSession(transport).read_certificate_der(CertificateFile.AUTH, counted(read))
            assert der == card.certificate("auth")
            assert_well_formed(read)
            assert len(read) == -(-len(der) // 256)  # the card refused extended length: 256 bytes a time
            generate: Reports = []
            write: Reports = []
            new = renew_auth_certificate(transport, training_pki, on_generate=counted(generate),
                                         on_write=counted(write))
    assert card.certificate("auth") == new
    assert_well_formed(generate)
    assert len(generate) > 1  # chained authorisation and/or GET RESPONSE
    assert_well_formed(write)
    assert write == [(part, write[-1][1]) for part in range(1, write[-1][1] + 1)] and len(write) > 1


# --- the thread guard ------------------------------------------------------------------------------------


def _run_elsewhere(function: Callable[[], object]) -> BaseException | None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            function()
        except BaseException as exc:  # handed to the test thread
            caught.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return caught[0] if caught else None


def test_the_thread_guard_raises_wrong_thread_before_any_apdu(in_process: OpenCard) -> None:
    card, transport = in_process("valid")
    guarded = CardTransport(transport.connection, memory=ExtendedLengthMemory(), thread_guard=ThreadGuard("valid"))
    error = _run_elsewhere(lambda: read_card_status(guarded))
    assert isinstance(error, WrongThread) and isinstance(error, KioskError)
    assert not isinstance(error, AssertionError)
    assert "outside its worker thread" in str(error)
    assert guarded.stats.apdus == 0
    assert card.selected_applet is None
    assert read_card_status(guarded).io.apdus == 12  # its owner thread reads


def test_a_guard_made_on_the_worker_confines_the_transport_to_it(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    worker = CardWorker("in-process valid")
    try:
        guard = worker.call(ThreadGuard, worker.reader)
        guarded = CardTransport(transport.connection, memory=ExtendedLengthMemory(), thread_guard=guard)
        with pytest.raises(WrongThread):
            read_card_status(guarded)
        assert guarded.stats.apdus == 0
        assert worker.call(read_card_status, guarded).io.apdus == 12
    finally:
        worker.shutdown()


def test_the_guard_still_raises_under_python_optimisation() -> None:
    """``python -O`` strips ``assert``; the guard must not depend on one."""
    script = (
        "import threading\n"
        "from kiosk.card.confinement import ThreadGuard\n"
        "from kiosk.errors import WrongThread\n"
        "guard = ThreadGuard('r')\n"
        "caught = []\n"
        "def run():\n"
        "    try:\n"
        "        guard()\n"
        "    except WrongThread:\n"
        "        caught.append(True)\n"
        "thread = threading.Thread(target=run); thread.start(); thread.join()\n"
        "print('raised' if caught else 'silent')\n"
    )
    result = subprocess.run([sys.executable, "-O", "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "raised"
