"""What the sync tests share: the terminal's settings against a central service, and what the service holds."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from central_server import DEMO_TERMINAL, CentralHandle
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from store.helpers import settings_for

from kiosk.central import database
from kiosk.central.models import StoredTransaction
from kiosk.config import Settings
from kiosk.store.database import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient
from kiosk.sync.sender import OutboxSender

FAST_BACKOFF = {"base": 0.02, "cap": 0.2}  # the real algorithm, on a scale that keeps tests short


class SenderClock:
    """Wall time plus every wait the sender asked for: shared by the store (due times) and the sender (its
    sleep), so a backoff or a Retry-After costs the test no time while the sender still sees it pass.

    A fault test is then bounded by the exchanges it drives, not by how the real backoff spaces them out on
    a busy machine. The sleep yields briefly so that a sender facing refused connections does not spin.
    """

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()
        self.waits: list[float] = []

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC) + timedelta(seconds=offset)

    async def sleep(self, seconds: float) -> None:
        with self._lock:
            self._offset += max(seconds, 0.0)
            self.waits.append(seconds)
        await asyncio.sleep(0.005)


def terminal_settings(directory: Path, base_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"central_url": base_url, "api_token": DEMO_TERMINAL.token, "sync_timeout_s": 2.0,
                              "terminal_id": DEMO_TERMINAL.terminal_id, "site": DEMO_TERMINAL.site}
    values.update(overrides)
    return settings_for(directory, **values)


def sender_for(store: Store, client: CentralClient, **overrides: Any) -> OutboxSender:
    options: dict[str, Any] = {"batch_size": 50, "backoff": Backoff(**FAST_BACKOFF), "idle_check_s": 0.2}
    options.update(overrides)
    return OutboxSender(store, client, **options)


def local_keys(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        return set(connection.exec_driver_sql("SELECT key FROM transactions").scalars())


def local_days(store: Store) -> set[date]:
    with store.engine.connect() as connection:
        return {date.fromisoformat(d) for d in connection.exec_driver_sql(
            "SELECT DISTINCT local_date FROM transactions").scalars()}


def central_rows(central: CentralHandle, terminal_id: str = DEMO_TERMINAL.terminal_id) -> int:
    """Rows the service's database holds for the terminal (read behind its back)."""
    engine = database.engine_for(central.database_url)
    try:
        with Session(engine) as session:
            return int(session.execute(select(func.count()).select_from(StoredTransaction)
                                       .where(StoredTransaction.terminal_id == terminal_id)).scalar_one())
    finally:
        engine.dispose()


def central_view(central: CentralHandle, days: set[date]) -> tuple[list[str], list[int]]:
    """The keys the service reports for the demo terminal over ``days`` (through its counts endpoint), and
    the sequence numbers it says it is missing."""
    keys: list[str] = []
    missing: list[int] = []
    with central.client() as client:
        for day in sorted(days):
            response = client.get(f"/v1/sites/{DEMO_TERMINAL.site}/counts", params={"date": day.isoformat()})
            response.raise_for_status()
            document = response.json()
            keys += [t["key"] for t in document["transactions"] if t["terminal_id"] == DEMO_TERMINAL.terminal_id]
            missing += [n for gap in document["sequence_gaps"] if gap["terminal_id"] == DEMO_TERMINAL.terminal_id
                        for n in gap["missing"]]
    return keys, missing


def assert_held_exactly_once(central: CentralHandle, store: Store) -> None:
    mine = local_keys(store)
    theirs, missing = central_view(central, local_days(store))
    assert len(theirs) == len(set(theirs)), "a transaction is held twice"
    assert set(theirs) == mine, f"lost: {len(mine - set(theirs))}, unknown: {len(set(theirs) - mine)}"
    assert central_rows(central) == len(mine)
    assert missing == [], f"the service misses sequence numbers {missing[:20]}"


async def eventually(check: Callable[[], Awaitable[bool]], *, within_s: float = 60.0, poll_s: float = 0.02) -> None:
    """Wait until ``check`` holds; a bound against hanging for ever, not a speed target."""
    deadline = time.monotonic() + within_s
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {within_s} s")
        await asyncio.sleep(poll_s)
