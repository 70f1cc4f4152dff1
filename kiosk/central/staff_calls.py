"""Calls for staff: a kiosk asks for help, the counters of its site show the call until one answers.

A call is identified by the kiosk (a random id it makes before sending), so that a kiosk that retries
after a lost answer does not call twice. Only kiosks call; only counters of the same site list and
answer. The kiosk that called may ask whether someone answered, to tell the resident that help is coming.
Answering twice keeps the first answer: two staff members pressing at once learn who is already going.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.central.models import StaffCall
from kiosk.central.problems import ApiError
from kiosk.central.terminals import CallingTerminal, require_counter
from kiosk.domain.transactions import Mode


def call(session: Session, caller: CallingTerminal, call_id: str, screen: str, language: str,
         now: datetime) -> tuple[StaffCall, bool]:
    """The call, and whether this request made it (False: the same kiosk sent it before)."""
    if caller.mode is not Mode.KIOSK:
        raise ApiError(403, "kiosk_only", "staff are called from a kiosk; a counter has staff at it")
    existing = session.get(StaffCall, call_id)
    if existing is not None:
        if existing.terminal_id != caller.terminal_id:
            raise ApiError(409, "call_id_taken", "another terminal sent a call with this id")
        return existing, False
    made = StaffCall(call_id=call_id, site=caller.site, terminal_id=caller.terminal_id, screen=screen,
                     language=language, received_at=now)
    session.add(made)
    session.flush()
    return made, True


def open_calls(session: Session, caller: CallingTerminal, now: datetime, ttl: timedelta) -> list[StaffCall]:
    """The site's unanswered calls of the last ``ttl``, oldest first (the longest wait is dealt with first)."""
    require_counter(caller)
    return list(session.scalars(
        select(StaffCall)
        .where(StaffCall.site == caller.site, StaffCall.received_at > now - ttl, StaffCall.answered_at.is_(None))
        .order_by(StaffCall.received_at, StaffCall.call_id)))


def find(session: Session, caller: CallingTerminal, call_id: str) -> StaffCall:
    """One call, for the kiosk that made it or a counter of its site; anyone else learns nothing of it."""
    found = session.get(StaffCall, call_id)
    allowed = found is not None and (
        found.terminal_id == caller.terminal_id
        or (caller.mode is Mode.COUNTER and found.site == caller.site))
    if found is None or not allowed:
        raise ApiError(404, "unknown_call", "no such call for this terminal")
    return found


def answer(session: Session, caller: CallingTerminal, call_id: str, staff_id: str | None,
           now: datetime) -> StaffCall:
    require_counter(caller)
    find(session, caller, call_id)
    # One conditional UPDATE: of two counters answering at once, exactly one sets the answer.
    session.execute(update(StaffCall)
                    .where(StaffCall.call_id == call_id, StaffCall.answered_at.is_(None))
                    .values(answered_at=now, answered_by=caller.terminal_id, answered_staff=staff_id)
                    .execution_options(synchronize_session=False))
    session.expire_all()
    return find(session, caller, call_id)
