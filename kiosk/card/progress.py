"""Progress of a long card operation, for a screen to show: ``progress(done, total)``.

A callback passed with the call (as cancellation is), never kept by the transport. ``done`` counts the
operation's own units (APDU parts for a command: each chained part, each GET RESPONSE; bytes for a file
read) and only grows; ``total`` is the best count known so far and may grow too, because a card answering
``61 xx`` says that more follows but not how much in all. The last report has ``done == total``.
The callback runs on the card's thread, between two APDUs: it must be quick and must not touch the card.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


class Parts:
    """Counts the parts of one command and reports each to ``progress`` (if any)."""

    def __init__(self, progress: Progress | None, planned: int) -> None:
        self._progress = progress
        self.done = 0
        self.total = planned

    def done_one(self, *, more: bool = False) -> None:
        """One part exchanged; ``more``: the card said another part of its answer follows."""
        self.done += 1
        self.total = max(self.total, self.done + (1 if more else 0))
        if self._progress is not None:
            self._progress(self.done, self.total)
