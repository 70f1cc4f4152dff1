"""Asking for PINs inside a procedure: the current one (with its tries and the last-try confirmation) and a
new one (twice, to the PIN rules).

A PIN in the wrong form is asked again without reaching the card (it would cost a try); a wrong PIN is
asked again while tries remain, each time telling the interaction why. Every buffer is wiped here once
used, whatever happens.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from kiosk.card.pins import PinStatus
from kiosk.domain.pins import PinKind, normalise, prepare, require_match, wipe
from kiosk.errors import KioskError, OperationCancelled, PinBlocked, PinFormatError, WrongPin
from kiosk.flows.interaction import Interaction, PinPurpose, PinRequest

_T = TypeVar("_T")
MAX_FORMAT_RETRIES = 5  # entries in the wrong form in a row before the procedure gives up


class PinSkipped(OperationCancelled):
    """The person skipped an optional PIN (the procedure goes on without what it would have opened)."""


async def _ask(interaction: Interaction, request: PinRequest) -> bytearray:
    pin = await interaction.ask_pin(request)
    if pin is None:
        if request.optional:
            raise PinSkipped(f"the optional {request.kind} PIN was skipped")
        raise OperationCancelled(f"no {request.kind} PIN entered")
    return pin


async def _ask_well_formed(interaction: Interaction, request: PinRequest) -> bytearray:
    problem = request.problem
    for _ in range(MAX_FORMAT_RETRIES):
        pin = await _ask(interaction, PinRequest(request.kind, request.purpose, request.tries_left,
                                                 request.max_tries, problem, request.optional))
        try:
            prepare(request.kind, pin)
        except PinFormatError as exc:
            wipe(pin)
            problem = exc
            continue
        return pin
    assert problem is not None
    raise problem


async def with_current_pin(interaction: Interaction, status: PinStatus, use: Callable[[bytearray], Awaitable[_T]],
                           purpose: PinPurpose = PinPurpose.CURRENT, *, optional: bool = False) -> _T:
    """Ask for the PIN of ``status.kind`` and hand it to ``use`` (which sends it to the card); again after a
    wrong entry while tries are left. Before the last try, the interaction must confirm. ``optional``: the
    person may skip it (``PinSkipped``)."""
    problem: KioskError | None = None
    tries_left = status.tries_left
    while True:
        if tries_left == 0:
            raise PinBlocked(str(status.kind))
        if tries_left == 1 and not await interaction.confirm_last_try(status.kind):
            if optional:
                raise PinSkipped(f"last try of the optional {status.kind} PIN not confirmed")
            raise OperationCancelled(f"last try of the {status.kind} PIN not confirmed")
        pin = await _ask_well_formed(interaction, PinRequest(status.kind, purpose, tries_left, status.max_tries,
                                                             problem, optional))
        try:
            return await use(pin)
        except WrongPin as exc:
            problem, tries_left = exc, exc.tries_left
        finally:
            wipe(pin)


async def new_pin(interaction: Interaction, kind: PinKind) -> bytearray:
    """A new PIN for ``kind``, typed twice and to the rules; the caller wipes it."""
    problem: KioskError | None = None
    for _ in range(MAX_FORMAT_RETRIES):
        first = await _ask_well_formed(interaction, PinRequest(kind, PinPurpose.NEW, problem=problem))
        try:
            second = await _ask(interaction, PinRequest(kind, PinPurpose.NEW_AGAIN))
        except BaseException:
            wipe(first)
            raise
        try:
            normalise(kind, second)
            require_match(kind, first, second)
        except PinFormatError as exc:
            wipe(first)
            problem = exc
            continue
        finally:
            wipe(second)
        return first
    assert isinstance(problem, PinFormatError)
    raise problem
