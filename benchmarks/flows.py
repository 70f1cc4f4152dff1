"""The procedures (kiosk.flows) end to end: APDUs against the fewest the command sets allow, card I/O time,
and where each flow's wall time goes.

Each flow runs ``--runs`` times, every run on a fresh virtual card (``kiosk.cardsim``, in this process,
served to a vpcd reader of the machine's pcscd) with the reference central service on loopback
(``kiosk.central.server.start_in_thread``, the training PKI) and the terminal's SQLite store in a temporary
directory. The flows reach the card as in production, through ``CardChannel`` and pcscd; the benchmark only
hands the channel a connector that wraps the real PC/SC connection to count and time what crosses it.

Printed as JSON, per flow:
- ``apdus``: as sent (counted by the terminal; ``seen_by_card`` is the card's own count, a cross-check),
  the fewest the public and issuer command sets allow for the same procedure (``FEWEST`` below, derived
  by hand from jpki-reference.md and docs/issuer-channel.md), their ratio, and the commands sent beyond
  the fewest (``surplus``), by command and file;
- ``card_io_ms``: time inside SCardTransmit, against the same-run estimate for the fewest sequence (each of
  its commands costed at this run's median for that command and file);
- ``share``: the fraction of the flow's wall time spent waiting for the card (transmit, plus connect and
  PC/SC transactions), for the central service (``CentralClient`` calls) and for the database
  (``Store.record``/``audit``); ``ours`` is the rest: our own code, thread hops and the scripted person.

The fewest sequences assume the terminal keeps the card to itself for the whole procedure (the selected
applet, the current EF and a verified PIN survive from one step to the next) and order the steps freely
where the procedure allows it; the PINs' tries are read before each PIN the person types, since the last
try is never spent without a confirmation.

    .venv/bin/python benchmarks/flows.py [--runs 3] [--warmup 1] [--flow renewal ...] [--sequences]

A pcscd without the project's readers already running: stop it (``sudo systemctl stop pcscd.socket
pcscd``) so that this starts its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kiosk.card.connection import Connection  # noqa: E402 - after the path set-up above
from kiosk.card.session import CardChannel  # noqa: E402
from kiosk.cardsim import VirtualCard  # noqa: E402
from kiosk.cardsim import pcscd as pcscd_control  # noqa: E402
from kiosk.cardsim.profiles import named_profile  # noqa: E402
from kiosk.cardsim.vpcd import LinkAction, VpcdLink  # noqa: E402
from kiosk.central.settings import TerminalRegistration  # noqa: E402
from kiosk.config import Settings  # noqa: E402
from kiosk.domain.generation import PinUse  # noqa: E402
from kiosk.domain.pins import PinKind  # noqa: E402
from kiosk.domain.transactions import Mode, TransactionRecord  # noqa: E402
from kiosk.errors import OperationCancelled  # noqa: E402
from kiosk.flows.interaction import IdentityCheck, IdentityRequest, PinRequest, Step  # noqa: E402
from kiosk.flows.procedure import FlowContext, FlowResult  # noqa: E402
from kiosk.pki.training import TrainingPki  # noqa: E402
from kiosk.store.audit import AuditEntry  # noqa: E402
from kiosk.store.database import Store  # noqa: E402
from kiosk.store.drafts import TransactionDraft  # noqa: E402
from kiosk.sync.client import (  # noqa: E402
    AuthorisationRequest,
    CentralClient,
    CertificateRequest,
    Challenge,
    IssuedCertificate,
    Proof,
)

PKI_CACHE = Path(tempfile.gettempdir()) / "kiosk-benchmark-training-pki"
KIOSK_REGISTRATION_TOKEN = "benchmark-kiosk-token"  # a loopback service of this run only
JPKI = "D392F000260100000001"
CARD_INFO = "D3921000310001010408"
# The training cards' PINs (kiosk/cardsim profiles) and the new ones the runs set.
AUTH_PIN, SIGN_PIN, CARD_INFO_PIN = "1234", "ABC123", "5678"
NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"

# --- the fewest APDUs per procedure ------------------------------------------------------------------------
# Written "CLA INS P1 P2 [Lc DATA] [Le]": Lc and its data as two tokens (data in hex, or <what it is>), Le as
# one token (six zeros: an extended Le). Issuer commands carry the authorisation (about 150 bytes) and their
# operation data in one extended-length APDU; certificates are read in one extended READ BINARY (the vpcd
# reader takes extended length).

# What every procedure starts with: the card is a My Number Card, and which generation (the record's
# card_generation, the PIN rules, which PIN sits where).
IDENTIFY = [
    "00 A4 04 0C 0A " + JPKI,  # SELECT the JPKI applet by AID
    "00 A4 02 0C 02 0006",  # SELECT the token EF
    "00 B0 00 00 20",  # READ BINARY 32 bytes: the token label, hence the generation profile
]

# The check screen: the auth certificate and every PIN's tries (the sequence of benchmarks/card_read.py).
FEWEST_CHECK = [
    *IDENTIFY,
    "00 A4 02 0C 02 000A",  # SELECT the auth certificate EF
    "00 B0 00 00 000000",  # READ BINARY, extended Le: the whole certificate (window, serial, subject)
    "00 A4 02 0C 02 0018",  # SELECT the auth PIN EF
    "00 20 00 80",  # VERIFY without data: tries left of the auth PIN
    "00 A4 02 0C 02 001B",  # SELECT the signing password EF
    "00 20 00 80",  # VERIFY without data: tries left of the signing password
    "00 A4 04 0C 0A " + CARD_INFO,  # SELECT the card-info applet (its PIN lives there)
    "00 A4 02 0C 02 0011",  # SELECT the card-info PIN EF
    "00 20 00 80",  # VERIFY without data: tries left of the card-info PIN
]

# Renewal of both certificates, current card inside its window, the old signing password given. The auth
# PIN's tries are not needed (it is reset, never typed); the signing password is verified while the JPKI
# applet is selected, before the card-info applet is, so that applet is selected twice, not three times.
FEWEST_RENEWAL = [
    *IDENTIFY,
    "00 A4 02 0C 02 000A",  # SELECT the auth certificate EF
    "00 B0 00 00 000000",  # READ BINARY: the old auth certificate (window, old serial, previous certificate)
    "00 A4 02 0C 02 001B",  # SELECT the signing password EF
    "00 20 00 80",  # VERIFY without data: its tries (before the person types it)
    "00 20 00 80 06 <signing password>",  # VERIFY the current signing password
    "00 A4 02 0C 02 0001",  # SELECT the signing certificate EF (readable now)
    "00 B0 00 00 000000",  # READ BINARY: the old signing certificate (renewal counted inside the window)
    "00 A4 04 0C 0A " + CARD_INFO,  # SELECT the card-info applet
    "00 A4 02 0C 02 0011",  # SELECT the card-info PIN EF
    "00 20 00 80",  # VERIFY without data: its tries
    "00 20 00 80 04 <card-info PIN>",  # VERIFY the card-info PIN
    "00 A4 02 0C 02 0002",  # SELECT the attributes EF
    "00 B0 00 00 000000",  # READ BINARY: name, address, birth date, sex (for the issuing service)
    "00 A4 04 0C 0A " + JPKI,  # SELECT JPKI again: issuer commands act on the selected applet
    "80 CA 00 C1 00",  # GET DATA C1: the card ID every authorisation names
    # the authentication certificate
    "00 84 00 00 08",  # GET CHALLENGE for the key-generation authorisation
    "80 46 00 17 <Lc> <authorisation> 000000",  # GENERATE KEY PAIR in 0017: the new public key
    "00 84 00 00 08",  # GET CHALLENGE for the write authorisation (the last one was consumed)
    "80 D6 00 0A <Lc> <authorisation, certificate>",  # WRITE CERTIFICATE 000A: installs key and certificate
    "00 A4 02 0C 02 000A",  # SELECT the auth certificate EF
    "00 B0 00 00 000000",  # READ BINARY: read back and compare
    "00 84 00 00 08",  # GET CHALLENGE for the PIN-reset authorisation
    "80 2C 00 18 <Lc> <authorisation, new auth PIN>",  # RESET PIN 0018: the new auth PIN
    # the signing certificate
    "00 84 00 00 08",  # GET CHALLENGE
    "80 46 00 1A <Lc> <authorisation> 000000",  # GENERATE KEY PAIR in 001A
    "00 84 00 00 08",  # GET CHALLENGE
    "80 D6 00 01 <Lc> <authorisation, certificate>",  # WRITE CERTIFICATE 0001
    "00 84 00 00 08",  # GET CHALLENGE
    "80 2C 00 1B <Lc> <authorisation, new signing password>",  # RESET PIN 001B
    "00 A4 02 0C 02 001B",  # SELECT the signing password EF
    "00 20 00 80 08 <new signing password>",  # VERIFY it: the new password works, and opens 0001
    "00 A4 02 0C 02 0001",  # SELECT the signing certificate EF
    "00 B0 00 00 000000",  # READ BINARY: read back and compare
]

# PIN reset by proof at a kiosk: the signing password, proven with the auth key.
FEWEST_RESET_BY_PROOF = [
    *IDENTIFY,
    "00 A4 02 0C 02 0018",  # SELECT the auth PIN EF (the proof's PIN)
    "00 20 00 80",  # VERIFY without data: its tries (blocked: go to a counter; last try: confirm)
    "80 CA 00 C1 00",  # GET DATA C1: the card ID (the service's challenge and the authorisation name it)
    "00 84 00 00 08",  # GET CHALLENGE: the card challenge the reset authorisation binds (kept until used)
    "00 20 00 80 04 <auth PIN>",  # VERIFY the auth PIN (the current EF is still 0018)
    "00 A4 02 0C 02 000A",  # SELECT the auth certificate EF
    "00 B0 00 00 000000",  # READ BINARY: the certificate sent with the proof (and the record's subject)
    "00 A4 02 0C 02 0017",  # SELECT the auth key EF
    "80 2A 00 80 33 <DigestInfo of the service's nonce> 00",  # COMPUTE SIGNATURE: the proof
    "80 2C 00 1B <Lc> <authorisation, new signing password>",  # RESET PIN 001B
]

# PIN reset on staff grounds (counter), the auth PIN of a card where it is blocked: its tries change nothing.
FEWEST_RESET_BY_STAFF = [
    *IDENTIFY,
    "80 CA 00 C1 00",  # GET DATA C1: the card ID
    "00 84 00 00 08",  # GET CHALLENGE
    "80 2C 00 18 <Lc> <authorisation, new auth PIN>",  # RESET PIN 0018
]

# PIN change, the auth PIN.
FEWEST_PIN_CHANGE = [
    *IDENTIFY,
    "00 A4 02 0C 02 0018",  # SELECT the auth PIN EF
    "00 20 00 80",  # VERIFY without data: its tries
    "00 20 00 80 04 <current auth PIN>",  # VERIFY the current PIN
    "00 24 01 80 04 <new auth PIN>",  # CHANGE REFERENCE DATA: the new PIN
]

# The paperless form: the card-info attributes.
FEWEST_CARD_INFO = [
    *IDENTIFY,
    "00 A4 04 0C 0A " + CARD_INFO,  # SELECT the card-info applet
    "00 A4 02 0C 02 0011",  # SELECT the card-info PIN EF
    "00 20 00 80",  # VERIFY without data: its tries
    "00 20 00 80 04 <card-info PIN>",  # VERIFY the card-info PIN
    "00 A4 02 0C 02 0002",  # SELECT the attributes EF
    "00 B0 00 00 000000",  # READ BINARY: name, address, birth date, sex
]


# --- naming APDUs by command and file, for both sides alike ---------------------------------------------

_APPLETS = {bytes.fromhex(JPKI): "JPKI", bytes.fromhex(CARD_INFO): "card-info"}
_NAMES = {0xB0: "READ BINARY", 0x20: "VERIFY", 0x24: "CHANGE", 0x2A: "SIGN", 0xCA: "GET DATA",
          0x84: "GET CHALLENGE", 0x46: "GENERATE KEY PAIR", 0xD6: "WRITE CERTIFICATE", 0x2C: "RESET PIN",
          0xC0: "GET RESPONSE"}


class Labeller:
    """Names each APDU by its command and the file it acts on, following the selection as the card does.

    Only headers and SELECT data are looked at: a PIN or an authorisation never leaves the APDU."""

    def __init__(self) -> None:
        self.ef = ""

    def label(self, header: bytes, select_data: bytes | None, has_data: bool) -> str:
        cla, ins, p1, p2 = header[:4]
        chained = " (chained part)" if cla & 0x10 else ""
        if ins == 0xA4:
            if p1 == 0x04:
                self.ef = ""
                return f"SELECT applet {_APPLETS.get(select_data or b'', 'other')}"
            self.ef = (select_data or b"").hex().upper()
            return f"SELECT EF {self.ef}"
        name = _NAMES.get(ins, f"INS {ins:02X}")
        if ins in (0x46, 0xD6, 0x2C):  # issuer commands name their target in P1 P2
            return f"{name} {p1:02X}{p2:02X}{chained}"
        if ins == 0x20 and not has_data:
            return f"VERIFY {self.ef} (tries)"
        if ins in (0x20, 0x24, 0x2A, 0xB0):
            return f"{name} {self.ef}{chained}"
        return name + chained


def label_raw(labeller: Labeller, raw: bytes | bytearray) -> str:
    """The label of an encoded command APDU (short or extended). Read in place: the data may be a PIN, and
    no copy of it is made (only a SELECT's file or applet name is)."""
    length, start = 0, 0
    if len(raw) > 5 and raw[4] != 0:  # short Lc
        length, start = raw[4], 5
    elif len(raw) > 7 and raw[4] == 0:  # extended Lc
        length, start = raw[5] << 8 | raw[6], 7
    select_data = bytes(raw[start:start + length]) if length and raw[1] == 0xA4 else None
    return labeller.label(bytes(raw[:4]), select_data, length > 0)


def label_written(sequence: list[str]) -> list[str]:
    """The labels of a sequence written as in ``FEWEST``."""
    labeller = Labeller()
    labels = []
    for text in sequence:
        tokens = text.split()
        header = bytes.fromhex("".join(tokens[:4]))
        rest = tokens[4:]
        has_data = len(rest) >= 2
        select_data = bytes.fromhex(rest[1]) if has_data and header[1] == 0xA4 else None
        labels.append(labeller.label(header, select_data, has_data))
    return labels


# --- the meters: card, central service, database -------------------------------------------------------

@dataclass
class Meter:
    """What one flow run spent waiting, by party; written from the card worker, the loop and the store's
    thread, read between runs."""

    card_io: float = 0.0  # inside SCardTransmit
    pcsc_other: float = 0.0  # connect, disconnect, begin and end of PC/SC transactions
    central: float = 0.0
    database: float = 0.0
    apdus: list[tuple[str, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, what: str, seconds: float) -> None:
        with self.lock:
            setattr(self, what, getattr(self, what) + seconds)

    def reset(self) -> None:
        with self.lock:
            self.card_io = self.pcsc_other = self.central = self.database = 0.0
            self.apdus = []


class MeteredConnection(Connection):
    """The real PC/SC connection, its transmit and transaction time counted; every APDU named."""

    def __init__(self, inner: Connection, meter: Meter) -> None:
        self.reader = inner.reader
        self._inner = inner
        self._meter = meter
        self._labeller = Labeller()

    @property
    def atr(self) -> bytes:
        return self._inner.atr

    def send_and_receive(self, apdu: bytearray) -> tuple[bytes, int]:
        label = label_raw(self._labeller, apdu)  # before the send: the transport wipes the buffer after
        started = time.perf_counter()
        try:
            return self._inner.send_and_receive(apdu)
        finally:
            spent = time.perf_counter() - started
            self._meter.add("card_io", spent)
            with self._meter.lock:
                self._meter.apdus.append((label, spent))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        started = time.perf_counter()
        with self._inner.transaction():
            self._meter.add("pcsc_other", time.perf_counter() - started)
            try:
                yield
            finally:
                started = time.perf_counter()
        self._meter.add("pcsc_other", time.perf_counter() - started)

    def close(self) -> None:
        started = time.perf_counter()
        self._inner.close()
        self._meter.add("pcsc_other", time.perf_counter() - started)


def metered_connector(reader: str, meter: Meter) -> Callable[[], Connection]:
    """A ``CardChannel`` connector: PC/SC as the channel's own, made on the worker thread that calls it."""
    from kiosk.card.pcsc import PcscService, open_connection

    services: list[PcscService] = []

    def connect() -> Connection:
        started = time.perf_counter()
        if not services:
            services.append(PcscService())
        connection = open_connection(reader, services[0])
        meter.add("pcsc_other", time.perf_counter() - started)
        return MeteredConnection(connection, meter)

    return connect


class MeteredCentralClient(CentralClient):
    """The real client; the time of each procedure call counted."""

    meter: Meter

    async def _timed(self, call: Awaitable[Any]) -> Any:
        started = time.perf_counter()
        try:
            return await call
        finally:
            self.meter.add("central", time.perf_counter() - started)

    async def create_challenge(self, card_id: bytes) -> Challenge:
        result: Challenge = await self._timed(super().create_challenge(card_id))
        return result

    async def send_proof(self, challenge_id: str, certificate_der: bytes, signature: bytes) -> Proof:
        result: Proof = await self._timed(super().send_proof(challenge_id, certificate_der, signature))
        return result

    async def request_authorisation(self, request: AuthorisationRequest) -> bytes:
        result: bytes = await self._timed(super().request_authorisation(request))
        return result

    async def issue_certificate(self, request: CertificateRequest) -> IssuedCertificate:
        result: IssuedCertificate = await self._timed(super().issue_certificate(request))
        return result


class MeteredStore(Store):
    """The real store; the time of each record and audit entry counted."""

    meter: Meter

    def record(self, draft: TransactionDraft) -> TransactionRecord:
        started = time.perf_counter()
        try:
            return super().record(draft)
        finally:
            self.meter.add("database", time.perf_counter() - started)

    def audit(self, event: str, subject: str | None = None, **detail: object) -> AuditEntry:
        started = time.perf_counter()
        try:
            return super().audit(event, subject, **detail)
        finally:
            self.meter.add("database", time.perf_counter() - started)


# --- the person at the terminal ------------------------------------------------------------------------

@dataclass
class Person:
    """Types the given PINs in the order asked, confirms every last try, shows the card photo to staff."""

    pins: list[str]
    card_expires_on: date | None = None

    async def ask_pin(self, request: PinRequest) -> bytearray | None:
        if not self.pins:
            raise OperationCancelled("the benchmark's person has no more PINs")
        return bytearray(self.pins.pop(0).encode("ascii"))

    async def confirm_last_try(self, kind: PinKind) -> bool:
        return True

    async def check_identity(self, request: IdentityRequest) -> IdentityCheck:
        return IdentityCheck(("photo",), self.card_expires_on)

    def show_step(self, step: Step) -> None:
        pass

    def show_progress(self, done: int, total: int) -> None:
        pass


# --- the flows measured ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FlowCase:
    name: str
    profile: str
    mode: Mode
    pins: tuple[str, ...]
    fewest: list[str]
    run: Callable[[FlowContext], Awaitable[FlowResult[Any]]]


def _cases() -> list[FlowCase]:
    from kiosk.flows.card_info import read_card_info
    from kiosk.flows.check import check
    from kiosk.flows.pin_change import change_pin
    from kiosk.flows.pin_reset import reset_pin_by_proof, reset_pin_by_staff
    from kiosk.flows.renewal import renew

    return [
        FlowCase("check", "valid", Mode.COUNTER, (), FEWEST_CHECK, check),
        FlowCase("renewal", "renewable", Mode.COUNTER,
                 (CARD_INFO_PIN, SIGN_PIN, NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN), FEWEST_RENEWAL, renew),
        FlowCase("reset_by_proof", "valid", Mode.KIOSK, (NEW_SIGN, NEW_SIGN, AUTH_PIN), FEWEST_RESET_BY_PROOF,
                 lambda context: reset_pin_by_proof(context, PinUse.SIGN)),
        FlowCase("reset_by_staff", "auth-blocked", Mode.COUNTER, (NEW_AUTH, NEW_AUTH), FEWEST_RESET_BY_STAFF,
                 lambda context: reset_pin_by_staff(context, PinUse.AUTH)),
        FlowCase("pin_change", "valid", Mode.KIOSK, (NEW_AUTH, NEW_AUTH, AUTH_PIN), FEWEST_PIN_CHANGE,
                 lambda context: change_pin(context, PinUse.AUTH)),
        FlowCase("card_info", "valid", Mode.COUNTER, (CARD_INFO_PIN,), FEWEST_CARD_INFO, read_card_info),
    ]


CASE_WHAT = {
    "check": "the check screen's read (valid card)",
    "renewal": "renewal of both certificates, old signing password given (renewable card)",
    "reset_by_proof": "kiosk reset of the signing password, proven with the auth PIN (valid card)",
    "reset_by_staff": "counter reset of a blocked auth PIN on staff grounds (auth-blocked card)",
    "pin_change": "change of the auth PIN (valid card)",
    "card_info": "paperless form: the card-info attributes (valid card)",
}


@dataclass
class Terminal:
    settings: Settings
    store: MeteredStore
    client: MeteredCentralClient
    channel: CardChannel


@contextlib.asynccontextmanager
async def terminal(directory: Path, registration: TerminalRegistration, base_url: str, reader: str,
                   meter: Meter) -> AsyncIterator[Terminal]:
    from kiosk.config import load_settings
    from kiosk.store.database import open_store

    directory.mkdir(parents=True, exist_ok=True)
    settings = replace(load_settings(environ={}, file=directory / "absent.toml"), data_dir=directory,
                       database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", central_url=base_url,
                       api_token=registration.token, terminal_id=registration.terminal_id, site=registration.site,
                       mode=str(registration.mode), reader=reader)
    opened = open_store(settings)  # creates and migrates; the metered store shares its engine
    store = MeteredStore(opened.engine, opened.terminal)
    store.meter = meter
    channel = CardChannel(reader, connector=metered_connector(reader, meter))
    client = MeteredCentralClient.from_settings(settings)
    assert isinstance(client, MeteredCentralClient)
    client.meter = meter
    try:
        yield Terminal(settings, store, client, channel)
    finally:
        await client.aclose()
        await channel.close()
        opened.close()


def wait_for_card(reader: str, present: bool, timeout_s: float = 15.0) -> None:
    """Until pcscd reports a card in ``reader`` (or none), so a flow never races pcscd's polling."""
    from kiosk.card.pcsc import UNAWARE, PcscService

    service = PcscService()
    try:
        known = UNAWARE
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            change = service.wait_for_change({reader: known}, min(1.0, max(0.0, deadline - time.monotonic())))
            for state in change.readers if change else ():
                if state.name == reader:
                    known = state.event_state
                    if state.card_present == present:
                        return
        raise RuntimeError(f"{reader}: the card {'never arrived' if present else 'never left'}")
    finally:
        service.release()


@dataclass
class RunFigures:
    wall: float
    card_io: float
    pcsc_other: float
    central: float
    database: float
    apdus: list[tuple[str, float]]
    seen_by_card: int
    completed: bool
    error: str | None


async def run_once(case: FlowCase, where: Terminal, pki: TrainingPki, reader: str, port: int,
                   meter: Meter) -> RunFigures:
    card = VirtualCard.from_profile(case.profile, pki=pki)
    seen = [0]

    def on_apdu(number: int, _apdu: bytes) -> LinkAction | None:
        seen[0] = number
        return None

    link = VpcdLink(card, port, on_apdu=on_apdu)
    link.insert()
    try:
        await asyncio.to_thread(wait_for_card, reader, True)
        person = Person(list(case.pins), named_profile(case.profile).card_expires_on)
        context = FlowContext(where.channel, where.store, person, where.client,
                              "S0012" if case.mode is Mode.COUNTER else None)
        meter.reset()
        started = time.perf_counter()
        result = await case.run(context)
        wall = time.perf_counter() - started
        with meter.lock:
            figures = RunFigures(wall, meter.card_io, meter.pcsc_other, meter.central, meter.database,
                                 list(meter.apdus), seen[0], result.completed,
                                 None if result.error is None else result.error.code)
    finally:
        link.remove()
        await asyncio.to_thread(wait_for_card, reader, False)
    return figures


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def summarise(case: FlowCase, runs: list[RunFigures], sequences: bool = False) -> dict[str, Any]:
    fewest_labels = label_written(case.fewest)
    sent_counts = [len(run.apdus) for run in runs]
    sent_labels = Counter(label for label, _ in runs[0].apdus)
    surplus = sent_labels - Counter(fewest_labels)
    missing = Counter(fewest_labels) - sent_labels
    per_label: dict[str, list[float]] = {}
    for run in runs:
        for label, seconds in run.apdus:
            per_label.setdefault(label, []).append(seconds)
    medians = {label: statistics.median(times) for label, times in per_label.items()}
    fallback = statistics.median(t for times in per_label.values() for t in times) if per_label else 0.0
    fewest_io = sum(medians.get(label, fallback) for label in fewest_labels)
    card_io = statistics.median(run.card_io for run in runs)
    walls = sum(run.wall for run in runs)
    card = sum(run.card_io + run.pcsc_other for run in runs)
    central = sum(run.central for run in runs)
    database = sum(run.database for run in runs)
    as_sent = int(statistics.median(sent_counts))
    summary: dict[str, Any] = {
        "flow": case.name,
        "what": CASE_WHAT[case.name],
        "profile": case.profile,
        "terminal": str(case.mode),
        "runs": len(runs),
        "completed": sum(run.completed for run in runs),
        "errors": sorted({run.error for run in runs if run.error}),
        "apdus": {
            "as_sent": as_sent,
            "as_sent_varies": len(set(sent_counts)) > 1,
            "seen_by_card": int(statistics.median(run.seen_by_card for run in runs)),
            "fewest": len(fewest_labels),
            "ratio_as_sent_to_fewest": round(as_sent / len(fewest_labels), 3),
            "surplus": dict(sorted(surplus.items())),
            "missing_from_as_sent": dict(sorted(missing.items())),
        },
        "card_io_ms": {
            "median": _ms(card_io),
            "fewest_estimate": _ms(fewest_io),
            "ratio": round(card_io / fewest_io, 3) if fewest_io else None,
            "slowest_commands": {label: _ms(seconds) for label, seconds in
                                 sorted(medians.items(), key=lambda item: -item[1])[:3]},
        },
        "wall_ms_median": _ms(statistics.median(run.wall for run in runs)),
        "waiting_ms_median": {
            "card_io": _ms(statistics.median(run.card_io for run in runs)),
            "pcsc_connect_and_transactions": _ms(statistics.median(run.pcsc_other for run in runs)),
            "central": _ms(statistics.median(run.central for run in runs)),
            "database": _ms(statistics.median(run.database for run in runs)),
        },
        "share": {
            "card": round(card / walls, 3),
            "central": round(central / walls, 3),
            "database": round(database / walls, 3),
            "ours": round(max(0.0, walls - card - central - database) / walls, 3),
        },
    }
    if sequences:
        summary["sequences"] = {"as_sent": [label for label, _ in runs[0].apdus], "fewest": fewest_labels}
    return summary


async def measure(runs: int, warmup: int, reader: str, port: int, root: Path,
                  only: set[str] | None, sequences: bool) -> list[dict[str, Any]]:
    from kiosk.central.server import start_in_thread
    from kiosk.central.settings import CentralSettings, demo_terminal
    from kiosk.pki.training import load_or_create

    pki = load_or_create(PKI_CACHE)
    counter = demo_terminal()
    kiosk = TerminalRegistration("bench-kiosk", counter.site, Mode.KIOSK, KIOSK_REGISTRATION_TOKEN)
    server = start_in_thread(CentralSettings(database_url=f"sqlite:///{root / 'central.sqlite3'}",
                                             terminals=(counter, kiosk), pki=pki))
    meter = Meter()
    results = []
    try:
        async with terminal(root / "counter", counter, server.base_url, reader, meter) as at_counter, \
                terminal(root / "kiosk", kiosk, server.base_url, reader, meter) as at_kiosk:
            for case in _cases():
                if only and case.name not in only:
                    continue
                where = at_counter if case.mode is Mode.COUNTER else at_kiosk
                for _ in range(warmup):  # imports, connections, caches
                    await run_once(case, where, pki, reader, port, meter)
                figures = [await run_once(case, where, pki, reader, port, meter) for _ in range(runs)]
                results.append(summarise(case, figures, sequences))
    finally:
        server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="measured runs per flow")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs per flow before them")
    parser.add_argument("--flow", action="append", choices=[case.name for case in _cases()],
                        help="only this flow (repeatable)")
    parser.add_argument("--sequences", action="store_true",
                        help="also print each flow's APDUs, as sent and fewest, by command and file")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")

    try:
        pcscd_control.start()  # left running, as benchmarks/card_read.py leaves it: other sessions may share it
    except pcscd_control.PcscdError as exc:
        print(f"cannot start pcscd: {exc}", file=sys.stderr)
        return 2
    with pcscd_control.restart_lock(exclusive=False), pcscd_control.lease_slot() as slot:
        from kiosk.card.pcsc import PcscService

        service = PcscService()
        names = service.readers()
        service.release()
        if slot.reader not in names:
            print(f"a pcscd without the project's virtual readers is running (readers: {names}); stop it "
                  "(sudo systemctl stop pcscd.socket pcscd) so that this starts its own", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="kiosk-flows-bench-") as temporary:
            flows = asyncio.run(measure(args.runs, args.warmup, slot.reader, slot.port, Path(temporary),
                                        set(args.flow) if args.flow else None, args.sequences))
    result = {
        "benchmark": "flows",
        "reader": slot.reader,
        "runs_per_flow": args.runs,
        "warmup_runs_per_flow": args.warmup,
        "baselines": {
            "apdus": "the fewest the public and issuer command sets allow (benchmarks/flows.py FEWEST_*)",
            "card_io": "the fewest sequence costed at this run's median per command and file",
            "share": "each flow's own wall time in this run",
        },
        "flows": flows,
    }
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0 if all(flow["completed"] == flow["runs"] for flow in flows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
