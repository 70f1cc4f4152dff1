"""POST /v1/transactions and GET /v1/sites/{site}/counts through real HTTP, on each backend."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from central_server import (
    DEMO_TERMINAL,
    JST,
    KIOSK_TERMINAL,
    OTHER_SITE_TERMINAL,
    SECOND_COUNTER,
    CentralHandle,
    transaction_wire,
)

from central.inspect_db import row_count
from kiosk.central.models import StoredTransaction


def post(client: httpx.Client, records: list[dict[str, Any]]) -> httpx.Response:
    return client.post("/v1/transactions", json={"transactions": records})


def test_a_batch_is_accepted_and_a_repeat_is_a_duplicate_stored_once(service: CentralHandle) -> None:
    records = [transaction_wire(sequence=n) for n in (1, 2, 3)]
    with service.client() as client:
        first = post(client, records)
        again = post(client, records)
    assert first.status_code == 200
    assert first.json() == {"results": [{"key": r["key"], "status": "accepted"} for r in records]}
    assert again.status_code == 200
    assert again.json() == {"results": [{"key": r["key"], "status": "duplicate"} for r in records]}
    assert row_count(service.database_url, StoredTransaction) == 3


def test_a_key_spelt_differently_is_the_same_key(service: CentralHandle) -> None:
    record = transaction_wire(sequence=1)
    with service.client() as client:
        assert post(client, [record]).status_code == 200
        respelt = {**record, "key": record["key"].upper()}
        answer = post(client, [respelt])
    assert answer.json()["results"] == [{"key": respelt["key"], "status": "duplicate"}]
    assert row_count(service.database_url, StoredTransaction) == 1


def test_a_key_reused_with_other_content_is_rejected_and_nothing_of_the_batch_is_stored(
        service: CentralHandle) -> None:
    original = transaction_wire(sequence=1)
    with service.client() as client:
        assert post(client, [original]).status_code == 200
        changed = {**original, "outcome": "cancelled"}
        fresh = transaction_wire(sequence=2)
        answer = post(client, [fresh, changed])
    assert answer.status_code == 422
    body = answer.json()
    assert body["error"] == "invalid_transactions"
    assert [(r["index"], r["key"]) for r in body["rejected"]] == [(1, original["key"])]
    assert "other content" in body["rejected"][0]["reason"]
    assert row_count(service.database_url, StoredTransaction) == 1


RULE_BREAKERS: list[tuple[dict[str, Any], str]] = [
    ({"sequence": "7"}, "sequence must be an integer"),
    ({"sequence": 0}, "sequence starts at 1"),
    ({"kind": "coffee"}, "kind is one of"),
    ({"key": "not-a-uuid"}, "key is not a UUID"),
    ({"outcome": "failed"}, "failure_code"),
    ({"local_date": "2026-11-24"}, "local_date"),
    ({"occurred_at": "2026-11-23T10:15:02"}, "UTC offset"),
    ({"pin_kind": "auth"}, "pin_kind"),
    ({"certificates": [{"purpose": "auth", "old_serial_hex": 5, "new_serial_hex": None}]}, "serials must be strings"),
    ({"subject_hmac_hex": "XYZ"}, "subject_hmac_hex"),
    ({"colour": "blue"}, "unknown fields"),
]


def test_each_rule_breaking_record_is_rejected_with_its_reason_and_nothing_is_stored(
        service: CentralHandle) -> None:
    """Good and bad records interleaved: exactly the bad ones come back, each with its own reason."""
    batch: list[dict[str, Any]] = []
    expected: list[tuple[int, str]] = []
    for number, (change, reason) in enumerate(RULE_BREAKERS):
        batch.append(transaction_wire(sequence=2 * number + 1))
        expected.append((len(batch), reason))
        batch.append({**transaction_wire(sequence=2 * number + 2), **change})
    with service.client() as client:
        answer = post(client, batch)
    assert answer.status_code == 422
    rejected = answer.json()["rejected"]
    assert [r["index"] for r in rejected] == [index for index, _ in expected]
    for entry, (_, reason) in zip(rejected, expected, strict=True):
        assert reason in entry["reason"], entry
        assert entry["key"] == batch[entry["index"]]["key"]
    assert row_count(service.database_url, StoredTransaction) == 0


def test_records_that_are_not_objects_or_lack_fields_are_rejected_by_index(service: CentralHandle) -> None:
    missing_kind = transaction_wire(sequence=2)
    del missing_kind["kind"]
    with service.client() as client:
        answer = post(client, [transaction_wire(sequence=1), "a string", missing_kind, None])
    assert answer.status_code == 422
    assert [(r["index"], r["key"]) for r in answer.json()["rejected"]] == [
        (1, None), (2, missing_kind["key"]), (3, None)]
    assert "missing field: kind" in answer.json()["rejected"][1]["reason"]


def test_a_sequence_number_already_held_by_another_key_is_rejected(service: CentralHandle) -> None:
    with service.client() as client:
        assert post(client, [transaction_wire(sequence=5)]).status_code == 200
        answer = post(client, [transaction_wire(sequence=5)])
        twice_in_one_batch = post(client, [transaction_wire(sequence=6), transaction_wire(sequence=6)])
    assert answer.status_code == 422
    assert "sequence 5" in answer.json()["rejected"][0]["reason"]
    assert [r["index"] for r in twice_in_one_batch.json()["rejected"]] == [1]
    assert row_count(service.database_url, StoredTransaction) == 1


def test_a_terminal_that_lost_its_database_is_told_so_and_reconciliation_counts_it(service: CentralHandle) -> None:
    """The terminal numbered again from 1 after losing its database: the service says so in a code of its
    own, stores nothing of the batch, and the day's report lists each refused record."""
    first = [transaction_wire(sequence=n) for n in (1, 2, 3)]
    again = [transaction_wire(sequence=n) for n in (1, 2)]
    with service.client() as client:
        assert post(client, first).status_code == 200
        answer = post(client, again)
        repeated = post(client, again)  # the terminal's retry is not counted twice
        report = counts(client, "demo-site", "2026-11-23").json()
    assert answer.status_code == 422
    rejected = answer.json()["rejected"]
    assert [r["code"] for r in rejected] == ["terminal_lost_database"] * 2
    assert "after losing its database" in rejected[0]["reason"]
    assert repeated.status_code == 422
    assert row_count(service.database_url, StoredTransaction) == 3
    assert [(c["sequence"], c["key"], c["held_by"]) for c in report["lost_database_conflicts"]] == [
        (1, again[0]["key"], first[0]["key"]), (2, again[1]["key"], first[1]["key"])]


def test_the_same_record_twice_in_one_batch_is_stored_once(service: CentralHandle) -> None:
    record = transaction_wire(sequence=1)
    with service.client() as client:
        answer = post(client, [record, dict(record)])
    assert [r["status"] for r in answer.json()["results"]] == ["accepted", "duplicate"]
    assert row_count(service.database_url, StoredTransaction) == 1


@pytest.mark.parametrize(("terminal", "error"), [(OTHER_SITE_TERMINAL, "wrong_site"),
                                                 (SECOND_COUNTER, "wrong_terminal")])
def test_a_record_of_another_site_or_terminal_is_forbidden_and_nothing_is_stored(
        service: CentralHandle, terminal: Any, error: str) -> None:
    own = transaction_wire(sequence=1)
    foreign = transaction_wire(sequence=2, terminal=terminal)
    with service.client() as client:
        answer = post(client, [own, foreign])
    assert answer.status_code == 403
    assert answer.json()["error"] == error
    assert answer.json()["keys"] == [foreign["key"]]
    assert row_count(service.database_url, StoredTransaction) == 0


def race(service: CentralHandle, batches: list[list[dict[str, Any]]]) -> list[httpx.Response]:
    """Post each batch from its own thread, all released together; the answers in the batches' order."""
    answers: dict[int, httpx.Response] = {}
    start = threading.Barrier(len(batches))

    def send(index: int) -> None:
        with service.client() as client:
            start.wait()
            answers[index] = post(client, batches[index])

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(batches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return [answers[index] for index in range(len(batches))]


def test_identical_batches_racing_store_each_key_once(service: CentralHandle) -> None:
    """Each key is accepted by exactly one of the racing requests and a duplicate for the others."""
    for round_number in range(6):
        records = [transaction_wire(sequence=round_number * 100 + n) for n in range(1, 101)]
        answers = race(service, [records] * 3)
        assert [a.status_code for a in answers] == [200, 200, 200]
        for index, record in enumerate(records):
            statuses = sorted(a.json()["results"][index]["status"] for a in answers)
            assert statuses == ["accepted", "duplicate", "duplicate"], record["key"]
    assert row_count(service.database_url, StoredTransaction) == 600


def test_overlapping_batches_racing_store_each_key_once(service: CentralHandle) -> None:
    for round_number in range(4):
        records = [transaction_wire(sequence=round_number * 100 + n) for n in range(1, 91)]
        answers = race(service, [records[:60], records[30:]])
        assert [a.status_code for a in answers] == [200, 200]
        statuses: dict[str, list[str]] = {}
        for answer in answers:
            for result in answer.json()["results"]:
                statuses.setdefault(result["key"], []).append(result["status"])
        assert all(sorted(s) in (["accepted"], ["accepted", "duplicate"]) for s in statuses.values()), statuses
        assert len(statuses) == 90
    assert row_count(service.database_url, StoredTransaction) == 360


def counts(client: httpx.Client, site: str, day: str) -> httpx.Response:
    return client.get(f"/v1/sites/{site}/counts", params={"date": day})


def test_counts_are_per_site_japan_date_kind_and_outcome(service: CentralHandle) -> None:
    late_evening = datetime(2026, 11, 23, 23, 30, tzinfo=JST)
    just_after_midnight_jst = datetime(2026, 11, 23, 15, 30, tzinfo=JST.utc)  # 24 Nov 00:30 in Japan
    mine = [
        transaction_wire(sequence=1, kind="renewal", certificates=[
            {"purpose": "auth", "old_serial_hex": "5a3f", "new_serial_hex": "6b10"}]),
        transaction_wire(sequence=2, kind="renewal", outcome="failed", failure_code="card.removed"),
        transaction_wire(sequence=3, kind="renewal", occurred_at=late_evening),
        transaction_wire(sequence=4, occurred_at=just_after_midnight_jst),
    ]
    kiosk = [transaction_wire(sequence=1, terminal=KIOSK_TERMINAL, kind="pin_reset", pin_kind="sign")]
    elsewhere = [transaction_wire(sequence=1, terminal=OTHER_SITE_TERMINAL, kind="renewal")]
    with service.client() as client, service.client(KIOSK_TERMINAL) as kiosk_client, \
            service.client(OTHER_SITE_TERMINAL) as other_client:
        assert post(client, mine).status_code == 200
        assert post(kiosk_client, kiosk).status_code == 200
        assert post(other_client, elsewhere).status_code == 200
        day = counts(client, DEMO_TERMINAL.site, "2026-11-23")
        next_day = counts(kiosk_client, DEMO_TERMINAL.site, "2026-11-24")
    assert day.status_code == 200
    report = day.json()
    assert report["site"] == "demo-site"
    assert report["date"] == "2026-11-23"
    assert report["counts"] == [
        {"kind": "pin_reset", "outcome": "completed", "count": 1},
        {"kind": "renewal", "outcome": "completed", "count": 2},
        {"kind": "renewal", "outcome": "failed", "count": 1},
    ]
    assert [(t["terminal_id"], t["sequence"]) for t in report["transactions"]] == [
        ("demo-01", 1), ("demo-01", 2), ("demo-01", 3), ("kiosk-01", 1)]
    assert report["sequence_gaps"] == []
    assert next_day.json()["counts"] == [{"kind": "check", "outcome": "completed", "count": 1}]
    assert next_day.json()["transactions"][0]["key"] == mine[3]["key"]


def test_sequence_gaps_list_what_each_terminal_has_not_delivered(service: CentralHandle) -> None:
    with service.client() as client, service.client(KIOSK_TERMINAL) as kiosk_client:
        assert post(client, [transaction_wire(sequence=n) for n in (1, 2, 5, 9)]).status_code == 200
        assert post(kiosk_client, [transaction_wire(sequence=3, terminal=KIOSK_TERMINAL)]).status_code == 200
        report = counts(client, "demo-site", "2030-01-01").json()
        assert post(client, [transaction_wire(sequence=n) for n in (3, 4, 6, 7, 8)]).status_code == 200
        closed = counts(client, "demo-site", "2030-01-01").json()
    assert report["counts"] == []
    assert report["sequence_gaps"] == [
        {"terminal_id": "demo-01", "missing": [3, 4, 6, 7, 8], "missing_count": 5},
        {"terminal_id": "kiosk-01", "missing": [1, 2], "missing_count": 2},
    ]
    assert closed["sequence_gaps"] == [{"terminal_id": "kiosk-01", "missing": [1, 2], "missing_count": 2}]


def test_a_far_jump_in_sequence_lists_the_first_thousand_missing_and_counts_all(service: CentralHandle) -> None:
    with service.client() as client:
        assert post(client, [transaction_wire(sequence=n) for n in (1, 10**12)]).status_code == 200
        gaps = counts(client, "demo-site", "2026-11-23").json()["sequence_gaps"]
    assert gaps[0]["missing"] == list(range(2, 1002))
    assert gaps[0]["missing_count"] == 10**12 - 2


def test_counts_of_another_site_are_forbidden(service: CentralHandle) -> None:
    with service.client() as client:
        answer = counts(client, OTHER_SITE_TERMINAL.site, "2026-11-23")
    assert answer.status_code == 403
    assert answer.json()["error"] == "wrong_site"


@pytest.mark.parametrize("day", ["2026-13-01", "yesterday", ""])
def test_counts_need_a_real_date(service: CentralHandle, day: str) -> None:
    with service.client() as client:
        answer = counts(client, "demo-site", day)
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_request"


def test_health_needs_no_token_and_names_the_version(service: CentralHandle) -> None:
    with service.client(None) as client:
        answer = client.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["version"] == "0.1.0"


def test_keys_are_reported_as_sent(service: CentralHandle) -> None:
    record = transaction_wire(sequence=1, key=str(uuid.uuid4()).replace("-", ""))
    with service.client() as client:
        answer = post(client, [record])
    assert answer.json()["results"] == [{"key": record["key"], "status": "accepted"}]
