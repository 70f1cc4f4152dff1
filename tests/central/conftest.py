"""The central service's tests run against SQLite and against a real PostgreSQL (``database_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from central_server import CentralHandle, central, run_central  # noqa: F401 - central: the SQLite-only fixture
from conftest import unavailable

from central import postgres
from kiosk.pki.training import TrainingPki


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The session's PostgreSQL database (the cluster is started if needed). Skips locally when PostgreSQL
    is missing; fails in CI."""
    try:
        with postgres.session_database() as url:
            yield url
    except postgres.PostgresUnavailable as exc:
        unavailable(str(exc))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.sqlite3'}"
        return
    with postgres.schema_of_its_own(request.getfixturevalue("postgres_database")) as url:
        yield url


@pytest.fixture
def service(database_url: str, training_pki: TrainingPki) -> Iterator[CentralHandle]:
    """The service on each backend, with the default test terminals."""
    with run_central(database_url, training_pki) as handle:
        yield handle
