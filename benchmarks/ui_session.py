"""The running application for the UI benchmarks (ui_stall, soak): the real window on a qasync loop, a
virtual card on a leased vpcd reader of the machine's pcscd (the card in its own process, as a real card is
outside the terminal's: benchmarks/card_process.py), the reference central service in its own process,
and what they measure with (a Qt heartbeat, the process's resident memory, threads and fds).

The whole benchmark runs inside one ``run_until_complete``, as the application runs for its whole life:
qasync's last turn after the loop stops (see tests/ui/conftest.py) is then met once, at the very end,
after the services have stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from card_process import CardProcess  # noqa: E402 - after the path set-up above
from outbox import PKI_CACHE, central_service  # noqa: E402

from kiosk.cardsim import pcscd as pcscd_control  # noqa: E402

STAFF = ("S0012", "benchmark-passphrase")  # a staff file of this run only
WAIT_S = 60.0  # a bound against hanging, not a speed target
T = TypeVar("T")


class Unavailable(Exception):
    """The machine cannot run the benchmark (a foreign pcscd, no pcscd at all): said in one line."""


@contextlib.contextmanager
def environment() -> Iterator[tuple[Path, str, Any]]:
    """A temporary home for the terminal, the reference central service (its own process) and a leased
    virtual reader: yields (directory, central base URL, slot)."""
    try:
        pcscd_control.start()  # left running, as benchmarks/card_read.py leaves it: other sessions may share it
    except pcscd_control.PcscdError as exc:
        raise Unavailable(f"cannot start pcscd: {exc}") from exc
    with pcscd_control.restart_lock(exclusive=False), pcscd_control.lease_slot() as slot, \
            tempfile.TemporaryDirectory(prefix="kiosk-ui-bench-") as temporary:
        from kiosk.card.pcsc import PcscService

        service = PcscService()
        names = service.readers()
        service.release()
        if slot.reader not in names:
            raise Unavailable(f"a pcscd without the project's virtual readers is running (readers: {names}); "
                              "stop it (sudo systemctl stop pcscd.socket pcscd) so that this starts its own")
        root = Path(temporary)
        os.environ.update({"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_CONFIG_DIR": str(root / "config"),
                           "KIOSK_LOG_DIR": str(root / "log"), "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)})
        with central_service(root / "central") as base_url:
            yield root, base_url, slot


def run_on_qasync(main: Callable[[], Awaitable[T]]) -> T:
    """``main`` on a qasync loop over the application's QApplication, once, as ``kiosk.ui.app.run`` does."""
    import qasync

    from kiosk.ui.app import application

    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result: T = loop.run_until_complete(main())
    return result


# --- the heartbeat ------------------------------------------------------------------------------------------

class EventLog:
    """Every Qt event the application delivers, stamped (diagnosis only: a Python event filter costs time).
    The event that ran longest inside a stall (until the next event began) is what held the Qt thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication

        log: list[tuple[float, int, str]] = []

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: Any) -> bool:
                log.append((time.perf_counter(), int(event.type().value),
                            f"{type(watched).__name__}({watched.objectName()})"))
                return False

        self.log = log
        self._filter = Filter()
        self._app = QApplication.instance()

    def start(self) -> None:
        self.log.clear()
        self._app.installEventFilter(self._filter)

    def stop(self) -> None:
        self._app.removeEventFilter(self._filter)

    def longest_in(self, start: float, end: float) -> str | None:
        from PySide6.QtCore import QEvent

        inside = [i for i, entry in enumerate(self.log) if start <= entry[0] < end]
        if not inside:
            return None
        held = [(min(self.log[i + 1][0] if i + 1 < len(self.log) else end, end) - self.log[i][0], i)
                for i in inside]
        seconds, index = max(held)
        _, kind, receiver = self.log[index]
        return f"{QEvent.Type(kind).name} to {receiver}: {seconds * 1000:.1f} ms"


class Heartbeat:
    """A 5 ms precise QTimer on the Qt thread; every gap between two beats longer than that is the Qt thread
    busy (or the process descheduled) for that long.

    With ``diagnose``, a sampler thread looks at the Qt thread's Python stack every 2 ms while a beat is
    overdue by more than ``STALLED_MS``, and counts where it stands; and every Qt event is logged, so each of
    the longest gaps names the event that held the Qt thread (Qt's own C++ work shows only there). Both cost
    time: diagnose to find a cause, measure without."""

    STALLED_MS = 12.0

    def __init__(self, interval_ms: int = 5, *, diagnose: bool = False) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[float] = []
        self.stalled_in: Counter[str] = Counter()
        self._diagnose = diagnose
        self._sampling = threading.Event()
        self._sampler: threading.Thread | None = None
        self._events = EventLog() if diagnose else None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self._timer.start()
        if self._events is not None:
            self._events.start()
        if self._diagnose:
            self._sampling.set()
            self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)
            self._sampler.start()

    def _sample(self) -> None:
        qt_thread = threading.main_thread().ident
        while self._sampling.is_set():
            time.sleep(0.002)
            if (time.perf_counter() - self.beats[-1]) * 1000 < self.STALLED_MS:
                continue
            frame = sys._current_frames().get(qt_thread or 0)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [f"{Path(entry.filename).name}:{entry.lineno} {entry.name}" for entry in stack
                    if "site-packages" not in entry.filename and "/lib/python" not in entry.filename]
            where = f"{Path(stack[-1].filename).name}:{stack[-1].lineno} {stack[-1].name}"
            self.stalled_in[" <- ".join([where, *reversed(ours[-4:])])] += 1

    def stop(self) -> dict[str, Any]:
        self._timer.stop()
        self._sampling.clear()
        if self._sampler is not None:
            self._sampler.join()
        self.beats.append(time.perf_counter())
        if self._events is not None:
            self._events.stop()
        gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(self.beats))
        figures: dict[str, Any] = {
            "seconds": round(self.beats[-1] - self.beats[0], 3), "beats": len(self.beats) - 2,
            "max_gap_ms": round(gaps[-1], 2),
            "p99_gap_ms": round(gaps[min(len(gaps) - 1, round(0.99 * (len(gaps) - 1)))], 2),
            "gaps_over_50_ms": sum(1 for gap in gaps if gap >= 50.0)}
        if self._diagnose:
            figures["stalled_in"] = {f"{count * 2} ms": where for where, count in self.stalled_in.most_common(5)}
        if self._events is not None:
            worst = sorted(itertools.pairwise(self.beats), key=lambda gap: gap[0] - gap[1])[:3]
            figures["longest_gaps_held_by"] = [
                f"{(b - a) * 1000:.1f} ms gap: {self._events.longest_in(a, b)}" for a, b in worst
                if (b - a) * 1000 >= self.STALLED_MS]
        return figures


# --- the process's resources ------------------------------------------------------------------------------

def resources() -> dict[str, int]:
    """Resident memory (kB), OS threads (Qt's and the card workers' included) and open file descriptors."""
    status = Path("/proc/self/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {"rss_kb": int(fields["VmRSS"].split()[0]), "threads": int(fields["Threads"]),
            "fds": len(os.listdir("/proc/self/fd"))}


# --- the application, driven as a person would -------------------------------------------------------------

@dataclass
class RunningApp:
    settings: Any
    window: Any
    controller: Any
    slot: Any
    cards: CardProcess
    finished: int = 0  # procedures finished; only the last result is kept, so the soak measures the app
    last_result: Any = None
    pins_typed: int = 0

    def on_finished(self, result: Any) -> None:
        self.finished += 1
        self.last_result = result

    async def until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"waited for {what}; the screen is {self.controller.current}")
            await asyncio.sleep(0.005)

    async def screen(self, name: str) -> None:
        await self.until(lambda: self.controller.current == name, f"screen {name}")

    def click(self, name: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractButton

        button = self.window.findChild(QAbstractButton, name)
        if button is None or not (button.isVisible() and button.isEnabled()):
            raise RuntimeError(f"{name} is not clickable on {self.controller.current}")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    async def type_pin(self, pin: str) -> None:
        screen = self.controller.pin_entry
        await self.until(lambda: screen.asked > self.pins_typed and screen.waiting
                         and self.controller.current == "pinEntryScreen", "the next PIN to be asked")
        self.pins_typed = screen.asked
        for character in pin.encode("ascii"):
            screen.pad.press(character)
        self.click("pinOk")

    async def sign_in(self) -> None:
        await self.screen("signInScreen")
        self.controller.sign_in.staff_id.setText(STAFF[0])
        self.controller.sign_in.passphrase.setText(STAFF[1])
        self.click("signInButton")
        await self.screen("insertCardScreen")

    def card_link(self, profile: str) -> Any:
        """A fresh card of ``profile`` in the card process, out of the reader; ``insert``/``remove`` it."""
        return self.cards.link(profile)

    async def check_cycle(self, link: Any) -> None:
        """The card in: the app notices it and checks it; the card out: back to the insert-card screen."""
        # Staff at a counter touch it now and then; untouched, it locks after COUNTER_IDLE_S (5 minutes) and a
        # long run would measure the sign-in screen instead of checks.
        from kiosk.ui.widgets.idle import IdleWatcher

        watcher = self.window.findChild(IdleWatcher, "idleWatcher")
        if watcher is not None:
            watcher.reset()
        finished = self.finished
        link.insert()
        await self.until(lambda: self.finished > finished and self.controller.current == "checkScreen",
                         "the check of the inserted card")
        if self.last_result.error is not None:
            raise RuntimeError(f"the check failed: {self.last_result.error}")
        link.remove()
        await self.screen("insertCardScreen")


@contextlib.asynccontextmanager
async def running_app(directory: Path, central_url: str, slot: Any) -> AsyncIterator[RunningApp]:
    """The counter terminal as ``kiosk.ui.app.run`` starts it (window shown, then ``start``), signed in."""
    from kiosk import paths, staff
    from kiosk.config import load_settings
    from kiosk.domain.transactions import Mode
    from kiosk.pki.training import load_or_create
    from kiosk.ui.app import configure_logging, freeze_start_up_objects, start
    from kiosk.ui.window import MainWindow

    configure_logging(paths.log_dir())  # as kiosk.ui.app.run does: the app's logging costs count
    directory.mkdir(parents=True, exist_ok=True)
    settings = replace(load_settings(environ={}, file=directory / "absent.toml"), data_dir=directory,
                       database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", central_url=central_url,
                       reader=slot.reader, mode="counter")
    staff.add(STAFF[0], bytearray(STAFF[1].encode()))
    await asyncio.to_thread(load_or_create, PKI_CACHE)  # made once, shared with the card process
    cards = CardProcess(slot.port, PKI_CACHE)
    window = MainWindow(Mode.COUNTER, training=False, lockdown=False)
    window.show()
    controller = await start(settings, window, mode=Mode.COUNTER, training=None, language="en")
    freeze_start_up_objects()  # as kiosk.ui.app.run does
    running = RunningApp(settings, window, controller, slot, cards)
    controller.procedure_finished.connect(running.on_finished)
    try:
        await running.sign_in()
        yield running
    finally:
        controller.cancel_procedure()
        await controller.services.stop()
        controller.services.store.close()
        window.closing_for_real = True
        window.close()
        window.deleteLater()
        cards.close()


def fail_unavailable(error: Unavailable) -> int:
    print(str(error), file=sys.stderr)
    return 2
