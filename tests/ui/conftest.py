"""The application under test: real windows (offscreen), the qasync loop, a virtual card in a real pcscd
reader, the reference central service over HTTP, a real SQLite store.

pytest-asyncio runs every async test of this folder on a qasync loop (its loop-factory hook), so the
application's asyncio code and Qt's events run on one loop, as in the real application.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import AsyncIterator, Callable  # noqa: E402 - the platform is chosen before Qt loads
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle, central  # noqa: E402, F401

from kiosk.cardsim.pcscd import Slot  # noqa: E402
from kiosk.pki.training import TrainingPki  # noqa: E402
from ui.harness import UiTerminal, ui_terminal  # noqa: E402


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Callable[[], Any]]:
    import qasync
    from PySide6.QtWidgets import QApplication

    def qasync_loop() -> Any:
        app = QApplication.instance() or QApplication([])
        return qasync.QEventLoop(app)

    return {"qasync": qasync_loop}


@pytest.fixture
async def counter_app(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot,  # noqa: F811
                      training_pki: TrainingPki) -> AsyncIterator[UiTerminal]:
    async with ui_terminal(tmp_path / "counter", central, vpcd_slot, training_pki, DEMO_TERMINAL) as terminal:
        yield terminal


@pytest.fixture
async def kiosk_app(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot,  # noqa: F811
                    training_pki: TrainingPki) -> AsyncIterator[UiTerminal]:
    async with ui_terminal(tmp_path / "kiosk", central, vpcd_slot, training_pki, KIOSK_TERMINAL) as terminal:
        yield terminal
