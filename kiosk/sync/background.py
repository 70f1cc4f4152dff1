"""Running the outbox sender for the life of the application.

The app (under qasync) opens the store off the UI thread, then keeps this context open while it runs::

    store = await asyncio.to_thread(open_store, settings)
    background = await asyncio.to_thread(BackgroundSync, settings, store, on_alert=show_technician_alert)
    async with background as sync:
        ...  # the flows call store.record(draft) from worker threads; each record wakes the sender
        sync.sender.state      # idle / sending / waiting / paused, for the status bar

Build it in a worker thread as above: the HTTP client loads its TLS trust store (tens of milliseconds, once
per process). Leaving the context cancels the sender cleanly and closes its HTTP connections; the store
stays open.
"""

from __future__ import annotations

from types import TracebackType

from kiosk.config import Settings
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from kiosk.sync.sender import AlertHandler, OutboxSender


class BackgroundSync:
    def __init__(self, settings: Settings, store: Store, *, on_alert: AlertHandler | None = None) -> None:
        self.client = CentralClient.from_settings(settings)
        self.sender = OutboxSender(store, self.client, batch_size=settings.sync_batch_size,
                                   retention_days=settings.delivered_retention_days, on_alert=on_alert)

    async def __aenter__(self) -> BackgroundSync:
        self.sender.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        try:
            await self.sender.stop()
        finally:
            await self.client.aclose()
