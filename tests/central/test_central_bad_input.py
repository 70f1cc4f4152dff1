"""Bad input to the central service: each gets its documented 4xx, in the one error shape, and nothing is
stored. (Replayed proofs, expired challenges, forged signatures and untrusted certificates are in
test_central_pin_reset.py; another site's records in test_central_transactions.py; a kiosk asking for a
certificate in test_central_certificates.py.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
from central_server import DEMO_TERMINAL, CentralHandle, transaction_wire
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.inspect_db import row_count
from kiosk.central.models import (
    Challenge,
    IssuedAuthorisation,
    IssuedCertificate,
    Proof,
    StoredTransaction,
)

STORED = (StoredTransaction, Challenge, Proof, IssuedAuthorisation, IssuedCertificate)
POST_ROUTES = ("/v1/transactions", "/v1/challenges", "/v1/challenges/0123/proof", "/v1/authorisations",
               "/v1/certificates")
MIB = 1024 * 1024


def assert_nothing_stored(service: CentralHandle) -> None:
    assert {model.__tablename__: row_count(service.database_url, model) for model in STORED} == {
        model.__tablename__: 0 for model in STORED}


def assert_error(answer: httpx.Response, status: int, error: str, case: str = "") -> None:
    assert answer.status_code == status, f"{case}: {answer.text}"
    body = answer.json()
    assert body["error"] == error, case
    assert isinstance(body["detail"], str) and body["detail"], case


NOT_JSON_OBJECTS = (b"{not json", b"", b"[]", b'"text"', b"5", b"\xff\xfe{}", b'{"a": NaN}', b"[1, Infinity]")


def test_a_body_that_is_not_a_json_object_is_malformed(service: CentralHandle) -> None:
    with service.client(headers={"Content-Type": "application/json"}) as client:
        for route in POST_ROUTES:
            for body in NOT_JSON_OBJECTS:
                assert_error(client.post(route, content=body), 400, "malformed", f"{route} {body!r}")
    assert_nothing_stored(service)


def test_a_batch_that_is_not_an_object_with_a_transactions_list_is_malformed(service: CentralHandle) -> None:
    with service.client() as client:
        for document in ({"transactions": {}}, {"transactions": "x"}, {"records": []}, {"transactions": []},
                         {"transactions": [], "more": 1}):
            assert_error(client.post("/v1/transactions", json=document), 400, "malformed", str(document))
    assert_nothing_stored(service)


WRONGLY_TYPED: list[tuple[str, dict[str, Any]]] = [
    ("/v1/challenges", {"card_id_hex": 123}),
    ("/v1/challenges", {"card_id_hex": "00" * 15}),
    ("/v1/challenges", {"card_id_hex": "zz" * 16}),
    ("/v1/challenges", {"card_id_hex": "00" * 16, "pin": "1234"}),
    ("/v1/challenges", {}),
    ("/v1/challenges/0123/proof", {"certificate": ["MA=="], "signature": "MA=="}),
    ("/v1/authorisations", {"operation": "reset_pin", "card_id_hex": "00" * 16, "card_challenge_hex": "00" * 8,
                            "aid_hex": "D392F000260100000001", "target_hex": 0x18,
                            "grounds": {"staff": {"staff_id": "S1", "identity_checks": ["photo"]}}}),
    ("/v1/authorisations", {"operation": "format_card", "card_id_hex": "00" * 16, "card_challenge_hex": "00" * 8,
                            "aid_hex": "D392F000260100000001", "target_hex": "0018",
                            "grounds": {"staff": {"staff_id": "S1", "identity_checks": ["photo"]}}}),
    ("/v1/authorisations", {"operation": "reset_pin", "card_id_hex": "00" * 16, "card_challenge_hex": "00" * 8,
                            "aid_hex": "D392F000260100000001", "target_hex": "0018",
                            "grounds": {"proof_id": "p", "staff": {"staff_id": "S1", "identity_checks": ["x"]}}}),
    ("/v1/certificates", {"purpose": "auth", "public_key": "MA==", "card_id_hex": "00" * 16,
                          "birth_date": 19900601, "card_expires_on": "2034-06-01", "card_generation": "current",
                          "staff": {"staff_id": "S1", "identity_checks": ["photo"]}}),
    ("/v1/certificates", {"purpose": "auth", "public_key": "MA==", "card_id_hex": "00" * 16,
                          "birth_date": "1990-6-1", "card_expires_on": "2034-06-01", "card_generation": "current",
                          "staff": {"staff_id": "S1", "identity_checks": ["photo"]}}),
    ("/v1/certificates", {"purpose": "auth", "public_key": "MA==", "card_id_hex": "00" * 16,
                          "birth_date": "1990-06-01", "card_expires_on": "2034-06-01", "card_generation": 1,
                          "staff": {"staff_id": "S1", "identity_checks": ["photo"]}}),
]


def test_a_field_of_the_wrong_type_or_form_is_an_invalid_request(service: CentralHandle) -> None:
    with service.client() as client:
        for route, body in WRONGLY_TYPED:
            assert_error(client.post(route, json=body), 422, "invalid_request", f"{route} {body}")
    assert_nothing_stored(service)


def test_more_than_500_records_is_a_batch_too_large(service: CentralHandle) -> None:
    records = [transaction_wire(sequence=n) for n in range(1, 502)]
    with service.client() as client:
        answer = client.post("/v1/transactions", json={"transactions": records})
        exactly_500 = client.post("/v1/transactions", json={"transactions": records[:500]})
    assert_error(answer, 413, "batch_too_large")
    assert answer.json()["limit"] == 500
    assert exactly_500.status_code == 200
    assert row_count(service.database_url, StoredTransaction) == 500


def padded_batch(size: int) -> bytes:
    """A valid one-record batch padded with whitespace to exactly ``size`` bytes."""
    body = json.dumps({"transactions": [transaction_wire(sequence=1)]}).encode()
    return body[:-1] + b" " * (size - len(body)) + body[-1:]


def in_chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


def test_a_body_over_one_mebibyte_is_refused_declared_or_streamed(service: CentralHandle) -> None:
    too_big = padded_batch(MIB + 1)
    with service.client(headers={"Content-Type": "application/json"}) as client:
        declared = client.post("/v1/transactions", content=too_big)
        streamed = client.post("/v1/transactions", content=in_chunks(too_big))
    for answer in (declared, streamed):
        assert_error(answer, 413, "body_too_large")
        assert answer.json()["limit"] == MIB
    assert "content-length" not in streamed.request.headers
    assert_nothing_stored(service)


def test_a_body_of_exactly_one_mebibyte_is_read(service: CentralHandle) -> None:
    with service.client(headers={"Content-Type": "application/json"}) as client:
        answer = client.post("/v1/transactions", content=in_chunks(padded_batch(MIB)))
    assert answer.status_code == 200, answer.text


def test_without_a_known_bearer_token_every_route_but_health_is_401(service: CentralHandle) -> None:
    routes = [("POST", r) for r in POST_ROUTES] + [("GET", "/v1/sites/demo-site/counts?date=2026-11-23")]
    batch = {"transactions": [transaction_wire(sequence=1)]}
    for authorization in (None, "Bearer nobody-has-this-token", "Basic ZGVtbzpkZW1v", f"Token {DEMO_TERMINAL.token}",
                          "Bearer"):
        headers = {"Authorization": authorization} if authorization is not None else {}
        with service.client(None, headers=headers) as client:
            for method, route in routes:
                answer = client.request(method, route, json=batch)
                assert_error(answer, 401, "unauthenticated", f"{authorization} {method} {route}")
                assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert_nothing_stored(service)


def test_unknown_routes_and_methods_answer_in_the_error_shape(service: CentralHandle) -> None:
    with service.client() as client:
        assert_error(client.get("/v1/nothing-here"), 404, "not_found")
        assert_error(client.delete("/v1/transactions"), 405, "method_not_allowed")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)
FIELDS = ("key", "terminal_id", "site", "sequence", "kind", "outcome", "failure_code", "occurred_at", "local_date",
          "mode", "staff_id", "card_generation", "pin_kind", "certificates", "subject_hmac_hex")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=json_values)
def test_any_value_in_any_field_is_accepted_or_refused_never_a_server_error(
        central: CentralHandle, field: str, value: Any) -> None:
    record = {**transaction_wire(sequence=1), field: value}
    before = row_count(central.database_url, StoredTransaction)
    with central.client() as client:
        answer = client.post("/v1/transactions", json={"transactions": [record]})
    assert answer.status_code in (200, 403, 422), answer.text
    after = row_count(central.database_url, StoredTransaction)
    assert after == before + (1 if answer.status_code == 200 else 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values)
def test_any_json_document_as_a_batch_is_refused_without_a_server_error(central: CentralHandle,
                                                                        document: Any) -> None:
    with central.client() as client:
        answer = client.post("/v1/transactions", json=document)
    assert answer.status_code in (400, 413, 422), answer.text
    assert row_count(central.database_url, StoredTransaction) == 0
