"""The outbox sender against the real reference central service on loopback."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, CentralHandle, MovableClock, run_central
from store.helpers import pin_change, raw, renewal

from kiosk.config import Settings
from kiosk.errors import AuthenticationFailed, RateLimited, StoreError
from kiosk.pki.training import TrainingPki
from kiosk.store.database import Store, open_store
from kiosk.sync.background import BackgroundSync
from kiosk.sync.client import CentralClient
from kiosk.sync.sender import OutboxSender, SenderState
from sync.faultproxy import Fault, FaultProxy
from sync.helpers import assert_held_exactly_once, central_view, eventually, local_days, sender_for


def record(store: Store, n: int) -> list[str]:
    return [store.record(renewal() if i % 3 else pin_change()).key for i in range(n)]


async def test_a_backlog_drains_in_batches_and_the_service_holds_each_once(store: Store, client: CentralClient,
                                                                           central: CentralHandle) -> None:
    record(store, 120)
    report = await sender_for(store, client, batch_size=50).run_once()
    assert (report.error, report.delivered, report.duplicates, report.batches) == (None, 120, 0, 3)
    status = store.outbox_status()
    assert (status.pending, status.delivered, status.rejected) == (0, 120, 0)
    assert status.last_success_at is not None
    assert_held_exactly_once(central, store)


async def test_rows_sent_again_after_a_lost_acknowledgement_come_back_duplicate(
        store: Store, client: CentralClient, central: CentralHandle, settings: Settings) -> None:
    record(store, 10)
    await sender_for(store, client).run_once()
    with raw(settings) as db:  # as if the process died between the service's answer and our commit
        db.execute("UPDATE outbox SET state = 'pending', delivered_at = NULL WHERE id % 2 = 0")
    report = await sender_for(store, client).run_once()
    assert (report.delivered, report.duplicates) == (0, 5)
    assert store.outbox_status().pending == 0
    assert_held_exactly_once(central, store)


async def test_a_record_the_service_refuses_is_parked_and_the_others_go_through(
        store: Store, client: CentralClient, central: CentralHandle, settings: Settings) -> None:
    keys = record(store, 6)
    with raw(settings) as db:  # a bug shipped a kind the service does not know in one record
        original = db.execute("SELECT payload FROM outbox WHERE transaction_key = ?", (keys[2],)).fetchone()[0]
        broken = json.dumps({**json.loads(original), "kind": "teleport"})
        db.execute("UPDATE outbox SET payload = ? WHERE transaction_key = ?", (broken, keys[2]))
    report = await sender_for(store, client).run_once()
    assert (report.error, report.delivered, report.rejected, report.rejected_keys) == (None, 5, 1, [keys[2]])
    [parked] = store.rejected()
    assert parked.key == keys[2]
    assert "kind is one of" in (parked.rejected_reason or "")  # the contract's reason (the terminal checks first)
    assert [e.event for e in store.audit_entries(1)] == ["outbox.rejected"]

    with raw(settings) as db:  # the fix: the record as it should have been
        db.execute("UPDATE outbox SET payload = ? WHERE transaction_key = ?", (original, keys[2]))
    store.retry(parked.key, by="test")
    report = await sender_for(store, client).run_once()
    assert (report.delivered, report.rejected) == (1, 0)
    assert_held_exactly_once(central, store)


async def test_an_unknown_token_pauses_the_sender_leaves_rows_untouched_and_alerts(
        store: Store, central: CentralHandle, client: CentralClient) -> None:
    record(store, 4)
    alerts: list[Exception] = []
    async with CentralClient(central.base_url, token="revoked-token", timeout_s=2) as refused:
        report = await sender_for(store, refused, on_alert=alerts.append).run_once()
    assert isinstance(report.error, AuthenticationFailed)
    assert [type(a) for a in alerts] == [AuthenticationFailed]
    status = store.outbox_status()
    assert (status.pending, status.paused_at is not None, status.last_error_code) == (4, True, "sync.authentication")
    assert [item.attempts for item in store.due(10)] == [0, 0, 0, 0]
    assert "sync.paused" in [e.event for e in store.audit_entries(5)]

    report = await sender_for(store, client).run_once()  # the technician fixed the token
    assert report.delivered == 4
    assert store.outbox_status().paused_at is None


async def test_a_paused_background_sender_sends_nothing_until_resumed(store: Store, proxy: FaultProxy,
                                                                      central: CentralHandle) -> None:
    record(store, 2)
    async with CentralClient(proxy.base_url, token="revoked-token", timeout_s=2) as refused:
        sender = sender_for(store, refused)
        sender.start()
        await eventually(lambda: _is(sender.state, SenderState.PAUSED))
        record(store, 3)  # each record wakes the sender
        await asyncio.sleep(0.5)  # several idle checks of the paused loop
        assert proxy.faults_seen() == ["pass"]  # the one refused request, nothing since
        assert sender.state is SenderState.PAUSED
        await sender.resume(by="test")  # a technician says it is fixed (here it is not: it pauses again)
        await eventually(lambda: _requests_seen(proxy, 2))
        await eventually(lambda: _is(sender.state, SenderState.PAUSED))
        await sender.stop()
    assert store.outbox_status().pending == 5
    assert [e.event for e in store.audit_entries(20) if e.event.startswith("sync.")] == [
        "sync.paused", "sync.resumed", "sync.paused"]


async def test_a_batch_too_large_for_the_service_is_split(tmp_path: Path, training_pki: TrainingPki,
                                                          settings: Settings) -> None:
    with run_central(f"sqlite:///{tmp_path / 'small.sqlite3'}", training_pki, max_batch=7) as small:
        store = open_store(settings)
        try:
            record(store, 30)
            async with CentralClient(small.base_url, token=DEMO_TERMINAL.token) as client:
                report = await sender_for(store, client, batch_size=50).run_once()
            assert (report.error, report.delivered) == (None, 30)
            assert_held_exactly_once(small, store)
        finally:
            store.close()


async def test_the_application_runs_the_sender_for_its_lifetime(settings: Settings, store: Store,
                                                                central: CentralHandle) -> None:
    alerts: list[Exception] = []
    async with BackgroundSync(settings, store, on_alert=alerts.append) as sync:
        for _ in range(5):
            await asyncio.to_thread(store.record, renewal())
        await eventually(lambda: _no_pending(store))
        task = sync.sender.start()  # already running: the same task
    assert task.done()
    assert alerts == []
    assert_held_exactly_once(central, store)


async def test_an_unexpected_failure_in_a_pass_does_not_end_the_background_sender(
        store: Store, client: CentralClient, central: CentralHandle, monkeypatch: pytest.MonkeyPatch) -> None:
    record(store, 3)
    real_due = store.due
    failures = iter([RuntimeError("a bug")])

    def due_failing_once(*args: object, **kwargs: object) -> object:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_due(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "due", due_failing_once)
    sender = sender_for(store, client)
    sender.start()
    await eventually(lambda: _no_pending(store))
    await sender.stop()
    assert_held_exactly_once(central, store)


async def test_an_unexpected_failure_between_passes_does_not_end_the_background_sender(
        store: Store, client: CentralClient, central: CentralHandle, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hourly purge after a pass, not the pass itself: a bug there once ended the task without a word."""
    record(store, 3)
    purges: list[str] = []

    def purge_failing_once(*args: object, **kwargs: object) -> int:
        purges.append("tried")
        if len(purges) == 1:
            raise RuntimeError("a bug")
        return 0

    monkeypatch.setattr(store, "purge_delivered", purge_failing_once)
    sender = sender_for(store, client)
    task = sender.start()

    async def purge_tried() -> bool:
        return bool(purges)

    await eventually(purge_tried)
    record(store, 3)
    await eventually(lambda: _no_pending(store))
    await sender.stop()
    assert task.cancelled()  # ended by stop(), not by the failure
    assert store.outbox_status().delivered == 6
    assert_held_exactly_once(central, store)


async def test_the_background_sender_delivers_what_is_recorded_while_it_runs(store: Store, client: CentralClient,
                                                                             central: CentralHandle) -> None:
    sender = sender_for(store, client, idle_check_s=30.0)  # only a record's wake-up can make it send soon
    task = sender.start()
    await eventually(lambda: _is(sender.state, SenderState.IDLE))
    for _ in range(20):
        await asyncio.to_thread(store.record, pin_change())  # as a flow records, from a worker thread
    await eventually(lambda: _no_pending(store))
    await sender.stop()
    assert task.done()
    assert task.cancelled()
    assert_held_exactly_once(central, store)


@pytest.mark.parametrize("waiting", ["for work", "while paused"])
async def test_stop_ends_the_sender_when_a_wake_up_lands_in_the_same_moment(
        store: Store, client: CentralClient, central: CentralHandle, waiting: str) -> None:
    """A record's wake-up that completes just before the stop's cancellation must not swallow it.

    Python 3.11's ``asyncio.wait_for`` returns the inner result when both happen in one loop turn
    (CPython gh-86296): the sender then ran on, and ``stop`` waited for ever. The order is forced here: the
    wake-up's waiter finishes in one turn, the cancellation arrives in the next, before the wait hears of it.
    """
    sender = sender_for(store, client, idle_check_s=30.0)
    if waiting == "while paused":
        sender.paused_by = AuthenticationFailed("token revoked")
    task = sender.start()
    await eventually(lambda: _waiting_on_wake(sender))
    sender._wake.set()
    await asyncio.sleep(0)  # the wait's inner task finishes; the wait itself has not resumed yet
    stopping = asyncio.ensure_future(sender.stop())
    done, _ = await asyncio.wait({stopping}, timeout=10)
    if not done:
        task.cancel()  # a second cancellation gets through; the test fails either way
    assert done, "stop() did not end the sender"
    assert task.cancelled()


async def test_retry_after_is_waited_for_before_the_next_attempt(settings: Settings, proxy: FaultProxy,
                                                                 proxied_client: CentralClient,
                                                                 central: CentralHandle) -> None:
    """Sleeping is injected: the sender's waits are recorded and move the store's clock instead of passing."""
    clock = MovableClock()
    store = open_store(settings, clock=clock)
    waits: list[float] = []

    async def recorded_sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)

    try:
        record(store, 3)
        proxy.script(Fault("rate_limited", retry_after="45"))
        sender = sender_for(store, proxied_client, sleep=recorded_sleep)
        sender.start()
        await eventually(lambda: _no_pending(store))
        await eventually(lambda: _is(sender.state, SenderState.IDLE))  # the pass that delivered has ended
        await sender.stop()
        assert waits and waits[0] >= 45.0  # the floor, whatever the jitter drew
        assert proxy.faults_seen()[:2] == ["rate_limited", "pass"]
        assert sender.last_error is None
        assert_held_exactly_once(central, store)
    finally:
        store.close()


async def test_a_database_error_after_the_service_answered_loses_nothing(settings: Settings, client: CentralClient,
                                                                         central: CentralHandle) -> None:
    store = open_store(settings, busy_timeout_ms=100)
    try:
        record(store, 5)
        blocker = raw(settings)
        blocker.execute("BEGIN IMMEDIATE")  # readers still read (WAL); our commit of "delivered" cannot
        try:
            report = await sender_for(store, client).run_once()
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert isinstance(report.error, StoreError)
        assert store.outbox_status().pending == 5
        report = await sender_for(store, client).run_once()
        assert (report.error, report.duplicates) == (None, 5)
        assert_held_exactly_once(central, store)
    finally:
        store.close()


async def test_delivered_rows_are_purged_after_the_retention_period(store: Store, client: CentralClient) -> None:
    record(store, 4)
    sender = sender_for(store, client, retention_days=0)
    await sender.run_once()
    assert await sender.purge() == 4
    status = store.outbox_status()
    assert (status.pending, status.delivered) == (0, 0)


async def test_the_sender_reports_rate_limiting_as_waiting(store: Store, proxy: FaultProxy,
                                                           proxied_client: CentralClient) -> None:
    record(store, 1)
    proxy.script(Fault("rate_limited", retry_after="2"))
    report = await sender_for(store, proxied_client).run_once()
    assert isinstance(report.error, RateLimited)
    assert report.retry_in is not None and report.retry_in >= 2.0
    assert store.outbox_status().pending == 1


async def _is(actual: object, expected: object) -> bool:
    return actual is expected


async def _requests_seen(proxy: FaultProxy, count: int) -> bool:
    return len(proxy.faults_seen()) >= count


async def _waiting_on_wake(sender: OutboxSender) -> bool:
    return bool(sender._wake._waiters)  # type: ignore[attr-defined]  # asyncio.Event's own waiters


async def _no_pending(store: Store) -> bool:
    return (await asyncio.to_thread(store.outbox_status)).pending == 0


@pytest.fixture(autouse=True)
def _quiet_sender_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("ERROR", logger="kiosk.sync.sender")


async def test_kiosk_outbox_sync_delivers_everything_and_lifts_a_pause(
        store: Store, settings: Settings, central: CentralHandle, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main
    from kiosk.cli.exitcodes import ExitCode

    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", settings.central_url)
    record(store, 7)
    store.pause_sending("HTTP 401 (before the technician replaced the token)")
    code = await asyncio.to_thread(main, ["outbox", "sync", "--json"])
    assert code == ExitCode.OK
    report = json.loads(capsys.readouterr().out)
    assert (report["delivered"], report["pending"], report["error"]) == (7, 0, None)
    assert store.outbox_status().paused_at is None
    assert_held_exactly_once(central, store)


async def test_a_row_the_service_could_never_accept_is_parked_not_retried_for_ever(
        store: Store, settings: Settings, proxy: FaultProxy, proxied_client: CentralClient,
        central: CentralHandle) -> None:
    """A payload written under looser rules (an older version: a NUL in staff_id, which PostgreSQL answered
    with a 500) is rejected by the terminal itself, visibly, even while the service answers only 5xx."""
    bad, good = record(store, 2)
    with raw(settings) as db:
        payload = json.loads(db.execute("SELECT payload FROM outbox WHERE transaction_key = ?", (bad,)).fetchone()[0])
        payload["staff_id"] = "S\x00"
        db.execute("UPDATE outbox SET payload = ? WHERE transaction_key = ?", (json.dumps(payload), bad))
    proxy.script(Fault("status_500"))
    report = await sender_for(store, proxied_client).run_once()
    assert report.rejected_keys == [bad]
    assert [row.key for row in store.rejected()] == [bad]
    assert "staff_id" in (store.rejected()[0].rejected_reason or "")
    assert all(bad not in exchange.request_keys for exchange in proxy.exchanges)  # never sent
    await sender_for(store, proxied_client).run_once(everything_pending=True)
    assert store.outbox_status().pending == 0
    assert central_view(central, local_days(store))[0] == [good]


async def test_kiosk_outbox_sync_exits_non_zero_when_records_were_rejected(
        store: Store, settings: Settings, central: CentralHandle, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main
    from kiosk.cli.exitcodes import ExitCode

    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", settings.central_url)
    keys = record(store, 3)
    with raw(settings) as db:
        db.execute("UPDATE outbox SET payload = json_set(payload, '$.kind', 'teleport') WHERE transaction_key = ?",
                   (keys[1],))
    code = await asyncio.to_thread(main, ["outbox", "sync", "--json"])
    assert code == ExitCode.RECORDS_REJECTED
    report = json.loads(capsys.readouterr().out)
    assert (report["delivered"], report["rejected"], report["pending"]) == (2, 1, 0)


async def test_kiosk_outbox_sync_on_a_held_lock_prints_its_message_and_no_log_line(
        store: Store, settings: Settings, central: CentralHandle) -> None:
    """As a technician runs it (its own process, its own stderr): one line, the message."""
    import os
    import subprocess
    import sys

    from kiosk.cli.exitcodes import ExitCode

    record(store, 2)
    env = {**os.environ, "KIOSK_DATABASE_URL": settings.database_url, "KIOSK_CENTRAL_URL": settings.central_url,
           "KIOSK_API_TOKEN": settings.api_token or "", "KIOSK_LANG": "en"}
    with raw(settings) as holder:
        holder.isolation_level = None
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock past the busy timeout
        try:
            done = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "kiosk", "outbox", "sync"],
                                           env=env, capture_output=True, text=True, timeout=120, check=False)
        finally:
            holder.execute("ROLLBACK")
    assert done.returncode == ExitCode.STORE, done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()] == [
        "The terminal's records are busy. Please try again in a moment."]
