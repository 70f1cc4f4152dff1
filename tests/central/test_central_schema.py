"""The central service's schema: the Alembic migrations build exactly what the models describe, on each
backend, and a service refuses to start on a database it was told not to migrate."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from central_server import run_central, transaction_wire
from sqlalchemy import inspect

from central import postgres
from kiosk.central import database
from kiosk.central.models import Base
from kiosk.central.server import ServerDidNotStart, start_in_thread
from kiosk.central.settings import CentralSettings
from kiosk.pki.training import TrainingPki


def test_the_migrations_build_what_the_models_describe(database_url: str) -> None:
    engine = database.engine_for(database_url)
    try:
        database.upgrade_schema(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            tables = set(inspect(connection).get_table_names())
    finally:
        engine.dispose()
    assert differences == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_the_migrations_go_down_and_up_again(database_url: str) -> None:
    engine = database.engine_for(database_url)
    try:
        database.upgrade_schema(engine)
        with engine.begin() as connection:
            command.downgrade(database._alembic_config(connection), "base")
        with engine.connect() as connection:
            emptied = set(inspect(connection).get_table_names()) - {"alembic_version"}
        database.upgrade_schema(engine)
        database.check_schema(engine)
    finally:
        engine.dispose()
    assert emptied == set()


def test_a_service_told_not_to_migrate_refuses_an_old_schema(database_url: str, training_pki: TrainingPki) -> None:
    settings = CentralSettings(database_url=database_url, pki=training_pki, upgrade_schema=False)
    with pytest.raises(ServerDidNotStart):
        start_in_thread(settings, log_level="critical")
    engine = database.engine_for(database_url)
    try:
        with pytest.raises(database.SchemaOutOfDate):
            database.check_schema(engine)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_database_outage_is_a_503_with_retry_after_and_the_service_recovers(
        postgres_database: str, training_pki: TrainingPki) -> None:
    with postgres.schema_of_its_own(postgres_database) as url, run_central(url, training_pki) as service, \
            service.client() as client:
        assert client.get("/v1/health").status_code == 200
        with postgres.outage(url):
            down = client.get("/v1/health")
            refused = client.post("/v1/transactions", json={"transactions": [transaction_wire(sequence=1)]})
        back = client.get("/v1/health")
        stored = client.post("/v1/transactions", json={"transactions": [transaction_wire(sequence=1)]})
    for answer in (down, refused):
        assert (answer.status_code, answer.json()["error"]) == (503, "unavailable")
        assert int(answer.headers["Retry-After"]) > 0
    assert back.status_code == 200
    assert stored.status_code == 200
