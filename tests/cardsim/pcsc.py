"""pyscard, used directly: the PC/SC side of the virtual card's integration tests (not kiosk.card)."""

from __future__ import annotations

import time

from smartcard import scard

SCARD_W_REMOVED_CARD = 0x80100069
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_E_TIMEOUT = 0x8010000A
SCARD_E_NOT_TRANSACTED = 0x80100016
SCARD_W_RESET_CARD = 0x80100068


class Reader:
    """One PC/SC context on one reader."""

    def __init__(self, name: str) -> None:
        self.name = name
        rv, self.context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        assert rv == 0, f"{rv:08X}"
        self.card: int | None = None
        self.protocol = 0

    def close(self) -> None:
        self.disconnect()
        scard.SCardReleaseContext(self.context)

    def state(self) -> tuple[int, bytes]:
        rv, states = scard.SCardGetStatusChange(self.context, 0, [(self.name, scard.SCARD_STATE_UNAWARE)])
        assert rv == 0, f"{rv:08X}"
        return states[0][1], bytes(states[0][2])

    def wait(self, present: bool, timeout_s: float = 15.0) -> int:
        """Block until the reader shows a card (or none); returns pcscd's event count for the reader."""
        deadline = time.monotonic() + timeout_s
        current = scard.SCARD_STATE_UNAWARE
        while True:
            remaining = int(max(0.0, deadline - time.monotonic()) * 1000)
            rv, states = scard.SCardGetStatusChange(self.context, remaining, [(self.name, current)])
            if rv == SCARD_E_TIMEOUT:
                raise AssertionError(f"{self.name}: card {'never came' if present else 'never left'}")
            assert rv == 0, f"{rv:08X}"
            event = states[0][1]
            if bool(event & scard.SCARD_STATE_PRESENT) == present:
                return event >> 16
            current = event & ~scard.SCARD_STATE_CHANGED

    def connect(self) -> None:
        rv, self.card, self.protocol = scard.SCardConnect(
            self.context, self.name, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        assert rv == 0, f"connect: {rv:08X}"

    def disconnect(self) -> None:
        if self.card is not None:
            scard.SCardDisconnect(self.card, scard.SCARD_LEAVE_CARD)
            self.card = None

    def transmit(self, apdu: bytes) -> tuple[int, bytes]:
        """(PC/SC result, response APDU)."""
        assert self.card is not None
        pci = scard.SCARD_PCI_T1 if self.protocol == scard.SCARD_PROTOCOL_T1 else scard.SCARD_PCI_T0
        rv, response = scard.SCardTransmit(self.card, pci, list(apdu))
        return rv, bytes(response) if rv == 0 else b""

    def send(self, apdu: bytes) -> bytes:
        rv, response = self.transmit(apdu)
        assert rv == 0, f"transmit {apdu[:4].hex()}: {rv:08X}"
        return response
