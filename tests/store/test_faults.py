"""A damaged, locked or full database: a clear typed error, and nothing already committed is lost."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import event

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.errors import DatabaseCorrupt, DatabaseFull, DatabaseLocked
from kiosk.store.database import Store, open_store
from store.helpers import count, database_path, pin_change, raw, renewal


def _checkpoint(settings: Settings) -> None:
    """Move the WAL into the main file, as a clean shutdown would."""
    with raw(settings) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_file_that_is_not_a_database_is_reported_as_corrupt(settings: Settings) -> None:
    path = database_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not an SQLite database, it is a text file copied over it\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt):
        open_store(settings)
    assert path.read_bytes() == garbage  # nothing was written over it


def test_the_cli_reports_a_corrupt_database_calmly(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = database_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 1000)
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["outbox", "status"]) == ExitCode.STORE
    err = capsys.readouterr().err
    assert "records are damaged" in err
    assert "Traceback" not in err


def test_a_truncated_database_is_reported_as_corrupt(store: Store, settings: Settings) -> None:
    for _ in range(300):
        store.record(renewal())
    store.close()
    _checkpoint(settings)
    path = database_path(settings)
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    with pytest.raises(DatabaseCorrupt):
        open_store(settings)


def test_a_database_with_a_damaged_page_is_reported_as_corrupt(store: Store, settings: Settings) -> None:
    for _ in range(300):
        store.record(renewal())
    store.close()
    _checkpoint(settings)
    path = database_path(settings)
    content = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 6):  # a few pages in the middle: b-tree pages of the tables
        content[offset] = 0xA5
    path.write_bytes(bytes(content))
    with pytest.raises(DatabaseCorrupt):
        open_store(settings)


def test_a_database_locked_past_the_busy_timeout_gives_a_clear_error_and_loses_nothing(settings: Settings) -> None:
    store = open_store(settings, busy_timeout_ms=200)
    try:
        committed = [store.record(pin_change()).key for _ in range(3)]
        blocker = raw(settings)
        blocker.execute("BEGIN IMMEDIATE")  # another process writing and not letting go
        try:
            with pytest.raises(DatabaseLocked):
                store.record(pin_change())
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        later = store.record(pin_change())
    finally:
        store.close()
    assert later.sequence == 4  # the refused attempt took no number
    with raw(settings) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM transactions ORDER BY sequence")]
    assert keys == [*committed, later.key]


def test_a_writer_waits_for_a_short_lock_instead_of_failing(settings: Settings) -> None:
    store = open_store(settings, busy_timeout_ms=5000)
    blocker = raw(settings)
    blocker.execute("BEGIN IMMEDIATE")
    released = threading.Event()

    def release_soon() -> None:
        released.wait(0.3)
        blocker.execute("ROLLBACK")

    releaser = threading.Thread(target=release_soon)
    releaser.start()
    try:
        assert store.record(pin_change()).sequence == 1
    finally:
        releaser.join()
        blocker.close()
        store.close()


def test_a_full_disk_gives_a_clear_error_and_keeps_every_committed_record(store: Store, settings: Settings) -> None:
    """SQLite's max_page_count makes SQLITE_FULL reproducible without filling the machine's disk."""
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages) + 8}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()  # new connections, with the cap
    committed: list[str] = []
    with pytest.raises(DatabaseFull):
        for _ in range(10_000):
            committed.append(store.record(renewal()).key)
    assert committed, "the cap left room for some records"
    event.remove(store.engine, "connect", cap)
    store.engine.dispose()

    with raw(settings) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM transactions ORDER BY sequence")]
    assert keys == committed  # every committed record, and nothing of the one that did not fit
    assert count(settings, "SELECT count(*) FROM outbox") == len(committed)
    assert store.verify_audit().intact
    assert store.record(renewal()).sequence == len(committed) + 1  # space again: it goes on


def test_the_cli_reports_a_locked_database(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    open_store(settings).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    import kiosk.store.sqlite as sqlite_module

    monkeypatch.setattr(sqlite_module, "DEFAULT_BUSY_TIMEOUT_MS", 100)
    blocker = raw(settings)
    blocker.execute("BEGIN EXCLUSIVE")  # not even readers get in
    try:
        assert main(["outbox", "retry", "1"]) == ExitCode.STORE
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "busy" in capsys.readouterr().err
