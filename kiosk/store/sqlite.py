"""SQLite engines with the durability and locking the outbox needs, and SQLite errors as typed errors.

- WAL journal, ``synchronous=FULL`` (NORMAL may lose the last commits on power loss), foreign keys on and a
  busy timeout on every connection.
- Memory is bounded for a terminal that runs for months: each connection's page cache is capped at
  ``PAGE_CACHE_KIB`` (SQLite's default, 2 MiB, fills as the file grows; the OS caches the file anyway), the
  pool keeps ``POOLED_CONNECTIONS`` (more are opened when more threads work at once, and closed after) and
  hands out the one used last, so the others stay cold instead of each warming a cache of its own.
- pysqlite's own transaction handling is switched off and replaced by explicit ``BEGIN``: plain (deferred)
  for readers, ``BEGIN IMMEDIATE`` for writers (the engine returned by ``writer``), so a writer takes the
  write lock before it reads what it will update and two writers never deadlock on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from kiosk.errors import DatabaseCorrupt, DatabaseFull, DatabaseLocked, StoreError

DEFAULT_BUSY_TIMEOUT_MS = 5000
PAGE_CACHE_KIB = 512
POOLED_CONNECTIONS = 2  # the sender and the window's reads at once; SQLAlchemy's default keeps 5
_BEGIN_OPTION = "kiosk_sqlite_begin"
_POOL: dict[str, Any] = {"pool_size": POOLED_CONNECTIONS, "pool_use_lifo": True}

# Primary result codes (https://sqlite.org/rescode.html); Python 3.11 exposes the extended code.
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOTADB = 26


def make_engine(url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, foreign_keys: bool = True,
                synchronous: str = "FULL", read_only: bool = False) -> Engine:
    """A reader engine for ``url``; ``writer(engine)`` gives its ``BEGIN IMMEDIATE`` twin (same pool).

    ``read_only``: the file is opened with ``mode=ro`` (never created) and the journal mode is left as it
    is, since setting it writes; what inspection commands use, even on a read-only data directory."""
    if not url.startswith("sqlite"):
        raise StoreError(f"the terminal's database must be SQLite, not {url.split(':', 1)[0]}")
    connect_args: dict[str, Any] = {"timeout": busy_timeout_ms / 1000}
    if read_only:
        database = make_url(url).database or ""

        def _connect() -> sqlite3.Connection:
            return sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=busy_timeout_ms / 1000, check_same_thread=False)

        # the file URL keeps SQLAlchemy's pool for files
        engine = create_engine(url, creator=_connect, **_POOL)
    else:
        engine = create_engine(url, connect_args=connect_args, **_POOL)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _entry: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")  # negative: KiB, not pages
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute(f"PRAGMA synchronous = {synchronous}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same database and pool, but every transaction starts with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


def typed_error(exc: BaseException) -> StoreError | None:
    """The typed error for a SQLite failure, or None if ``exc`` is not one."""
    original: Any = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(original, sqlite3.Error):
        return None
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(original)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseLocked(f"database locked: {text}")
    if primary == SQLITE_FULL or "disk is full" in text:
        return DatabaseFull(f"database full: {text}")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or "not a database" in text or "malformed" in text:
        return DatabaseCorrupt(f"database corrupt: {text}")
    return StoreError(f"database error: {text}")


@contextmanager
def sqlite_errors() -> Iterator[None]:
    """Re-raise SQLite failures inside the block as the store's typed errors."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        typed = typed_error(exc)
        if typed is None:
            raise
        raise typed from exc
