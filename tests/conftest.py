"""Shared fixtures: an isolated data directory, the seeded training PKI, a real pcscd.

Tests that need pcscd with the vpcd virtual reader are marked ``pcsc`` and take the ``pcscd`` fixture.
Where pcscd or vpcd is missing they skip on a developer's machine and fail in CI (``CI=true``): a CI run
that silently skipped the PC/SC suite would prove nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from central import postgres

from kiosk.cardsim import pcscd as pcscd_control
from kiosk.pki import training

TEST_PKI_SEED = b"kiosk-test-suite-training-pki-v1"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip locally, fail in CI."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this must not be skipped)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def isolated_directories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test session writes under its own temporary directories, never the user's."""
    root = tmp_path_factory.mktemp("kiosk-home")
    saved = {k: os.environ.get(k) for k in ("KIOSK_DATA_DIR", "KIOSK_CONFIG_DIR", "KIOSK_LOG_DIR",
                                           "KIOSK_TRAINING_PKI_DIR", "KIOSK_LANG")}
    os.environ["KIOSK_DATA_DIR"] = str(root / "data")
    os.environ["KIOSK_CONFIG_DIR"] = str(root / "config")
    os.environ["KIOSK_LOG_DIR"] = str(root / "logs")
    os.environ["KIOSK_TRAINING_PKI_DIR"] = str(training_pki_cache_dir())
    os.environ.pop("KIOSK_LANG", None)
    yield root
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def training_pki_cache_dir() -> Path:
    """The seeded PKI takes seconds to derive: keep it between runs, keyed by the seed."""
    digest = hashlib.sha256(TEST_PKI_SEED).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"kiosk-test-pki-{digest}"


@pytest.fixture(scope="session")
def training_pki() -> training.TrainingPki:
    """The test suite's training PKI: the same keys and roots on every machine."""
    return training.load_or_create(training_pki_cache_dir(), seed=TEST_PKI_SEED)


def _distributing(config: pytest.Config) -> bool:
    """True in the controller of a pytest-xdist run (it runs no tests; its workers do)."""
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    # Under xdist the controller owns pcscd and PostgreSQL for the whole run: a worker that started either
    # would stop it when its own share of the tests ended, under the workers still using it.
    if not _distributing(config):
        return
    config.stash[_POSTGRES_WAS_ONLINE] = postgres.cluster_online()
    if pcscd_control.pcscd_binary() is None or not pcscd_control.vpcd_installed():
        return
    try:
        with pcscd_control.restart_lock(exclusive=False):
            config.stash[_RUN_PCSCD] = pcscd_control.start()
    except pcscd_control.PcscdError:
        pass  # each worker's pcscd fixture tries again and says why, or fails in CI


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(_POSTGRES_WAS_ONLINE, None) is False:
        with contextlib.suppress(postgres.PostgresUnavailable):
            postgres.stop_unless_used()
    handle = config.stash.get(_RUN_PCSCD, None)
    if handle is None or not handle.owned:
        return
    if handle.process is not None and handle.process.poll() is not None:
        # The pcscd-restart test replaced ours in a worker: the replacement is this run's to stop too.
        pid = pcscd_control.running_pid()
        if pid is not None:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        return
    handle.stop()


_RUN_PCSCD = pytest.StashKey[pcscd_control.PcscdProcess]()
_POSTGRES_WAS_ONLINE = pytest.StashKey[bool | None]()


@pytest.fixture(scope="session")
def pcscd() -> Iterator[pcscd_control.PcscdProcess]:
    """A real pcscd with the vpcd driver, started for this session if none runs."""
    if pcscd_control.pcscd_binary() is None:
        unavailable("pcscd is not installed")
    if not pcscd_control.vpcd_installed():
        unavailable("the vpcd virtual reader driver (vsmartcard-vpcd) is not installed")
    from smartcard.System import readers

    try:
        with pcscd_control.restart_lock(exclusive=False):  # not while another session restarts it
            handle = pcscd_control.start()
            names = [str(r) for r in readers()]
    except pcscd_control.PcscdError as exc:
        unavailable(f"cannot start pcscd: {exc}")
        raise
    if pcscd_control.slot_reader_name(0) not in names:
        handle.stop()
        unavailable(f"a pcscd without the project's virtual readers is running (readers: {names}); "
                    "stop it so the tests can start their own")
    yield handle
    handle.stop()


@pytest.fixture
def vpcd_slot(pcscd: pcscd_control.PcscdProcess) -> Iterator[pcscd_control.Slot]:
    """A virtual reader of our own (its vpcd port and reader name), exclusive across processes.

    Held with the pcscd restart lock shared, so the one test that restarts pcscd waits for it. pcscd
    reports the reader empty when the test gets it and before it is handed on (``empty_slot``).
    """
    from virtual_cards import empty_slot

    with pcscd_control.restart_lock(exclusive=False), empty_slot() as slot:
        yield slot
