"""Calls for staff over real HTTP on both backends: a kiosk calls, the counters of its site (and only they)
see the call until one answers, the first answer stands, a retried call is one call, old calls lapse."""

from __future__ import annotations

import secrets
import threading
from datetime import timedelta
from typing import Any

import httpx
import pytest
from central_server import (
    DEMO_TERMINAL,
    KIOSK_TERMINAL,
    OTHER_SITE_TERMINAL,
    SECOND_COUNTER,
    CentralHandle,
    run_central,
)

from central.inspect_db import row_count
from kiosk.central.models import StaffCall
from kiosk.central.settings import STAFF_CALL_TTL, TerminalRegistration
from kiosk.domain.transactions import Mode
from kiosk.pki.training import TrainingPki

OTHER_SITE_KIOSK = TerminalRegistration("other-kiosk-01", OTHER_SITE_TERMINAL.site, Mode.KIOSK, "other-kiosk-token")


def new_call(screen: str = "pinEntryScreen", language: str = "vi") -> dict[str, str]:
    return {"call_id": secrets.token_hex(16), "screen": screen, "language": language}


def open_ids(service: CentralHandle, terminal: TerminalRegistration) -> list[str]:
    with service.client(terminal) as client:
        answer = client.get("/v1/staff-calls")
    assert answer.status_code == 200, answer.text
    return [found["call_id"] for found in answer.json()["calls"]]


def post(service: CentralHandle, terminal: TerminalRegistration, path: str, body: dict[str, Any]) -> httpx.Response:
    with service.client(terminal) as client:
        return client.post(path, json=body)


@pytest.fixture
def service(database_url: str, training_pki: TrainingPki) -> Any:
    terminals = (DEMO_TERMINAL, KIOSK_TERMINAL, SECOND_COUNTER, OTHER_SITE_TERMINAL, OTHER_SITE_KIOSK)
    with run_central(database_url, training_pki, terminals=terminals) as handle:
        yield handle


def test_a_kiosk_call_shows_at_every_counter_of_its_site_until_one_answers(service: CentralHandle) -> None:
    body = new_call()
    made = post(service, KIOSK_TERMINAL, "/v1/staff-calls", body)
    assert made.status_code == 201, made.text
    assert made.json() | {"received_at": None} == {
        **body, "terminal_id": KIOSK_TERMINAL.terminal_id, "received_at": None, "answered_at": None,
        "answered_by": None, "answered_staff": None}
    assert open_ids(service, DEMO_TERMINAL) == [body["call_id"]]
    assert open_ids(service, SECOND_COUNTER) == [body["call_id"]]
    assert open_ids(service, OTHER_SITE_TERMINAL) == []

    answered = post(service, SECOND_COUNTER, f"/v1/staff-calls/{body['call_id']}/answer", {"staff_id": "S-002"})
    assert answered.status_code == 200, answered.text
    assert (answered.json()["answered_by"], answered.json()["answered_staff"]) == ("counter-02", "S-002")
    assert open_ids(service, DEMO_TERMINAL) == []
    with service.client(KIOSK_TERMINAL) as client:  # the kiosk learns that someone is coming
        status = client.get(f"/v1/staff-calls/{body['call_id']}")
    assert status.status_code == 200 and status.json()["answered_by"] == "counter-02"


def test_calls_are_listed_oldest_first_and_lapse_after_the_ttl(service: CentralHandle) -> None:
    first, second = new_call(), new_call(language="ja")
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", first).status_code == 201
    service.clock.advance(timedelta(minutes=1))
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", second).status_code == 201
    assert open_ids(service, DEMO_TERMINAL) == [first["call_id"], second["call_id"]]
    service.clock.advance(STAFF_CALL_TTL - timedelta(seconds=30))
    assert open_ids(service, DEMO_TERMINAL) == [second["call_id"]]
    service.clock.advance(timedelta(minutes=1))
    assert open_ids(service, DEMO_TERMINAL) == []
    assert row_count(service.database_url, StaffCall) == 2  # lapsed, not forgotten


def test_a_retried_call_is_one_call_and_another_terminals_id_is_refused(service: CentralHandle) -> None:
    body = new_call()
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", body).status_code == 201
    again = post(service, KIOSK_TERMINAL, "/v1/staff-calls", body)
    assert again.status_code == 200 and again.json()["call_id"] == body["call_id"]
    taken = post(service, OTHER_SITE_KIOSK, "/v1/staff-calls", body)
    assert taken.status_code == 409 and taken.json()["error"] == "call_id_taken"
    assert open_ids(service, DEMO_TERMINAL) == [body["call_id"]]
    assert open_ids(service, OTHER_SITE_TERMINAL) == []
    assert row_count(service.database_url, StaffCall) == 1


def test_the_first_answer_stands_when_two_counters_answer_at_once(service: CentralHandle) -> None:
    body = new_call()
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", body).status_code == 201
    start = threading.Barrier(2)
    answers: dict[str, dict[str, Any]] = {}

    def answer(terminal: TerminalRegistration, staff_id: str) -> None:
        with service.client(terminal) as client:
            start.wait()
            result = client.post(f"/v1/staff-calls/{body['call_id']}/answer", json={"staff_id": staff_id})
        assert result.status_code == 200, result.text
        answers[terminal.terminal_id] = result.json()

    threads = [threading.Thread(target=answer, args=(DEMO_TERMINAL, "S-001")),
               threading.Thread(target=answer, args=(SECOND_COUNTER, "S-002"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = {(found["answered_by"], found["answered_staff"], found["answered_at"]) for found in answers.values()}
    assert len(winners) == 1  # both were told the same first answer
    assert winners.pop()[:2] in {(DEMO_TERMINAL.terminal_id, "S-001"), (SECOND_COUNTER.terminal_id, "S-002")}


def test_a_locked_counter_may_answer_without_a_staff_id(service: CentralHandle) -> None:
    body = new_call()
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", body).status_code == 201
    answered = post(service, DEMO_TERMINAL, f"/v1/staff-calls/{body['call_id']}/answer", {"staff_id": None})
    assert answered.status_code == 200 and answered.json()["answered_staff"] is None
    assert answered.json()["answered_by"] == DEMO_TERMINAL.terminal_id


@pytest.mark.parametrize(("terminal", "method", "path", "status", "error"), [
    (DEMO_TERMINAL, "POST", "/v1/staff-calls", 403, "kiosk_only"),  # a counter has staff at it
    (KIOSK_TERMINAL, "GET", "/v1/staff-calls", 403, "counter_only"),  # residents never see others' calls
    (KIOSK_TERMINAL, "POST", "/v1/staff-calls/{call_id}/answer", 403, "counter_only"),
    (OTHER_SITE_TERMINAL, "POST", "/v1/staff-calls/{call_id}/answer", 404, "unknown_call"),
    (OTHER_SITE_TERMINAL, "GET", "/v1/staff-calls/{call_id}", 404, "unknown_call"),
    (OTHER_SITE_KIOSK, "GET", "/v1/staff-calls/{call_id}", 404, "unknown_call"),
])
def test_who_may_do_what(service: CentralHandle, terminal: TerminalRegistration, method: str, path: str,
                         status: int, error: str) -> None:
    body = new_call()
    assert post(service, KIOSK_TERMINAL, "/v1/staff-calls", body).status_code == 201
    with service.client(terminal) as client:
        answer = client.request(method, path.format(call_id=body["call_id"]),
                                json=new_call() if path == "/v1/staff-calls" else {"staff_id": "S-009"}
                                if method == "POST" else None)
    assert (answer.status_code, answer.json()["error"]) == (status, error), answer.text
    assert open_ids(service, DEMO_TERMINAL) == [body["call_id"]]  # nothing was answered


@pytest.mark.parametrize("body", [
    {"call_id": "not-hex", "screen": "pinEntryScreen", "language": "vi"},
    {"call_id": "ab" * 16, "screen": "<script>", "language": "vi"},
    {"call_id": "ab" * 16, "screen": "pinEntryScreen", "language": "vietnamese please"},
    {"call_id": "ab" * 16, "screen": "pinEntryScreen"},
    {"call_id": "ab" * 16, "screen": "pinEntryScreen", "language": "vi", "resident": "name"},
])
def test_a_malformed_call_is_refused_and_stores_nothing(service: CentralHandle, body: dict[str, Any]) -> None:
    answer = post(service, KIOSK_TERMINAL, "/v1/staff-calls", body)
    assert answer.status_code == 422, answer.text
    assert row_count(service.database_url, StaffCall) == 0


def test_an_unknown_token_is_refused(service: CentralHandle) -> None:
    with service.client(None) as client:
        assert client.get("/v1/staff-calls").status_code == 401
