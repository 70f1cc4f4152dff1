"""The schema: Alembic migrations, the upgrade on start, a database newer than the terminal, the pragmas."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.errors import DatabaseTooNew, StoreError
from kiosk.store import schema
from kiosk.store.database import Store, open_store
from kiosk.store.models import Base
from kiosk.store.sqlite import PAGE_CACHE_KIB, POOLED_CONNECTIONS, make_engine
from store.helpers import count, database_path, pin_change, raw


def test_head_revision_constant_is_the_newest_migration() -> None:
    assert schema.script_directory().get_current_head() == schema.HEAD_REVISION


def test_the_migrations_create_exactly_what_the_models_describe(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_new_database_is_created_at_the_newest_revision_and_the_upgrade_is_audited(store: Store,
                                                                                    settings: Settings) -> None:
    assert schema.revision_of(store.engine) == schema.HEAD_REVISION
    [entry] = store.audit_entries(10)
    assert (entry.event, entry.detail) == ("store.upgraded", {"from": None, "to": schema.HEAD_REVISION})


def test_opening_an_up_to_date_database_changes_nothing(store: Store, settings: Settings) -> None:
    store.record(pin_change())
    store.close()
    again = open_store(settings)
    try:
        assert [e.event for e in again.audit_entries(10)] == ["transaction.recorded", "store.upgraded"]
    finally:
        again.close()


def test_an_old_database_is_upgraded_on_open_keeping_its_rows(settings: Settings) -> None:
    """A database at revision 0 (Alembic's 'base', as left by a terminal before any migration ran)."""
    engine = make_engine(settings.database_url, foreign_keys=False)
    try:
        before, after = schema.upgrade(engine)
    finally:
        engine.dispose()
    assert (before, after) == (None, schema.HEAD_REVISION)
    first = open_store(settings)
    first.record(pin_change())
    first.close()
    second = open_store(settings)
    try:
        assert second.record(pin_change()).sequence == 2
    finally:
        second.close()


def test_a_database_from_a_newer_terminal_is_refused_with_a_clear_error(store: Store, settings: Settings) -> None:
    store.record(pin_change())
    store.close()
    with raw(settings) as db:
        db.execute("UPDATE alembic_version SET version_num = '9001'")
    with pytest.raises(DatabaseTooNew, match="9001"):
        open_store(settings)
    assert count(settings, "SELECT count(*) FROM transactions") == 1  # untouched


def test_the_cli_says_a_newer_database_is_newer_and_exits_with_the_store_code(
        store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    with raw(settings) as db:
        db.execute("UPDATE alembic_version SET version_num = '9001'")
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["outbox", "status"]) == ExitCode.STORE
    assert "newer version of this software" in capsys.readouterr().err
    assert main(["db", "status", "--json"]) == ExitCode.STORE  # reported, and this version cannot use it
    assert '"too_new": true' in capsys.readouterr().out


def test_kiosk_db_upgrade_creates_the_schema(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["db", "status"]) == ExitCode.OK
    assert "There is no database" in capsys.readouterr().out
    assert not database_path(settings).exists()  # looking created nothing
    assert main(["db", "upgrade"]) == ExitCode.OK
    assert schema.HEAD_REVISION in capsys.readouterr().out
    assert main(["db", "status", "--json"]) == ExitCode.OK
    assert '"up_to_date": true' in capsys.readouterr().out


def test_a_sqlite_file_of_another_program_is_not_taken_over(settings: Settings) -> None:
    path = database_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with raw(settings) as db:
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not the terminal's database"):
        open_store(settings)
    assert count(settings, "SELECT count(*) FROM sqlite_master WHERE name = 'transactions'") == 0


def test_every_connection_is_durable_checks_foreign_keys_and_bounds_its_cache(store: Store) -> None:
    with store.engine.connect() as connection:
        pragmas = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "cache_size")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000,
                       "cache_size": -PAGE_CACHE_KIB}


def test_the_connection_used_last_is_used_next_so_the_others_stay_cold(store: Store) -> None:
    """Work handed to one thread after another (as asyncio.to_thread does) reuses one warm connection
    instead of warming a page cache in every pooled one."""
    used: list[int] = []

    def work() -> None:
        with store.engine.connect() as connection:
            used.append(id(connection.connection.dbapi_connection))

    with store.engine.connect(), store.engine.connect():  # two at once: the pool now holds two
        pass
    for _ in range(6):
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    assert len(set(used)) == 1


def test_a_burst_of_threads_is_served_and_only_the_pooled_connections_stay_open(store: Store) -> None:
    from contextlib import ExitStack

    from sqlalchemy.pool import QueuePool

    with ExitStack() as burst:
        connections = [burst.enter_context(store.engine.connect()) for _ in range(POOLED_CONNECTIONS + 3)]
        assert all(c.exec_driver_sql("SELECT 1").scalar() == 1 for c in connections)
    pool = store.engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedin() == POOLED_CONNECTIONS  # each stays open with a page cache of its own


def test_writes_begin_immediate_and_reads_do_not(store: Store, settings: Settings) -> None:
    """A reader never takes the write lock; a writer takes it before its first read."""
    statements: list[str] = []
    from sqlalchemy import event

    def remember(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        store.outbox_status()
        reads = list(statements)
        statements.clear()
        store.record(pin_change())
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    assert reads[0] == "BEGIN DEFERRED"
    assert statements[0] == "BEGIN IMMEDIATE"
    assert statements[-1] != "ROLLBACK"


def test_the_audit_trail_refuses_updates_and_deletes(store: Store, settings: Settings) -> None:
    store.record(pin_change())
    with raw(settings) as db:
        for statement in ("UPDATE audit_log SET event = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(Exception, match="append-only"):
                db.execute(statement)
