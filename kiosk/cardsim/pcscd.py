"""Start and stop a real pcscd for the demo, training mode and the tests.

These machines have no systemd: nothing starts pcscd after install (environment.md). Only one pcscd can
run per machine; a running one is used as it is and left running. One we start we also stop: terminate,
then wait, because a killed but unreaped pcscd blocks the next start.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kiosk.paths import resources_dir

SOCKET_PATH = Path(os.environ.get("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"))
PID_FILE = Path("/run/pcscd/pcscd.pid")
DEFAULT_VPCD_PORT = 35963  # slot 0 of our reader config, and of Debian's /etc/reader.conf.d/vpcd
READY_TIMEOUT_S = 10.0
SLOT_COUNT = 16  # resources/pcsc/reader.conf.d/kiosk-vpcd: 8 vpcd channels of 2 slots
READER_PREFIX = "Kiosk Virtual Reader"


def project_reader_config() -> Path:
    """The reader configuration directory our pcscd starts with: only the project's virtual readers."""
    return resources_dir() / "pcsc" / "reader.conf.d"


def loadable_reader_config(source: Path | None = None) -> Path:
    """``source`` (the project's reader config) with a private copy of the vpcd driver per channel.

    pcscd loads a driver library once and shares it between all readers naming the same LIBPATH, and vpcd
    keeps its sockets in library globals: with one LIBPATH every reader polls the last channel's ports, so
    a card shows up in the wrong reader and the other ports never answer. A copy per channel (a different
    file, so the dynamic loader maps it separately) gives each channel its own state. Written once per
    machine under the temporary directory, atomically, so concurrent starters agree.
    """
    directory = source or project_reader_config()
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(directory.iterdir()) if path.is_file()}
    digest = hashlib.sha256(repr(sorted(texts.items())).encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"kiosk-pcsc-readers-{digest}"
    if (target / "reader.conf.d").is_dir():
        return target / "reader.conf.d"
    staging = Path(tempfile.mkdtemp(prefix=".kiosk-pcsc-readers-", dir=target.parent))
    (staging / "reader.conf.d").mkdir()
    (staging / "drivers").mkdir()
    for name, text in texts.items():
        lines: list[str] = []
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key == "LIBPATH" and "libifdvpcd" in value:
                copy = target / "drivers" / f"libifdvpcd-{len(lines)}-{name}.so"
                shutil.copyfile(value.strip(), staging / "drivers" / copy.name)
                lines.append(f"LIBPATH      {copy}")
            else:
                lines.append(line)
        (staging / "reader.conf.d" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another process won the race: use its copy
    return target / "reader.conf.d"


def slot_port(slot: int) -> int:
    return DEFAULT_VPCD_PORT + slot


def slot_reader_name(slot: int) -> str:
    return f"{READER_PREFIX} {slot // 2} 00 {slot % 2:02X}"


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


def running_pid() -> int | None:
    """The running pcscd's process id, from its pid file (None if there is none to read)."""
    try:
        return int(PID_FILE.read_text().strip().strip("\x00").strip())  # pcscd writes a trailing NUL
    except (OSError, ValueError):
        return None


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
    """Make sure a pcscd runs; start one (in the foreground, as our child) if none does.

    A pcscd we start reads only ``config_dir`` (by default the project's virtual readers).
    """
    if is_running():
        return PcscdProcess(None)
    binary = pcscd_binary()
    if binary is None:
        raise PcscdError("pcscd is not installed (Debian: apt-get install pcscd vsmartcard-vpcd)")
    command = [binary, "--foreground", "-c", str(config_dir or loadable_reader_config())]
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


@dataclass(frozen=True)
class Slot:
    """One virtual reader, held exclusively by this process until released."""

    index: int
    port: int
    reader: str


RESTART_LOCK_TIMEOUT_S = 300.0


def _flock(handle: IO[str], operation: int, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(handle, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise PcscdError("timed out waiting for the pcscd restart lock") from None
            time.sleep(0.05)


@contextlib.contextmanager
def restart_lock(*, exclusive: bool, timeout_s: float = RESTART_LOCK_TIMEOUT_S,
                 lock_dir: Path | None = None) -> Iterator[None]:
    """Machine-wide reader/writer lock on the one pcscd: users hold it shared, a restarter exclusively.

    Test sessions share the machine's pcscd; the test that restarts it must wait until no other test uses
    it. A restarter first takes a turnstile that every new user passes through, so users arriving while
    it waits queue behind it instead of starving it. ``PcscdError`` after ``timeout_s``.
    """
    directory = lock_dir or Path(os.environ.get("KIOSK_SLOT_LOCK_DIR", tempfile.gettempdir()))
    deadline = time.monotonic() + timeout_s
    with (directory / "kiosk-pcscd-restart.turnstile").open("a") as turnstile, \
            (directory / "kiosk-pcscd-restart.lock").open("a") as lock:
        try:
            _flock(turnstile, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, deadline)
            _flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, deadline)
            if not exclusive:
                fcntl.flock(turnstile, fcntl.LOCK_UN)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            fcntl.flock(turnstile, fcntl.LOCK_UN)


@contextlib.contextmanager
def lease_slot(lock_dir: Path | None = None) -> Iterator[Slot]:
    """Take a free virtual reader for the duration of the block.

    Test sessions, benchmarks and the demo may run at once on one machine and share its one pcscd; an
    advisory lock per slot (released by the kernel if the holder dies) keeps each reader to one user.
    """
    directory = lock_dir or Path(os.environ.get("KIOSK_SLOT_LOCK_DIR", "/tmp"))  # noqa: S108
    for index in range(SLOT_COUNT):
        handle = (directory / f"kiosk-vpcd-slot-{index}.lock").open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        try:
            yield Slot(index, slot_port(index), slot_reader_name(index))
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        return
    raise PcscdError(f"all {SLOT_COUNT} virtual readers are in use")


@contextlib.contextmanager
def running(config_dir: Path | None = None) -> Iterator[PcscdProcess]:
    """A pcscd for the duration of the block; stopped afterwards only if this block started it."""
    handle = start(config_dir)
    try:
        yield handle
    finally:
        handle.stop()
