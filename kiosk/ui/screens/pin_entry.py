"""PIN entry: the on-screen PIN pad facing the resident, with what is asked and how many tries are left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.domain.pins import PinKind
from kiosk.errors import KioskError
from kiosk.flows.interaction import PinPurpose, PinRequest
from kiosk.messages import message_for, pin_name
from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.widgets.pinpad import PinPad


def prompt_for(request: PinRequest) -> str:
    pin = pin_name(str(request.kind))
    if request.purpose is PinPurpose.NEW:
        return translate("pins", "Choose your new {pin}.").format(pin=pin)
    if request.purpose is PinPurpose.NEW_AGAIN:
        return translate("pins", "Enter the new {pin} once more.").format(pin=pin)
    if request.purpose is PinPurpose.PROOF:
        return translate("pins", "To prove it is your card, enter your {pin}.").format(pin=pin)
    if request.optional:
        return translate("pins", "Enter your current {pin}, or skip if you have forgotten it.").format(pin=pin)
    return translate("pins", "Enter your current {pin}.").format(pin=pin)


class PinEntryScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pinEntryScreen", parent)
        self._request = PinRequest(PinKind.AUTH, PinPurpose.CURRENT)
        self._done: Callable[[bytearray | None], None] | None = None
        self.prompt = self.heading("pinPrompt", lambda: prompt_for(self._request))
        self.problem = self.paragraph("pinProblem")
        self.problem.setProperty("warning", True)
        self.layout_.addWidget(self.prompt)
        self.layout_.addWidget(self.problem)
        self.pad = PinPad(self)
        self.pad.entered.connect(self._entered)
        self.pad.cancelled.connect(self._cancelled)
        self.layout_.addWidget(self.pad, 1)

    def ask(self, request: PinRequest, done: Callable[[bytearray | None], None]) -> None:
        self._request, self._done = request, done
        self.pad.clear()
        self.pad.configure(request.kind, tries_left=request.tries_left, max_tries=request.max_tries,
                           optional=request.optional)
        self.problem.setText(message_for(request.problem) if isinstance(request.problem, KioskError) else "")
        self.problem.setAccessibleName(self.problem.text())
        self.retranslate()
        self.pad.setFocus()

    def abandon(self) -> None:
        """Leave without an answer (card removed, idle): wipe what was typed."""
        self.pad.clear()
        self._done = None

    def _entered(self, pin: bytearray) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(pin)

    def _cancelled(self) -> None:
        done, self._done = self._done, None
        self.pad.clear()
        if done is not None:
            done(None)
