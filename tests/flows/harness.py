"""One terminal for the flow tests: its store, its central client, its card channel on a leased virtual
reader, and the means to put a virtual card in that reader."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

from central_server import CentralHandle
from store.helpers import settings_for
from virtual_cards import card_in_reader

from flows.script import ScriptedInteraction
from kiosk.card.session import CardChannel
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import ApduHook, VpcdLink
from kiosk.central.settings import TerminalRegistration
from kiosk.config import Settings
from kiosk.flows.procedure import FlowContext
from kiosk.pki.training import TrainingPki
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient
from kiosk.sync.reconcile import Reconciliation


@dataclass
class Terminal:
    settings: Settings
    store: Store
    client: CentralClient
    channel: CardChannel
    slot: Slot
    pki: TrainingPki
    central: CentralHandle

    def card(self, profile: str) -> VirtualCard:
        return VirtualCard.from_profile(profile, pki=self.pki)

    @contextlib.contextmanager
    def inserted(self, card: VirtualCard, on_apdu: ApduHook | None = None) -> Iterator[VpcdLink]:
        with card_in_reader(card, self.slot, on_apdu=on_apdu) as link:
            yield link

    def context(self, interaction: ScriptedInteraction, *, staff_id: str | None = "S0012",
                client: CentralClient | None = None) -> FlowContext:
        return FlowContext(self.channel, self.store, interaction, client or self.client, staff_id)


@contextlib.asynccontextmanager
async def terminal_for(directory: Path, central: CentralHandle, slot: Slot, pki: TrainingPki,
                       registration: TerminalRegistration) -> AsyncIterator[Terminal]:
    settings = settings_for(directory, central_url=central.base_url, api_token=registration.token,
                            terminal_id=registration.terminal_id, site=registration.site,
                            mode=str(registration.mode), sync_timeout_s=5.0, reader=slot.reader)
    store = open_store(settings)
    channel = CardChannel(slot.reader)
    try:
        async with CentralClient.from_settings(settings) as client:
            yield Terminal(settings, store, client, channel, slot, pki, central)
    finally:
        await channel.close()
        store.close()


async def deliver_and_reconcile(terminal: Terminal) -> Reconciliation:
    """Send everything pending to the service (the real sender), then reconcile every day the terminal has
    records for; returns the last day's reconciliation after asserting each matches."""
    from datetime import date

    from kiosk.sync.backoff import Backoff
    from kiosk.sync.reconcile import reconcile
    from kiosk.sync.sender import OutboxSender

    sender = OutboxSender(terminal.store, terminal.client, backoff=Backoff(base=0.02, cap=0.2))
    report = await sender.run_once()
    assert report.error is None, report.error
    with terminal.store.engine.connect() as connection:
        days = sorted({date.fromisoformat(d) for d in connection.exec_driver_sql(
            "SELECT DISTINCT local_date FROM transactions").scalars()})
    result: Reconciliation | None = None
    for day in days:
        central_day = await terminal.client.counts(terminal.settings.site, day)
        result = reconcile(terminal.settings.site, day, terminal.settings.terminal_id,
                           terminal.store.local_day(terminal.settings.site, day), central_day)
        assert result.matches, result.differences
    assert result is not None
    return result
