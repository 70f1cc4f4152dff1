"""Running ``kiosk flow ...`` as a separate process, as a technician or a script runs it: PINs through a pipe
on ``--pin-fd``, the terminal's settings in ``KIOSK_*`` variables, the reference central service over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from central_server import CentralHandle
from virtual_cards import REPO, kiosk_environment

from kiosk.central.settings import TerminalRegistration


@dataclass
class FlowRun:
    returncode: int
    stdout: str
    stderr: str

    @property
    def document(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.stdout)
        return parsed


def terminal_environment(directory: Path, central: CentralHandle | str, registration: TerminalRegistration,
                         reader: str) -> dict[str, str]:
    """A terminal's settings: its own database in ``directory``, the service at ``central`` (or a URL)."""
    directory.mkdir(parents=True, exist_ok=True)
    url = central if isinstance(central, str) else central.base_url
    return kiosk_environment(
        KIOSK_CENTRAL_URL=url, KIOSK_API_TOKEN=registration.token, KIOSK_TERMINAL_ID=registration.terminal_id,
        KIOSK_SITE=registration.site, KIOSK_MODE=str(registration.mode), KIOSK_READER=reader,
        KIOSK_DATABASE_URL=f"sqlite:///{directory / 'kiosk.sqlite3'}", KIOSK_SYNC_TIMEOUT_S="5")


def run_with_pins(arguments: Sequence[str], pins: Sequence[str], env: dict[str, str], *,
                  timeout_s: float = 120.0) -> FlowRun:
    """``kiosk ARGUMENTS --pin-fd N`` with ``pins`` written one per line to a pipe on N; standard input is
    empty, so nothing can be read from it."""
    read_end, write_end = os.pipe()
    try:
        with os.fdopen(write_end, "w", encoding="ascii") as writer:
            writer.write("".join(f"{pin}\n" for pin in pins))
        process = subprocess.run([sys.executable, "-m", "kiosk", *arguments, "--pin-fd", str(read_end)],
                                 pass_fds=(read_end,), input="", capture_output=True, text=True, env=env, cwd=REPO,
                                 timeout=timeout_s, check=False)
    finally:
        os.close(read_end)
    return FlowRun(process.returncode, process.stdout, process.stderr)
