"""The central API client against the real reference service on loopback, and through the fault proxy."""

from __future__ import annotations

import json
import socket
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from central_server import DEMO_TERMINAL, OTHER_SITE_TERMINAL, CentralHandle, run_central, transaction_wire

from kiosk.errors import (
    AuthenticationFailed,
    ConfigError,
    ProtocolError,
    RateLimited,
    ServerUnavailable,
)
from kiosk.pki.training import TrainingPki
from kiosk.sync.client import BatchTooLarge, CentralClient, ServerFailed, retry_after_seconds
from sync.faultproxy import Fault, FaultProxy


def batch(*records: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["key"], json.dumps(r)) for r in records]


async def test_health(client: CentralClient) -> None:
    assert (await client.health())["status"] == "ok"


async def test_a_batch_is_accepted_then_answered_as_duplicate(client: CentralClient) -> None:
    records = batch(transaction_wire(sequence=1), transaction_wire(sequence=2))
    first = await client.post_transactions(records)
    assert first.statuses == {records[0][0]: "accepted", records[1][0]: "accepted"}
    again = await client.post_transactions(records)
    assert again.statuses == dict.fromkeys(first.statuses, "duplicate")
    assert again.rejected == ()


async def test_records_the_service_refuses_are_named_with_their_reason(client: CentralClient) -> None:
    held = transaction_wire(sequence=1)
    await client.post_transactions(batch(held))
    reused_key = {**transaction_wire(sequence=2), "key": held["key"]}  # the same key, other content
    fine = transaction_wire(sequence=3)
    result = await client.post_transactions(batch(fine, reused_key))
    assert result.statuses == {}
    [rejection] = result.rejected
    assert (rejection.index, rejection.key) == (1, held["key"])
    assert rejection.reason


async def test_an_unknown_token_is_an_authentication_failure(central: CentralHandle) -> None:
    async with CentralClient(central.base_url, token="not-a-token", timeout_s=5) as client:
        with pytest.raises(AuthenticationFailed):
            await client.post_transactions(batch(transaction_wire(sequence=1)))
    async with CentralClient(central.base_url, token=None, timeout_s=5) as client:
        with pytest.raises(AuthenticationFailed):
            await client.counts(DEMO_TERMINAL.site, date(2026, 11, 23))


async def test_a_record_of_another_site_is_refused_as_forbidden(client: CentralClient) -> None:
    with pytest.raises(AuthenticationFailed, match="403"):
        await client.post_transactions(batch(transaction_wire(sequence=1, terminal=OTHER_SITE_TERMINAL)))


async def test_a_batch_over_the_limit_says_the_limit(tmp_path: Path, training_pki: TrainingPki) -> None:
    with run_central(f"sqlite:///{tmp_path / 'c.sqlite3'}", training_pki, max_batch=3) as small:
        async with CentralClient(small.base_url, token=DEMO_TERMINAL.token, timeout_s=5) as client:
            with pytest.raises(BatchTooLarge) as raised:
                await client.post_transactions(batch(*(transaction_wire(sequence=n) for n in range(1, 5))))
    assert raised.value.limit == 3


async def test_counts_of_a_day(client: CentralClient) -> None:
    records = [transaction_wire(sequence=1), transaction_wire(sequence=3, kind="pin_change", pin_kind="auth")]
    await client.post_transactions(batch(*records))
    day = await client.counts(DEMO_TERMINAL.site, date(2026, 11, 23))
    assert sorted(day.counts) == [("check", "completed", 1), ("pin_change", "completed", 1)]
    assert {t.key for t in day.transactions} == {r["key"] for r in records}
    assert day.sequence_gaps == {DEMO_TERMINAL.terminal_id: (2,)}


async def test_no_service_listening_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with CentralClient(f"http://127.0.0.1:{port}", token="t", timeout_s=2) as client:
        with pytest.raises(ServerUnavailable):
            await client.health()


@pytest.mark.parametrize(("fault", "error", "retry_after"), [
    (Fault("status_500"), ServerFailed, None),
    (Fault("status_503", retry_after="12"), ServerFailed, 12.0),
    (Fault("rate_limited", retry_after="7"), RateLimited, 7.0),
    (Fault("rate_limited"), RateLimited, None),
    (Fault("garbage"), ProtocolError, None),
    (Fault("garbage_after"), ProtocolError, None),
    (Fault("drop_after"), ServerUnavailable, None),
    (Fault("slow_after", delay_s=2.0), ServerUnavailable, None),
    (Fault("reject", index=5), ProtocolError, None),  # a 422 naming a record the batch does not have
])
async def test_each_fault_becomes_its_typed_error(proxy: FaultProxy, proxied_client: CentralClient, fault: Fault,
                                                  error: type[Exception], retry_after: float | None) -> None:
    proxy.script(fault)
    with pytest.raises(error) as raised:
        await proxied_client.post_transactions(batch(transaction_wire(sequence=1)))
    if retry_after is not None or isinstance(raised.value, RateLimited):
        assert raised.value.retry_after == retry_after  # type: ignore[attr-defined]


async def test_an_acknowledgement_lost_after_the_service_stored_the_batch_is_answered_duplicate(
        proxy: FaultProxy, proxied_client: CentralClient) -> None:
    records = batch(transaction_wire(sequence=1))
    proxy.script(Fault("drop_after"))
    with pytest.raises(ServerUnavailable):
        await proxied_client.post_transactions(records)
    assert proxy.exchanges[-1].upstream_status == 200  # the service did store it
    assert (await proxied_client.post_transactions(records)).statuses == {records[0][0]: "duplicate"}


def test_retry_after_is_seconds_or_an_http_date() -> None:
    now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert retry_after_seconds("30") == 30.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_a_url_without_http_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError):
        CentralClient("ftp://central", token="t")


def test_missing_tls_files_are_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        CentralClient("https://127.0.0.1:1", token="t", ca_bundle=tmp_path / "absent.pem")
