"""Reader and card events from our own SCardGetStatusChange loop (not pyscard's CardMonitor).

pyscard's monitor is a process-wide singleton whose thread dies for good when pcscd goes away
(environment.md). This loop survives that: when the service disappears it reports every card and reader
as gone plus ``pcsc-unavailable``, then retries on a fresh context until the service answers again, and
reports ``pcsc-available`` and the readers and cards it finds.

``ReaderWatcher.events()`` is a blocking generator; run it in its own thread (one per process is enough:
it watches every reader) and call ``stop()`` from any thread to end it promptly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from kiosk.card.pcsc import UNAWARE, PcscService, ReaderState
from kiosk.errors import CardError, PcscUnavailable

log = logging.getLogger("kiosk.card.watch")

WAIT_S = 1.0  # one status-change wait; the reader list is refreshed after each
RETRY_S = 0.25  # between attempts to reach a PC/SC service that is gone


class EventKind(StrEnum):
    READER_ADDED = "reader-added"
    READER_REMOVED = "reader-removed"
    CARD_INSERTED = "card-inserted"
    CARD_REMOVED = "card-removed"
    PCSC_UNAVAILABLE = "pcsc-unavailable"
    PCSC_AVAILABLE = "pcsc-available"


@dataclass(frozen=True)
class ReaderEvent:
    kind: EventKind
    reader: str | None = None  # None for the PC/SC service events
    atr: bytes | None = None  # card-inserted only


class ReaderWatcher:
    def __init__(self, service_factory: Callable[[], PcscService] = PcscService, *,
                 wait_s: float = WAIT_S, retry_s: float = RETRY_S) -> None:
        self._service_factory = service_factory
        self._service: PcscService | None = None
        self._wait_s = wait_s
        self._retry_s = retry_s
        self._stopping = threading.Event()
        self._known: dict[str, ReaderState] = {}
        self._available: bool | None = None  # unknown until the first attempt

    def stop(self) -> None:
        self._stopping.set()
        service = self._service
        if service is not None:
            service.cancel()

    @property
    def stopped(self) -> bool:
        return self._stopping.is_set()

    def events(self) -> Iterator[ReaderEvent]:
        while not self._stopping.is_set():
            service = self._service or self._service_factory()
            self._service = service
            try:
                yield from self._poll(service)
            except PcscUnavailable as exc:
                log.info("PC/SC service unavailable: %s", exc)
                service.release()
                yield from self._lost()
                self._stopping.wait(self._retry_s)
            except CardError as exc:  # a reader vanishing mid-call and the like: look again
                log.info("reader watch: %s", exc)
                self._stopping.wait(self._retry_s)
        if self._service is not None:
            self._service.release()

    def _lost(self) -> Iterator[ReaderEvent]:
        for name in list(self._known):
            yield from self._forget(name)
        if self._available is not False:
            self._available = False
            yield ReaderEvent(EventKind.PCSC_UNAVAILABLE)

    def _forget(self, name: str) -> Iterator[ReaderEvent]:
        state = self._known.pop(name)
        if state.card_present:
            yield ReaderEvent(EventKind.CARD_REMOVED, name)
        yield ReaderEvent(EventKind.READER_REMOVED, name)

    def _poll(self, service: PcscService) -> Iterator[ReaderEvent]:
        names = service.readers()
        if self._available is False:
            yield ReaderEvent(EventKind.PCSC_AVAILABLE)
        self._available = True
        for name in [known for known in self._known if known not in names]:
            yield from self._forget(name)
        for name in names:
            if name not in self._known:
                self._known[name] = ReaderState(name, UNAWARE, b"")
                yield ReaderEvent(EventKind.READER_ADDED, name)
        if self._stopping.is_set():
            return
        if not self._known and not service.reader_list_notifications:
            self._stopping.wait(self._wait_s)  # nothing to wait on: look for readers again later
            return
        change = service.wait_for_change({name: state.event_state for name, state in self._known.items()},
                                         self._wait_s)
        if change is None:
            return
        for state in change.readers:
            before = self._known.get(state.name)
            if before is None:
                continue
            self._known[state.name] = state
            yield from _card_events(before, state)


def _card_events(before: ReaderState, after: ReaderState) -> Iterator[ReaderEvent]:
    if before.card_present and (not after.card_present or after.event_count != before.event_count):
        yield ReaderEvent(EventKind.CARD_REMOVED, after.name)
    if after.card_present and (not before.card_present or after.event_count != before.event_count):
        yield ReaderEvent(EventKind.CARD_INSERTED, after.name, after.atr)
