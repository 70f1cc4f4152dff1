"""PIN entry: the on-screen PIN pad facing the resident, with what is asked and how many tries are left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.domain.pins import PinKind, wipe
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
    """The PIN pad for one request of a flow; the answer goes to the ``done`` callback exactly once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pinEntryScreen", parent)
        self._request = PinRequest(PinKind.AUTH, PinPurpose.CURRENT)
        self._done: Callable[[bytearray | None], None] | None = None
        self.asked = 0  # requests shown so far (tests and tools wait on it)
        self.layout_.setContentsMargins(16, 4, 16, 4)  # the pad's keys need the height, not margins
        self.pad = PinPad(self)
        self.pad.entered.connect(self._entered)
        self.pad.cancelled.connect(self._no_answer)
        self.pad.skipped.connect(self._no_answer)
        self.layout_.addWidget(self.pad, 1)
        self._texts.append(self._configure_texts)

    def ask(self, request: PinRequest, done: Callable[[bytearray | None], None]) -> None:
        self._request, self._done = request, done
        self.asked += 1
        problem = message_for(request.problem) if isinstance(request.problem, KioskError) else None
        # The prompt names the PIN; no separate caption (the pad's keys need the height).
        self.pad.configure(request.kind, caption="", prompt=prompt_for(request),
                           tries_left=request.tries_left, max_tries=request.max_tries, problem=problem,
                           optional=request.optional)
        self.pad.setFocus()

    def _configure_texts(self) -> None:
        self.pad.set_prompt(prompt_for(self._request))

    @property
    def waiting(self) -> bool:
        """A flow waits for this screen's answer."""
        return self._done is not None

    def abandon(self) -> None:
        """Leave without an answer (card removed, idle): wipe what was typed."""
        self.pad.clear()
        self._done = None

    def _entered(self, pin: bytearray) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(pin)
        else:
            wipe(pin)

    def _no_answer(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(None)
