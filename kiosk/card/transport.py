"""The APDU layer between the applet sessions and a ``Connection``.

It does, once for every applet:
- length handling: a command that needs more than 255 data bytes or 256 response bytes goes as one
  extended-length APDU where the reader allows it, else as command chaining (ISO 7816-4: CLA bit 0x10 on
  every part but the last) with a 256-byte Le; a reader that refuses extended length once is remembered
  (by name, for the life of the process) and never asked again;
- response chaining: ``61 xx`` is followed by GET RESPONSE until the card has said everything, and
  ``6C xx`` (wrong Le, xx the right one) by the same command again with that Le;
- counting: APDUs and the time spent waiting on the card (``IoStats``), for diagnostics and the benchmark;
- logging: every APDU at DEBUG on ``kiosk.card.apdu``, through ``apdu.describe`` (no PIN data, no
  response data);
- hygiene: every encoded buffer is wiped once sent, so a PIN leaves no copy of ours behind;
- cancellation: a set cancel event stops the operation before its next APDU (``OperationCancelled``).

It never interprets a status word beyond the chaining ones: sessions map them to errors
(``kiosk.card.status_words``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kiosk.card import apdu
from kiosk.card.apdu import Command, Response
from kiosk.card.connection import Connection, TransmitRefused
from kiosk.domain.pins import wipe
from kiosk.errors import MalformedCardData, OperationCancelled

log = logging.getLogger("kiosk.card.apdu")

SW1_MORE_DATA = 0x61
SW1_WRONG_LE = 0x6C
SW_WRONG_LENGTH = 0x6700
MAX_RESPONSE_PARTS = 300  # 300 GET RESPONSEs of 256 bytes: far beyond any file of the card


class ExtendedLengthMemory:
    """Which readers refused an extended-length APDU. Shared by every transport in the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._refused: set[str] = set()

    def allows(self, reader: str) -> bool:
        with self._lock:
            return reader not in self._refused

    def refuse(self, reader: str) -> None:
        with self._lock:
            self._refused.add(reader)


READERS = ExtendedLengthMemory()


@dataclass
class IoStats:
    """APDUs exchanged and seconds spent in the connection (card and reader time, not ours)."""

    apdus: int = 0
    seconds: float = 0.0

    @property
    def milliseconds(self) -> float:
        return self.seconds * 1000.0

    def since(self, start: IoStats) -> IoStats:
        return IoStats(self.apdus - start.apdus, self.seconds - start.seconds)

    def copy(self) -> IoStats:
        return IoStats(self.apdus, self.seconds)


class CardTransport:
    """Commands in, responses out, over one ``Connection``. Used by one thread at a time."""

    def __init__(
        self,
        connection: Connection,
        *,
        cancel: threading.Event | None = None,
        memory: ExtendedLengthMemory = READERS,
        thread_guard: Callable[[], None] | None = None,
    ) -> None:
        self.connection = connection
        self.cancel = cancel
        self.stats = IoStats()
        self._memory = memory
        self._thread_guard = thread_guard

    @property
    def reader(self) -> str:
        return self.connection.reader

    @property
    def extended_length_allowed(self) -> bool:
        return self._memory.allows(self.reader)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    @contextlib.contextmanager
    def measure(self) -> Iterator[IoStats]:
        """The I/O of the block: the yielded object is filled in when the block ends."""
        start = self.stats.copy()
        result = IoStats()
        try:
            yield result
        finally:
            spent = self.stats.since(start)
            result.apdus, result.seconds = spent.apdus, spent.seconds

    def send(self, command: Command) -> Response:
        """Send ``command`` and return the complete response (chaining resolved)."""
        needs_extended = command.needs_extended
        if needs_extended and self._memory.allows(self.reader):
            try:
                response = self._exchange(command, extended=True)
            except TransmitRefused:
                log.info("%s: the reader refused an extended-length APDU; using short ones", self.reader)
            else:
                if response.sw != SW_WRONG_LENGTH:
                    return response
                log.info("%s: the card refused an extended-length APDU (67 00); using short ones", self.reader)
            self._memory.refuse(self.reader)
        if needs_extended:
            return self._send_short(command)
        return self._exchange(command, extended=False)

    def _send_short(self, command: Command) -> Response:
        """A long command as short APDUs: data in chained parts, at most 256 bytes asked at a time."""
        data = command.data
        parts = [data[i:i + apdu.SHORT_MAX_DATA] for i in range(0, len(data), apdu.SHORT_MAX_DATA)] or [b""]
        ne = min(command.ne, apdu.SHORT_MAX_NE)
        try:
            for part in parts[:-1]:
                chained = Command(command.cla | apdu.CLA_CHAINING, command.ins, command.p1, command.p2, part)
                response = self._exchange(chained, extended=False)
                if not response.ok:
                    return response
            last = Command(command.cla, command.ins, command.p1, command.p2, parts[-1], ne)
            return self._exchange(last, extended=False)
        finally:
            for part in parts:
                if isinstance(part, bytearray):
                    wipe(part)

    def _exchange(self, command: Command, *, extended: bool) -> Response:
        response = self._transmit(apdu.encode(command, extended=extended))
        if response.sw1 == SW1_WRONG_LE and command.ne:
            response = self._transmit(apdu.encode(command.with_ne(response.sw2 or apdu.SHORT_MAX_NE),
                                                  extended=extended))
        if response.sw1 != SW1_MORE_DATA:
            return response
        collected = bytearray(response.data)
        for _ in range(MAX_RESPONSE_PARTS):
            get_response = Command(0x00, apdu.INS_GET_RESPONSE, 0x00, 0x00, ne=response.sw2 or apdu.SHORT_MAX_NE)
            response = self._transmit(apdu.encode(get_response))
            collected += response.data
            if response.sw1 != SW1_MORE_DATA:
                return Response(bytes(collected), response.sw)
        raise MalformedCardData(f"{self.reader}: the card keeps answering 61xx")

    def _transmit(self, raw: bytearray) -> Response:
        """One APDU on the wire. ``raw`` is wiped whatever happens."""
        try:
            if self._thread_guard is not None:
                self._thread_guard()
            if self.cancel is not None and self.cancel.is_set():
                raise OperationCancelled(f"{self.reader}: operation cancelled")
            if log.isEnabledFor(logging.DEBUG):
                log.debug("%s > %s", self.reader, apdu.describe(raw))
            started = time.perf_counter()
            try:
                data, sw = self.connection.send_and_receive(raw)
            finally:
                self.stats.seconds += time.perf_counter() - started
                self.stats.apdus += 1
        finally:
            wipe(raw)
        response = Response(data, sw)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s < %s", self.reader, apdu.describe_response(response))
        return response
