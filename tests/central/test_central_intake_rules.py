"""What the service must refuse on POST /v1/transactions (issue 10): input that made it fail with a 500,
and records the contract does not allow. Each is a 4xx in the one error shape, and nothing is stored, on
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from central_server import JST, KIOSK_TERMINAL, OTHER_SITE_TERMINAL, CentralHandle, transaction_wire

from central.inspect_db import row_count
from kiosk.central.models import StoredTransaction


def post(client: httpx.Client, records: list[dict[str, Any]]) -> httpx.Response:
    return client.post("/v1/transactions", json={"transactions": records})


def assert_refused(answer: httpx.Response, status: int, error: str, case: str = "") -> dict[str, Any]:
    assert answer.status_code == status, f"{case}: {answer.status_code} {answer.text[:300]}"
    body: dict[str, Any] = answer.json()
    assert body["error"] == error, case
    return body


def test_deeply_nested_json_is_malformed(service: CentralHandle) -> None:
    body = b'{"transactions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with service.client(headers={"Content-Type": "application/json"}) as client:
        assert_refused(client.post("/v1/transactions", content=body), 400, "malformed")
    assert row_count(service.database_url, StoredTransaction) == 0


def raw_post(client: httpx.Client, record: dict[str, Any], field: str, raw_value: str) -> httpx.Response:
    """The record with ``field`` spelt as the raw JSON text ``raw_value`` (a lone surrogate escape, say)."""
    marker = "@@RAW@@"
    text = json.dumps({"transactions": [{**record, field: marker}]}).replace(f'"{marker}"', raw_value)
    return client.post("/v1/transactions", content=text.encode(), headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("field", ["staff_id", "failure_code", "card_generation", "terminal_id", "site", "kind",
                                   "key", "pin_kind", "subject_hmac_hex", "occurred_at", "local_date"])
@pytest.mark.parametrize("raw_value", ['"\\ud800"', '"S\\u0000"', '"\\udfff\\ud800x"'])
def test_a_lone_surrogate_or_a_nul_in_any_text_field_is_rejected(service: CentralHandle, field: str,
                                                                 raw_value: str) -> None:
    record = transaction_wire(sequence=1, outcome="failed", failure_code="card.removed")
    with service.client() as client:
        answer = raw_post(client, record, field, raw_value)
    if field in ("terminal_id", "site"):
        assert answer.status_code in (403, 422), answer.text
    else:
        assert_refused(answer, 422, "invalid_transactions", field)
    assert row_count(service.database_url, StoredTransaction) == 0


@pytest.mark.parametrize("occurred_at", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+09:00",
                                         "0001-01-01T00:00:00-09:00", "9999-12-31T23:59:59-14:00",
                                         "1999-12-31T23:59:59+00:00", "2061-01-01T00:00:00+09:00",
                                         "2026-W48-1T10:00:00+09:00", "2026-327T10:00:00+09:00",
                                         "20261123T101502+0900", "2026-11-23 10:15:02+09:00",
                                         "2026-11-23T10:15:02", "2026-11-23T10:15:02+09:00\n",
                                         "２０２６-11-23T10:15:02+09:00"])
def test_occurred_at_out_of_range_ahead_or_not_rfc3339_is_rejected(service: CentralHandle,
                                                                  occurred_at: str) -> None:
    record = {**transaction_wire(sequence=1), "occurred_at": occurred_at, "local_date": "2026-11-23"}
    with service.client() as client:
        assert_refused(post(client, [record]), 422, "invalid_transactions", occurred_at)
    assert row_count(service.database_url, StoredTransaction) == 0


def test_a_record_a_few_hours_ahead_of_the_service_is_accepted(service: CentralHandle) -> None:
    ahead = service.clock().astimezone(JST) + timedelta(hours=3)
    with service.client() as client:
        assert post(client, [transaction_wire(sequence=1, occurred_at=ahead)]).status_code == 200


def test_a_record_two_days_ahead_of_the_service_is_rejected(service: CentralHandle) -> None:
    ahead = service.clock().astimezone(JST) + timedelta(days=2)
    with service.client() as client:
        assert_refused(post(client, [transaction_wire(sequence=1, occurred_at=ahead)]), 422,
                       "invalid_transactions")


FREE_TEXT: list[tuple[str, Any]] = [
    ("staff_id", "山田太郎 Yamada Taro"),
    ("staff_id", "S" * 33),
    ("staff_id", "x" * 500_000),
    ("staff_id", ""),
    ("staff_id", "S0012\n"),
    ("card_generation", "123456789012"),
    ("card_generation", "Current"),
    ("failure_code", "東京都千代田区1-1 1990-06-01生"),
    ("failure_code", "card.removed.extra"),
    ("terminal_id", "demo-01 "),
]


@pytest.mark.parametrize(("field", "value"), FREE_TEXT, ids=[f"{f}-{i}" for i, (f, _) in enumerate(FREE_TEXT)])
def test_free_text_where_the_contract_has_codes_is_rejected(service: CentralHandle, field: str, value: Any) -> None:
    record = transaction_wire(sequence=1, outcome="failed", failure_code="card.removed")
    record[field] = value
    with service.client() as client:
        answer = post(client, [record])
    assert answer.status_code in ((403, 422) if field == "terminal_id" else (422,)), answer.text[:300]
    assert row_count(service.database_url, StoredTransaction) == 0


def test_published_codes_and_generations_are_accepted(service: CentralHandle) -> None:
    records = [transaction_wire(sequence=1, outcome="failed", failure_code="pin.blocked", card_generation="next"),
               transaction_wire(sequence=2, staff_id="A.b_c-9" + "x" * 25)]
    with service.client() as client:
        assert post(client, records).status_code == 200


def test_ten_thousand_certificate_entries_are_rejected(service: CentralHandle) -> None:
    entries = [{"purpose": "auth", "old_serial_hex": "01", "new_serial_hex": "02"}] * 10_000
    record = transaction_wire(sequence=1, kind="renewal", certificates=entries)
    twice = transaction_wire(sequence=1, kind="renewal", certificates=entries[:2])
    with service.client() as client:
        assert_refused(post(client, [record]), 422, "invalid_transactions")
        assert_refused(post(client, [twice]), 422, "invalid_transactions")
    assert row_count(service.database_url, StoredTransaction) == 0


def test_a_record_whose_mode_is_not_its_tokens_is_rejected(service: CentralHandle) -> None:
    counter_says_kiosk = transaction_wire(sequence=1, mode="kiosk", staff_id=None)
    kiosk_says_counter = transaction_wire(sequence=1, terminal=KIOSK_TERMINAL, mode="counter", staff_id="S1")
    kiosk_with_staff = transaction_wire(sequence=2, terminal=KIOSK_TERMINAL, staff_id="S1")
    with service.client() as client:
        assert_refused(post(client, [counter_says_kiosk]), 422, "invalid_transactions")
    with service.client(KIOSK_TERMINAL) as client:
        assert_refused(post(client, [kiosk_says_counter]), 422, "invalid_transactions")
        assert_refused(post(client, [kiosk_with_staff]), 422, "invalid_transactions")
    assert row_count(service.database_url, StoredTransaction) == 0


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_that_is_not_declared_json_is_refused(service: CentralHandle, content_type: str | None) -> None:
    body = json.dumps({"transactions": [transaction_wire(sequence=1)]}).encode()
    headers = {"Content-Type": content_type} if content_type else {}
    with service.client(headers=headers) as client:
        answer = client.post("/v1/transactions", content=body)
    assert 400 <= answer.status_code < 500, answer.text
    assert row_count(service.database_url, StoredTransaction) == 0


def test_error_answers_never_echo_text_that_cannot_be_encoded(service: CentralHandle) -> None:
    record = transaction_wire(sequence=1)
    with service.client() as client:
        answer = raw_post(client, record, "key", '"\\ud800"')
    assert_refused(answer, 422, "invalid_transactions")


def test_a_key_held_by_another_site_tells_the_caller_nothing(service: CentralHandle) -> None:
    """The answer for a key another site's terminal holds is the answer for any fresh key: accepted, as
    this terminal's own record; theirs is untouched."""
    theirs = transaction_wire(sequence=1, terminal=OTHER_SITE_TERMINAL)
    with service.client(OTHER_SITE_TERMINAL) as client:
        assert post(client, [theirs]).status_code == 200
    mine = transaction_wire(sequence=1, key=theirs["key"], outcome="cancelled")
    with service.client() as client:
        answer = post(client, [mine])
        assert answer.status_code == 200, answer.text
        assert answer.json()["results"] == [{"key": theirs["key"], "status": "accepted"}]
        assert post(client, [mine]).json()["results"][0]["status"] == "duplicate"
    with service.client(OTHER_SITE_TERMINAL) as client:
        assert post(client, [theirs]).json()["results"][0]["status"] == "duplicate"
    assert row_count(service.database_url, StoredTransaction) == 2
