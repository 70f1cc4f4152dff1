"""The reports' tests: the demo terminal's store and client against the real reference central service."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from central_server import CentralHandle, central  # noqa: F401 - the fixture
from sync.helpers import terminal_settings

from kiosk.config import Settings
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient

# The PDF is drawn by Qt: offscreen, as on a terminal's CLI without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings(tmp_path: Path, central: CentralHandle) -> Settings:  # noqa: F811
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
