"""Ending a background asyncio task without swallowing a cancellation meant for the one who ends it."""

from __future__ import annotations

import asyncio
from typing import Any


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
