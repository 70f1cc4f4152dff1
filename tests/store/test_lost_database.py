"""A database deleted, emptied or replaced by an older copy is never silently re-created with numbering
starting again: the store refuses to record until a technician accepts the loss, and numbering then goes
on after the last number the terminal used (which the central service may already hold)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.errors import DatabaseLost
from kiosk.store.database import Store, open_store
from store.helpers import database_path, pin_change, raw


def _record(settings: Settings, n: int) -> None:
    store = open_store(settings)
    try:
        for _ in range(n):
            store.record(pin_change())
    finally:
        store.close()


def _forget_wal(settings: Settings) -> None:
    path = database_path(settings)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_deleted_database_is_not_created_again(settings: Settings) -> None:
    _record(settings, 5)
    path = database_path(settings)
    path.unlink()
    _forget_wal(settings)
    with pytest.raises(DatabaseLost) as lost:
        open_store(settings)
    assert lost.value.last_sequence == 5
    assert not path.exists()


def test_a_database_emptied_to_zero_bytes_is_not_used(settings: Settings) -> None:
    _record(settings, 3)
    _forget_wal(settings)
    database_path(settings).write_bytes(b"")
    with pytest.raises(DatabaseLost):
        open_store(settings)
    assert database_path(settings).read_bytes() == b""


def test_an_older_copy_put_back_is_refused(settings: Settings, tmp_path: Path) -> None:
    _record(settings, 2)
    db = raw(settings)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    old_copy = tmp_path / "backup.sqlite3"
    shutil.copy(database_path(settings), old_copy)
    _record(settings, 4)
    _forget_wal(settings)
    shutil.copy(old_copy, database_path(settings))
    with pytest.raises(DatabaseLost) as lost:
        open_store(settings)
    assert lost.value.last_sequence == 6


def test_the_technician_accepts_the_loss_and_numbering_goes_on(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _record(settings, 5)
    database_path(settings).unlink()
    _forget_wal(settings)
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["outbox", "status"]) == ExitCode.STORE  # looking does not create it either
    assert main(["db", "accept-loss"]) == ExitCode.STORE  # says what it would do, does nothing
    assert not database_path(settings).exists()
    assert "numbering on from 6" in capsys.readouterr().out
    assert main(["db", "accept-loss", "--confirm"]) == ExitCode.OK
    store = open_store(settings)
    try:
        assert store.record(pin_change()).sequence == 6
        [accepted] = [e for e in store.audit_entries(10) if e.event == "store.loss_accepted"]
        assert accepted.detail == {"last_sequence": 0, "remembered": 5, "lost": 5}
        assert store.verify_audit().intact
    finally:
        store.close()


def test_a_database_that_is_where_it_was_opens_as_always(store: Store, settings: Settings) -> None:
    store.record(pin_change())
    store.close()
    reopened = open_store(settings)
    try:
        assert reopened.record(pin_change()).sequence == 2
    finally:
        reopened.close()
