"""Alembic environment of the terminal's local database.

The terminal runs migrations through ``kiosk.store.schema.upgrade``, which passes its own connection, already
inside one transaction, in ``config.attributes["connection"]``: the whole upgrade commits or rolls back as
one. Run from the ``alembic`` command, this opens the database of the current settings itself.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from kiosk.store.models import Base


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transactional_ddl=True,  # SQLite's DDL is transactional under our explicit BEGIN
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    from kiosk.config import load_settings
    from kiosk.store.sqlite import make_engine, writer

    url = context.config.get_main_option("sqlalchemy.url") or load_settings().database_url
    engine = make_engine(url, foreign_keys=False)
    try:
        with writer(engine).connect() as own_connection:
            _configure_and_run(own_connection)
    finally:
        engine.dispose()


def _run_offline() -> None:
    context.configure(url=context.config.get_main_option("sqlalchemy.url") or "sqlite://",
                      target_metadata=Base.metadata, render_as_batch=True, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
