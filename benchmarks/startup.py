"""Cold start: launch to the first painted window, and to "ready for a card", against a bare PySide6 window.

Each run is a fresh Python process started here (``--runs``, alternating with the baseline so drift hits both
alike; one unmeasured run of each first, which also creates and migrates the terminal's database as an
installed terminal has it). The time is from just before the process is spawned to the moment it writes a
CLOCK_MONOTONIC timestamp on stdout (one clock for the whole machine):

- ``bare``: a PySide6 script that opens an empty QMainWindow; its stamp is written once its first paint
  event has run;
- ``kiosk``: ``kiosk.ui.app.run`` itself (the counter terminal, on a leased vpcd reader of the machine's
  pcscd, the reference central service in its own process), its window class wrapped to write the same
  stamp after its first paint, and its ``ready`` hook writing a second one: the controller's first screen is
  shown and the services (store, reader watcher, sender) run. Then the app closes itself. Between the two, a
  5 ms heartbeat on the Qt thread (made at the first paint: the driver adds nothing before it that ``run``
  does not do) gives the longest time the painted window could not answer (``frozen``).

What ``run`` does before that first paint, in order: arm the error net's ``sys.excepthook``, make the
QApplication, make the real window on an empty starting screen (``MainWindow(starting=True)``) and show it.
Behind the paint: the status bar and training banner (``furnish``), the log file, asyncio and qasync, then
``start`` (the store, the services and the controller, their imports off the Qt thread).

Printed as JSON: the medians, and the first-window ratio kiosk / bare. Target: under 1.5.

    .venv/bin/python benchmarks/startup.py [--runs 7]

A pcscd without the project's readers already running: stop it (``sudo systemctl stop pcscd.socket
pcscd``) so that this starts its own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.5
HERE = Path(__file__).resolve()


# --- the drivers (run as ``startup.py --driver ...`` in a fresh process) ---------------------------------

def _stamp(what: str, *extra: str) -> None:
    sys.stdout.write(" ".join((what, repr(time.monotonic()), *extra)) + "\n")
    sys.stdout.flush()


def bare_driver() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                _stamp("painted")
                app.quit()

    window = Window()
    window.resize(1024, 768)
    window.show()
    return app.exec()


def kiosk_driver(directory: Path, central_url: str, reader: str) -> int:
    sys.path.insert(0, str(HERE.parent.parent))
    from dataclasses import replace

    import kiosk.ui.app as ui_app
    from kiosk.config import load_settings
    from kiosk.domain.modes import Mode

    beats: list[float] = []
    timers: list[Any] = []

    def start_heartbeat() -> None:
        """From the first paint to ready: how long the painted window stays frozen. Made at the paint, not
        before: ``Qt`` (the namespace of enums) costs 12 ms to create, which the measured path may not need."""
        from PySide6.QtCore import Qt, QTimer

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
        beats.append(time.monotonic())
        heartbeat.start()
        timers.append(heartbeat)

    class StampedWindow(ui_app.MainWindow):
        painted = False

        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                _stamp("painted")
                start_heartbeat()

    async def ready(controller: Any, _window: Any) -> None:
        _stamp("ready", controller.current)
        timers[0].stop()
        beats.append(time.monotonic())
        frozen = max((b - a for a, b in itertools.pairwise(beats)), default=0.0)
        sys.stdout.write(f"frozen_ms {frozen * 1000:.1f}\n")

    ui_app.MainWindow = StampedWindow  # type: ignore[misc] - the only way in: run() builds the window itself
    settings = replace(load_settings(environ={}, file=directory / "absent.toml"), data_dir=directory,
                       database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", central_url=central_url,
                       reader=reader, mode="counter")
    return ui_app.run(settings, mode=Mode.COUNTER, ready=ready)


# --- the measurement -----------------------------------------------------------------------------------

def launch(arguments: list[str]) -> dict[str, Any]:
    started = time.monotonic()
    run = subprocess.run([sys.executable, str(HERE), "--driver", *arguments], capture_output=True, text=True,
                         timeout=120, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"the {arguments[0]} driver failed ({run.returncode}): {run.stderr[-2000:]}")
    stamps: dict[str, Any] = {}
    for line in run.stdout.splitlines():
        what, at, *extra = line.split()
        if what.endswith("_ms"):  # a duration, not a stamp
            stamps[what] = float(at)
            continue
        stamps[f"{what}_ms"] = round((float(at) - started) * 1000, 1)
        if extra:
            stamps["first_screen"] = extra[0]
    return stamps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured launches of each")
    parser.add_argument("--driver", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.driver:
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
        if args.driver[0] == "bare":
            return bare_driver()
        return kiosk_driver(Path(args.driver[1]), args.driver[2], args.driver[3])
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    sys.path.insert(0, str(HERE.parent))
    import ui_session

    try:
        with ui_session.environment() as (root, central_url, slot):
            kiosk_arguments = ["kiosk", str(root / "terminal"), central_url, slot.reader]
            launch(["bare"])  # unmeasured: the OS file cache, and the terminal's database created
            launch(kiosk_arguments)
            bare, ours = [], []
            for _ in range(args.runs):
                bare.append(launch(["bare"]))
                ours.append(launch(kiosk_arguments))
    except ui_session.Unavailable as error:
        return ui_session.fail_unavailable(error)

    def median(runs: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(run[key] for run in runs), 1)

    bare_painted, ours_painted, ours_ready = (median(bare, "painted_ms"), median(ours, "painted_ms"),
                                              median(ours, "ready_ms"))
    ratio = round(ours_painted / bare_painted, 2)
    result = {
        "benchmark": "startup",
        "platform": os.environ["QT_QPA_PLATFORM"],
        "runs": args.runs,
        "baseline": "a bare PySide6 script opening an empty QMainWindow, launched alternately in this run",
        "bare": {"first_paint_ms_median": bare_painted, "first_paint_ms": [run["painted_ms"] for run in bare]},
        "kiosk": {
            "first_paint_ms_median": ours_painted,
            "ready_ms_median": ours_ready,
            "frozen_after_first_paint_ms_median": median(ours, "frozen_ms"),
            "first_screen": ours[0].get("first_screen"),
            "first_paint_ms": [run["painted_ms"] for run in ours],
            "ready_ms": [run["ready_ms"] for run in ours],
        },
        "ratio": {"first_paint": ratio, "ready_to_bare_first_paint": round(ours_ready / bare_painted, 2)},
        "target": {"first_paint": TARGET_RATIO},
        "meets_target": ratio < TARGET_RATIO,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
