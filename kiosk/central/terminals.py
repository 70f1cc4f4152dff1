"""Terminals, their bearer tokens, and who is calling.

A token is shown once (``kiosk central add-terminal``) and kept only as its SHA-256 digest: a copy of the
database lets nobody call the service. One token is valid per terminal: a new one revokes the old, and
enrolment (a client certificate, ``kiosk.central.enrolment``) revokes them all. A revoked terminal
(``revoke``) is refused at once, whatever credential it shows. A terminal belongs to one site and works in
one mode for good; a registration that says otherwise is refused rather than silently moving a terminal.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.central.models import Terminal, TerminalToken
from kiosk.central.problems import ApiError
from kiosk.central.settings import TerminalRegistration
from kiosk.domain.transactions import Mode


class TerminalConflict(ValueError):
    """A registration contradicts what the database already holds."""


@dataclass(frozen=True)
class CallingTerminal:
    terminal_id: str
    site: str
    mode: Mode


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def register(session: Session, registration: TerminalRegistration, now: datetime) -> None:
    """Make ``registration`` valid; registering the same thing twice changes nothing."""
    if not registration.terminal_id or not registration.site or not registration.token:
        raise TerminalConflict("terminal id, site and token are required")
    terminal = session.get(Terminal, registration.terminal_id)
    if terminal is None:
        session.add(Terminal(terminal_id=registration.terminal_id, site=registration.site,
                             mode=str(registration.mode), registered_at=now))
    elif (terminal.site, terminal.mode) != (registration.site, str(registration.mode)):
        raise TerminalConflict(f"terminal {registration.terminal_id} is registered at {terminal.site} in "
                               f"{terminal.mode} mode")
    digest = token_digest(registration.token)
    existing = session.get(TerminalToken, digest)
    if existing is None:
        revoke_tokens(session, registration.terminal_id, now)
        session.add(TerminalToken(token_sha256=digest, terminal_id=registration.terminal_id, created_at=now))
    elif existing.terminal_id != registration.terminal_id:
        raise TerminalConflict("that token belongs to another terminal")
    session.flush()


def revoke_tokens(session: Session, terminal_id: str, now: datetime) -> None:
    session.execute(update(TerminalToken).where(TerminalToken.terminal_id == terminal_id,
                                                TerminalToken.revoked_at.is_(None)).values(revoked_at=now))


def identify(session: Session, token: str) -> CallingTerminal | None:
    row = session.execute(
        select(Terminal.terminal_id, Terminal.site, Terminal.mode)
        .join(TerminalToken, TerminalToken.terminal_id == Terminal.terminal_id)
        .where(TerminalToken.token_sha256 == token_digest(token), TerminalToken.revoked_at.is_(None),
               Terminal.revoked_at.is_(None))
    ).one_or_none()
    if row is None:
        return None
    return CallingTerminal(row.terminal_id, row.site, Mode(row.mode))


def require_counter(caller: CallingTerminal) -> None:
    """Staff-grounded operations happen at a counter, where staff check the resident's identity."""
    if caller.mode is not Mode.COUNTER:
        raise ApiError(403, "counter_only", "only a counter terminal, with staff present, may do this")
