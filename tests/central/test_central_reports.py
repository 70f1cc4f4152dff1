"""``GET /v1/reports/counts`` and ``kiosk central report``: exact counts per site, day, kind and outcome,
the terminals whose sequence gaps are oldest, and a 4xx (never a 5xx) for every bad query."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
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

from kiosk.central.settings import TerminalRegistration
from kiosk.domain.transactions import Mode, Outcome, TransactionKind

DAYS = (datetime(2026, 11, 2, 9, 30, tzinfo=JST), datetime(2026, 11, 3, 16, 59, tzinfo=JST),
        datetime(2026, 11, 30, 23, 59, 59, tzinfo=JST))
PIN_KINDS = {TransactionKind.PIN_RESET, TransactionKind.PIN_CHANGE}
CERTIFICATE_KINDS = {TransactionKind.RENEWAL, TransactionKind.NEW_ISSUANCE}


def _record(terminal: TerminalRegistration, sequence: int, kind: TransactionKind, outcome: Outcome,
            when: datetime) -> dict[str, Any]:
    return transaction_wire(
        sequence=sequence, terminal=terminal, kind=str(kind), outcome=str(outcome), occurred_at=when,
        failure_code="card.removed" if outcome is Outcome.FAILED else None,
        pin_kind="auth" if kind in PIN_KINDS else None,
        certificates=[{"purpose": "auth", "old_serial_hex": "0a", "new_serial_hex": "0b"}]
        if kind in CERTIFICATE_KINDS else [],
        staff_id="S0012" if terminal.mode is Mode.COUNTER else None)


def _send(service: CentralHandle, terminal: TerminalRegistration, records: list[dict[str, Any]]) -> None:
    with service.client(terminal) as client:
        answer = client.post("/v1/transactions", json={"transactions": records})
    assert answer.status_code == 200, answer.text


def _every_state(terminal: TerminalRegistration, first_sequence: int) -> list[dict[str, Any]]:
    """One record of every kind and outcome on every day of DAYS, numbered from ``first_sequence``."""
    records = []
    for when in DAYS:
        for kind in TransactionKind:
            for outcome in Outcome:
                records.append(_record(terminal, first_sequence + len(records), kind, outcome, when))
    return records


def _report(service: CentralHandle, terminal: TerminalRegistration = DEMO_TERMINAL,
            **params: str) -> httpx.Response:
    with service.client(terminal) as client:
        return client.get("/v1/reports/counts", params={"from": "2026-11-01", "to": "2026-11-30", **params})


def test_counts_are_exact_for_every_kind_outcome_and_day_of_the_site_only(service: CentralHandle) -> None:
    demo = _every_state(DEMO_TERMINAL, 1)
    kiosk = _every_state(KIOSK_TERMINAL, 1)[:20]
    other = _every_state(OTHER_SITE_TERMINAL, 1)
    outside = [_record(DEMO_TERMINAL, len(demo) + 1, TransactionKind.CHECK, Outcome.COMPLETED,
                       datetime(2026, 12, 1, 0, 0, tzinfo=JST))]  # the first minute after the range
    _send(service, DEMO_TERMINAL, demo + outside)
    _send(service, KIOSK_TERMINAL, kiosk)
    _send(service, OTHER_SITE_TERMINAL, other)

    answer = _report(service)

    assert answer.status_code == 200, answer.text
    body = answer.json()
    expected = Counter((r["site"], r["local_date"], r["kind"], r["outcome"]) for r in demo + kiosk)
    got = {(c["site"], c["date"], c["kind"], c["outcome"]): c["count"] for c in body["counts"]}
    assert got == dict(expected)
    assert len(got) == len(DAYS) * len(TransactionKind) * len(Outcome)
    assert body["total"] == len(demo) + len(kiosk)
    assert (body["from"], body["to"], body["site"]) == ("2026-11-01", "2026-11-30", DEMO_TERMINAL.site)
    assert [c["date"] for c in body["counts"]] == sorted(c["date"] for c in body["counts"])
    assert body["oldest_gaps"] == []
    one_day = _report(service, **{"from": "2026-11-03", "to": "2026-11-03"}).json()
    assert one_day["total"] == len(TransactionKind) * len(Outcome) + 2  # the kiosk's first 20 reach day 2


def test_the_oldest_gaps_come_first_with_their_first_missing_number(service: CentralHandle) -> None:
    when = DAYS[0]
    check, done = TransactionKind.CHECK, Outcome.COMPLETED
    _send(service, KIOSK_TERMINAL, [_record(KIOSK_TERMINAL, n, check, done, when) for n in (1, 2, 3)])
    _send(service, SECOND_COUNTER, [_record(SECOND_COUNTER, n, check, done, when) for n in (1, 2, 3, 7)])
    opened_first = service.clock()
    service.clock.advance(timedelta(hours=2))
    _send(service, DEMO_TERMINAL, [_record(DEMO_TERMINAL, n, check, done, when) for n in (2, 3, 6, 9)])
    _send(service, OTHER_SITE_TERMINAL, [_record(OTHER_SITE_TERMINAL, n, check, done, when) for n in (1, 5)])

    gaps = _report(service).json()["oldest_gaps"]

    assert [(g["terminal_id"], g["first_missing"], g["missing_count"], g["next_sequence"]) for g in gaps] == [
        (SECOND_COUNTER.terminal_id, 4, 3, 7),
        (DEMO_TERMINAL.terminal_id, 1, 5, 2),  # 1, 4, 5, 7, 8
    ]
    first_since = datetime.fromisoformat(gaps[0]["next_received_at"])
    assert abs(first_since - opened_first) < timedelta(minutes=1)
    assert datetime.fromisoformat(gaps[1]["next_received_at"]) - first_since >= timedelta(hours=2)
    assert all(g["site"] == DEMO_TERMINAL.site for g in gaps)
    assert [g["terminal_id"] for g in _report(service, gaps="1").json()["oldest_gaps"]] == [
        SECOND_COUNTER.terminal_id]
    assert _report(service, gaps="0").json()["oldest_gaps"] == []


def test_another_site_is_refused_and_the_own_site_may_be_named(service: CentralHandle) -> None:
    refused = _report(service, site=OTHER_SITE_TERMINAL.site)
    assert (refused.status_code, refused.json()["error"]) == (403, "wrong_site")
    assert _report(service, site=DEMO_TERMINAL.site).status_code == 200
    with service.client(None) as anonymous:
        unauthenticated = anonymous.get("/v1/reports/counts", params={"from": "2026-11-01", "to": "2026-11-02"})
    assert (unauthenticated.status_code, unauthenticated.json()["error"]) == (401, "unauthenticated")


BAD_QUERIES: list[list[tuple[str, str]]] = [
    [],
    [("from", "2026-11-01")],
    [("to", "2026-11-01")],
    [("from", "2026-11-1"), ("to", "2026-11-30")],
    [("from", "20261101"), ("to", "2026-11-30")],
    [("from", "2026-W45-1"), ("to", "2026-11-30")],
    [("from", "2026-02-30"), ("to", "2026-03-01")],
    [("from", "0000-01-01"), ("to", "0000-01-02")],
    [("from", "2026-11-01T00:00:00"), ("to", "2026-11-30")],
    [("from", "１２３４-11-01"), ("to", "2026-11-30")],
    [("from", ""), ("to", "2026-11-30")],
    [("from", "2026-11-30"), ("to", "2026-11-01")],
    [("from", "2025-01-01"), ("to", "2026-01-02")],  # 367 days
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("sites", "demo-site")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("from", "2026-11-02")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("gaps", "101")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("gaps", "-1")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("gaps", "1e3")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("site", "")],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("site", "x" * 65)],
    [("from", "2026-11-01"), ("to", "2026-11-30"), ("site", "demo\x00site")],
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda q: "&".join(f"{k}={v[:12]!r}" for k, v in q) or "none")
def test_a_bad_query_is_a_422_never_a_5xx(central: CentralHandle, query: list[tuple[str, str]]) -> None:
    with central.client() as client:
        answer = client.get("/v1/reports/counts", params=query)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "invalid_request"
    assert answer.json()["detail"]


def test_every_bad_query_is_a_422_on_each_backend_with_records_stored(service: CentralHandle) -> None:
    _send(service, DEMO_TERMINAL, _every_state(DEMO_TERMINAL, 1))
    with service.client() as client:
        statuses = {"&".join(f"{k}={v}" for k, v in query): client.get("/v1/reports/counts", params=query).status_code
                    for query in BAD_QUERIES}
    assert set(statuses.values()) == {422}, statuses


def test_a_full_year_of_366_days_is_accepted(central: CentralHandle) -> None:
    answer = _report(central, **{"from": "2027-04-01", "to": "2028-03-31"})
    assert answer.status_code == 200, answer.text


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_the_cli_reads_the_database_directly_for_one_site_or_all(service: CentralHandle) -> None:
    demo = _every_state(DEMO_TERMINAL, 1)
    other = [_record(OTHER_SITE_TERMINAL, n, TransactionKind.RENEWAL, Outcome.COMPLETED, DAYS[1]) for n in (1, 3)]
    _send(service, DEMO_TERMINAL, demo)
    _send(service, OTHER_SITE_TERMINAL, other)

    every = _kiosk("central", "report", "--db", service.database_url, "--from", "2026-11-01", "--to",
                   "2026-11-30", "--json")
    one = _kiosk("central", "report", "--db", service.database_url, "--from", "2026-11-01", "--to", "2026-11-30",
                 "--site", DEMO_TERMINAL.site, "--json")
    text = _kiosk("central", "report", "--db", service.database_url, "--from", "2026-11-03", "--to", "2026-11-03")

    assert every.returncode == 0, every.stderr
    everything = json.loads(every.stdout)
    assert everything["site"] is None
    assert everything["total"] == len(demo) + len(other)
    assert {c["site"] for c in everything["counts"]} == {DEMO_TERMINAL.site, OTHER_SITE_TERMINAL.site}
    assert [(g["terminal_id"], g["first_missing"]) for g in everything["oldest_gaps"]] == [
        (OTHER_SITE_TERMINAL.terminal_id, 2)]
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout) == _report(service).json()
    assert text.returncode == 0, text.stderr
    assert [OTHER_SITE_TERMINAL.site, "2026-11-03", "renewal", "completed", "2"] in [
        line.split() for line in text.stdout.splitlines()]
    assert "other-01" in text.stdout


@pytest.mark.parametrize("dates", [("2026-11-30", "2026-11-01"), ("2026-13-01", "2026-13-02"),
                                   ("2025-01-01", "2026-01-02")])
def test_the_cli_refuses_a_bad_range_with_usage_and_no_traceback(central: CentralHandle,
                                                                 dates: tuple[str, str]) -> None:
    done = _kiosk("central", "report", "--db", central.database_url, "--from", dates[0], "--to", dates[1])
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()
