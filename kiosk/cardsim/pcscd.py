"""Start and stop a real pcscd for the demo, training mode and the tests.

These machines have no systemd: nothing starts pcscd after install (environment.md). Only one pcscd can
run per machine; a running one is used as it is and left running. One we start we also stop: terminate,
then wait, because a killed but unreaped pcscd blocks the next start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SOCKET_PATH = Path(os.environ.get("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"))
DEFAULT_VPCD_PORT = 35963  # the first slot of /etc/reader.conf.d/vpcd ("Virtual PCD 00 00")
READY_TIMEOUT_S = 10.0


class PcscdError(RuntimeError):
    pass


@dataclass
class PcscdProcess:
    process: subprocess.Popen[bytes] | None  # None: a pcscd we found running and do not own

    @property
    def owned(self) -> bool:
        return self.process is not None

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def pcscd_binary() -> str | None:
    return shutil.which("pcscd") or next(
        (str(p) for p in (Path("/usr/sbin/pcscd"), Path("/sbin/pcscd")) if p.exists()), None)


def vpcd_installed() -> bool:
    return Path("/etc/reader.conf.d/vpcd").exists() or any(
        Path("/usr/lib/pcsc/drivers/serial").glob("libifdvpcd.so*"))


def is_running() -> bool:
    """True if a pcscd answers on its socket."""
    if not SOCKET_PATH.exists():
        return False
    with contextlib.closing(socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(str(SOCKET_PATH))
        except OSError:
            return False
    return True


def vpcd_listening(port: int = DEFAULT_VPCD_PORT, host: str = "127.0.0.1") -> bool:
    """True once pcscd's vpcd driver accepts virtual cards on ``port``."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.settimeout(0.5)
        try:
            probe.connect((host, port))
        except OSError:
            return False
    return True


def start(config_dir: Path | None = None, log_file: Path | None = None) -> PcscdProcess:
    """Make sure a pcscd runs; start one (in the foreground, as our child) if none does."""
    if is_running():
        return PcscdProcess(None)
    binary = pcscd_binary()
    if binary is None:
        raise PcscdError("pcscd is not installed (Debian: apt-get install pcscd vsmartcard-vpcd)")
    command = [binary, "--foreground"]
    if config_dir is not None:
        command += ["-c", str(config_dir)]
    output = log_file.open("ab") if log_file else subprocess.DEVNULL
    try:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        if log_file and not isinstance(output, int):
            output.close()
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PcscdError(f"pcscd exited at start with code {process.returncode}")
        if is_running() and (not vpcd_installed() or vpcd_listening()):
            return PcscdProcess(process)
        time.sleep(0.01)
    PcscdProcess(process).stop()
    raise PcscdError("pcscd did not become ready")


@contextlib.contextmanager
def running(config_dir: Path | None = None) -> Iterator[PcscdProcess]:
    """A pcscd for the duration of the block; stopped afterwards only if this block started it."""
    handle = start(config_dir)
    try:
        yield handle
    finally:
        handle.stop()
