"""Helpers for tests of what a technician installs: a wheel built from this checkout, a fresh virtual
environment outside it, and commands run from another directory with the machine's environment."""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

import pytest
from virtual_cards import REPO

# What a test's child process must not inherit: anything that would make it find the checkout.
_CHECKOUT_VARIABLES = ("PYTHONPATH", "KIOSK_RESOURCES", "KIOSK_MIGRATIONS", "VIRTUAL_ENV")


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """``build(folder)`` once for the whole test run, however many pytest-xdist workers ask for it.

    The first worker builds in the run's shared temporary folder while the others wait on a lock, then
    they reuse what it built. Workers may split a module's tests between them, and PyInstaller's work
    folder must not be written by two builds at once.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if "PYTEST_XDIST_WORKER" in os.environ else base  # the controller's, under xdist
    folder = shared / f"once-{name}"
    with (shared / f"once-{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = folder / ".built"
        if built.exists():
            return Path(built.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)  # a build that failed part-way
        folder.mkdir()
        result = build(folder)
        built.write_text(str(result), encoding="utf-8")
        return result


def build_wheel(directory: Path) -> Path:
    """``pip wheel`` of the checkout (build isolation on, as a release build does); the wheel's path."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(directory), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheels = sorted(directory.glob("kiosk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def fresh_venv(directory: Path, requirement: str) -> Path:
    """A new virtual environment with ``requirement`` (a wheel path, extras allowed) and its dependencies."""
    venv.EnvBuilder(with_pip=True, clear=True).create(directory)
    python = directory / "bin" / "python"
    result = subprocess.run([str(python), "-m", "pip", "install", "-q", requirement], capture_output=True,
                            text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return directory


def environment(home: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _CHECKOUT_VARIABLES}
    env.update({"KIOSK_DATA_DIR": str(home / "data"), "KIOSK_CONFIG_DIR": str(home / "config"),
                "KIOSK_LOG_DIR": str(home / "logs"), "KIOSK_LANG": "en", "PYTHONUNBUFFERED": "1"})
    env.update(overrides)
    return env


def run(executable: Path, *arguments: str, cwd: Path, env: dict[str, str],
        timeout_s: float = 120.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(executable), *arguments], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout_s, check=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_bundle(distpath: Path) -> Path:
    """``make package``'s PyInstaller build into ``distpath``; the bundle's folder (``distpath/kiosk``).

    The work folder is kept between runs (per checkout): PyInstaller reuses what did not change.
    """
    import hashlib
    import tempfile

    work = Path(tempfile.gettempdir()) / f"kiosk-pyinstaller-{hashlib.sha256(str(REPO).encode()).hexdigest()[:12]}"
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                             "--distpath", str(distpath), "--workpath", str(work),
                             str(REPO / "packaging" / "pyinstaller" / "kiosk.spec")],
                            capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return distpath / "kiosk"


def build_deb(bundle: Path, out: Path) -> Path:
    result = subprocess.run([str(REPO / "packaging" / "debian" / "build-deb.sh"), str(bundle), str(out)],
                            capture_output=True, text=True, timeout=900, check=False,
                            env={**os.environ, "DEB_COMPRESSION": "none"})  # what is packed, not how: xz costs a minute
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())
