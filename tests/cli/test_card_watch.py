"""``kiosk card watch``: one line per reader or card event, through a pcscd restart.

The restart test stops the machine's one pcscd and starts it again, so it first takes the pcscd restart
lock exclusively: it waits until no test of any session holds a reader (``vpcd_slot`` holds the lock
shared), and tests arriving meanwhile wait for it. A pcscd this session did not start is restarted
detached (it outlives the test, as the one it replaced would have); one this session started is handed
back to the session fixture, which stops it at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import unavailable
from virtual_cards import REPO, kiosk_environment, wait_for_card

from kiosk.cardsim import VirtualCard
from kiosk.cardsim import pcscd as pcscd_control
from kiosk.cardsim.pcscd import PcscdProcess, Slot
from kiosk.cardsim.vpcd import VpcdLink
from kiosk.pki.training import TrainingPki

pytestmark = pytest.mark.pcsc
EVENT_TIMEOUT_S = 20.0


class Watch:
    """``kiosk card watch --json`` running as a subprocess; its lines as parsed events."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "kiosk", "card", "watch", "--json"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env=kiosk_environment(), cwd=REPO)
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            self.events.put(json.loads(line))

    def expect(self, event: str, reader: str | None = None) -> dict[str, Any]:
        """The next event of this kind (for this reader); earlier others are passed over."""
        deadline = time.monotonic() + EVENT_TIMEOUT_S
        while True:
            try:
                item = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {event} for {reader!r}; lines so far:\n{''.join(self.lines)}") from None
            if item["event"] == event and (reader is None or item["reader"] == reader):
                return item

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=10)


@contextlib.contextmanager
def watching() -> Iterator[Watch]:
    watch = Watch()
    try:
        yield watch
    finally:
        if watch.process.poll() is None:
            watch.stop()


def test_watch_prints_one_line_per_event(vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    card = VirtualCard.from_profile("valid", pki=training_pki)
    with watching() as watch:
        watch.expect("reader-added", vpcd_slot.reader)
        with VpcdLink(card, vpcd_slot.port):
            inserted = watch.expect("card-inserted", vpcd_slot.reader)
            assert inserted["atr"] == card.atr.hex().upper()
        watch.expect("card-removed", vpcd_slot.reader)
        assert watch.stop() == 0
    assert all(set(json.loads(line)) == {"time", "event", "reader", "atr"} for line in watch.lines)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has released everything; its parent reaps it


def _stop_pcscd(session_pcscd: PcscdProcess) -> None:
    """Terminate the running pcscd and wait until it is gone."""
    pid = pcscd_control.running_pid()
    assert pid is not None, "pcscd runs but wrote no pid file"
    if session_pcscd.process is not None and session_pcscd.process.pid == pid:
        session_pcscd.stop()
    else:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    while _alive(pid) or pcscd_control.is_running():
        if time.monotonic() > deadline:
            raise AssertionError(f"pcscd {pid} did not stop")
        time.sleep(0.05)


def _ensure_running(session_pcscd: PcscdProcess) -> None:
    """Never leave the machine without its pcscd, whatever happened in the test."""
    if not pcscd_control.is_running():
        restarted = pcscd_control.start()
        if session_pcscd.owned:
            session_pcscd.process = restarted.process


def test_watch_survives_a_pcscd_restart(pcscd: PcscdProcess, training_pki: TrainingPki) -> None:
    card = VirtualCard.from_profile("valid", pki=training_pki)
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(pcscd_control.restart_lock(exclusive=True, timeout_s=240))
        except pcscd_control.PcscdError as exc:
            unavailable(f"other test sessions kept pcscd busy: {exc}")
        stack.callback(_ensure_running, pcscd)
        slot = stack.enter_context(pcscd_control.lease_slot())
        watch = stack.enter_context(watching())
        watch.expect("reader-added", slot.reader)

        _stop_pcscd(pcscd)
        watch.expect("reader-removed", slot.reader)
        watch.expect("pcsc-unavailable")

        restarted = pcscd_control.start()
        if pcscd.owned:
            pcscd.process = restarted.process  # the session fixture stops it at the end, as before
        watch.expect("pcsc-available")
        watch.expect("reader-added", slot.reader)

        with VpcdLink(card, slot.port):
            watch.expect("card-inserted", slot.reader)
            wait_for_card(slot.reader, present=True)
        watch.expect("card-removed", slot.reader)
        assert watch.stop() == 0
