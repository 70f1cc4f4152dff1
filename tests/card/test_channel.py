"""CardChannel's cancellation, on the in-process virtual card (no pcscd needed)."""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import Any

import pytest

from kiosk.card.apdu import Command
from kiosk.card.connection import InProcessConnection
from kiosk.card.session import CardChannel
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import JPKI_AID
from kiosk.errors import OperationCancelled

from .conftest import CardFactory

SELECT_JPKI = Command(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)


async def test_a_cancelled_operation_stops_at_the_next_apdu_and_leaves_no_stray_error(
        make_card: CardFactory) -> None:
    """The task awaiting ``run`` is cancelled mid-operation: the worker stops before its next APDU and the
    caller gets ``CancelledError``. The worker's ``OperationCancelled`` is consumed: asyncio must not
    report it later as "Future exception was never retrieved" (a logged traceback that reads as if it had
    escaped; channel.run wrapped the worker's future twice and left the first wrapper unread)."""
    card = make_card("valid")
    channel = CardChannel("in-process", connector=lambda: InProcessConnection(card))
    loop = asyncio.get_running_loop()
    stray: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: stray.append(context))
    started = threading.Event()
    sent: list[int] = []

    def operation(transport: CardTransport) -> None:
        transport.transmit(SELECT_JPKI)
        sent.append(1)
        started.set()
        assert transport.cancel is not None
        transport.cancel.wait(10)  # the cancellation reaches the worker between two APDUs
        transport.transmit(SELECT_JPKI)
        sent.append(2)

    try:
        task = asyncio.ensure_future(channel.run(operation))
        assert await asyncio.to_thread(started.wait, 10)
        task.cancel()
        outcome: BaseException | None = None
        try:
            await task
        except asyncio.CancelledError as exc:
            outcome = exc
        assert isinstance(outcome, asyncio.CancelledError)
        assert sent == [1]
        del task, outcome  # the traceback holds the futures: drop it so they are collected here
        for _ in range(3):  # a few turns of the loop: pending callbacks let go of the futures
            await asyncio.sleep(0)
        gc.collect()
        assert stray == [], [str(context.get("exception") or context.get("message")) for context in stray]
        with pytest.raises(OperationCancelled):  # and ``cancel()`` still stops an operation in flight
            started.clear()
            running = asyncio.ensure_future(channel.run(operation))
            assert await asyncio.to_thread(started.wait, 10)
            channel.cancel()
            await running
    finally:
        loop.set_exception_handler(None)
        await channel.close()
