"""The process the crash test kills: it records transactions and sends them, as the terminal app does.

Run as a script with the terminal's settings in the environment (KIOSK_DATABASE_URL, KIOSK_CENTRAL_URL,
KIOSK_API_TOKEN). It prints ``ready`` once its store is open and its sender runs, then records for ever
from a worker thread while the background sender delivers in small batches. It never stops on its own.
"""

from __future__ import annotations

import asyncio
import random

from kiosk.config import load_settings
from kiosk.domain.transactions import CertificateChange, Outcome, TransactionKind
from kiosk.store.database import open_store
from kiosk.store.drafts import TransactionDraft
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient
from kiosk.sync.sender import OutboxSender

DRAFTS = (
    TransactionDraft(TransactionKind.PIN_CHANGE, Outcome.COMPLETED, pin_kind="auth"),
    TransactionDraft(TransactionKind.RENEWAL, Outcome.COMPLETED, staff_id="S0012", card_generation="current",
                     certificates=(CertificateChange("auth", "01", "02"),), auth_subject_der=b"subject"),
    TransactionDraft(TransactionKind.CHECK, Outcome.FAILED, failure_code="card.removed"),
)


async def main() -> None:
    settings = load_settings()
    store = open_store(settings)
    rng = random.Random()
    async with CentralClient.from_settings(settings) as client:
        sender = OutboxSender(store, client, batch_size=settings.sync_batch_size,
                              backoff=Backoff(base=0.01, cap=0.1), idle_check_s=0.05)
        sender.start()
        print("ready", flush=True)
        while True:
            await asyncio.to_thread(store.record, rng.choice(DRAFTS))
            await asyncio.sleep(rng.uniform(0.0, 0.01))


if __name__ == "__main__":
    asyncio.run(main())
