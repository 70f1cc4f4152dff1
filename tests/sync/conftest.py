"""The terminal side against the real reference central service on loopback, optionally through a fault proxy."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from central_server import CentralHandle, central  # noqa: F401 - the fixture

from kiosk.config import Settings
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient
from sync.faultproxy import FaultProxy, fault_proxy
from sync.helpers import terminal_settings


@pytest.fixture
def proxy(central: CentralHandle) -> Iterator[FaultProxy]:  # noqa: F811 - pytest fixture injection
    with fault_proxy(central.base_url) as running:
        yield running


@pytest.fixture
def settings(tmp_path: Path, central: CentralHandle) -> Settings:  # noqa: F811
    """The demo terminal, talking to the service directly."""
    return terminal_settings(tmp_path / "terminal", central.base_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[CentralClient]:
    async with CentralClient.from_settings(settings) as opened:
        yield opened


@pytest.fixture
async def proxied_client(proxy: FaultProxy) -> AsyncIterator[CentralClient]:
    """Through the fault proxy, with a short timeout so that a slow answer times out quickly."""
    from central_server import DEMO_TERMINAL

    async with CentralClient(proxy.base_url, token=DEMO_TERMINAL.token, timeout_s=0.5) as opened:
        yield opened
