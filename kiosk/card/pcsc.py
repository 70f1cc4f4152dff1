"""The PC/SC service through pyscard's low-level ``smartcard.scard`` API. The only module importing pyscard.

- ``PcscService`` owns one PC/SC context, established lazily and again after the service went away
  (a pcscd restart leaves old contexts and connections dead; new ones work).
- ``PcscConnection`` is a ``Connection`` to the card in one reader, in shared mode, with a PC/SC transaction
  around each multi-APDU operation so another program cannot interleave its commands.
- ``PcscService.wait_for_change`` is the SCardGetStatusChange primitive the reader watcher is built on.

PC/SC return codes become typed errors here (``_error_for``); nothing of pyscard leaks upward.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from smartcard import scard

from kiosk.card.connection import Connection
from kiosk.errors import (
    CardError,
    CardRemoved,
    MalformedCardData,
    NoCard,
    NoReader,
    NotMyNumberCard,
    PcscUnavailable,
    ReaderBusy,
    ReaderGone,
    TransmitRefused,
)

log = logging.getLogger("kiosk.card.pcsc")
_T = TypeVar("_T")

PNP_READER = "\\\\?PnP?\\Notification"
MAX_READER_STATES = 16  # pcsc-lite refuses more in one SCardGetStatusChange (the PnP entry counts)

_SERVICE_GONE = frozenset({scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_INVALID_HANDLE,
                           scard.SCARD_F_COMM_ERROR, scard.SCARD_E_COMM_DATA_LOST})
# What a transmit fails with when the card was pulled before pcscd noticed (vpcd: NOT_TRANSACTED).
_CARD_MAY_HAVE_LEFT = frozenset({scard.SCARD_E_NOT_TRANSACTED, scard.SCARD_W_UNRESPONSIVE_CARD,
                                 scard.SCARD_W_UNPOWERED_CARD})
REMOVAL_NOTICE_S = 1.0  # pcscd polls a reader every 400 ms
_REFUSED = frozenset({scard.SCARD_E_NOT_TRANSACTED, scard.SCARD_E_INSUFFICIENT_BUFFER,
                      scard.SCARD_E_INVALID_PARAMETER, scard.SCARD_E_INVALID_VALUE, scard.SCARD_E_PROTO_MISMATCH})


def _code(hresult: int) -> int:
    return hresult & 0xFFFFFFFF


def _error_for(hresult: int, what: str, reader: str = "") -> CardError:
    """The typed error for a PC/SC failure; ``what`` says what we were doing (for the log)."""
    code = _code(hresult)
    where = f"{reader}: " if reader else ""
    message = f"{where}{what} failed: {code:08X} {scard.SCardGetErrorMessage(hresult)}"
    if code in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
        return PcscUnavailable(message)
    if code == scard.SCARD_W_REMOVED_CARD:
        return CardRemoved(message)
    if code == scard.SCARD_W_RESET_CARD:  # another program reset it: our verified state is gone too
        return CardRemoved(message)
    if code == scard.SCARD_E_NO_SMARTCARD:
        return NoCard(message)
    if code in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_NO_READERS_AVAILABLE):
        return NoReader(message)
    if code in (scard.SCARD_E_READER_UNAVAILABLE, scard.SCARD_E_INVALID_HANDLE):
        return ReaderGone(message)
    if code == scard.SCARD_E_SHARING_VIOLATION:
        return ReaderBusy(message)
    if code in (scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_W_UNSUPPORTED_CARD):
        return NotMyNumberCard(message)
    if code in _REFUSED:
        return TransmitRefused(message)
    return CardError(message)


def _is_extended(apdu: bytearray) -> bool:
    """ISO 7816-4: an extended-length APDU has a zero byte after the header and at least two more."""
    return len(apdu) >= 7 and apdu[4] == 0


@dataclass(frozen=True)
class ReaderState:
    """One reader as SCardGetStatusChange reports it. ``event_state`` goes back in as the known state."""

    name: str
    event_state: int
    atr: bytes

    @property
    def card_present(self) -> bool:
        return bool(self.event_state & scard.SCARD_STATE_PRESENT) and not self.unavailable

    @property
    def unavailable(self) -> bool:
        return bool(self.event_state & (scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_UNKNOWN
                                        | scard.SCARD_STATE_IGNORE))

    @property
    def event_count(self) -> int:
        """pcsc-lite counts card events in the high word: a quick remove-and-insert still changes it."""
        return self.event_state >> 16


@dataclass(frozen=True)
class Change:
    readers: tuple[ReaderState, ...]
    reader_list_changed: bool


UNAWARE = scard.SCARD_STATE_UNAWARE


class PcscService:
    """One PC/SC context, made on first use and again after the service came back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._context: int | None = None
        self._pnp_supported = True

    def _established(self) -> int:
        with self._lock:
            if self._context is None:
                hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
                if hresult != scard.SCARD_S_SUCCESS:
                    raise _error_for(hresult, "establish a PC/SC context")
                self._context = context
            return self._context

    def _check(self, hresult: int, what: str, reader: str = "") -> None:
        if hresult == scard.SCARD_S_SUCCESS:
            return
        if _code(hresult) in _SERVICE_GONE:
            self.release()
            raise PcscUnavailable(f"{what}: the PC/SC service went away ({_code(hresult):08X})")
        raise _error_for(hresult, what, reader)

    def release(self) -> None:
        """Forget the context (after the service went away, or at the end)."""
        with self._lock:
            context, self._context = self._context, None
        if context is not None:
            with contextlib.suppress(Exception):
                scard.SCardReleaseContext(context)

    @property
    def reader_list_notifications(self) -> bool:
        """Whether the service reports readers coming and going (pcsc-lite's PnP notification reader)."""
        return self._pnp_supported

    def cancel(self) -> None:
        """Wake a ``wait_for_change`` blocked in another thread."""
        with self._lock:
            context = self._context
        if context is not None:
            scard.SCardCancel(context)

    def _retrying(self, operation: Callable[[int], _T]) -> _T:
        """``operation(context)``, once more on a new context if the old one died with the service."""
        try:
            return operation(self._established())
        except PcscUnavailable:
            return operation(self._established())

    def readers(self) -> list[str]:
        def list_readers(context: int) -> list[str]:
            hresult, names = scard.SCardListReaders(context, [])
            if _code(hresult) == scard.SCARD_E_NO_READERS_AVAILABLE:
                return []
            self._check(hresult, "list readers")
            return list(names)

        return self._retrying(list_readers)

    def connect(self, reader: str) -> PcscConnection:
        return self._retrying(lambda context: PcscConnection(self, context, reader))

    def wait_for_change(self, known: Mapping[str, int], timeout_s: float) -> Change | None:
        """Block until a reader in ``known`` (name -> last ``event_state``) changes, or the reader list does.

        Returns None on timeout or when ``cancel`` was called. Raises ``PcscUnavailable`` when the service
        goes away.
        """
        context = self._established()
        states = [(name, state) for name, state in known.items()]
        if self._pnp_supported and len(states) < MAX_READER_STATES:
            states.append((PNP_READER, len(known) << 16))
        hresult, results = scard.SCardGetStatusChange(context, max(0, int(timeout_s * 1000)), states)
        code = _code(hresult)
        if code in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
            return None
        if code == scard.SCARD_E_UNKNOWN_READER:  # a reader left between listing and waiting
            return Change((), reader_list_changed=True)
        self._check(hresult, "wait for reader changes")
        readers = []
        list_changed = False
        for name, event_state, atr in results:
            if name == PNP_READER:
                if event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_IGNORE):
                    self._pnp_supported = False
                list_changed = bool(event_state & scard.SCARD_STATE_CHANGED)
            else:
                readers.append(ReaderState(name, event_state & ~scard.SCARD_STATE_CHANGED, bytes(atr)))
        return Change(tuple(readers), list_changed)

    def snapshot(self) -> tuple[ReaderState, ...]:
        """Every reader and its card, now."""
        names = self.readers()
        if not names:
            return ()
        change = self.wait_for_change(dict.fromkeys(names, UNAWARE), 0)
        return change.readers if change else ()


class PcscConnection(Connection):
    """The card in ``reader``, connected in shared mode (other programs may connect too, between our
    transactions)."""

    def __init__(self, service: PcscService, context: int, reader: str) -> None:
        self.reader = reader
        self._service = service
        hresult, handle, protocol = scard.SCardConnect(
            context, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        service._check(hresult, "connect", reader)
        self._handle: int | None = handle
        self._pci = scard.SCARD_PCI_T1 if protocol == scard.SCARD_PROTOCOL_T1 else scard.SCARD_PCI_T0
        self._atr: bytes | None = None

    @property
    def atr(self) -> bytes:
        """Asked of pcscd on first use (a round trip the status read does not need)."""
        if self._atr is None:
            hresult, _name, _state, _protocol, atr = scard.SCardStatus(self._live_handle())
            if hresult != scard.SCARD_S_SUCCESS:
                raise self._failed(hresult, "read the ATR")
            self._atr = bytes(atr)
        return self._atr

    def _live_handle(self) -> int:
        if self._handle is None:
            raise ReaderGone(f"{self.reader}: connection closed")
        return self._handle

    def _failed(self, hresult: int, what: str) -> CardError:
        code = _code(hresult)
        if code in _SERVICE_GONE:
            self._service.release()
            return ReaderGone(f"{self.reader}: {what}: the PC/SC service went away ({code:08X})")
        return _error_for(hresult, what, self.reader)

    def send_and_receive(self, apdu: bytearray) -> tuple[bytes, int]:
        handle = self._live_handle()
        as_list = list(apdu)  # what pyscard takes; cleared below since it may hold a PIN
        try:
            hresult, response = scard.SCardTransmit(handle, self._pci, as_list)
        finally:
            as_list[:] = [0] * len(as_list)
        if hresult != scard.SCARD_S_SUCCESS:
            if _code(hresult) in _CARD_MAY_HAVE_LEFT and _is_extended(apdu):
                # Most likely a reader that cannot do extended length: say so at once (the transport then
                # retries with short APDUs, and a card that really left shows up there).
                raise TransmitRefused(f"{self.reader}: an extended-length APDU failed ({_code(hresult):08X})")
            if _code(hresult) in _CARD_MAY_HAVE_LEFT and self._card_left():
                raise CardRemoved(f"{self.reader}: the card left during a command ({_code(hresult):08X})")
            raise self._failed(hresult, "transmit")
        if len(response) < 2:  # vpcd's answer when the card was pulled before it replied
            if self._card_left():
                raise CardRemoved(f"{self.reader}: the card left before answering")
            raise MalformedCardData(f"{self.reader}: a response without a status word")
        return bytes(response[:-2]), response[-2] << 8 | response[-1]

    def _card_left(self) -> bool:
        """After a failed transmit: is the card gone? pcscd notices a removal only at its next poll of the
        reader (a few hundred ms), so a card pulled mid-command first shows as a failed transaction; wait
        for pcscd's verdict, briefly, rather than guess."""
        deadline = time.monotonic() + REMOVAL_NOTICE_S
        known = UNAWARE
        while True:
            try:
                change = self._service.wait_for_change({self.reader: known}, max(0.0, deadline - time.monotonic()))
            except CardError:
                return True  # the reader or the service went with it
            for state in change.readers if change else ():
                if state.name == self.reader:
                    if not state.card_present:
                        return True
                    known = state.event_state
            if time.monotonic() >= deadline:
                return False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        handle = self._live_handle()
        hresult = scard.SCardBeginTransaction(handle)
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._failed(hresult, "begin transaction")
        try:
            yield
        finally:
            if self._handle is not None:
                hresult = scard.SCardEndTransaction(handle, scard.SCARD_LEAVE_CARD)
                if hresult != scard.SCARD_S_SUCCESS:
                    log.debug("%s: end transaction: %08X", self.reader, _code(hresult))

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(Exception):
                scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)


def open_connection(reader: str | None = None, service: PcscService | None = None) -> PcscConnection:
    """Connect to the card in ``reader``, or in the first reader that has one.

    ``NoReader`` if there is no reader (or not that one), ``NoCard`` if there is no card.
    """
    service = service or PcscService()
    if reader is not None:
        if reader not in service.readers():
            raise NoReader(f"no reader named {reader!r}")
        return service.connect(reader)
    states = service.snapshot()
    if not states:
        raise NoReader("no card reader")
    with_card = [state.name for state in states if state.card_present]
    if not with_card:
        raise NoCard("no card in any reader")
    return service.connect(with_card[0])
