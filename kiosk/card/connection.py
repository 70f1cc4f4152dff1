"""The link to one card: send a command APDU, get the response data and status word; close.

Two implementations: ``kiosk.card.pcsc.PcscConnection`` (a reader through the PC/SC service) and
``InProcessConnection`` here (any object that behaves like a card, such as the virtual card of
``kiosk.cardsim``, called directly: no pcscd, no threads). Everything above this interface is the same
for both.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Iterator
from typing import Protocol

from kiosk.errors import MalformedCardData


class Connection(abc.ABC):
    """A card in a reader, connected. Not thread-safe: one thread (the reader's worker) uses it."""

    reader: str

    @abc.abstractmethod
    def send_and_receive(self, apdu: bytearray) -> tuple[bytes, int]:
        """Send one command APDU; return the response data and the status word (SW1 << 8 | SW2)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the card, leaving it as it is (powered, applet selected). Safe to call twice."""

    @property
    def atr(self) -> bytes:
        return b""

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Keep other programs off the card for a multi-APDU operation (a PC/SC transaction)."""
        yield

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SimulatedCard(Protocol):
    """What the in-process connection needs of a card object."""

    @property
    def atr(self) -> bytes: ...

    def transmit(self, apdu: bytes) -> bytes: ...

    def power_on(self) -> None: ...

    def power_off(self) -> None: ...


class InProcessConnection(Connection):
    """A card object called directly. ``reader`` names it in logs and in the extended-length memory."""

    def __init__(self, card: SimulatedCard, reader: str = "in-process") -> None:
        self.reader = reader
        self._card = card
        self._card.power_on()

    @property
    def atr(self) -> bytes:
        return self._card.atr

    def send_and_receive(self, apdu: bytearray) -> tuple[bytes, int]:
        raw = self._card.transmit(bytes(apdu))
        if len(raw) < 2:
            raise MalformedCardData(f"{self.reader}: a response without a status word")
        return raw[:-2], raw[-2] << 8 | raw[-1]

    def close(self) -> None:
        """Nothing to release: like a PC/SC disconnect that leaves the card powered."""
