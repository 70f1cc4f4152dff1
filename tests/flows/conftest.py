"""The flows against real parts: a virtual card in a real pcscd reader, the reference central service over
HTTP on loopback, the terminal's SQLite store in a temporary directory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle, central  # noqa: F401 - fixture

from flows.harness import Terminal, terminal_for
from kiosk.cardsim.pcscd import Slot
from kiosk.pki.training import TrainingPki


@pytest.fixture
async def counter(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot,  # noqa: F811 - fixture injection
                  training_pki: TrainingPki) -> AsyncIterator[Terminal]:
    async with terminal_for(tmp_path / "counter", central, vpcd_slot, training_pki, DEMO_TERMINAL) as terminal:
        yield terminal


@pytest.fixture
async def kiosk(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot,  # noqa: F811
                training_pki: TrainingPki) -> AsyncIterator[Terminal]:
    async with terminal_for(tmp_path / "kiosk", central, vpcd_slot, training_pki, KIOSK_TERMINAL) as terminal:
        yield terminal

