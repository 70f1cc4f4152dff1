"""The APDU layer between the applet sessions and a ``Connection``.

``transmit(command, expect=..., refusal=...)`` is the one way a session reaches the card: it returns the
complete response when the card answered one of the status words the caller named in ``expect`` (by
default only ``90 00``), and raises the typed error ``refusal`` gives for any other
(``kiosk.card.status_words``), so no call site can forget to check.

It does, once for every applet:
- length handling: a command that needs more than 255 data bytes or 256 response bytes goes as one
  extended-length APDU where the reader allows it, else as command chaining (ISO 7816-4: CLA bit 0x10 on
  every part but the last) with a 256-byte Le; a reader that refuses extended length once is remembered
  (by name, for the life of the process) and never asked again;
- response chaining: ``61 xx`` is followed by GET RESPONSE until the card has said everything, and
  ``6C xx`` (wrong Le, xx the right one) by the same command again with that Le;
- progress: a ``progress(done, total)`` callback passed with a command hears of every part exchanged
  (each chained part, each GET RESPONSE);
- counting: APDUs and the time spent waiting on the card (``IoStats``), for diagnostics and the benchmark;
- logging: every APDU at DEBUG on ``kiosk.card.apdu``, through ``apdu.describe`` (no PIN data, no
  response data);
- hygiene: every encoded buffer is wiped once sent, so a PIN leaves no copy of ours behind;
- cancellation: a set cancel event stops the operation before its next APDU (``OperationCancelled``);
- confinement: a thread guard, called before every APDU, raises when the caller is not the thread that owns
  the connection (``kiosk.card.confinement.ThreadGuard`` raises ``WrongThread``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from kiosk.card import apdu, status_words
from kiosk.card.apdu import Command, Response
from kiosk.card.connection import Connection
from kiosk.card.progress import Parts, Progress
from kiosk.domain.pins import wipe
from kiosk.errors import MalformedCardData, OperationCancelled, TransmitRefused

log = logging.getLogger("kiosk.card.apdu")

SW1_MORE_DATA = 0x61
SW1_WRONG_LE = 0x6C
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
    """Commands in, responses out, over one ``Connection``. Used by one thread at a time.

    ``thread_guard``, if given, is called before every APDU and must raise (``WrongThread``) when the
    calling thread may not use the connection; it must not rely on ``assert``, which ``python -O`` strips.
    """

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

    def transmit(
        self,
        command: Command,
        *,
        expect: Collection[int] = status_words.EXPECT_OK,
        operation: str | None = None,
        refusal: status_words.Refusal = status_words.error_for,
        progress: Progress | None = None,
    ) -> Response:
        """Send ``command``; the complete response (chaining resolved) if its status word is in ``expect``.

        Any other status word raises ``refusal(operation, sw)``; ``operation`` names the command in that
        error (its header if not given). ``progress`` hears ``(done, total)`` parts after each APDU of
        this command (chained parts, GET RESPONSEs); see ``kiosk.card.progress``.
        """
        response = self._send(command, progress)
        if response.sw not in expect:
            raise refusal(operation or apdu.describe_header(command.cla, command.ins, command.p1, command.p2),
                          response.sw)
        return response

    def _send(self, command: Command, progress: Progress | None) -> Response:
        needs_extended = command.needs_extended
        if needs_extended and self._memory.allows(self.reader):
            try:
                response = self._exchange(command, extended=True, parts=Parts(progress, 1))
            except TransmitRefused:
                log.info("%s: the reader refused an extended-length APDU; using short ones", self.reader)
            else:
                if response.sw != status_words.SW_WRONG_LENGTH:
                    return response
                log.info("%s: the card refused an extended-length APDU (67 00); using short ones", self.reader)
            self._memory.refuse(self.reader)
        if needs_extended:
            return self._send_short(command, progress)
        return self._exchange(command, extended=False, parts=Parts(progress, 1))

    def _send_short(self, command: Command, progress: Progress | None) -> Response:
        """A long command as short APDUs: data in chained parts, at most 256 bytes asked at a time."""
        data = command.data
        pieces = [data[i:i + apdu.SHORT_MAX_DATA] for i in range(0, len(data), apdu.SHORT_MAX_DATA)] or [b""]
        ne = min(command.ne, apdu.SHORT_MAX_NE)
        parts = Parts(progress, len(pieces))
        try:
            for piece in pieces[:-1]:
                chained = Command(command.cla | apdu.CLA_CHAINING, command.ins, command.p1, command.p2, piece)
                response = self._exchange(chained, extended=False, parts=parts)
                if not response.ok:
                    return response
            last = Command(command.cla, command.ins, command.p1, command.p2, pieces[-1], ne)
            return self._exchange(last, extended=False, parts=parts)
        finally:
            for piece in pieces:
                if isinstance(piece, bytearray):
                    wipe(piece)

    def _exchange(self, command: Command, *, extended: bool, parts: Parts) -> Response:
        response = self._transmit(apdu.encode(command, extended=extended))
        if response.sw1 == SW1_WRONG_LE and command.ne:
            response = self._transmit(apdu.encode(command.with_ne(response.sw2 or apdu.SHORT_MAX_NE),
                                                  extended=extended))
        if extended and response.sw == status_words.SW_WRONG_LENGTH:
            return response  # not a part done: the caller sends the command again, in short APDUs
        if response.sw1 != SW1_MORE_DATA:
            parts.done_one()
            return response
        parts.done_one(more=True)
        collected = bytearray(response.data)
        for _ in range(MAX_RESPONSE_PARTS):
            get_response = Command(0x00, apdu.INS_GET_RESPONSE, 0x00, 0x00, ne=response.sw2 or apdu.SHORT_MAX_NE)
            response = self._transmit(apdu.encode(get_response))
            collected += response.data
            more = response.sw1 == SW1_MORE_DATA
            parts.done_one(more=more)
            if not more:
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
