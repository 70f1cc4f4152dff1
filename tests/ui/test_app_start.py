"""What ``kiosk.ui.app.run`` promises around its first paint: nothing heavy imported before the window, the
error net armed first, and nothing logged before the log file opens is lost."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.domain.modes import Mode
from kiosk.ui.app import ErrorNet, LogFile
from kiosk.ui.window import MainWindow

# Imported only behind the painted window (asyncio and qasync alone cost about 25 ms).
BEHIND_THE_PAINT = ("asyncio", "qasync", "logging.handlers", "tomllib", "sqlalchemy", "kiosk.ui.controller",
                    "kiosk.store", "kiosk.flows", "kiosk.domain.transactions")


def test_the_window_s_modules_import_nothing_that_waits_behind_the_paint() -> None:
    # A fresh interpreter: this one has imported everything already.
    code = ("import sys; import kiosk.ui.app, kiosk.config, kiosk.domain.modes; "
            f"print(' '.join(name for name in {BEHIND_THE_PAINT!r} if name in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}).stdout.split()
    assert found == []


@pytest.fixture
def log_file() -> Iterator[LogFile]:
    handler = LogFile().attach()
    try:
        yield handler
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_records_before_the_file_opens_are_written_first(log_file: LogFile, tmp_path: Path) -> None:
    logging.getLogger("qt").warning("before the paint")
    path = log_file.open(tmp_path / "log")
    logging.getLogger("kiosk.ui").info("after the paint")
    log_file.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["before the paint", "after the paint"]
    assert path == tmp_path / "log" / "kiosk.log"


def test_what_waits_for_the_file_is_bounded(log_file: LogFile, tmp_path: Path) -> None:
    for number in range(LogFile.HELD + 5):
        logging.getLogger("qt").warning("message %d", number)
    path = log_file.open(tmp_path)
    log_file.flush()
    assert len(path.read_text(encoding="utf-8").splitlines()) == LogFile.HELD


def test_the_error_net_is_armed_in_its_first_step(monkeypatch: pytest.MonkeyPatch, log_file: LogFile,
                                                  tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    shown: list[BaseException] = []
    ErrorNet(shown.append).arm()
    error = RuntimeError("escaped before the window")
    sys.excepthook(RuntimeError, error, None)
    path = log_file.open(tmp_path)
    log_file.flush()
    assert shown == [error]
    assert "CRITICAL kiosk.ui: unexpected error" in path.read_text(encoding="utf-8")


def test_a_starting_window_gets_its_banner_and_status_bar_when_furnished(qtbot: Any) -> None:
    window = MainWindow(Mode.KIOSK, training=True, lockdown=False, starting=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "status")
    assert window.banner.isHidden()
    window.furnish()
    status = window.status
    assert not window.banner.isHidden()  # a kiosk in training says so on every screen
    assert window.banner.alignment() == Qt.AlignmentFlag.AlignCenter
    assert status.isHidden()  # residents see no status bar
    window.furnish()
    assert window.status is status


def test_a_kiosk_is_locked_down_before_its_first_paint(qtbot: Any) -> None:
    window = MainWindow(Mode.KIOSK, training=False, starting=True)
    qtbot.addWidget(window)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    window.show_for_mode()
    assert window.isFullScreen()
    window.closing_for_real = True  # a kiosk ignores close requests: this one may go at teardown


STOP_DRIVER = """
import asyncio, sys
from dataclasses import replace
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.config import load_settings
from kiosk.domain.modes import Mode
from kiosk.ui.app import run

directory, central_url, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
settings = replace(load_settings(environ={}, file=directory / "absent.toml"), data_dir=directory,
                   database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", central_url=central_url, mode=mode)

async def until_the_windows_close(controller, window):
    closed = asyncio.Event()
    QApplication.instance().lastWindowClosed.connect(closed.set)
    print("ready", flush=True)
    if len(sys.argv) > 4:  # staff closing the counter's window
        window.close()
    await closed.wait()

sys.exit(run(settings, mode=Mode(mode), ready=until_the_windows_close))
"""


@pytest.mark.parametrize("mode", ["counter", "kiosk"])
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_close_the_app_in_order(tmp_path: Path, mode: str, number: int) -> None:
    """systemd stops the terminal with SIGTERM, a technician with Ctrl+C: the windows close (a kiosk's too,
    which ignores every other close), the services stop, the store closes, the process exits 0."""
    with socket.socket() as probe:  # a central service that is not there: nothing waits for it
        probe.bind(("127.0.0.1", 0))
        central_url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_LOG_DIR": str(tmp_path / "log"),
                   "KIOSK_CONFIG_DIR": str(tmp_path / "config")}
    process = subprocess.Popen([sys.executable, "-c", STOP_DRIVER, str(tmp_path), central_url, mode],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", process.stderr.read() if process.stderr else ""
        process.send_signal(number)
        returncode = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log_text = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert returncode == 0, log_text
    assert f"{signal.Signals(number).name}: closing the windows and stopping" in log_text
    assert "Traceback" not in log_text and "KeyboardInterrupt" not in log_text


def test_closing_the_counter_window_stops_the_app_in_order(tmp_path: Path) -> None:
    """The last window closing ends the app through the same way out: exit 0, no error reported."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_LOG_DIR": str(tmp_path / "log"),
                   "KIOSK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", STOP_DRIVER, str(tmp_path), "http://127.0.0.1:9", "counter",
                           "close"], check=False, capture_output=True, text=True, env=environment, timeout=60)
    log_text = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert (done.returncode, done.stdout.strip()) == (0, "ready"), log_text + done.stderr
    assert "Traceback" not in log_text
