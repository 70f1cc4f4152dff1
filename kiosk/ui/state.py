"""What the status bar shows: the terminal's state, as one value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TerminalState:
    reader: str | None
    card_present: bool
    pcsc_available: bool
    central_reachable: bool | None  # None: not known yet
    central_since: datetime | None
    backlog: int
    oldest_pending_age_s: float | None
    rejected: int
    training: bool
    sender_paused_reason: str | None
