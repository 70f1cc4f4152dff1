"""The central service's tests run against SQLite and against a real PostgreSQL (``database_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from central_server import CentralHandle, run_central

from kiosk.pki.training import TrainingPki


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.sqlite3'}"


@pytest.fixture
def service(database_url: str, training_pki: TrainingPki) -> Iterator[CentralHandle]:
    """The service on each backend, with the default test terminals."""
    with run_central(database_url, training_pki) as handle:
        yield handle
