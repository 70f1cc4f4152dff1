"""Reconciliation: the terminal's own day against the central service's, every difference by transaction."""

from __future__ import annotations

import json
from datetime import date

import httpx
import pytest
from central_server import DEMO_TERMINAL, SECOND_COUNTER, CentralHandle, transaction_wire
from store.helpers import on, pin_change, renewal

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store.database import Store
from kiosk.store.records import LocalTransaction
from kiosk.sync.client import CentralClient, CentralDay, CentralTransaction
from kiosk.sync.reconcile import Problem, reconcile
from sync.helpers import sender_for

DAY = date(2026, 11, 23)


def local(key: str, sequence: int, kind: str = "check", outcome: str = "completed",
          state: str | None = "delivered") -> LocalTransaction:
    return LocalTransaction(key, "demo-01", sequence, kind, outcome, state)


def central(*transactions: CentralTransaction, gaps: dict[str, tuple[int, ...]] | None = None) -> CentralDay:
    return CentralDay("demo-site", DAY, (), transactions, gaps or {})


def test_a_day_that_matches() -> None:
    result = reconcile("demo-site", DAY, "demo-01", [local("a", 1), local("b", 2, "renewal")],
                       central(CentralTransaction("a", "demo-01", 1, "check", "completed"),
                               CentralTransaction("b", "demo-01", 2, "renewal", "completed")))
    assert result.matches
    assert [(c.kind, c.here, c.central) for c in result.counts] == [("check", 1, 1), ("renewal", 1, 1)]


def test_every_difference_is_named_with_its_cause() -> None:
    result = reconcile(
        "demo-site", DAY, "demo-01",
        [local("sent", 1), local("waiting", 2, state="pending"), local("refused", 3, state="rejected"),
         local("lost", 4), local("purged-lost", 5, state=None), local("changed", 6, outcome="failed")],
        central(CentralTransaction("sent", "demo-01", 1, "check", "completed"),
                CentralTransaction("changed", "demo-01", 6, "check", "completed"),
                CentralTransaction("unknown-here", "demo-01", 7, "pin_change", "completed"),
                CentralTransaction("other-terminal", "counter-02", 1, "check", "completed"),
                gaps={"demo-01": (2, 3, 4, 5), "counter-02": ()}))
    assert not result.matches
    assert [(d.key, d.problem) for d in result.differences] == [
        ("waiting", Problem.NOT_SENT_YET), ("refused", Problem.REJECTED), ("lost", Problem.MISSING_AT_CENTRAL),
        ("purged-lost", Problem.MISSING_AT_CENTRAL), ("changed", Problem.DIFFERENT),
        ("unknown-here", Problem.MISSING_HERE)]
    assert result.differences[4].central_outcome == "completed"
    assert result.central_gaps == {"demo-01": (2, 3, 4, 5)}  # other terminals are theirs to reconcile
    assert ("check", "completed", 5, 2) in [(c.kind, c.outcome, c.here, c.central) for c in result.counts]


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", settings.central_url)
    monkeypatch.setenv("KIOSK_API_TOKEN", DEMO_TERMINAL.token)


async def test_kiosk_reconcile_lists_each_difference_against_the_real_service(
        cli_env: None, store: Store, client: CentralClient, central: CentralHandle,
        capsys: pytest.CaptureFixture[str]) -> None:
    delivered = [store.record(renewal(occurred_at=on("2026-11-23"))) for _ in range(3)]
    await sender_for(store, client).run_once()
    waiting = store.record(pin_change(occurred_at=on("2026-11-23", hour=15)))
    refused = store.record(pin_change(occurred_at=on("2026-11-23", hour=16)))
    store.reject({store.due(10)[-1].id: "injected"})
    store.record(pin_change(occurred_at=on("2026-11-24")))  # another day
    async with httpx.AsyncClient(base_url=central.base_url,
                                 headers={"Authorization": f"Bearer {SECOND_COUNTER.token}"}) as other:
        await other.post("/v1/transactions", json={"transactions": [transaction_wire(sequence=1,
                                                                                      terminal=SECOND_COUNTER)]})
    stranger = transaction_wire(sequence=50)  # ours by terminal id, but not in this database
    await client.post_transactions([(stranger["key"], json.dumps(stranger))])

    code = await _run_cli(["reconcile", "--date", "2026-11-23", "--json"])
    assert code == ExitCode.ERROR
    report = json.loads(capsys.readouterr().out)
    assert report["matches"] is False
    assert {(d["key"], d["problem"]) for d in report["differences"]} == {
        (waiting.key, "not_sent_yet"), (refused.key, "rejected"), (stranger["key"], "missing_here")}
    counts = {(c["kind"], c["outcome"]): (c["terminal"], c["central"]) for c in report["counts"]}
    assert counts == {("renewal", "completed"): (3, 3), ("pin_change", "completed"): (2, 0),
                      ("check", "completed"): (0, 1)}
    assert report["central_sequence_gaps"] == {"demo-01": list(range(4, 50))}
    assert {d["key"] for d in report["differences"]}.isdisjoint(r.key for r in delivered)

    code = await _run_cli(["reconcile", "--date", "2026-11-23"])
    text = capsys.readouterr().out
    assert code == ExitCode.ERROR
    assert waiting.key in text
    assert "3 differences." in text


async def test_kiosk_reconcile_of_a_day_that_matches(cli_env: None, store: Store, client: CentralClient,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for hour in (9, 10, 11):
        store.record(renewal(occurred_at=on("2026-11-23", hour=hour)))
    await sender_for(store, client).run_once()
    assert await _run_cli(["reconcile", "--date", "2026-11-23"]) == ExitCode.OK
    assert "Everything matches." in capsys.readouterr().out


async def _run_cli(argv: list[str]) -> int:
    """The CLI runs its own event loop: give it a thread, as a technician's shell would a process."""
    import asyncio

    return await asyncio.to_thread(main, argv)
