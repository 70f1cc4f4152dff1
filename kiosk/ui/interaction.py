"""The flows' ``Interaction`` on Qt screens: each question becomes a screen, each answer resolves a future.

A flow awaits ``ask_pin`` and the like on the qasync loop; ``QtInteraction`` asks its ``Presenter`` (the
window's procedure screens) to show the question with a callback, and the callback resolves the future
the flow awaits. Nothing blocks the Qt thread. A cancelled question (the person pressed Cancel, the kiosk
timed out) raises ``OperationCancelled`` in the flow, which records the attempt as cancelled.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from kiosk.domain.pins import PinKind, wipe
from kiosk.errors import KioskError, OperationCancelled
from kiosk.flows.interaction import IdentityCheck, IdentityRequest, PinRequest, Step

_T = TypeVar("_T")


class Presenter(Protocol):
    def show_pin_entry(self, request: PinRequest, done: Callable[[bytearray | None], None]) -> None: ...

    def show_last_try(self, kind: PinKind, done: Callable[[bool], None]) -> None: ...

    def show_identity_check(self, request: IdentityRequest, done: Callable[[IdentityCheck | None], None]) -> None: ...

    def show_step(self, step: Step) -> None: ...

    def show_progress(self, done: int, total: int) -> None: ...


class QtInteraction:
    def __init__(self, presenter: Presenter) -> None:
        self._presenter = presenter
        self._pending: asyncio.Future[Any] | None = None
        self.steps: list[Step] = []

    def abort(self, error: KioskError) -> bool:
        """Make the question on screen fail with ``error`` (the card left, the kiosk idled): the flow records
        the attempt with that error, truthful about what it had already done. False if nothing was asked."""
        pending, self._pending = self._pending, None
        if pending is None or pending.done():
            return False
        pending.set_exception(error)
        return True

    async def _answer(self, show: Callable[[Callable[[_T], None]], None]) -> _T:
        future: asyncio.Future[_T] = asyncio.get_running_loop().create_future()
        self._pending = future

        def done(value: _T) -> None:
            if future.done():  # answered twice (a double tap): keep the first, wipe a second PIN
                if isinstance(value, bytearray):
                    wipe(value)
                return
            future.set_result(value)

        show(done)
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and isinstance(future.result(), bytearray):
                wipe(future.result())  # type: ignore[arg-type]
            raise
        finally:
            if self._pending is future:
                self._pending = None

    async def ask_pin(self, request: PinRequest) -> bytearray | None:
        return await self._answer(lambda done: self._presenter.show_pin_entry(request, done))

    async def confirm_last_try(self, kind: PinKind) -> bool:
        return await self._answer(lambda done: self._presenter.show_last_try(kind, done))

    async def check_identity(self, request: IdentityRequest) -> IdentityCheck:
        check: IdentityCheck | None = await self._answer(
            lambda done: self._presenter.show_identity_check(request, done))
        if check is None:
            raise OperationCancelled("identity check cancelled")
        return check

    def show_step(self, step: Step) -> None:
        self.steps.append(step)
        self._presenter.show_step(step)

    def show_progress(self, done: int, total: int) -> None:
        self._presenter.show_progress(done, total)
