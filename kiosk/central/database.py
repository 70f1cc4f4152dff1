"""Engines and the schema of the central service's database.

SQLite (the default) gets WAL, synchronous FULL and ``BEGIN IMMEDIATE`` for every transaction: a
transaction that reads then writes (the batch intake does) then holds the write lock from its first read,
so two writers queue instead of failing halfway with "database is locked". PostgreSQL runs at READ
COMMITTED; the intake handles the unique-key race itself (``kiosk.central.intake``).

The schema is managed by Alembic (``migrations/`` beside this module, its own environment: the terminal's
``/migrations`` is a different database). ``upgrade_schema`` runs it programmatically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.pool import ConnectionPoolEntry

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30.0


class SchemaOutOfDate(RuntimeError):
    """The database is not at the schema this version of the service expects."""


def engine_for(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise ValueError("the central service needs a SQLite file, not an in-memory database")
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _configure_sqlite(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Take transaction control away from the sqlite3 module so that _begin_immediate decides the BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_schema(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


def check_schema(engine: Engine) -> None:
    """Raise ``SchemaOutOfDate`` unless the database is at the newest migration."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
        expected = set(ScriptDirectory.from_config(_alembic_config(connection)).get_heads())
    if current != expected:
        raise SchemaOutOfDate(f"database schema {sorted(current) or 'empty'} is not {sorted(expected)}: "
                              "run `kiosk central upgrade --db URL`")
