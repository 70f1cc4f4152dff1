"""Interrupted at every APDU and every request of every procedure: the card pulled, the central service
failing, the asyncio task cancelled. Afterwards the card is whole (old or new, never half), the record says
failed (with the right code) or cancelled, and the same procedure run again completes.

An ordinary run tries a seeded sample of the points (the seed is in each test's id... and in the failure
message); ``make test-all`` (KIOSK_TEST_EXHAUSTIVE=1) tries every one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from sync.faultproxy import EveryRequestProxy, Fault

from flows.harness import Terminal, deliver_and_reconcile
from flows.sweep import CASES, SEED, Case, assert_whole, points
from kiosk.cardsim.vpcd import LinkAction
from kiosk.domain.transactions import Outcome
from kiosk.sync.client import CentralClient

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]


def terminal_of(case: Case, counter: Terminal, kiosk: Terminal) -> Terminal:
    return counter if case.terminal == "counter" else kiosk


async def apdus_of(case: Case, terminal: Terminal) -> int:
    """How many APDUs the procedure sends on a fresh card when nothing goes wrong."""
    card = terminal.card(case.profile)
    with terminal.inserted(card) as link:
        result = await case.run(terminal, card)
        assert result.completed, result.error
        return link.apdu_count


async def rerun_completes(case: Case, terminal: Terminal, card: object) -> None:
    with terminal.inserted(card) as _link:  # type: ignore[arg-type]
        again = await case.run(terminal, card)  # type: ignore[arg-type]
    assert again.completed, f"the rerun failed: {again.error!r} (seed {SEED})"


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_card_pulled_at_every_apdu(case: Case, counter: Terminal, kiosk: Terminal) -> None:
    terminal = terminal_of(case, counter, kiosk)
    total = await apdus_of(case, terminal)
    for point in points(total, f"pull:{case.name}"):
        action = LinkAction.REMOVE_BEFORE_ANSWER if point % 2 else LinkAction.REMOVE_AFTER_ANSWER
        card = terminal.card(case.profile)

        def hook(number: int, _apdu: bytes, point: int = point, action: LinkAction = action) -> LinkAction | None:
            return action if number == point else None

        with terminal.inserted(card, on_apdu=hook):
            result = await case.run(terminal, card)
        where = f"{case.name}: card pulled at APDU {point}/{total} ({action.value}, seed {SEED})"
        if not (result.completed and point == total and action is LinkAction.REMOVE_AFTER_ANSWER):
            assert (result.record.outcome, result.record.failure_code) == (Outcome.FAILED, "card.removed"), \
                f"{where}: {result.error!r}"
        assert_whole(card, case)
        await rerun_completes(case, terminal, card)
        assert_whole(card, case)
    await deliver_and_reconcile(terminal)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_task_cancelled_at_every_apdu(case: Case, counter: Terminal, kiosk: Terminal) -> None:
    """The kiosk's idle timeout or the window closing: the task awaiting the procedure is cancelled while the
    card works. The procedure stops at the next APDU boundary and is recorded as cancelled."""
    terminal = terminal_of(case, counter, kiosk)
    total = await apdus_of(case, terminal)
    loop = asyncio.get_running_loop()
    for point in points(total, f"cancel:{case.name}"):
        card = terminal.card(case.profile)
        running: list[asyncio.Future[object]] = []

        def hook(number: int, _apdu: bytes, point: int = point,
                 running: list[asyncio.Future[object]] = running) -> LinkAction | None:
            if number == point and running:
                loop.call_soon_threadsafe(running[0].cancel)
            return None

        with terminal.inserted(card, on_apdu=hook):
            running.append(asyncio.ensure_future(case.run(terminal, card)))
            try:
                result = await running[0]
            except asyncio.CancelledError:
                result = None
        where = f"{case.name}: cancelled at APDU {point}/{total} (seed {SEED})"
        last = terminal.store.audit_entries(limit=1)[0]
        if result is None:
            records = [terminal.store.transaction(last.subject)] if last.subject else []
            assert records and records[0] is not None and records[0].outcome is Outcome.CANCELLED, where
        else:  # the cancellation came after the last APDU's answer: nothing left to stop
            assert point == total, where
        assert_whole(card, case)
        await rerun_completes(case, terminal, card)
    await deliver_and_reconcile(terminal)


@contextlib.asynccontextmanager
async def through_proxy(terminal: Terminal) -> AsyncIterator[EveryRequestProxy]:
    host, port = terminal.central.base_url.removeprefix("http://").split(":")
    proxy = EveryRequestProxy(host, int(port))
    proxy.start()
    direct = terminal.client
    try:
        async with CentralClient(proxy.base_url, token=terminal.settings.api_token, timeout_s=5.0) as proxied:
            terminal.client = proxied
            yield proxy
    finally:
        terminal.client = direct
        proxy.stop()


@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("renewal", "reset-by-proof", "reset-by-staff")],
                         ids=str)
async def test_central_service_failing_at_every_request(case: Case, counter: Terminal, kiosk: Terminal) -> None:
    terminal = terminal_of(case, counter, kiosk)
    async with through_proxy(terminal) as proxy:
        card = terminal.card(case.profile)
        with terminal.inserted(card):
            assert (await case.run(terminal, card)).completed
        total = len(proxy.exchanges)
        for point in points(total, f"central:{case.name}"):
            # A refusal before the service acts, or an answer lost after it acted (the harder case).
            fault = "status_503" if point % 2 else "drop_after"
            proxy.script(*[Fault("pass")] * (point - 1), Fault(fault))
            card = terminal.card(case.profile)
            with terminal.inserted(card):
                result = await case.run(terminal, card)
            where = f"{case.name}: {fault} at request {point}/{total} (seed {SEED})"
            assert result.record.outcome is Outcome.FAILED, where
            assert (result.record.failure_code or "").startswith("sync."), f"{where}: {result.error!r}"
            assert proxy.scripted_left() == 0, where
            assert_whole(card, case)
            await rerun_completes(case, terminal, card)
    await deliver_and_reconcile(terminal)
