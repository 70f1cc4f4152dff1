"""The terminal's running parts behind the window: card channel and reader watcher, store, sender.

``TerminalServices`` is made on the Qt thread and started from the qasync loop. It turns the reader
watcher's events (its own thread) into Qt signals, keeps the card channel told of removals (so a
procedure in flight stops at its next APDU), and refreshes a ``TerminalState`` for the status bar. Every
blocking call (SQLite, the watcher) runs off the Qt thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.card.session import CardChannel
from kiosk.card.watch import EventKind, ReaderEvent, ReaderWatcher
from kiosk.config import Settings
from kiosk.domain.transactions import Mode
from kiosk.errors import KioskError, SyncError
from kiosk.flows.interaction import Interaction
from kiosk.flows.procedure import FlowContext
from kiosk.store.database import Store
from kiosk.sync.background import BackgroundSync
from kiosk.sync.client import CentralClient, StaffCall
from kiosk.sync.sender import SenderState
from kiosk.tasks import cancel_and_wait, every
from kiosk.ui.state import TerminalState

log = logging.getLogger("kiosk.ui.services")
REFRESH_S = 2.0
# How soon a counter shows a kiosk's call for staff: a resident waiting at a kiosk counts the seconds.
STAFF_CALLS_S = 3.0


class TerminalServices(QObject):
    card_inserted = Signal(str)  # reader
    card_removed = Signal(str)
    state_changed = Signal(object)  # TerminalState
    reader_event = Signal(object)  # ReaderEvent, on the Qt thread
    staff_calls_changed = Signal(object)  # tuple[StaffCall, ...]: the site's unanswered calls (counter)

    def __init__(self, settings: Settings, store: Store, *, training: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.channel = CardChannel(settings.reader)
        self.state = TerminalState(reader=settings.reader, card_present=False, pcsc_available=True,
                                   central_reachable=None, central_since=None, backlog=0,
                                   oldest_pending_age_s=None, rejected=0, training=training,
                                   sender_paused_reason=None)
        self._watcher = ReaderWatcher()
        self._watch_thread: threading.Thread | None = None
        self._sync: BackgroundSync | None = None
        self._refresh: asyncio.Task[None] | None = None
        self._calls: asyncio.Task[None] | None = None
        self.staff_calls: tuple[StaffCall, ...] = ()
        self._calls_failing = False
        self.reader_event.connect(self._on_reader_event)

    # --- life ----------------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._watch_thread = threading.Thread(target=self._watch, name="reader-watch", daemon=True)
        self._watch_thread.start()
        self._sync = await asyncio.to_thread(BackgroundSync, self.settings, self.store)
        await self._sync.__aenter__()
        self._refresh = asyncio.ensure_future(every(REFRESH_S, self.refresh, what="the status refresh"))
        if self.store.terminal.mode is Mode.COUNTER:
            self._calls = asyncio.ensure_future(every(STAFF_CALLS_S, self.refresh_staff_calls,
                                                      what="the staff-call refresh"))

    async def stop(self) -> None:
        self._watcher.stop()
        for task in (self._refresh, self._calls):
            if task is not None:
                await cancel_and_wait(task)
        if self._sync is not None:
            await self._sync.__aexit__(None, None, None)
        await self.channel.close()
        if self._watch_thread is not None:
            await asyncio.to_thread(self._watch_thread.join, 5.0)

    @property
    def central(self) -> CentralClient | None:
        return self._sync.client if self._sync is not None else None

    def context(self, interaction: Interaction, staff_id: str | None) -> FlowContext:
        return FlowContext(self.channel, self.store, interaction, self.central, staff_id)

    # --- the reader watcher (its own thread) ---------------------------------------------------------------

    def _watch(self) -> None:
        try:
            for event in self._watcher.events():
                self.channel.on_reader_event(event)  # at once, not after a trip through the Qt loop
                self.reader_event.emit(event)
        except Exception:
            log.exception("the reader watcher stopped")

    def _on_reader_event(self, event: ReaderEvent) -> None:
        wanted = self.settings.reader
        if event.reader is not None and wanted is not None and event.reader != wanted:
            return
        if event.kind is EventKind.CARD_INSERTED and event.reader is not None:
            self._set(reader=event.reader, card_present=True)
            self.card_inserted.emit(event.reader)
        elif event.kind is EventKind.CARD_REMOVED and event.reader is not None:
            self._set(card_present=False)
            self.card_removed.emit(event.reader)
        elif event.kind is EventKind.READER_ADDED and self.state.reader is None:
            self._set(reader=event.reader)
        elif event.kind is EventKind.READER_REMOVED and event.reader == self.state.reader:
            self._set(reader=wanted, card_present=False)
        elif event.kind is EventKind.PCSC_UNAVAILABLE:
            self._set(pcsc_available=False, card_present=False)
        elif event.kind is EventKind.PCSC_AVAILABLE:
            self._set(pcsc_available=True)

    # --- the status bar's figures ----------------------------------------------------------------------------

    def _set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        self.state_changed.emit(self.state)

    async def refresh(self) -> None:
        try:
            status = await asyncio.to_thread(self.store.outbox_status)
        except KioskError as exc:
            log.warning("outbox status: %s", exc)
            return
        now = datetime.now(UTC)
        age = (now - status.oldest_pending_at).total_seconds() if status.oldest_pending_at else None
        sender = self._sync.sender.state if self._sync is not None else None
        reachable: bool | None = self.state.central_reachable
        last_ok, last_error = status.last_success_at, status.last_error_at
        if last_ok is not None or last_error is not None:
            reachable = last_error is None or (last_ok is not None and last_ok >= last_error)
        since = self.state.central_since if reachable == self.state.central_reachable else now
        self._set(backlog=status.pending, oldest_pending_age_s=age, rejected=status.rejected,
                  central_reachable=reachable, central_since=since,
                  sender_paused_reason=status.paused_reason if sender is SenderState.PAUSED or
                  status.paused_reason else None)

    # --- kiosks' calls for staff (counter) -------------------------------------------------------------------

    async def refresh_staff_calls(self) -> None:
        """Ask for the site's open calls; when the service cannot say, the calls shown stay as they were (the
        status bar says the service is unreachable)."""
        central = self.central
        if central is None:
            return
        try:
            calls = await central.open_staff_calls()
        except SyncError as exc:
            if not self._calls_failing:  # once, not every 3 s for as long as the service is away
                log.info("open staff calls: %s", exc)
            self._calls_failing = True
            return
        self._calls_failing = False
        if calls != self.staff_calls:
            self.staff_calls = calls
            self.staff_calls_changed.emit(calls)
