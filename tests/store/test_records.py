"""Recording a procedure: record, outbox row, audit entry and sequence number in one transaction."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from kiosk.config import Settings
from kiosk.domain.transactions import InvalidTransaction, Outcome, TransactionKind, from_wire
from kiosk.domain.validity import JST
from kiosk.errors import ConfigError, KioskError
from kiosk.store.database import Store, open_store
from store.helpers import SUBJECT_DER, check, count, database_path, on, pin_change, raw, renewal


def test_a_record_its_outbox_row_and_its_audit_entry_are_written_together(store: Store,
                                                                          settings: Settings) -> None:
    record = store.record(renewal(occurred_at=on("2026-11-23")))

    with raw(settings) as db:
        (payload, state, attempts) = db.execute(
            "SELECT payload, state, attempts FROM outbox WHERE transaction_key = ?", (record.key,)).fetchone()
        (event, detail) = db.execute("SELECT event, detail FROM audit_log WHERE subject = ?", (record.key,)).fetchone()
    assert (state, attempts) == ("pending", 0)
    assert json.loads(payload) == record.to_wire()
    assert from_wire(json.loads(payload)) == record  # the central service's own parser takes it as is
    assert event == "transaction.recorded"
    bound = json.loads(detail)
    assert {k: bound[k] for k in ("sequence", "kind", "outcome")} == {"sequence": 1, "kind": "renewal",
                                                                      "outcome": "completed"}
    assert bound["payload_sha256"] == hashlib.sha256(payload.encode()).hexdigest()  # what is sent is bound
    assert store.transaction(record.key) == record


def test_the_record_carries_the_terminal_and_a_japan_time_stamp(store: Store, settings: Settings) -> None:
    record = store.record(pin_change())
    assert (record.terminal_id, record.site, str(record.mode)) == (settings.terminal_id, settings.site,
                                                                   settings.mode)
    assert record.occurred_at.utcoffset() == JST.utcoffset(None)


def test_the_resident_is_only_an_hmac_of_the_subject(store: Store, settings: Settings) -> None:
    record = store.record(renewal())
    expected = hmac.new(bytes.fromhex(settings.identifier_key), SUBJECT_DER, hashlib.sha256).hexdigest()
    assert record.subject_hmac_hex == expected
    content = database_path(settings).read_bytes() + database_path(settings).with_suffix(".sqlite3-wal").read_bytes()
    assert SUBJECT_DER not in content
    assert b"201912345678901234567890ABCDE" not in content


def test_another_identifier_key_gives_another_hmac(settings: Settings) -> None:
    other = open_store(replace(settings, identifier_key="00" * 32))
    try:
        theirs = other.record(renewal()).subject_hmac_hex
    finally:
        other.close()
    assert theirs != hmac.new(bytes.fromhex(settings.identifier_key), SUBJECT_DER, hashlib.sha256).hexdigest()


@pytest.mark.parametrize("key", ["not hex", "00" * 8])
def test_a_bad_identifier_key_is_a_configuration_error(settings: Settings, key: str) -> None:
    with pytest.raises(ConfigError):
        open_store(replace(settings, identifier_key=key))


def test_sequence_numbers_start_at_one_and_have_no_gaps_across_restarts(settings: Settings) -> None:
    sequences = []
    for _ in range(3):
        store = open_store(settings)
        try:
            sequences += [store.record(pin_change()).sequence for _ in range(4)]
        finally:
            store.close()
    assert sequences == list(range(1, 13))


def test_an_invalid_draft_writes_nothing_and_uses_no_sequence_number(store: Store, settings: Settings) -> None:
    store.record(pin_change())
    with pytest.raises(InvalidTransaction):
        store.record(pin_change(pin_kind=None))  # a PIN procedure without its PIN kind
    with pytest.raises(InvalidTransaction):
        store.record(pin_change(outcome=Outcome.FAILED))  # failed, but no failure code
    assert store.record(pin_change()).sequence == 2
    for table in ("transactions", "outbox"):
        assert count(settings, f"SELECT count(*) FROM {table}") == 2
    assert count(settings, "SELECT count(*) FROM audit_log WHERE event = 'transaction.recorded'") == 2


REFUSED_DRAFTS = [
    pin_change(outcome=Outcome.FAILED, failure_code="\ud800"),  # a lone surrogate: cannot even be encoded
    renewal(staff_id="S\x00"),
    renewal(staff_id="山田太郎 Yamada Taro"),
    renewal(staff_id="S" * 500_000),
    check(card_generation="123456789012"),
    pin_change(outcome=Outcome.FAILED, failure_code="東京都千代田区1-1 1990-06-01生"),
    pin_change(occurred_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
    pin_change(occurred_at=datetime(1, 1, 1, 0, 0, tzinfo=JST)),
    pin_change(occurred_at=datetime(2061, 1, 1, tzinfo=UTC)),  # decades ahead of the terminal's clock
]


@pytest.mark.parametrize("draft", REFUSED_DRAFTS, ids=range(len(REFUSED_DRAFTS)))
def test_the_store_refuses_what_the_contract_refuses_with_a_typed_error(store: Store, settings: Settings,
                                                                        draft: object) -> None:
    """What the central service would refuse never enters the outbox, where it would wait for ever."""
    with pytest.raises(InvalidTransaction) as raised:
        store.record(draft)  # type: ignore[arg-type]
    assert isinstance(raised.value, KioskError)
    assert "\ud800" not in str(raised.value) and "山田" not in str(raised.value)
    assert count(settings, "SELECT count(*) FROM transactions") == 0
    assert store.record(pin_change()).sequence == 1


def test_a_failure_in_the_middle_leaves_no_half_written_record(store: Store, settings: Settings) -> None:
    """The audit insert fails after the record and outbox rows were written: all of it is rolled back."""
    store.record(pin_change())
    with raw(settings) as db:
        db.execute("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    with pytest.raises(Exception, match="injected failure"):
        store.record(pin_change())
    with raw(settings) as db:
        db.execute("DROP TRIGGER fail_audit")
    assert count(settings, "SELECT count(*) FROM transactions") == 1
    assert count(settings, "SELECT count(*) FROM outbox") == 1
    assert store.record(pin_change()).sequence == 2  # the failed attempt's number was not consumed
    assert store.verify_audit().intact


def test_concurrent_recording_threads_get_distinct_gapless_sequences(store: Store) -> None:
    results: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(25):
            sequence = store.record(pin_change()).sequence
            with lock:
                results.append(sequence)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 101))


def test_two_processes_recording_at_once_get_distinct_gapless_sequences(settings: Settings) -> None:
    """Two terminal processes on one database (the app and a technician's CLI): BEGIN IMMEDIATE serialises them."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from kiosk.config import load_settings\n"
        "from kiosk.store.database import open_store\n"
        "from kiosk.store.drafts import TransactionDraft\n"
        "from kiosk.domain.transactions import TransactionKind, Outcome\n"
        f"settings = replace(load_settings(environ={{}}), database_url={settings.database_url!r})\n"
        "store = open_store(settings)\n"
        "for _ in range(40):\n"
        "    print(store.record(TransactionDraft(TransactionKind.CHECK, Outcome.COMPLETED)).sequence)\n"
    )
    open_store(settings).close()  # migrate first, so both children race on records only
    children = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
                for _ in range(2)]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert [child.returncode for child in children] == [0, 0]
    sequences = sorted(int(line) for output in outputs for line in output.split())
    assert sequences == list(range(1, 81))


def test_local_day_lists_the_records_of_a_japan_time_day(store: Store) -> None:
    first = store.record(renewal(occurred_at=on("2026-11-23", hour=9)))
    store.record(pin_change(occurred_at=on("2026-11-24", hour=9)))
    # 23:30 UTC on the 22nd is 08:30 JST on the 23rd: counted on the 23rd
    late = store.record(pin_change(occurred_at=datetime(2026, 11, 22, 23, 30, tzinfo=UTC)))
    day = store.local_day("demo-site", on("2026-11-23").date())
    assert [(t.key, t.sequence, t.kind, t.outbox_state) for t in day] == [
        (first.key, 1, "renewal", "pending"), (late.key, 3, "pin_change", "pending")]
    assert store.local_day("other-site", on("2026-11-23").date()) == []


def test_kinds_and_outcomes_of_the_contract_are_all_recordable(store: Store) -> None:
    store.record(check())
    store.record(renewal(kind=TransactionKind.NEW_ISSUANCE))
    store.record(pin_change(kind=TransactionKind.PIN_RESET, pin_kind="sign"))
    store.record(pin_change(outcome=Outcome.FAILED, failure_code="pin.blocked"))
    store.record(pin_change(outcome=Outcome.CANCELLED))
    store.record(check(kind=TransactionKind.CARD_INFO_READ))
    assert store.outbox_status().pending == 6
