"""One thread per reader: all card I/O for a reader runs there (DESIGN.md 2, STYLE.md "run_in_hwd_thread").

The card layer blocks (pyscard does), and a PC/SC connection belongs to one thread at a time. The flows
reach a reader's card through its ``CardWorker``: ``await worker.run(fn, ...)`` from asyncio, or
``worker.call(fn, ...)`` from plain threads. Code that must only run there calls
``worker.assert_on_worker()`` or hands ``worker.assert_on_worker`` to a ``CardTransport`` as its thread
guard, which then checks before every APDU.

``cancel`` is the event long operations watch (the transport checks it before each APDU): the UI sets it
to cancel, and the reader watcher sets it when the card leaves. ``begin()`` clears it for the next
operation.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from kiosk.card.watch import EventKind, ReaderEvent
from kiosk.errors import WrongThread

_P = ParamSpec("_P")
_T = TypeVar("_T")


class CardWorker:
    def __init__(self, reader: str) -> None:
        self.reader = reader
        self.cancel = threading.Event()
        self._thread_id: int | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"card:{reader}",
                                            initializer=self._record_thread)

    def _record_thread(self) -> None:
        self._thread_id = threading.get_ident()

    @property
    def on_worker(self) -> bool:
        return self._thread_id is not None and threading.get_ident() == self._thread_id

    def assert_on_worker(self) -> None:
        """The transport's thread guard: raises ``WrongThread`` (not an ``assert``, which ``python -O`` drops)."""
        if not self.on_worker:
            raise WrongThread(f"card I/O for {self.reader!r} outside its worker thread "
                              f"({threading.current_thread().name})")

    def begin(self) -> None:
        """Start a new operation: forget an earlier cancellation."""
        self.cancel.clear()

    def on_reader_event(self, event: ReaderEvent) -> None:
        """Feed the reader watcher's events here: the card leaving cancels what runs on it."""
        gone = (EventKind.CARD_REMOVED, EventKind.READER_REMOVED, EventKind.PCSC_UNAVAILABLE)
        if event.kind in gone and event.reader in (self.reader, None):
            self.cancel.set()

    def submit(self, function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        return self._executor.submit(function, *args, **kwargs)

    def call(self, function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Run ``function`` on the worker and wait for it (not from the worker itself: that would deadlock)."""
        if self.on_worker:
            return function(*args, **kwargs)
        return self.submit(function, *args, **kwargs).result()

    async def run(self, function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(function, *args, **kwargs))

    def shutdown(self) -> None:
        self.cancel.set()
        self._executor.shutdown(wait=True)
