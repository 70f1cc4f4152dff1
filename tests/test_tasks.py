"""Background tasks: a repeating one outlives a bug in a step; ending one absorbs its cancellation, not the
caller's."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.tasks import cancel_and_wait, every


async def test_the_task_is_ended_and_its_cancellation_absorbed() -> None:
    task = asyncio.ensure_future(asyncio.sleep(3600))
    await asyncio.sleep(0)
    await cancel_and_wait(task)
    assert task.cancelled()


async def test_a_cancellation_of_the_caller_is_passed_on_not_lost_with_the_task() -> None:
    tidying, tidied = asyncio.Event(), asyncio.Event()

    async def slow_to_end() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            tidying.set()
            await asyncio.Event().wait()  # tidying up that only a second cancellation ends
            raise

    task = asyncio.ensure_future(slow_to_end())
    await asyncio.sleep(0)

    async def shutdown() -> None:
        await cancel_and_wait(task)
        tidied.set()

    stopping = asyncio.ensure_future(shutdown())
    async with asyncio.timeout(10):
        await tidying.wait()
    stopping.cancel()  # a shutdown given up on, e.g. by its deadline
    with pytest.raises(asyncio.CancelledError):
        await stopping
    assert task.cancelled()
    assert not tidied.is_set()


async def test_a_failing_step_is_logged_and_the_next_one_still_runs(caplog: pytest.LogCaptureFixture) -> None:
    steps: list[int] = []
    third = asyncio.Event()

    async def step() -> None:
        steps.append(len(steps))
        if len(steps) == 1:
            raise RuntimeError("a bug")
        if len(steps) == 3:
            third.set()

    repeating = asyncio.ensure_future(every(0.001, step, what="the test refresh"))
    async with asyncio.timeout(10):
        await third.wait()
    await cancel_and_wait(repeating)
    assert steps[:3] == [0, 1, 2]
    assert "the test refresh failed" in caplog.text
    assert "RuntimeError: a bug" in caplog.text
