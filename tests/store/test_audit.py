"""The audit trail's hash chain: a removed, altered or inserted entry is detected, and where."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store import audit
from kiosk.store.database import Store
from store.helpers import pin_change, raw

ENTRIES = 8  # store.upgraded + 7 recorded transactions


@pytest.fixture
def trail(store: Store, settings: Settings) -> Store:
    for _ in range(ENTRIES - 1):
        store.record(pin_change())
    store.audit("sync.paused", None, reason="test")
    return store


@pytest.fixture
def intruder(trail: Store, settings: Settings) -> Iterator[sqlite3.Connection]:
    """Someone with the file: drops the append-only triggers and edits rows by hand."""
    connection = raw(settings)
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    yield connection
    connection.close()


def problems(store: Store) -> list[tuple[int, str]]:
    return [(p.entry_id, p.kind) for p in store.verify_audit().problems]


def test_an_untouched_trail_verifies(trail: Store) -> None:
    report = trail.verify_audit()
    assert report.intact
    assert report.entries == ENTRIES + 1


def test_a_removed_entry_is_detected_where_it_was(trail: Store, intruder: sqlite3.Connection) -> None:
    intruder.execute("DELETE FROM audit_log WHERE id = 4")
    assert problems(trail) == [(4, "missing"), (3, "unrecorded")]  # entry 4 recorded sequence 3


def test_an_altered_entry_is_detected(trail: Store, intruder: sqlite3.Connection) -> None:
    intruder.execute("""UPDATE audit_log SET detail = '{"kind":"renewal","outcome":"completed","sequence":3}'
                        WHERE id = 4""")
    assert problems(trail) == [(4, "altered")]


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next(trail: Store,
                                                                          intruder: sqlite3.Connection) -> None:
    """The intruder recomputes the altered entry's own hash, but not the rest of the chain."""
    row = intruder.execute("SELECT id, recorded_at, event, subject, previous_hash FROM audit_log "
                           "WHERE id = 4").fetchone()
    detail = '{"kind":"renewal","outcome":"completed","sequence":3}'
    forged = audit.chain_hash(row[4], audit.content_bytes(row[0], row[1], row[2], row[3], detail))
    intruder.execute("UPDATE audit_log SET detail = ?, entry_hash = ? WHERE id = 4", (detail, forged))
    assert problems(trail) == [(5, "relinked")]


def test_an_inserted_entry_is_detected(trail: Store, intruder: sqlite3.Connection) -> None:
    """Entries 5 and after moved up by one to make room: every moved entry's content no longer matches."""
    intruder.execute("UPDATE audit_log SET id = id + 1000 WHERE id >= 5")
    intruder.execute("UPDATE audit_log SET id = id - 999 WHERE id >= 1000")
    intruder.execute("INSERT INTO audit_log VALUES (5, '2026-01-01T00:00:00.000000+00:00', 'transaction.recorded', "
                     "NULL, '{}', (SELECT entry_hash FROM audit_log WHERE id = 4), 'ab')")
    found = problems(trail)
    assert (5, "altered") in found
    assert {kind for _, kind in found} <= {"altered", "relinked", "unexpected"}


def test_entries_cut_off_the_end_are_detected(trail: Store, intruder: sqlite3.Connection) -> None:
    intruder.execute(f"DELETE FROM audit_log WHERE id > {ENTRIES - 2}")
    assert problems(trail) == [(ENTRIES - 1, "truncated"), (ENTRIES - 2, "unrecorded"), (ENTRIES - 1, "unrecorded")]


def test_an_entry_appended_outside_the_trail_is_detected(trail: Store, intruder: sqlite3.Connection) -> None:
    last = intruder.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    content = audit.content_bytes(last[0] + 1, "2026-01-01T00:00:00.000000+00:00", "outbox.retried", None, "{}")
    intruder.execute("INSERT INTO audit_log VALUES (?, '2026-01-01T00:00:00.000000+00:00', 'outbox.retried', NULL, "
                     "'{}', ?, ?)", (last[0] + 1, last[1], audit.chain_hash(last[1], content)))
    assert problems(trail) == [(last[0] + 1, "unexpected")]


def test_every_break_is_reported_not_only_the_first(trail: Store, intruder: sqlite3.Connection) -> None:
    intruder.execute("DELETE FROM audit_log WHERE id = 2")
    intruder.execute("UPDATE audit_log SET event = 'x' WHERE id = 6")
    assert problems(trail) == [(2, "missing"), (6, "altered"), (1, "unrecorded"), (5, "unrecorded")]


def test_kiosk_audit_verify_names_the_entry_and_fails(trail: Store, intruder: sqlite3.Connection, settings: Settings,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["audit", "verify"]) == ExitCode.OK
    assert f"intact ({ENTRIES + 1} entries)" in capsys.readouterr().out
    intruder.execute("UPDATE audit_log SET subject = 'someone-else' WHERE id = 3")
    assert main(["audit", "verify"]) == ExitCode.STORE
    captured = capsys.readouterr()
    assert "Entry 3: its content was altered." in captured.out
    assert "audit trail has been altered" in captured.err
    assert main(["audit", "verify", "--json"]) == ExitCode.STORE
    assert '"kind": "altered"' in capsys.readouterr().out


def test_kiosk_audit_list_shows_the_newest_first(trail: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["audit", "list", "--limit", "2"]) == ExitCode.OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "sync.paused" in lines[0]
    assert "transaction.recorded" in lines[1]


def test_a_blob_detail_or_a_link_that_is_not_hex_is_a_finding_not_a_traceback(
        trail: Store, intruder: sqlite3.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    intruder.execute("UPDATE audit_log SET detail = CAST(detail AS BLOB) WHERE id = 2")
    intruder.execute("UPDATE audit_log SET previous_hash = 'not hex at all' WHERE id = 5")
    assert problems(trail) == [(2, "altered"), (5, "relinked"), (5, "altered")]
    assert trail.audit_entries(10)  # listing shows what it can
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["audit", "verify"]) == ExitCode.STORE
    assert main(["audit", "list"]) == ExitCode.OK
    assert "Traceback" not in capsys.readouterr().err


def test_db_check_finds_records_deleted_with_their_outbox_rows(trail: Store, settings: Settings,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with raw(settings) as db:
        for sequence in (3, ENTRIES - 1):  # one in the middle, and the last one
            key = db.execute("SELECT key FROM transactions WHERE sequence = ?", (sequence,)).fetchone()[0]
            db.execute("DELETE FROM outbox WHERE transaction_key = ?", (key,))
            db.execute("DELETE FROM transactions WHERE key = ?", (key,))
    assert trail.sequence_gaps() == {settings.terminal_id: [3, ENTRIES - 1]}
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["db", "check"]) == ExitCode.STORE
    assert f"2 records missing (sequence 3, {ENTRIES - 1})" in capsys.readouterr().out


TAMPERING = [
    ("a record changed", "UPDATE transactions SET outcome = 'cancelled' WHERE sequence = 2", (3, "record_altered")),
    ("what is sent changed", "UPDATE outbox SET payload = replace(payload, 'pin_change', 'renewal') "
     "WHERE id = 4", (5, "payload_altered")),
    ("a record deleted with its outbox row", "DELETE FROM outbox WHERE id = 6; "
     "DELETE FROM transactions WHERE sequence = 6", (7, "record_missing")),
    ("every entry and the head deleted", "DELETE FROM audit_log; DELETE FROM audit_head", (1, "unrecorded")),
]


@pytest.mark.parametrize(("case", "sql", "finding"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_each_record_and_its_outbox_payload_are_bound_into_the_chain(
        trail: Store, intruder: sqlite3.Connection, case: str, sql: str, finding: tuple[int, str]) -> None:
    intruder.executescript("PRAGMA foreign_keys = OFF; " + sql)
    assert finding in problems(trail), case
