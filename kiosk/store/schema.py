"""Bringing the database to the schema this version of the terminal expects (Alembic, /migrations).

``ensure_current`` runs on every start: a database already at ``HEAD_REVISION`` costs one query and no
Alembic import (about 170 ms, environment.md); an older one is upgraded in one transaction; one written by
a newer terminal (a revision this version does not know) is refused with ``DatabaseTooNew``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from kiosk.errors import DatabaseTooNew, StoreError
from kiosk.paths import migrations_dir
from kiosk.store.sqlite import sqlite_errors, writer

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision in /migrations/versions; tests/store/test_migrations.py keeps the two in step.
HEAD_REVISION = "0002"
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database; None for a new (empty) database."""
    tables = set(connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").scalars())
    if VERSION_TABLE not in tables:
        if tables:
            raise StoreError(f"this SQLite file is not the terminal's database (it holds {sorted(tables)})")
        return None
    revisions = list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    if len(revisions) > 1:
        raise StoreError(f"the database records several schema revisions: {revisions}")
    return revisions[0] if revisions else None


def _check_known(revision: str | None) -> None:
    if revision is None or revision == HEAD_REVISION:
        return
    from alembic.util import CommandError

    try:
        known = script_directory().get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise DatabaseTooNew(f"database schema revision {revision!r} is newer than this terminal "
                             f"(which knows up to {HEAD_REVISION!r})")


def check_integrity(engine: Engine, *, full: bool = False) -> list[str]:
    """SQLite's own check: an empty list when the file is sound."""
    pragma = "integrity_check" if full else "quick_check"
    with sqlite_errors(), engine.connect() as connection:
        rows = [str(r) for r in connection.exec_driver_sql(f"PRAGMA {pragma}").scalars()]
        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    problems = [] if rows == ["ok"] else rows
    problems += [f"foreign key violation: {tuple(v)}" for v in violations]
    return problems


def revision_of(engine: Engine) -> str | None:
    with sqlite_errors(), engine.connect() as connection:
        return current_revision(connection)


def needs_upgrade(engine: Engine) -> bool:
    """True if the database is older than this terminal; ``DatabaseTooNew`` if it is newer."""
    revision = revision_of(engine)
    _check_known(revision)
    return revision != HEAD_REVISION


def upgrade(migration_engine: Engine) -> tuple[str | None, str]:
    """Apply every missing migration in one transaction; returns (revision before, revision after).

    ``migration_engine`` must have foreign keys off (batch operations copy tables); the caller checks
    foreign keys afterwards.
    """
    from alembic import command

    with sqlite_errors(), writer(migration_engine).begin() as connection:
        before = current_revision(connection)
        _check_known(before)
        if before == HEAD_REVISION:
            return before, before
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        after = current_revision(connection)
    return before, after or ""
