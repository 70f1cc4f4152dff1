"""The one way the flows reach the card in one reader: ``CardChannel``.

A channel owns the reader's worker thread (``CardWorker``), and on that thread its own PC/SC context
(pcsc-lite wants one context per thread) and its connection to the card. Flows hand it card operations,
plain functions of a ``CardTransport``, and await them::

    status = await channel.run(read_card_status, fresh=True)

- ``fresh=True`` connects anew: the first step of a procedure, so a card swapped since the last one is
  never mistaken for the one before it.
- A failure that means the card or the reader went (``CardRemoved``, ``NoCard``, ``ReaderGone``,
  ``PcscUnavailable``) drops the connection; the next ``run`` connects again.
- Cancellation is per operation: each ``run`` gets its own cancel event, which the transport checks
  before every APDU. Cancelling the awaiting asyncio task sets it and waits for the worker to stop at the
  next APDU boundary (no card I/O outlives the cancellation); the card leaving (``on_reader_event``, fed by
  the reader watcher) sets it too, and the operation then fails with ``CardRemoved``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from kiosk.card.connection import Connection
from kiosk.card.transport import CardTransport
from kiosk.card.watch import EventKind, ReaderEvent
from kiosk.card.worker import CardWorker
from kiosk.errors import CardRemoved, NoCard, OperationCancelled, PcscUnavailable, ReaderGone

log = logging.getLogger("kiosk.card.session")

_T = TypeVar("_T")
CardOperation = Callable[[CardTransport], _T]
Connector = Callable[[], Connection]

_CARD_GONE = (CardRemoved, NoCard, ReaderGone, PcscUnavailable)
_GONE_EVENTS = frozenset({EventKind.CARD_REMOVED, EventKind.READER_REMOVED, EventKind.PCSC_UNAVAILABLE})


class CardChannel:
    def __init__(self, reader: str | None, *, connector: Connector | None = None) -> None:
        """``reader`` None: the first reader holding a card. ``connector`` replaces PC/SC (an in-process card)."""
        self.reader = reader
        self._connector = connector
        self._worker = CardWorker(reader or "first-with-card")
        self._connection: Connection | None = None  # touched on the worker thread only
        self._service: object | None = None  # the worker's PcscService, made there on first use
        self._lock = threading.Lock()
        self._current: threading.Event | None = None
        self._card_left = False

    @property
    def connected_reader(self) -> str | None:
        connection = self._connection
        return connection.reader if connection is not None else None

    # --- from asyncio -------------------------------------------------------------------------------------

    async def run(self, operation: CardOperation[_T], *, fresh: bool = False) -> _T:
        """Run ``operation`` on the reader's worker thread with a transport to the card; return its result."""
        cancel = threading.Event()
        with self._lock:
            self._current = cancel
            self._card_left = False
        future = self._worker.submit(self._run_here, operation, cancel, fresh)
        try:
            return await asyncio.shield(asyncio.wrap_future(future))
        except asyncio.CancelledError:
            cancel.set()
            # The worker stops before its next APDU; wait for that, so that nothing sent to the card
            # belongs to an operation the caller already gave up on.
            with contextlib.suppress(BaseException):
                await asyncio.shield(asyncio.wrap_future(future))
            raise
        finally:
            with self._lock:
                if self._current is cancel:
                    self._current = None

    def on_reader_event(self, event: ReaderEvent) -> None:
        """The reader watcher's events: the card leaving cancels what runs on it. Any thread."""
        if event.kind not in _GONE_EVENTS:
            return
        if event.reader is not None and self.reader is not None and event.reader != self.reader:
            return
        with self._lock:
            self._card_left = True
            if self._current is not None:
                self._current.set()

    def cancel(self) -> None:
        """Stop the operation in flight before its next APDU (it raises ``OperationCancelled``)."""
        with self._lock:
            if self._current is not None:
                self._current.set()

    async def close(self) -> None:
        self.cancel()
        await asyncio.get_running_loop().run_in_executor(None, self._shutdown)

    def close_now(self) -> None:
        """``close`` for code without an event loop (the CLI, tests)."""
        self.cancel()
        self._shutdown()

    # --- on the worker thread ------------------------------------------------------------------------------

    def _shutdown(self) -> None:
        with contextlib.suppress(Exception):
            self._worker.call(self._drop)
        self._worker.shutdown()

    def _run_here(self, operation: CardOperation[_T], cancel: threading.Event, fresh: bool) -> _T:
        if fresh:
            self._drop()
        try:
            connection = self._connect()
            transport = CardTransport(connection, cancel=cancel, thread_guard=self._worker.assert_on_worker)
            return operation(transport)
        except OperationCancelled:
            with self._lock:
                left = self._card_left
            if left:
                self._drop()
                raise CardRemoved(f"{self.reader}: the card left during the operation") from None
            raise
        except _CARD_GONE:
            self._drop()
            raise

    def _connect(self) -> Connection:
        if self._connection is not None:
            return self._connection
        if self._connector is not None:
            self._connection = self._connector()
            return self._connection
        from kiosk.card.pcsc import PcscService, open_connection

        if self._service is None:
            self._service = PcscService()
        assert isinstance(self._service, PcscService)
        self._connection = open_connection(self.reader, self._service)
        return self._connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()
