"""Exit codes of the ``kiosk`` command: a stable contract for technicians' scripts (see README)."""

from __future__ import annotations

from enum import IntEnum

from kiosk import errors


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    NO_READER = 3
    NO_CARD = 4
    NOT_MY_NUMBER_CARD = 5
    PCSC_UNAVAILABLE = 6
    RESIDENT_REGISTER_CARD = 7
    WRONG_PIN = 8
    PIN_BLOCKED = 9
    CARD_REMOVED = 10
    CARD_DATA = 11
    CENTRAL_UNAVAILABLE = 12
    STORE = 13
    CANCELLED = 14
    CONFIG = 15  # the settings, kiosk.toml or the data/config directories cannot be used
    RECORDS_REJECTED = 16  # `outbox sync` ran, but the central service refused some records
    REFUSED = 17  # a procedure's own rules refused it (renewal not open yet, staff grounds on a kiosk, ...)
    INTERRUPTED = 130


# Most specific first: the first class an error is an instance of decides.
_BY_ERROR: tuple[tuple[type[errors.KioskError], ExitCode], ...] = (
    (errors.PcscUnavailable, ExitCode.PCSC_UNAVAILABLE),
    (errors.NoReader, ExitCode.NO_READER),
    (errors.ReaderGone, ExitCode.NO_READER),
    (errors.NoCard, ExitCode.NO_CARD),
    (errors.CardRemoved, ExitCode.CARD_REMOVED),
    (errors.OperationCancelled, ExitCode.CANCELLED),
    (errors.ResidentRegisterCard, ExitCode.RESIDENT_REGISTER_CARD),
    (errors.NotMyNumberCard, ExitCode.NOT_MY_NUMBER_CARD),
    (errors.MalformedCardData, ExitCode.CARD_DATA),
    (errors.WrongPin, ExitCode.WRONG_PIN),
    (errors.PinBlocked, ExitCode.PIN_BLOCKED),
    (errors.PinFormatError, ExitCode.USAGE),
    (errors.UnknownSite, ExitCode.USAGE),
    (errors.AppointmentRefused, ExitCode.USAGE),
    (errors.SyncError, ExitCode.CENTRAL_UNAVAILABLE),
    (errors.StoreError, ExitCode.STORE),
    (errors.FlowError, ExitCode.REFUSED),
    (errors.ConfigError, ExitCode.CONFIG),
)


def exit_code_for(error: errors.KioskError) -> ExitCode:
    for kind, code in _BY_ERROR:
        if isinstance(error, kind):
            return code
    return ExitCode.ERROR
