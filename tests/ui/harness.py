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
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from store.helpers import settings_for
from virtual_cards import card_in_reader

from kiosk import staff
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.vpcd import VpcdLink
from kiosk.central.settings import TerminalRegistration
from kiosk.config import Settings
from kiosk.domain.transactions import Mode
from kiosk.pki.training import TrainingPki
from kiosk.ui.app import start
from kiosk.ui.controller import Controller
from kiosk.ui.window import MainWindow

STAFF = ("S0012", "counter-passphrase")
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
    def inserted(self, card: VirtualCard) -> Iterator[VpcdLink]:
        with card_in_reader(card, self.slot) as link:
            yield link

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
                      registration: TerminalRegistration, *, rules: Any = None) -> AsyncIterator[UiTerminal]:
    """``rules`` None: the kiosk keeps no hours (a test must not depend on the time of day it runs at)."""
    settings = settings_for(directory, central_url=central.base_url, api_token=registration.token,
                            terminal_id=registration.terminal_id, site=registration.site,
                            mode=str(registration.mode), sync_timeout_s=5.0, reader=slot.reader)
    staff.add(STAFF[0], bytearray(STAFF[1].encode()))
    window = MainWindow(registration.mode, training=False, lockdown=False)
    window.show()
    controller = await start(settings, window, mode=Mode(registration.mode), training=None, language="en",
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
