"""A terminal's records in every state, against the real reference central service: delivered (by the real
sender), rejected (the service refused it), pending (not sent yet), one the service holds that the terminal
does not, and another counter's records at the same site."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import httpx
from central_server import SECOND_COUNTER, CentralHandle, transaction_wire
from store.helpers import check, on, pin_change, raw, renewal
from sync.helpers import sender_for

from kiosk.config import Settings
from kiosk.domain.transactions import Outcome
from kiosk.domain.validity import JST
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient

DAY = date(2026, 11, 24)  # a Tuesday


@dataclass(frozen=True)
class Day:
    delivered: tuple[str, ...]
    rejected: str
    pending: str
    stranger: str  # held by the service under this terminal's ID, unknown to the terminal
    other_counter: int  # records of the site's second counter on DAY


def _at(day: date, hour: int) -> str:
    return on(day.isoformat(), hour=hour).isoformat()


async def record_every_state(store: Store, client: CentralClient, central: CentralHandle,
                             settings: Settings) -> Day:
    delivered = [store.record(renewal(occurred_at=on(DAY.isoformat(), hour=h))).key for h in (9, 10, 11)]
    delivered.append(store.record(check(occurred_at=on(DAY.isoformat(), hour=12), staff_id="S0034",
                                        outcome=Outcome.FAILED, failure_code="card.removed")).key)
    earlier = DAY - timedelta(days=3)
    store.record(check(occurred_at=on(earlier.isoformat(), hour=9), staff_id="S0034"))
    store.record(check(occurred_at=on(earlier.isoformat(), hour=10)))  # a kiosk-like record: no staff
    store.record(renewal(occurred_at=on((DAY - timedelta(days=45)).isoformat(), hour=14)))  # an earlier month
    refused = store.record(pin_change(occurred_at=on(DAY.isoformat(), hour=13)))
    with raw(settings) as db:  # a bug shipped a kind the service does not know in this one record
        payload = db.execute("SELECT payload FROM outbox WHERE transaction_key = ?", (refused.key,)).fetchone()[0]
        db.execute("UPDATE outbox SET payload = ? WHERE transaction_key = ?",
                   (json.dumps({**json.loads(payload), "kind": "teleport"}), refused.key))
    report = await sender_for(store, client).run_once()
    assert report.rejected_keys == [refused.key], report
    waiting = store.record(pin_change(occurred_at=on(DAY.isoformat(), hour=15)))

    async with httpx.AsyncClient(base_url=central.base_url,
                                 headers={"Authorization": f"Bearer {SECOND_COUNTER.token}"}) as other:
        response = await other.post("/v1/transactions", json={"transactions": [
            transaction_wire(sequence=n, terminal=SECOND_COUNTER,
                             occurred_at=on(DAY.isoformat(), hour=9 + n).astimezone(JST))
            for n in (1, 2)]})
        response.raise_for_status()
    stranger = transaction_wire(sequence=20, kind="renewal", occurred_at=on(DAY.isoformat(), hour=16))
    await client.post_transactions([(stranger["key"], json.dumps(stranger))])
    return Day(tuple(delivered), refused.key, waiting.key, stranger["key"], 2)
