"""Shared fixtures: an isolated data directory, the seeded training PKI, a real pcscd.

Tests that need pcscd with the vpcd virtual reader are marked ``pcsc`` and take the ``pcscd`` fixture.
Where pcscd or vpcd is missing they skip on a developer's machine and fail in CI (``CI=true``): a CI run
that silently skipped the PC/SC suite would prove nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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
