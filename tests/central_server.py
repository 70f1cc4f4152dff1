"""A real reference central service for tests: uvicorn on 127.0.0.1, a real database, real HTTP.

For any test package (tests/ is on sys.path):

    from central_server import central  # noqa: F401  - the fixture, a CentralHandle

    def test_sends(central):
        with central.client() as client:  # the demo terminal's token
            client.post("/v1/transactions", json={"transactions": [transaction_wire(sequence=1)]})

``central`` runs in a thread of the test process, on a fresh SQLite file, with the seeded training PKI and
the terminals of ``DEFAULT_TERMINALS``; its clock (``central.clock``) follows real time and can be moved
(``advance``, ``set``) so that expiry tests never sleep. ``run_central`` does the same for any database
URL; ``run_central_process`` runs ``kiosk central serve`` as a separate process (a fault suite can kill it).
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from kiosk.central import database, terminals
from kiosk.central.server import RunningServer, start_in_thread
from kiosk.central.settings import CentralSettings, TerminalRegistration, demo_terminal, utc_now
from kiosk.domain.transactions import Mode
from kiosk.pki.training import TrainingPki

JST = timezone(timedelta(hours=9))

DEMO_TERMINAL = demo_terminal()  # demo-01 at demo-site, counter, token "demo-terminal-token"
KIOSK_TERMINAL = TerminalRegistration("kiosk-01", DEMO_TERMINAL.site, Mode.KIOSK, "test-kiosk-token")
SECOND_COUNTER = TerminalRegistration("counter-02", DEMO_TERMINAL.site, Mode.COUNTER, "test-counter-02-token")
OTHER_SITE_TERMINAL = TerminalRegistration("other-01", "other-site", Mode.COUNTER, "test-other-site-token")
DEFAULT_TERMINALS = (DEMO_TERMINAL, KIOSK_TERMINAL, SECOND_COUNTER, OTHER_SITE_TERMINAL)
# One TLS context for every client: httpx builds a new one per client otherwise (tens of milliseconds each),
# though these clients speak plain HTTP on loopback.
_TLS = ssl.create_default_context()


class MovableClock:
    """Real time plus an offset that tests move forward (or set) instead of sleeping."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return utc_now() + self._offset

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._offset += delta

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._offset = moment - utc_now()


@dataclass
class CentralHandle:
    base_url: str
    database_url: str
    clock: MovableClock
    terminals: tuple[TerminalRegistration, ...]
    _server: RunningServer | None = field(default=None, repr=False)

    def client(self, terminal: TerminalRegistration | None = DEMO_TERMINAL, *,
               headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Client:
        """An httpx client of the service with ``terminal``'s token (none with ``terminal=None``)."""
        sent = {"Authorization": f"Bearer {terminal.token}"} if terminal is not None else {}
        sent.update(headers or {})
        return httpx.Client(base_url=self.base_url, headers=sent, timeout=30.0, verify=_TLS, **kwargs)

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


@contextmanager
def run_central(database_url: str, pki: TrainingPki, *, terminals: tuple[TerminalRegistration, ...] =
                DEFAULT_TERMINALS, **settings: Any) -> Iterator[CentralHandle]:
    """The service in a background thread on a free 127.0.0.1 port, stopped on exit."""
    clock = MovableClock()
    config = CentralSettings(database_url=database_url, terminals=terminals, pki=pki, clock=clock)
    server = start_in_thread(replace(config, **settings))
    handle = CentralHandle(server.base_url, database_url, clock, terminals, server)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(tmp_path: Path, training_pki: TrainingPki) -> Iterator[CentralHandle]:
    with run_central(f"sqlite:///{tmp_path / 'central.sqlite3'}", training_pki) as handle:
        yield handle


def register_terminals(database_url: str, registrations: tuple[TerminalRegistration, ...]) -> None:
    """Migrate the database and register terminals with known tokens, without starting a service."""
    engine = database.engine_for(database_url)
    try:
        database.upgrade_schema(engine)
        with Session(engine) as session, session.begin():
            for registration in registrations:
                terminals.register(session, registration, utc_now())
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def run_central_process(database_url: str, *, terminals: tuple[TerminalRegistration, ...] = DEFAULT_TERMINALS,
                        extra_args: tuple[str, ...] = (), ready_timeout_s: float = 60.0
                        ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``kiosk central serve`` in its own process: (base URL, process). Terminated (then killed) on exit.

    It uses the training PKI of ``KIOSK_TRAINING_PKI_DIR`` (tests/conftest.py points it at the seeded one:
    depend on the ``training_pki`` fixture so that it exists first) and real time.
    """
    register_terminals(database_url, terminals)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "central", "serve", "--db", database_url,
                                "--port", str(port), "--plain-http", *extra_args], env=os.environ.copy())
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(int(ready_timeout_s / 0.05)):
            if process.poll() is not None:
                raise RuntimeError(f"kiosk central serve exited with {process.returncode}")
            try:
                if httpx.get(f"{base_url}/v1/health", timeout=1.0, verify=_TLS).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        else:
            raise RuntimeError("kiosk central serve did not become ready")
        yield base_url, process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def transaction_wire(*, sequence: int, terminal: TerminalRegistration = DEMO_TERMINAL, **overrides: Any
                     ) -> dict[str, Any]:
    """A valid transaction record in wire form (a completed check unless ``overrides`` say otherwise)."""
    occurred_at = overrides.pop("occurred_at", datetime(2026, 11, 23, 10, 15, 2, 123000, tzinfo=JST))
    record: dict[str, Any] = {
        "key": str(uuid.uuid4()),
        "terminal_id": terminal.terminal_id,
        "site": terminal.site,
        "sequence": sequence,
        "kind": "check",
        "outcome": "completed",
        "failure_code": None,
        "occurred_at": occurred_at.isoformat(),
        "local_date": occurred_at.astimezone(JST).date().isoformat(),
        "mode": str(terminal.mode),
        "staff_id": "S0012" if terminal.mode is Mode.COUNTER else None,
        "card_generation": "current",
        "pin_kind": None,
        "certificates": [],
        "subject_hmac_hex": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    }
    record.update(overrides)
    return record


__all__ = ["DEFAULT_TERMINALS", "DEMO_TERMINAL", "JST", "KIOSK_TERMINAL", "OTHER_SITE_TERMINAL", "SECOND_COUNTER",
           "CentralHandle", "MovableClock", "central", "register_terminals", "run_central",
           "run_central_process", "transaction_wire"]
