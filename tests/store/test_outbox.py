"""The outbox's states: pending, delivered on acknowledgement, rejected (kept, retryable), purged later."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store.database import OutboxRowNotRejected, Store, UnknownOutboxRow, open_store
from store.helpers import count, pin_change


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(settings: Settings, clock: Clock) -> Iterator[Store]:
    store = open_store(settings, clock=clock)
    yield store
    store.close()


def test_due_rows_come_oldest_first_in_batches(timed: Store) -> None:
    keys = [timed.record(pin_change()).key for _ in range(5)]
    assert [i.key for i in timed.due(3)] == keys[:3]
    assert [json.loads(i.payload)["sequence"] for i in timed.due(10)] == [1, 2, 3, 4, 5]


def test_a_failed_attempt_waits_for_its_next_attempt_time(timed: Store, clock: Clock) -> None:
    first, second = timed.record(pin_change()), timed.record(pin_change())
    [item, _] = timed.due(10)
    timed.mark_failed([item.id], "sync.unavailable", "connection refused", clock.now + timedelta(seconds=30))
    assert [i.key for i in timed.due(10)] == [second.key]
    assert [i.key for i in timed.due(10, everything_pending=True)] == [second.key, first.key]
    clock.advance(seconds=30)
    [waiting_longest, retried] = timed.due(10)  # the one that just failed goes behind
    assert waiting_longest.key == second.key
    assert (retried.key, retried.attempts, retried.last_error) == (
        first.key, 1, "sync.unavailable: connection refused")
    status = timed.outbox_status()
    assert (status.last_error_code, status.last_error_at) == ("sync.unavailable", clock.now - timedelta(seconds=30))


def test_connectivity_back_makes_every_waiting_row_due(timed: Store, clock: Clock) -> None:
    timed.record(pin_change())
    [item] = timed.due(10)
    timed.mark_failed([item.id], "sync.unavailable", "down", clock.now + timedelta(hours=1))
    assert timed.due(10) == []
    timed.make_all_due()
    assert [i.id for i in timed.due(10)] == [item.id]


def test_acknowledged_rows_are_delivered_and_counted(timed: Store, clock: Clock) -> None:
    for _ in range(3):
        timed.record(pin_change())
    items = timed.due(10)
    assert timed.mark_delivered({items[0].id: "accepted", items[1].id: "duplicate"}) == 2
    assert timed.mark_delivered({items[0].id: "accepted"}) == 0  # already delivered: unchanged
    status = timed.outbox_status()
    assert (status.pending, status.delivered, status.rejected) == (1, 2, 0)
    assert status.last_success_at == clock.now
    assert status.oldest_pending_at == items[2].enqueued_at


def test_a_rejected_row_is_kept_visible_audited_and_retryable(timed: Store, settings: Settings) -> None:
    record = timed.record(pin_change())
    [item] = timed.due(10)
    assert timed.reject({item.id: "kind: unknown value"}) == 1
    assert timed.due(10, everything_pending=True) == []
    [parked] = timed.rejected()
    assert (parked.key, parked.rejected_reason) == (record.key, "kind: unknown value")
    assert count(settings, "SELECT count(*) FROM transactions") == 1  # never dropped

    with pytest.raises(OutboxRowNotRejected):
        timed.retry(timed.record(pin_change()).key)  # a pending row: nothing to retry
    with pytest.raises(UnknownOutboxRow):
        timed.retry("999")
    timed.retry(record.key, by="test")
    assert timed.due(1)[0].key == record.key
    assert timed.rejected() == []
    events = [(e.event, e.subject) for e in timed.audit_entries(10) if e.event.startswith("outbox.")]
    assert events == [("outbox.retried", record.key), ("outbox.rejected", record.key)]


def test_delivered_rows_are_purged_after_the_retention_period_and_records_stay(timed: Store, clock: Clock,
                                                                               settings: Settings) -> None:
    old = timed.record(pin_change())
    timed.mark_delivered({timed.due(1)[0].id: "accepted"})
    clock.advance(days=50)
    timed.record(pin_change())
    timed.mark_delivered({timed.due(1)[0].id: "accepted"})
    timed.record(pin_change())  # pending: never purged
    clock.advance(days=45)
    assert timed.purge_delivered(90) == 1
    assert count(settings, "SELECT count(*) FROM outbox") == 2
    assert count(settings, f"SELECT count(*) FROM outbox WHERE transaction_key = '{old.key}'") == 0
    assert timed.transaction(old.key) == old  # the record itself is kept for counts and audit
    assert timed.purge_delivered(90) == 0
    assert [e.event for e in timed.audit_entries(1)] == ["outbox.purged"]


def test_a_pause_is_recorded_once_and_lifted_once(timed: Store) -> None:
    timed.pause_sending("HTTP 401")
    timed.pause_sending("HTTP 401")
    assert timed.outbox_status().paused_reason == "HTTP 401"
    assert timed.resume_sending(by="test") is True
    assert timed.resume_sending(by="test") is False
    assert timed.outbox_status().paused_at is None
    assert [e.event for e in timed.audit_entries(5)][:2] == ["sync.resumed", "sync.paused"]


def test_kiosk_outbox_commands_show_and_retry_rejected_rows(timed: Store, settings: Settings,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    record = timed.record(pin_change())
    timed.record(pin_change())
    timed.reject({timed.due(1)[0].id: "sequence 1 is held by another key"})

    assert main(["outbox", "status", "--json"]) == ExitCode.OK
    status = json.loads(capsys.readouterr().out)
    assert (status["pending"], status["rejected"], status["delivered"]) == (1, 1, 0)
    assert status["oldest_pending_age_s"] is not None

    assert main(["outbox", "status"]) == ExitCode.OK
    assert "kiosk outbox rejected" in capsys.readouterr().out

    assert main(["outbox", "rejected", "--json"]) == ExitCode.OK
    [row] = json.loads(capsys.readouterr().out)
    assert (row["key"], row["sequence"], row["reason"]) == (record.key, 1, "sequence 1 is held by another key")

    assert main(["outbox", "retry", str(row["id"])]) == ExitCode.OK
    assert record.key in capsys.readouterr().out
    assert main(["outbox", "retry", str(row["id"])]) == ExitCode.USAGE
    assert "not rejected" in capsys.readouterr().out
    assert main(["outbox", "rejected"]) == ExitCode.OK
    assert "No transaction has been rejected." in capsys.readouterr().out


def test_kiosk_outbox_sync_with_the_service_down_loses_nothing(timed: Store, settings: Settings,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", f"http://127.0.0.1:{port}")
    for _ in range(3):
        timed.record(pin_change())
    assert main(["outbox", "sync"]) == ExitCode.CENTRAL_UNAVAILABLE
    captured = capsys.readouterr()
    assert "still pending 3" in captured.out
    assert "cannot be reached" in captured.err
    status = timed.outbox_status()
    assert (status.pending, status.last_error_code) == (3, "sync.unavailable")


def test_due_times_do_not_trust_a_clock_that_moved_backwards(settings: Settings) -> None:
    """Records made while the clock ran ahead (an hour, 400 days) are sent as soon as it is corrected, and
    a backoff reckoned on the wrong clock does not hold a row back either."""
    real = datetime.now(UTC)
    moment = [real + timedelta(days=400)]
    ahead = open_store(settings, clock=lambda: moment[0])
    try:
        never_tried = ahead.record(pin_change()).key
        tried = ahead.record(pin_change()).key
        [row] = [item for item in ahead.due(10) if item.key == tried]
        ahead.mark_failed([row.id], "sync.unavailable", "down", moment[0] + timedelta(seconds=30))
        moment[0] = real + timedelta(hours=1)
        an_hour_ahead = ahead.record(pin_change()).key
        moment[0] = real  # the clock is put right
        assert {item.key for item in ahead.due(10)} == {never_tried, tried, an_hour_ahead}
        waiting = ahead.record(pin_change())  # an honest backoff on the right clock still waits
        [row] = [item for item in ahead.due(10) if item.key == waiting.key]
        ahead.mark_failed([row.id], "sync.unavailable", "down", real + timedelta(seconds=30))
        assert waiting.key not in {item.key for item in ahead.due(10)}
    finally:
        ahead.close()


def test_a_terminal_re_enrolled_elsewhere_sets_its_old_rows_aside_and_loses_nothing(
        settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows recorded under the old site would get 403 for ever and hold back the new ones: the technician
    sets them aside as rejected (visible, retryable, exportable), and the new rows go on."""
    before = open_store(settings)
    try:
        old = [before.record(pin_change()).key for _ in range(3)]
    finally:
        before.close()
    moved = replace(settings, site="other-site")
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_SITE", "other-site")
    after = open_store(moved)
    try:
        new = [after.record(pin_change()).key for _ in range(2)]
        assert main(["outbox", "set-aside"]) == ExitCode.OK
        assert {item.key for item in after.rejected()} == set(old)
        assert "recorded as terminal" in (after.rejected()[0].rejected_reason or "")
        assert [item.key for item in after.due(10)] == new
        exported = tmp_path / "outbox.csv"
        assert main(["outbox", "export", str(exported)]) == ExitCode.OK
        content = exported.read_bytes()
        assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        assert [row["key"] for row in rows] == old + new
        assert {row["state"] for row in rows} == {"rejected", "pending"}
        assert all(json.loads(row["payload"])["key"] == row["key"] for row in rows)
        assert after.verify_audit().intact
    finally:
        after.close()
