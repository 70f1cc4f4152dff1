"""The link between a virtual card and pcscd's vpcd virtual reader.

The card is a TCP client of the reader's port: connected means inserted, closed means removed. vpcd sends
2-byte big-endian lengths and payloads; a 1-byte payload is a control code (0 power off, 1 power on,
2 reset, 4 get ATR, which alone expects an answer), anything longer a command APDU, answered with the
response APDU in one send. vpcd also polls for presence by asking for the ATR a few times a second.

vpcd sends the length and the body in separate segments with Nagle on, so with Linux delayed ACKs every
APDU would wait 40 ms or more for an ACK: the link sets TCP_NODELAY and re-arms TCP_QUICKACK (it is not
sticky) before every receive. Measured on the project machine (loopback, pcscd, pyscard, 2000 SELECTs):
see docs/training-cards.md, "Speed".

Two ways to use it:
- ``run()`` blocks and serves until the process is interrupted (``kiosk cardsim``); with ``reconnect``
  it comes back after vpcd closes the connection, e.g. when pcscd restarts;
- ``insert()`` / ``remove()`` (or ``with VpcdLink(...)``) serve in a background thread, for tests. A hook
  called before each APDU can pull the card out before or after answering it.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

from kiosk.cardsim.card import VirtualCard
from kiosk.cardsim.pcscd import DEFAULT_VPCD_PORT

_log = logging.getLogger(__name__)

CONTROL_POWER_OFF = 0
CONTROL_POWER_ON = 1
CONTROL_RESET = 2
CONTROL_GET_ATR = 4
CONNECT_TIMEOUT_S = 2.0


class LinkAction(enum.Enum):
    ANSWER = "answer"
    REMOVE_BEFORE_ANSWER = "remove before answer"  # the card leaves mid-command: the terminal gets no answer
    REMOVE_AFTER_ANSWER = "remove after answer"


# Called with (1-based number of the APDU since insertion, the APDU); None means ANSWER.
ApduHook = Callable[[int, bytes], LinkAction | None]


class VpcdUnavailable(ConnectionError):
    """Nothing listens on the vpcd port: pcscd is not running, or runs without the vpcd reader."""


def remove_after(count: int) -> ApduHook:
    """A hook that pulls the card out right after answering the ``count``-th APDU."""

    def hook(number: int, _apdu: bytes) -> LinkAction | None:
        return LinkAction.REMOVE_AFTER_ANSWER if number == count else None

    return hook


class VpcdLink:
    def __init__(
        self,
        card: VirtualCard,
        port: int = DEFAULT_VPCD_PORT,
        host: str = "127.0.0.1",
        *,
        on_apdu: ApduHook | None = None,
        nodelay: bool = True,
        quickack: bool = True,
    ) -> None:
        self.card = card
        self.port = port
        self.host = host
        self.on_apdu = on_apdu
        self.nodelay = nodelay
        self.quickack = quickack and hasattr(socket, "TCP_QUICKACK")
        self.apdu_count = 0  # since the link was created
        self.insertions = 0
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._noticed = threading.Event()  # vpcd has talked to the card since it was inserted
        self._lock = threading.Lock()

    # --- background use (tests) ---------------------------------------------------------------------------------

    @property
    def inserted(self) -> bool:
        return self._socket is not None

    def insert(self, *, reconnect: bool = False) -> None:
        """Connect to vpcd (the card is in the reader) and serve it in a background thread."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                raise RuntimeError("the card is already inserted")
            self._stopping.clear()
            self._noticed.clear()
            first = None if reconnect else self._connect()
            self._thread = threading.Thread(target=self._serve_forever, args=(first, reconnect),
                                            name=f"vpcd-link-{self.port}", daemon=True)
            self._thread.start()

    def remove(self) -> None:
        """Pull the card out: close the connection and wait for the serving thread to end."""
        self._stopping.set()
        self._shutdown_socket()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
        self._thread = None

    def wait_until_noticed(self, timeout: float) -> bool:
        """True once vpcd has polled, powered or sent a command to the card since it was inserted."""
        return self._noticed.wait(timeout)

    def __enter__(self) -> VpcdLink:
        self.insert()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.remove()

    # --- blocking use (kiosk cardsim) --------------------------------------------------------------------------

    def run(self, *, reconnect: bool = False) -> None:
        """Serve until ``remove()`` is called or the process is interrupted.

        The first connection must succeed (``VpcdUnavailable`` otherwise). Without ``reconnect`` it returns
        when vpcd closes the connection; with it, it connects again (pcscd restarted) with the card's
        persistent state intact.
        """
        self._stopping.clear()
        self._serve_forever(self._connect(), reconnect)

    def run_cycles(self, cycles: int, *, dwell: float, gap: float, notice_timeout: float = 10.0) -> int:
        """Insert and remove the card ``cycles`` times; returns how many insertions vpcd noticed.

        pcscd learns of a removal only at its next presence poll (every 0.4 s). A card back in the reader
        before that poll is accepted by it as if it had never left, so ``gap`` should exceed two polls.
        """
        noticed = 0
        for _ in range(cycles):
            self.insert()
            if self.wait_until_noticed(notice_timeout):
                noticed += 1
            time.sleep(dwell)
            self.remove()
            time.sleep(gap)
        return noticed

    # --- the protocol ------------------------------------------------------------------------------------------

    def _connect(self) -> socket.socket:
        try:
            connection = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT_S)
        except OSError as exc:
            raise VpcdUnavailable(f"no vpcd reader on {self.host}:{self.port} ({exc.strerror or exc})") from exc
        connection.settimeout(None)
        if self.nodelay:
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection

    def _serve_forever(self, first: socket.socket | None, reconnect: bool) -> None:
        connection = first
        delay = 0.05
        while not self._stopping.is_set():
            if connection is None:
                try:
                    connection = self._connect()
                except VpcdUnavailable:
                    if not reconnect:
                        raise
                    self._stopping.wait(delay)
                    delay = min(delay * 2, 1.0)
                    continue
            delay = 0.05
            self._serve(connection)
            connection = None
            if not reconnect:
                break
            if not self._stopping.is_set():
                _log.info("vpcd on port %d closed the connection; connecting again", self.port)
        if connection is not None:  # removed before the first connection was served: it never reached _serve
            with contextlib.suppress(OSError):
                connection.close()

    def _serve(self, connection: socket.socket) -> None:
        with self._lock:
            self._socket = connection
            self._noticed.clear()
            self.insertions += 1
        if self._stopping.is_set():  # removed while connecting
            self._shutdown_socket()
        number = 0
        try:
            while True:
                message = self._receive(connection)
                if message is None:
                    break
                self._noticed.set()
                if len(message) == 1:
                    self._control(connection, message[0])
                    continue
                number += 1
                self.apdu_count += 1
                action = (self.on_apdu(number, message) if self.on_apdu else None) or LinkAction.ANSWER
                if action is LinkAction.REMOVE_BEFORE_ANSWER:
                    break
                response = self.card.transmit(message)
                connection.sendall(len(response).to_bytes(2, "big") + response)
                if action is LinkAction.REMOVE_AFTER_ANSWER:
                    break
        except OSError as exc:
            if not self._stopping.is_set():
                _log.info("vpcd connection on port %d lost: %s", self.port, exc)
        finally:
            with self._lock:
                self._socket = None
            with contextlib.suppress(OSError):
                connection.close()
            self.card.power_off()  # out of the reader: the volatile state is gone

    def _control(self, connection: socket.socket, code: int) -> None:
        if code == CONTROL_GET_ATR:
            atr = self.card.atr
            connection.sendall(len(atr).to_bytes(2, "big") + atr)
        elif code == CONTROL_POWER_ON:
            self.card.power_on()
        elif code == CONTROL_RESET:
            self.card.reset()
        elif code == CONTROL_POWER_OFF:
            self.card.power_off()
        else:
            _log.debug("unknown vpcd control code %d ignored", code)

    def _receive(self, connection: socket.socket) -> bytes | None:
        """One message from vpcd, or None when the connection is closed."""
        header = self._receive_exactly(connection, 2)
        if header is None:
            return None
        size = int.from_bytes(header, "big")
        return self._receive_exactly(connection, size) if size else b""

    def _receive_exactly(self, connection: socket.socket, size: int) -> bytes | None:
        buffer = bytearray(size)
        view = memoryview(buffer)
        received = 0
        while received < size:
            if self.quickack:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            count = connection.recv_into(view[received:])
            if count == 0:
                return None
            received += count
        return bytes(buffer)

    def _shutdown_socket(self) -> None:
        with self._lock:
            connection = self._socket
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
