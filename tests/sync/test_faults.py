"""Faults between the terminal and the real central service: the outbox drains completely and the service
holds each transaction exactly once.

The fault proxy (sync/faultproxy.py) sits on loopback in front of the real service: a 500, a 429 with
Retry-After, garbage instead of JSON, a connection dropped mid-answer after the service stored the batch,
an answer slower than the terminal's timeout, and the service down for a while, then back.

The sender and the store share a ``SenderClock``: every backoff and Retry-After is honoured in the
sender's time, which the test advances, so each test is bounded by the exchanges it scripts and never by
how a busy machine schedules real waits.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator

import pytest
from central_server import CentralHandle
from store.helpers import pin_change, renewal

from kiosk.config import Settings
from kiosk.errors import ServerUnavailable
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient
from kiosk.sync.sender import OutboxSender
from sync.faultproxy import Fault, FaultProxy
from sync.helpers import SenderClock, assert_held_exactly_once, eventually, sender_for

ALL_FAULTS = [
    Fault("status_500"),
    Fault("status_503", retry_after="1"),
    Fault("rate_limited", retry_after="1"),
    Fault("garbage"),
    Fault("garbage_after"),
    Fault("drop_after"),
    Fault("slow_after", delay_s=1.0),  # the proxied client gives up after 0.5 s
]


@pytest.fixture
def clock() -> SenderClock:
    return SenderClock()


@pytest.fixture
def store(settings: Settings, clock: SenderClock) -> Iterator[Store]:
    opened = open_store(settings, clock=clock.now)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _quiet_sender_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("ERROR", logger="kiosk.sync.sender")


async def _drained(store: Store) -> bool:
    return (await asyncio.to_thread(store.outbox_status)).pending == 0


async def _run_until_drained(sender: OutboxSender, store: Store) -> None:
    sender.start()
    try:
        await eventually(lambda: _drained(store))
    finally:
        await sender.stop()


@pytest.mark.parametrize("fault", ALL_FAULTS, ids=[f.kind for f in ALL_FAULTS])
async def test_after_each_fault_the_outbox_drains_and_nothing_is_held_twice(
        fault: Fault, store: Store, proxy: FaultProxy, proxied_client: CentralClient,
        central: CentralHandle, clock: SenderClock) -> None:
    for n in range(30):
        store.record(renewal() if n % 2 else pin_change())
    proxy.script(fault, fault)  # twice: the retry meets the fault again
    await _run_until_drained(sender_for(store, proxied_client, batch_size=20, sleep=clock.sleep), store)
    assert proxy.faults_seen()[:2] == [fault.kind, fault.kind]
    if fault.retry_after is not None:
        assert sum(w >= float(fault.retry_after) for w in clock.waits) >= 2  # Retry-After honoured each time
    if fault.kind.endswith("_after"):
        assert proxy.exchanges[0].upstream_status == 200  # the service stored it; the terminal never heard
    assert store.outbox_status().rejected == 0
    assert_held_exactly_once(central, store)


async def test_the_service_down_for_a_while_then_back(store: Store, proxy: FaultProxy,
                                                      proxied_client: CentralClient, central: CentralHandle,
                                                      clock: SenderClock) -> None:
    for _ in range(25):
        store.record(pin_change())
    proxy.go_down()
    sender = sender_for(store, proxied_client, sleep=clock.sleep)
    sender.start()
    try:
        await eventually(lambda: _attempted_at_least(store, 3))  # three refused connections, backing off
        assert isinstance(sender.last_error, ServerUnavailable)
        for _ in range(5):
            store.record(renewal())  # the office keeps working meanwhile
        proxy.come_up()
        await eventually(lambda: _drained(store))
    finally:
        await sender.stop()
    assert_held_exactly_once(central, store)


@pytest.mark.slow
async def test_every_fault_in_turn_while_the_office_keeps_recording(store: Store, proxy: FaultProxy,
                                                                    proxied_client: CentralClient,
                                                                    central: CentralHandle,
                                                                    clock: SenderClock) -> None:
    """Recording goes on from worker threads while every fault happens, twice, in a shuffled order, and the
    service goes down and comes back twice.

    Step by step: record a few, then wait until the sender has met the next scripted exchange. The test
    drives a fixed number of exchanges and records, whatever the machine's speed."""
    rng = random.Random(20261123)
    faults = ALL_FAULTS * 2
    rng.shuffle(faults)
    interleaved: list[Fault] = []
    for fault in faults:
        interleaved += [fault, Fault("pass")]
    proxy.script(*interleaved)
    outages = {len(interleaved) // 3, 2 * len(interleaved) // 3}
    sender = sender_for(store, proxied_client, batch_size=7, sleep=clock.sleep)
    sender.start()
    recorded = 0
    try:
        for step in range(len(interleaved)):
            for _ in range(rng.randint(1, 4)):
                await asyncio.to_thread(store.record, renewal() if recorded % 3 else pin_change())
                recorded += 1
            if step in outages:
                proxy.go_down()
                waiting = await asyncio.to_thread(store.record, pin_change())
                recorded += 1
                await eventually(lambda key=waiting.key: _attempted_at_least(store, 2, key=key))
                proxy.come_up()
            left = len(interleaved) - step - 1
            await eventually(lambda left=left: _scripted_left_at_most(proxy, left))
        await eventually(lambda: _drained(store))
    finally:
        await sender.stop()
    assert recorded >= 60
    assert sorted(set(proxy.faults_seen())) == sorted({f.kind for f in ALL_FAULTS} | {"pass"})
    assert_held_exactly_once(central, store)


async def _scripted_left_at_most(proxy: FaultProxy, left: int) -> bool:
    return proxy.scripted_left() <= left


async def _attempted_at_least(store: Store, attempts: int, key: str | None = None) -> bool:
    pending = await asyncio.to_thread(store.due, 1000, everything_pending=True)
    return any(item.attempts >= attempts for item in pending if key in (None, item.key))
