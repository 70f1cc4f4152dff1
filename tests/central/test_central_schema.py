"""The central service's schema: the Alembic migrations build exactly what the models describe, on each
backend, and a service refuses to start on a database it was told not to migrate."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from central_server import DEMO_TERMINAL, register_terminals, run_central, transaction_wire
from sqlalchemy import Engine, func, insert, inspect, select

from central import postgres
from kiosk.central import database
from kiosk.central.models import Base, StoredTransaction
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


REPORT_INDEX = "ix_transactions_report_counts"


def _index_names(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return {index["name"] for index in inspect(connection).get_indexes("transactions") if index["name"]}


def _step(engine: Engine, action: str, revision: str) -> None:
    with engine.begin() as connection:
        getattr(command, action)(database._alembic_config(connection), revision)


def test_the_report_index_comes_and_goes_with_its_migration_and_keeps_the_rows(database_url: str) -> None:
    register_terminals(database_url, (DEMO_TERMINAL,))
    engine = database.engine_for(database_url)
    try:
        _step(engine, "downgrade", "0003_terminal_identity")
        without = _index_names(engine)
        with engine.begin() as connection:
            connection.execute(insert(StoredTransaction), [_stored_row(sequence) for sequence in (1, 2, 3)])
        _step(engine, "upgrade", "head")
        built = _index_names(engine)
        database.check_schema(engine)
        _step(engine, "downgrade", "0003_terminal_identity")
        dropped = _index_names(engine)
        with engine.connect() as connection:
            kept = connection.execute(select(func.count()).select_from(StoredTransaction)).scalar_one()
    finally:
        engine.dispose()
    assert REPORT_INDEX not in without
    assert REPORT_INDEX in built
    assert dropped == without
    assert kept == 3


def test_the_migration_takes_a_report_index_built_beforehand_by_hand(database_url: str) -> None:
    """On a large PostgreSQL table the index is built CONCURRENTLY first; the migration must then go on."""
    engine = database.engine_for(database_url)
    try:
        _step(engine, "upgrade", "0002_intake")
        with engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE INDEX {REPORT_INDEX} ON transactions (site, local_date, kind, "
                                       "outcome)")
        database.upgrade_schema(engine)
        database.check_schema(engine)
        assert REPORT_INDEX in _index_names(engine)
    finally:
        engine.dispose()


def _stored_row(sequence: int) -> dict[str, Any]:
    moment = datetime(2026, 11, 23, 1, 15, tzinfo=UTC)
    return dict(key=str(uuid.uuid4()), content_sha256="0" * 64, site=DEMO_TERMINAL.site,
                terminal_id=DEMO_TERMINAL.terminal_id, sequence=sequence, kind="check", outcome="completed",
                failure_code=None, occurred_at=moment, local_date=date(2026, 11, 23), mode="counter",
                staff_id="S0012", card_generation="current", pin_kind=None, certificates=[],
                subject_hmac_hex=None, received_at=moment)
