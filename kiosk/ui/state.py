"""What the status bar shows about the terminal, in one immutable value.

The application gathers it from the reader watcher, the central client and the outbox (which live in other
threads and layers) and hands a fresh ``TerminalState`` to ``StatusBar.show_state`` whenever any part
changes: the widget never asks the lower layers itself, so it cannot stall the UI thread on a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TerminalState:
    reader: str | None = None  # the reader in use; None: no reader connected
    card_present: bool = False
    pcsc_available: bool = True  # False: the PC/SC service is not running (nothing about readers is known)
    central_reachable: bool | None = None  # None: not tried yet
    central_since: datetime | None = None  # when reachability last changed (aware)
    backlog: int = 0  # outbox rows pending
    oldest_pending_age_s: float | None = None
    rejected: int = 0  # outbox rows the central service refused
    training: bool = False
    sender_paused_reason: str | None = None  # the sender stopped for a technician (401/403, TLS)

    def __post_init__(self) -> None:
        if self.backlog < 0 or self.rejected < 0:
            raise ValueError(f"negative counts: backlog {self.backlog}, rejected {self.rejected}")
        if self.oldest_pending_age_s is not None and self.oldest_pending_age_s < 0:
            raise ValueError(f"negative age: {self.oldest_pending_age_s}")
        if self.central_since is not None and self.central_since.tzinfo is None:
            raise ValueError("central_since must be timezone-aware")
