"""Driving the application as a person would: clicks on named widgets, the PIN pad's keys, a card in the
reader; waiting on the screen shown, never on time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from central_server import CentralHandle
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from store.helpers import settings_for
from virtual_cards import card_in_reader

from kiosk import staff
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import ApduHook, VpcdLink
from kiosk.central.settings import TerminalRegistration
from kiosk.config import Settings
from kiosk.domain.transactions import Mode, TransactionRecord
from kiosk.pki.training import TrainingPki
from kiosk.store.audit import AuditEntry
from kiosk.ui.app import start
from kiosk.ui.controller import Controller
from kiosk.ui.widgets.idle import IdleWatcher
from kiosk.ui.widgets.wrapping_button import WrappingButton
from kiosk.ui.window import MainWindow

STAFF = ("S0012", "counter-passphrase")


def _japan_today() -> Any:
    from kiosk.ui.controller import japan_today

    return japan_today()
WAIT_S = 30.0  # a bound against hanging, not a speed target


@dataclass
class UiTerminal:
    settings: Settings
    window: MainWindow
    controller: Controller
    slot: Slot
    pki: TrainingPki
    central: CentralHandle
    pins_typed: int = 0
    results: list[Any] = field(default_factory=list)  # every procedure's FlowResult, in order

    def card(self, profile: str) -> VirtualCard:
        return VirtualCard.from_profile(profile, pki=self.pki)

    @contextlib.contextmanager
    def inserted(self, card: VirtualCard, on_apdu: ApduHook | None = None) -> Iterator[VpcdLink]:
        with card_in_reader(card, self.slot, on_apdu) as link:
            yield link

    def text(self, name: str) -> str:
        """The text a label or button shows."""
        widget = self.widget(name)
        assert isinstance(widget, QLabel | QAbstractButton), name
        if isinstance(widget, WrappingButton):  # its label draws its text
            return widget.shown_text()
        return widget.text()

    def shown(self, name: str) -> bool:
        return self.widget(name).isVisible()

    @property
    def idle(self) -> IdleWatcher:
        found = self.window.findChild(IdleWatcher, "idleWatcher")
        assert found is not None, "the window has no idle watcher"
        return found

    async def records(self) -> list[TransactionRecord]:
        """The terminal's records, oldest first, as the store holds them."""
        store = self.store
        rows = await asyncio.to_thread(store.local_day, self.settings.site, _japan_today())
        found = [await asyncio.to_thread(store.transaction, row.key) for row in rows]
        return sorted((record for record in found if record is not None), key=lambda record: record.sequence)

    async def audit(self, event: str) -> list[AuditEntry]:
        entries = await asyncio.to_thread(self.store.audit_entries, 1000)
        return [entry for entry in entries if entry.event == event]

    @property
    def store(self) -> Any:
        assert self.controller.services is not None
        return self.controller.services.store

    async def confirm_identity(self, expires: Any = None) -> None:
        """Staff tick the card's photo (and set the printed expiry date when asked), then confirm."""
        await self.screen("identityScreen")
        identity = self.controller.identity
        identity.boxes[next(iter(identity.boxes))].setChecked(True)
        if expires is not None:
            identity.expiry.setDate(QDate(expires.year, expires.month, expires.day))
        self.click("identityOkButton")

    def widget(self, name: str) -> QWidget:
        found = self.window.findChild(QWidget, name)
        assert found is not None, f"no widget {name!r}"
        return found

    def click(self, name: str) -> None:
        button = self.widget(name)
        assert isinstance(button, QAbstractButton), name
        assert button.isVisible() and button.isEnabled(), f"{name} is not clickable"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    async def until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited for {what}; the screen is {self.controller.current}")
            await asyncio.sleep(0.01)

    async def screen(self, name: str) -> None:
        await self.until(lambda: self.controller.current == name, f"screen {name}")

    async def type_pin(self, pin: str) -> None:
        """Type on the on-screen PIN pad, as a resident would, then OK."""
        screen = self.controller.pin_entry
        await self.until(lambda: screen.asked > self.pins_typed and screen.waiting
                         and self.controller.current == "pinEntryScreen", "the next PIN to be asked")
        self.pins_typed = screen.asked
        pad = screen.pad
        for character in pin.encode("ascii"):
            pad.press(character)
        self.click("pinOk")
        await asyncio.sleep(0)

    async def sign_in(self) -> None:
        await self.screen("signInScreen")
        self.controller.sign_in.staff_id.setText(STAFF[0])
        self.controller.sign_in.passphrase.setText(STAFF[1])
        self.click("signInButton")


@contextlib.asynccontextmanager
async def ui_terminal(directory: Path, central: CentralHandle, slot: Slot, pki: TrainingPki,
                      registration: TerminalRegistration, *, rules: Any = None,
                      language: str | None = "en") -> AsyncIterator[UiTerminal]:
    """``rules`` None: the kiosk keeps no hours (a test must not depend on the time of day it runs at).
    ``language`` None: the application's own choice (the process's locale)."""
    settings = settings_for(directory, central_url=central.base_url, api_token=registration.token,
                            terminal_id=registration.terminal_id, site=registration.site,
                            mode=str(registration.mode), sync_timeout_s=5.0, reader=slot.reader)
    staff.add(STAFF[0], bytearray(STAFF[1].encode()))
    window = MainWindow(registration.mode, training=False, lockdown=False)
    window.show()
    controller = await start(settings, window, mode=Mode(registration.mode), training=None, language=language,
                             rules=rules)
    try:
        terminal = UiTerminal(settings, window, controller, slot, pki, central)
        controller.procedure_finished.connect(terminal.results.append)
        yield terminal
    finally:
        controller.cancel_procedure()
        assert controller.services is not None
        await controller.services.stop()
        controller.services.store.close()
        window.closing_for_real = True  # type: ignore[attr-defined]
        window.close()
        window.deleteLater()
