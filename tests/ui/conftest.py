"""Qt widget tests: offscreen unless a display is chosen, Japanese from the shipped catalog, screenshots.

The Japanese catalog is compiled with Qt's own ``lrelease`` (part of PySide6-Essentials), as the installer
does, so the tests read the translations the application will load.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt is imported and pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.i18n import catalog_path
from kiosk.ui import theme


def _lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        pytest.fail("pyside6-lrelease is missing: PySide6-Essentials is not installed properly")
    return found


@pytest.fixture(scope="session")
def japanese_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("qm") / "kiosk_ja.qm"
    subprocess.run([_lrelease(), str(catalog_path("ja")), "-qm", str(target)], check=True, capture_output=True)
    return target


@pytest.fixture
def japanese(qapp: QApplication, japanese_qm: Path) -> Iterator[QTranslator]:
    """The application speaks Japanese for this test (widgets retranslate on the LanguageChange event)."""
    translator = QTranslator()
    assert translator.load(str(japanese_qm)), japanese_qm
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The normal theme on the application; the test may apply another. Reset afterwards."""
    theme.apply(qapp, theme.NORMAL)
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where widget screenshots go: ``KIOSK_UI_SCREENSHOTS`` when set (to look at them), else a temp dir."""
    chosen = os.environ.get("KIOSK_UI_SCREENSHOTS")
    if chosen:
        path = Path(chosen)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("ui-screenshots")


# --- the whole application: qasync, a virtual card in a real reader, the reference central service -----------
# pytest-asyncio runs every async test of this folder on a qasync loop (its loop-factory hook), so the
# application's asyncio code and Qt's events run on one loop, as in the real application.

import asyncio  # noqa: E402
from collections.abc import AsyncIterator, Callable  # noqa: E402
from typing import Any  # noqa: E402

from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle, central  # noqa: E402, F401

from kiosk.cardsim.pcscd import Slot  # noqa: E402
from kiosk.pki.training import TrainingPki  # noqa: E402
from ui.harness import UiTerminal, ui_terminal  # noqa: E402

_open_loops: list[Any] = []


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Callable[[], Any]]:
    import qasync

    class Loop(qasync.QEventLoop):  # type: ignore[misc]
        """qasync's loop, but its last turn (``run_until_complete`` processes Qt events once more after the
        loop stopped) still counts as running: asyncio tasks resumed then (an HTTP call's socket became
        readable) would otherwise find no running loop. The application's loop runs once, for its whole
        life; tests run it once per fixture and test, so they meet this every time."""

        def _after_run_forever(self) -> None:
            super()._after_run_forever()
            asyncio.events._set_running_loop(self)

        def run_until_complete(self, future: Any) -> Any:
            try:
                return super().run_until_complete(future)
            finally:
                asyncio.events._set_running_loop(None)

    def qasync_loop() -> Any:
        app = QApplication.instance() or QApplication([])
        loop = Loop(app)
        _open_loops.append(loop)
        return loop

    return {"qasync": qasync_loop}


def _process_events_inside_the_loop(original: Callable[[], None]) -> Callable[[], None]:
    """pytest-qt processes Qt events between a test's phases. With qasync, Qt's socket notifiers resume
    asyncio tasks (the sender's HTTP calls), which must happen while the loop runs, as it always does in the
    application; so between phases the open qasync loop turns once instead."""
    def process() -> None:
        # Closed loops stay referenced: a qasync loop's Qt objects freed by the garbage collector on another
        # thread (a to_thread worker) leave Qt holding a deleted timer, and the next test crashes.
        live = [loop for loop in _open_loops if not loop.is_closed()]
        if live and not live[-1].is_running():
            live[-1].run_until_complete(asyncio.sleep(0))
        else:
            original()
    return process


import pytestqt.plugin  # noqa: E402

pytestqt.plugin._process_events = _process_events_inside_the_loop(pytestqt.plugin._process_events)


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


@pytest.fixture(autouse=True)
def _the_source_language_after_each_test() -> Iterator[None]:
    """The application's language is process-wide (a Qt translator and kiosk.i18n's choice): a test that
    starts the app in Japanese must not leave the next one speaking it."""
    yield
    from kiosk import i18n

    if QApplication.instance() is not None:
        from kiosk.ui.translation import use_language

        use_language(i18n.SOURCE_LANGUAGE)
    i18n.set_language(None)
