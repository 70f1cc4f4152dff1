"""A scripted person at the terminal: the ``Interaction`` the flow tests drive procedures with.

PINs are given as text in the order the procedure asks for them (as ``--pin-fd`` takes them); every
request, confirmation and step is kept so a test can assert what the person was asked and shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.pins import PinKind
from kiosk.errors import OperationCancelled
from kiosk.flows.interaction import IdentityCheck, IdentityRequest, PinRequest, Step


@dataclass
class ScriptedInteraction:
    pins: list[str | None] = field(default_factory=list)  # None: skip (optional) or nothing typed
    confirm_last: bool = True
    checks: tuple[str, ...] = ("photo",)
    card_expires_on: date | None = date(2034, 6, 1)
    asked: list[PinRequest] = field(default_factory=list)
    confirmations: list[PinKind] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    progress: list[tuple[int, int]] = field(default_factory=list)
    identity_requests: list[IdentityRequest] = field(default_factory=list)
    given: list[bytearray] = field(default_factory=list)  # to prove the flow wiped every PIN it was given

    @classmethod
    def typing(cls, pins: Iterable[str | None], **options: object) -> ScriptedInteraction:
        return cls(pins=list(pins), **options)  # type: ignore[arg-type]

    async def ask_pin(self, request: PinRequest) -> bytearray | None:
        self.asked.append(request)
        if not self.pins:
            raise OperationCancelled("the script has no more PINs")
        text = self.pins.pop(0)
        if text is None:
            return None
        pin = bytearray(text.encode("ascii"))
        self.given.append(pin)
        return pin

    async def confirm_last_try(self, kind: PinKind) -> bool:
        self.confirmations.append(kind)
        return self.confirm_last

    async def check_identity(self, request: IdentityRequest) -> IdentityCheck:
        self.identity_requests.append(request)
        return IdentityCheck(self.checks, self.card_expires_on)

    def show_step(self, step: Step) -> None:
        self.steps.append(step)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total))

    @property
    def all_wiped(self) -> bool:
        return all(not any(pin) for pin in self.given)
