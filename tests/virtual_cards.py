"""Helpers for tests that put a virtual card in a real reader (pcscd + vpcd) and run ``kiosk`` commands.

Waiting is on state, never on sleeps: a card counts as inserted once pcscd reports it present in the reader
(it polls vpcd: about 160 ms), removed once pcscd reports it gone.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from kiosk.card.pcsc import UNAWARE, PcscService
from kiosk.cardsim import VirtualCard
from kiosk.cardsim import pcscd as pcscd_control
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import ApduHook, VpcdLink

TIMEOUT_S = 15.0
REPO = Path(__file__).resolve().parent.parent


def wait_for_card(reader: str, *, present: bool, timeout_s: float = TIMEOUT_S) -> None:
    """Block until pcscd reports a card in ``reader`` (or none); AssertionError after ``timeout_s``."""
    service = PcscService()
    try:
        deadline = time.monotonic() + timeout_s
        state = UNAWARE
        while time.monotonic() < deadline:
            change = service.wait_for_change({reader: state}, min(1.0, max(0.0, deadline - time.monotonic())))
            if change is None:
                continue
            for reader_state in change.readers:
                if reader_state.name == reader:
                    state = reader_state.event_state
                    if reader_state.card_present == present:
                        return
        raise AssertionError(f"{reader}: card {'never arrived' if present else 'never left'}")
    finally:
        service.release()


@contextlib.contextmanager
def empty_slot() -> Iterator[Slot]:
    """A leased virtual reader that pcscd reports empty on entry, and again before the lease is handed on.

    Pulling a virtual card only closes its TCP connection: pcscd notices at its next presence poll (about
    250 ms later, longer under load). A reader leased on before that still shows the old card "present",
    so the next test's "wait until a card is present" returns at once and its command then meets the old
    card's removal (no card, card removed). The wait on entry also covers a holder that died mid-test.
    """
    with pcscd_control.lease_slot() as slot:
        wait_for_card(slot.reader, present=False)
        try:
            yield slot
        finally:
            wait_for_card(slot.reader, present=False)


@contextlib.contextmanager
def card_in_reader(card: VirtualCard, slot: Slot, on_apdu: ApduHook | None = None) -> Iterator[VpcdLink]:
    """``card`` in ``slot``'s reader for the block, seen by pcscd on entry; taken out (and gone) on exit."""
    link = VpcdLink(card, slot.port, on_apdu=on_apdu)
    link.insert()
    try:
        wait_for_card(slot.reader, present=True)
        yield link
    finally:
        link.remove()
        wait_for_card(slot.reader, present=False)


def kiosk_environment(**overrides: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update({"KIOSK_LANG": "en", "PYTHONUNBUFFERED": "1"})
    environment.update(overrides)
    return environment


def run_kiosk(arguments: Sequence[str], *, stdin: str = "", env: dict[str, str] | None = None,
              timeout_s: float = 60.0) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGUMENTS`` as a user runs it, with ``stdin`` piped in (PINs, confirmations)."""
    return subprocess.run([sys.executable, "-m", "kiosk", *arguments], input=stdin, capture_output=True,
                          text=True, env=env or kiosk_environment(), cwd=REPO, timeout=timeout_s, check=False)


@contextlib.contextmanager
def cardsim_process(slot: Slot, *, profile: str | None = None, profile_file: Path | None = None,
                    log_file: Path | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """``kiosk cardsim`` serving a card in ``slot``'s reader, as a separate process."""
    which = ["--profile-file", str(profile_file)] if profile_file else ["--profile", profile or "valid"]
    output = log_file.open("ab") if log_file else subprocess.DEVNULL
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "-vv", "cardsim", *which, "--port", str(slot.port)],
                               stdout=output, stderr=subprocess.STDOUT, env=kiosk_environment(), cwd=REPO)
    try:
        wait_for_card(slot.reader, present=True, timeout_s=30.0)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if log_file and not isinstance(output, int):
            output.close()
        wait_for_card(slot.reader, present=False)
