"""The outbox sender: delivers recorded transactions to the central service, in the background.

At-least-once sending plus the service's de-duplication by key gives effectively-once (STYLE.md, "The
outbox"). A pass takes the due rows oldest first, in batches, and acts on the answer:

- accepted or duplicate                -> delivered (only now: a lost acknowledgement means a resend, which
                                          the service answers with "duplicate")
- 422 invalid_transactions             -> exactly the named rows parked as rejected with the reason; the
                                          others are sent again at once
- 413                                  -> smaller batches, at once
- timeout, dropped connection, 5xx,
  garbage, 429, any other refusal      -> the batch waits: exponential backoff with full jitter, at least
                                          the Retry-After; the pass ends
- 401/403 or a TLS failure             -> the whole sender pauses and raises the technician's alert; rows
                                          untouched

The first success after failures resets the backoff and makes every pending row due again. Database calls
go through ``asyncio.to_thread``: the event loop (the Qt UI under qasync) never waits on SQLite.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from kiosk.domain.transactions import TransactionRecord, from_wire
from kiosk.errors import AuthenticationFailed, KioskError, RateLimited, ServerUnavailable, StoreError, SyncError
from kiosk.store.database import Store
from kiosk.store.outbox import OutboxItem
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import BatchTooLarge, CentralClient, ServerFailed
from kiosk.tasks import cancel_and_wait

log = logging.getLogger(__name__)

MAX_BATCH = 500  # the central API's limit per request
IDLE_CHECK_S = 60.0  # with nothing to do, look again this often (rows due later, a pause lifted elsewhere)
PURGE_EVERY_S = 3600.0
SHRINK_AFTER_SERVER_ERRORS = 3  # consecutive 5xx before batches halve, so one poisonous record cannot
                                # hold back the others for ever

Sleep = Callable[[float], Awaitable[None]]
AlertHandler = Callable[[SyncError], None]


def contract_breach(payload: str) -> str | None:
    """Why the central service could never accept this outbox payload, or None if it could."""
    try:
        from_wire(json.loads(payload))
    except (ValueError, TypeError, RecursionError) as exc:  # InvalidTransaction is a ValueError
        return f"refused by this terminal before sending: {exc}"
    return None


class SenderState(StrEnum):
    IDLE = "idle"
    SENDING = "sending"
    WAITING = "waiting"  # backing off after a failure
    PAUSED = "paused"  # a technician must act (401/403, TLS)


@dataclass
class PassReport:
    """What one pass did."""

    delivered: int = 0  # accepted now
    duplicates: int = 0  # the service already held them (an acknowledgement lost before)
    rejected: int = 0
    batches: int = 0
    error: SyncError | StoreError | None = None
    retry_in: float | None = None  # seconds until the next attempt, after an error
    rejected_keys: list[str] = field(default_factory=list)

    @property
    def acknowledged(self) -> int:
        return self.delivered + self.duplicates


class OutboxSender:
    def __init__(self, store: Store, client: CentralClient, *, batch_size: int = 200, retention_days: int = 90,
                 backoff: Backoff | None = None, sleep: Sleep = asyncio.sleep,
                 monotonic: Callable[[], float] = time.monotonic, idle_check_s: float = IDLE_CHECK_S,
                 on_alert: AlertHandler | None = None) -> None:
        self._store = store
        self._client = client
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self._batch_limit = self.batch_size
        self._retention_days = retention_days
        self._backoff = backoff or Backoff()
        self._sleep = sleep
        self._monotonic = monotonic
        self._idle_check_s = idle_check_s
        self._on_alert = on_alert
        self._server_errors = 0
        self._pass_lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_guard = threading.Lock()
        self._task: asyncio.Task[None] | None = None
        self._last_purge: float | None = None
        self.state = SenderState.IDLE
        self.last_error: SyncError | StoreError | None = None
        self.paused_by: SyncError | None = None

    # --- one pass --------------------------------------------------------------------------------------

    async def run_once(self, *, everything_pending: bool = False) -> PassReport:
        """Send every due row (every pending row with ``everything_pending``) in batches, until none is
        left or a failure ends the pass."""
        async with self._pass_lock:
            report = PassReport()
            self.state = SenderState.SENDING
            try:
                while await self._send_next_batch(report, everything_pending=everything_pending):
                    pass
            except StoreError as error:  # the database, not the network: try again later, lose nothing
                # Reported to the caller (the background loop logs it; `kiosk outbox sync` shows its message).
                log.debug("outbox: database error during a pass: %s", error)
                report.error = error
                report.retry_in = self._backoff.next_delay()
            self.last_error = report.error
            if report.error is None:
                self.state = SenderState.IDLE
            elif isinstance(report.error, AuthenticationFailed):
                self.state = SenderState.PAUSED
            else:
                self.state = SenderState.WAITING
            return report

    async def _send_next_batch(self, report: PassReport, *, everything_pending: bool) -> bool:
        """Send one batch; True if the pass should go on."""
        items = await asyncio.to_thread(self._store.due, self._batch_limit, everything_pending=everything_pending)
        if not items:
            return False
        unsendable = {item.id: reason for item in items if (reason := contract_breach(item.payload)) is not None}
        if unsendable:
            # Written by an older version under looser rules: the service can never take it, and must not be
            # trusted to say so (it may answer 5xx for ever). Parked, visible, retryable after a fix.
            report.rejected += await asyncio.to_thread(self._store.reject, unsendable)
            report.rejected_keys += [item.key for item in items if item.id in unsendable]
            for item in items:
                if item.id in unsendable:
                    log.warning("outbox: record %s breaks the contract: %s", item.key, unsendable[item.id])
            return True
        report.batches += 1
        head = await asyncio.to_thread(self._store.audit_head)
        try:
            result = await self._client.post_transactions([(item.key, item.payload) for item in items],
                                                          audit_head=head)
        except BatchTooLarge as error:
            if len(items) == 1:
                return await self._failed(items, error, report)
            self._batch_limit = max(1, min(error.limit or len(items) // 2, len(items) // 2))
            log.warning("outbox: batch of %d too large, sending %d at a time", len(items), self._batch_limit)
            return True
        except AuthenticationFailed as error:
            await self._pause(error)
            report.error = error
            return False
        except SyncError as error:
            return await self._failed(items, error, report)

        if result.rejected:
            reasons = {items[r.index].id: r.reason for r in result.rejected}
            report.rejected += await asyncio.to_thread(self._store.reject, reasons)
            report.rejected_keys += [r.key for r in result.rejected]
            for rejection in result.rejected:
                log.warning("outbox: record %s rejected by the central service: %s", rejection.key,
                            rejection.reason)
            return True  # the others go again at once
        by_id = {item.id: result.statuses[item.key] for item in items}
        await asyncio.to_thread(functools.partial(self._store.mark_delivered, by_id, anchored=head))
        report.delivered += sum(1 for s in by_id.values() if s == "accepted")
        report.duplicates += sum(1 for s in by_id.values() if s == "duplicate")
        self._server_errors = 0
        self._batch_limit = self.batch_size
        if self._backoff.reset():
            await asyncio.to_thread(self._store.make_all_due)
        if report.acknowledged == len(by_id):  # the pass's first success: the service takes us again
            await asyncio.to_thread(self._store.resume_sending, by="a successful delivery")
            self.paused_by = None
        return True

    async def _failed(self, items: list[OutboxItem], error: SyncError, report: PassReport) -> bool:
        retry_after = error.retry_after if isinstance(error, RateLimited | ServerUnavailable) else None
        delay = self._backoff.next_delay(retry_after)
        if isinstance(error, ServerFailed):
            self._server_errors += 1
            if self._server_errors >= SHRINK_AFTER_SERVER_ERRORS:
                self._batch_limit = max(1, len(items) // 2)
        log.info("outbox: %d records not delivered (%s); next attempt in %.1f s", len(items), error, delay)
        next_attempt_at = self._store.now() + timedelta(seconds=delay)
        await asyncio.to_thread(self._store.mark_failed, [i.id for i in items], error.code, str(error),
                                next_attempt_at)
        report.error, report.retry_in = error, delay
        return False

    async def _pause(self, error: AuthenticationFailed) -> None:
        log.error("outbox: the central service refuses this terminal (%s); sending paused", error)
        self.paused_by = error
        await asyncio.to_thread(self._store.mark_failed, [], error.code, str(error), self._store.now())
        await asyncio.to_thread(self._store.pause_sending, str(error))
        if self._on_alert is not None:
            self._on_alert(error)

    async def purge(self) -> int:
        purged = await asyncio.to_thread(self._store.purge_delivered, self._retention_days)
        self._last_purge = self._monotonic()
        return purged

    # --- the background loop ---------------------------------------------------------------------------

    def wake(self, _record: TransactionRecord | None = None) -> None:
        """Something was recorded: send soon. Safe to call from any thread (a store listener)."""
        with self._loop_guard:
            loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nothing to wake
                loop.call_soon_threadsafe(self._wake.set)

    async def resume(self, *, by: str = "technician") -> None:
        """A technician fixed the cause of a pause (token, certificate): try again now."""
        await asyncio.to_thread(self._store.resume_sending, by=by)
        self.paused_by = None
        self.state = SenderState.IDLE
        self._wake.set()

    def start(self) -> asyncio.Task[None]:
        """Run the loop as a task of the running event loop; ``stop`` ends it."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self.run(), name="outbox-sender")
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        await cancel_and_wait(task)

    async def run(self) -> None:
        """Deliver for ever: after each pass, wait for a record, the next due row, or the end of a backoff."""
        with self._loop_guard:
            self._loop = asyncio.get_running_loop()
        self._store.add_listener(self.wake)
        try:
            while True:
                try:
                    await self._round()
                except Exception:  # a bug must not silently end the terminal's reporting: log, wait, go on
                    log.exception("outbox: unexpected failure in the background sender")
                    self.state = SenderState.WAITING
                    await self._sleep(self._backoff.next_delay())
        finally:
            self._store.remove_listener(self.wake)
            with self._loop_guard:
                self._loop = None

    async def _round(self) -> None:
        """One pass and the wait after it (or one wait while paused)."""
        if self.paused_by is not None:
            await self._wait_while_paused()
            return
        self._wake.clear()
        report = await self.run_once()
        if isinstance(report.error, StoreError):
            log.error("outbox: database error during a pass: %s", report.error)
        if self._due_for_purge():
            await self._purge_quietly()
        if report.error is not None and report.retry_in is not None:
            await self._sleep(report.retry_in)  # not cut short by new records: honour Retry-After
        elif report.error is None:
            await self._wait_for_work()

    async def _wait_for_work(self) -> None:
        timeout = self._idle_check_s
        try:
            status = await asyncio.to_thread(self._store.outbox_status)
        except StoreError as error:
            log.error("outbox: cannot read the outbox: %s", error)
            status = None
        if status is not None and status.next_attempt_at is not None:
            timeout = min(timeout, max(0.0, (status.next_attempt_at - self._store.now()).total_seconds()))
        if timeout <= 0:
            return
        await self._wait_for_wake(timeout)

    async def _wait_for_wake(self, timeout: float) -> None:
        # Not asyncio.wait_for: on Python 3.11 it swallows a cancellation that lands in the same loop turn
        # as the wake-up (CPython gh-86296), and stop() then waits for ever.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    async def _wait_while_paused(self) -> None:
        await self._wait_for_wake(self._idle_check_s)
        self._wake.clear()
        if self.paused_by is None:
            return
        # A technician may have lifted the pause from another process (`kiosk outbox sync` succeeded).
        try:
            status = await asyncio.to_thread(self._store.outbox_status)
        except StoreError:
            return
        if status.paused_at is None:
            self.paused_by = None
            self.state = SenderState.IDLE

    def _due_for_purge(self) -> bool:
        return self._last_purge is None or self._monotonic() - self._last_purge >= PURGE_EVERY_S

    async def _purge_quietly(self) -> None:
        try:
            purged = await self.purge()
        except KioskError as error:
            log.error("outbox: purge failed: %s", error)
            return
        if purged:
            log.info("outbox: purged %d delivered rows older than %d days", purged, self._retention_days)
