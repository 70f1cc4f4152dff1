"""Stopping the running application from outside: SIGTERM (systemd stopping the terminal's service, a
shutdown) and SIGINT (Ctrl+C where a technician started ``kiosk app`` from a terminal).

Both close every window as the last window closing does: a procedure in flight is cancelled and recorded,
the sender and the card channel stop, the store closes, and the process exits 0. Without this, SIGTERM
kills the process outright, and Ctrl+C raises KeyboardInterrupt into whatever Python code runs next,
which the error net then reports as an unexpected error while the window stays up.

Python runs its signal handlers only between bytecodes, and Qt's loop may sit in C++ for as long as nothing
happens: the signal's number is written to a socket (``signal.set_wakeup_fd``) that a QSocketNotifier
watches, so the loop wakes at once. A second signal while closing ends the process at once: a shutdown
that hangs can still be stopped.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.ui.stopping")
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopOnSignals(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._stopping = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._on_signal) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        # Running this Python slot is what lets Python run the handler below; the bytes only woke the loop.
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        name = signal.Signals(number).name
        if self._stopping:
            log.warning("%s again while stopping: ending the process now", name)
            os._exit(128 + number)
        self._stopping = True
        log.info("%s: closing the windows and stopping", name)
        for window in self._app.topLevelWidgets():
            window.closing_for_real = True  # type: ignore[attr-defined]  # a kiosk ignores other closes
        self._app.closeAllWindows()

    def restore(self) -> None:
        """Give the process its previous handlers back (after the loop has ended)."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
