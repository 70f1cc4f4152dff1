"""Background asyncio tasks: repeating one without a bug ending it, and ending one without swallowing a
cancellation meant for the one who ends it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


async def every(seconds: float, step: Callable[[], Awaitable[None]], *, what: str) -> None:
    """Run ``step`` now and then every ``seconds``, for ever; an unexpected failure is logged, not fatal
    (a status bar that silently stops refreshing is worse than one that logs a bug and tries again)."""
    while True:
        try:
            await step()
        except Exception:
            log.exception("%s failed; trying again in %.0f s", what, seconds)
        await asyncio.sleep(seconds)


async def cancel_and_wait(task: asyncio.Task[Any]) -> None:
    """Cancel ``task`` and wait until it has ended.

    Its own CancelledError is the expected end and is absorbed; if the caller is being cancelled meanwhile
    (a shutdown with a deadline), that cancellation is passed on, not lost with the task's.
    """
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise
