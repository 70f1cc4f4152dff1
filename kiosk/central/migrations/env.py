"""Alembic environment of the central service's database (not the terminal's: that is /migrations).

``kiosk.central.database.upgrade_schema`` passes an open connection in ``config.attributes``. Run by hand
(``alembic -c <ini with script_location = kiosk/central/migrations>``), it connects to ``sqlalchemy.url``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kiosk.central.database import engine_for
from kiosk.central.models import Base


def _run(connection: Connection) -> None:
    # Batch mode: SQLite can only alter a table by copying it.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("the central service's migrations run online only")

given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url to the central service's database")
    with engine_for(url).begin() as opened:
        _run(opened)
