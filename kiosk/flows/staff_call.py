"""A resident calls staff from a kiosk; a counter of the site answers (docs/central-api.md, "Staff calls").

Not a procedure: no card is touched and no transaction is recorded; both sides keep it in their audit
trail (``kiosk.call_staff``, ``kiosk.call_staff_answered``, ``staff.call_answered``), so the office can see
how long residents waited. The resident's screen follows the call through ``CallState``; while it shows,
the kiosk keeps trying, so a call that could not be sent goes out as soon as the service answers again, and
once sent it asks every few seconds whether someone answered.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable, Sequence
from enum import StrEnum

from kiosk.errors import ProtocolError, RateLimited, ServerUnavailable, StoreError, SyncError
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient, StaffCall

log = logging.getLogger("kiosk.flows.staff_call")

# A dead service answers at once; the pauses keep a kiosk from hammering it while the resident waits.
RETRY_S: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0)
POLL_S = 3.0
# What may pass by itself: the network, an overloaded service, an answer garbled on its way.
_TRANSIENT = (ServerUnavailable, RateLimited, ProtocolError)


class CallState(StrEnum):
    SENDING = "sending"
    SENT = "sent"  # the site's counters show it
    ANSWERED = "answered"  # a counter said someone is going
    NOT_REACHED = "not_reached"  # the counters do not know: the resident should go to the counter


async def call_staff(store: Store, central: CentralClient | None, *, screen: str, language: str,
                     on_state: Callable[[CallState], None], retry_s: Sequence[float] = RETRY_S,
                     poll_s: float = POLL_S) -> StaffCall | None:
    """Call, then follow the call until a counter answers (the answer) or the caller cancels this task.

    Returns None at once when the call cannot be sent and trying again cannot help (no service configured,
    or it refuses this terminal: a technician's matter, logged)."""
    call_id = secrets.token_hex(16)
    await _audit(store, "kiosk.call_staff", call=call_id, screen=screen, language=language)
    on_state(CallState.SENDING)
    if central is None:
        log.error("staff called on screen %s, but no central service is configured to tell the counters", screen)
        on_state(CallState.NOT_REACHED)
        return None
    failures = 0
    while True:
        try:
            await central.call_staff(call_id, screen, language)
            break
        except _TRANSIENT as exc:
            log.warning("staff call %s not sent yet: %s", call_id, exc)
            if failures == 0:
                on_state(CallState.NOT_REACHED)
            await asyncio.sleep(retry_s[min(failures, len(retry_s) - 1)])
            failures += 1
        except SyncError as exc:
            log.error("staff call %s refused; the counters do not know of it: %s", call_id, exc)
            on_state(CallState.NOT_REACHED)
            return None
    on_state(CallState.SENT)
    while True:
        await asyncio.sleep(poll_s)
        try:
            found = await central.staff_call(call_id)
        except SyncError as exc:  # the call is made; only the news of the answer waits
            log.info("staff call %s: no news yet: %s", call_id, exc)
            continue
        if found.answered_at is not None:
            await _audit(store, "kiosk.call_staff_answered", call=call_id, by=found.answered_by,
                         staff_id=found.answered_staff)
            on_state(CallState.ANSWERED)
            return found


async def answer_call(store: Store, central: CentralClient, call_id: str, staff_id: str | None) -> StaffCall:
    """A counter says someone is going; the call as the first answer left it (perhaps another counter's)."""
    answered = await central.answer_staff_call(call_id, staff_id)
    first = answered.answered_by == store.terminal.terminal_id and answered.answered_staff == staff_id
    await _audit(store, "staff.call_answered", call=call_id, staff_id=staff_id, kiosk=answered.terminal_id,
                 first=first)
    return answered


async def _audit(store: Store, event: str, **detail: object) -> None:
    """A trail that cannot be written (a full disk, a locked file) must not keep a resident from help."""
    try:
        await asyncio.to_thread(store.audit, event, None, **detail)
    except StoreError as exc:
        log.error("%s not written to the audit trail: %s", event, exc)
