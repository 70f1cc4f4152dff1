"""The audit trail anchored outside the terminal: each batch carries the audit head, the central service
keeps the newest per terminal, and verification compares, locally against what was last acknowledged and
against the service. Deleting the last entries and rewinding ``audit_head`` with two SQL statements (no
hashing) no longer passes."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from central_server import CentralHandle, transaction_wire
from store.helpers import database_path, pin_change

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from sync.helpers import sender_for


def _rewind(settings: Settings, keep: int) -> None:
    """Two statements, no hashing: the last entries go, the head points at the one kept."""
    db = sqlite3.connect(database_path(settings))
    try:
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute(f"DELETE FROM audit_log WHERE id > {keep}")
        db.execute(f"UPDATE audit_head SET last_id = {keep}, last_hash = (SELECT entry_hash FROM audit_log "
                   f"WHERE id = {keep})")
        db.commit()
    finally:
        db.close()


async def test_each_batch_carries_the_head_and_the_service_keeps_the_newest(
        store: Store, client: CentralClient) -> None:
    for _ in range(5):
        store.record(pin_change())
    head = store.audit_head()
    report = await sender_for(store, client).run_once()
    assert report.acknowledged == 5
    assert await client.audit_head() == head
    older = (1, "0" * 64)  # a batch delayed in the network does not move the anchor back
    wire = transaction_wire(sequence=99)
    await client.post_transactions([(wire["key"], json.dumps(wire))], audit_head=older)
    assert await client.audit_head() == head


async def test_a_rewound_trail_is_found_locally_and_against_the_service(
        store: Store, client: CentralClient, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(4):
        store.record(pin_change())
    await sender_for(store, client).run_once()
    anchored = store.audit_head()
    assert anchored is not None
    store.audit("sync.paused", None, reason="after the anchor")  # an entry the service never saw
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", settings.central_url)
    assert await asyncio.to_thread(main, ["audit", "verify", "--central"]) == ExitCode.OK

    _rewind(settings, keep=anchored[0] - 2)
    kinds = [p.kind for p in store.verify_audit().problems]
    assert "unanchored" in kinds  # the acknowledged entry is gone from the local trail
    # The local anchor erased too (all of sync_state): only the service still knows.
    db = sqlite3.connect(database_path(settings))
    db.execute("UPDATE sync_state SET anchored_entry = NULL, anchored_hash = NULL")
    db.commit()
    db.close()
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["audit", "verify", "--central", "--json"]) == ExitCode.STORE
    assert '"kind": "unanchored"' in capsys.readouterr().out


async def test_a_malformed_audit_head_is_malformed_and_nothing_is_stored(central: CentralHandle) -> None:
    record = transaction_wire(sequence=1)
    with central.client() as http:
        for head in ({"entry": 0, "hash": "0" * 64}, {"entry": 1, "hash": "X" * 64}, {"entry": "1", "hash": "0" * 64},
                     {"entry": 1}, [1, "0" * 64], {"entry": 1, "hash": "0" * 64, "more": 1}):
            answer = http.post("/v1/transactions", json={"transactions": [record], "audit_head": head})
            assert answer.status_code == 400, head
        assert http.get("/v1/audit-head").status_code == 404
