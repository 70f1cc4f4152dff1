"""Thread confinement of a card connection: a guard that raises, not an ``assert``.

pcsc-lite wants one PC/SC context per thread, and a connection is used by one thread only (the reader's
worker, DESIGN.md 2). A ``CardTransport`` calls its thread guard before every APDU; ``ThreadGuard`` is the
guard for "the thread that made me". An ``assert`` would vanish under ``python -O`` and let two threads
interleave APDUs on one card; ``WrongThread`` stays.
"""

from __future__ import annotations

import threading

from kiosk.errors import WrongThread


class ThreadGuard:
    """Raises ``WrongThread`` when called from any thread but its owner (by default, the one making it)."""

    def __init__(self, reader: str, owner: int | None = None) -> None:
        self.reader = reader
        self.owner = threading.get_ident() if owner is None else owner

    @property
    def on_owner(self) -> bool:
        return threading.get_ident() == self.owner

    def __call__(self) -> None:
        if not self.on_owner:
            raise WrongThread(f"card I/O for {self.reader!r} outside its worker thread "
                              f"({threading.current_thread().name})")
