"""Crash safety: a sending terminal process is killed (SIGKILL) at random moments, many times, while it
records and sends; it is started again each time. At the end the central service holds exactly the set of
transactions the terminal committed: none lost, none duplicated, and sequence numbers without gaps.

The truth of what was enqueued is the terminal's own SQLite file, read after every kill: a committed row
is a promise; what was not committed never happened.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from central_server import CentralHandle

from kiosk.config import Settings
from kiosk.store.database import open_store
from kiosk.sync.client import CentralClient
from sync.helpers import assert_held_exactly_once, sender_for

KILLS = 30
CHILD = Path(__file__).with_name("crash_child.py")
READY_TIMEOUT_S = 60.0


def _start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    readable, _, _ = select.select([child.stdout], [], [], READY_TIMEOUT_S)
    line = child.stdout.readline() if readable else ""
    if line.strip() != "ready":
        child.kill()
        _, err = child.communicate()
        raise AssertionError(f"the child did not start: {err[-2000:]}")


def _check_after_kill(settings: Settings) -> tuple[int, int]:
    """Open the database as the next start would: sound, audit chain intact, gapless; (records, pending)."""
    store = open_store(settings)
    try:
        assert store.verify_audit().intact
        with store.engine.connect() as connection:
            sequences = list(connection.exec_driver_sql("SELECT sequence FROM transactions ORDER BY sequence")
                             .scalars())
            orphans = connection.exec_driver_sql(
                "SELECT count(*) FROM transactions t LEFT JOIN outbox o ON o.transaction_key = t.key "
                "WHERE o.id IS NULL").scalar_one()
        assert sequences == list(range(1, len(sequences) + 1))
        assert orphans == 0  # every record has its outbox row: written together or not at all
        return len(sequences), store.outbox_status().pending
    finally:
        store.close()


@pytest.mark.slow
async def test_killing_the_sender_at_random_moments_loses_and_duplicates_nothing(
        settings: Settings, central: CentralHandle) -> None:
    env = {**os.environ, "KIOSK_DATABASE_URL": settings.database_url, "KIOSK_CENTRAL_URL": central.base_url,
           "KIOSK_API_TOKEN": settings.api_token or "", "KIOSK_SYNC_BATCH_SIZE": "4"}
    rng = random.Random(int(os.environ.get("KIOSK_CRASH_SEED", "1123")))
    history: list[tuple[int, int]] = []
    for kill in range(KILLS):
        child = _start(env)
        try:
            if kill % 5 == 4:
                time.sleep(rng.uniform(0.0, 0.6))  # perhaps while it starts, opens or migrates the database
            else:
                _wait_ready(child)
                time.sleep(rng.uniform(0.0, 0.3))  # while it records and sends
        finally:
            child.send_signal(signal.SIGKILL)
            child.communicate()
        assert child.returncode == -signal.SIGKILL, "the child ended on its own"
        history.append(_check_after_kill(settings))

    records, _ = history[-1]
    assert records > KILLS, f"too few records to prove anything: {history}"
    assert any(pending for _, pending in history), "no kill happened with records still in the outbox"

    store = open_store(settings)
    try:
        async with CentralClient.from_settings(settings) as client:
            report = await sender_for(store, client).run_once(everything_pending=True)
        assert report.error is None
        assert store.outbox_status().pending == 0
        assert_held_exactly_once(central, store)
    finally:
        store.close()
    with central.client() as http:
        assert http.get("/v1/health").json()["status"] == "ok"
