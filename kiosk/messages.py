"""What a resident or a staff member reads when something goes wrong.

One place maps every typed error to calm, translated text (and the PIN kinds to their names), so the CLI
and the UI say the same thing. Messages say what happened and what to do next; they never show a status
word or a stack trace (those go to the log, for technicians).
"""

from __future__ import annotations

from kiosk import errors
from kiosk.i18n import Message, tr, tr_message, tr_noop

_PIN_NAMES: dict[str, Message] = {
    "auth": tr_noop("pins", "user-authentication PIN (4 digits)"),
    "sign": tr_noop("pins", "signing password (6 to 16 characters)"),
    "card_info": tr_noop("pins", "card-info PIN (4 digits)"),
    "resident_register": tr_noop("pins", "resident-register PIN (4 digits)"),
    "short": tr_noop("pins", "4-digit PIN"),
    "long": tr_noop("pins", "password (6 or more characters)"),
}

_FORMAT_REASONS: dict[str, Message] = {
    "too_short": tr_noop("pins", "It must have at least {minimum} characters."),
    "too_long": tr_noop("pins", "It must have at most {maximum} characters."),
    "not_digits": tr_noop("pins", "Use digits only."),
    "bad_characters": tr_noop("pins", "Use only the letters A to Z and the digits 0 to 9."),
    "mismatch": tr_noop("pins", "The two entries do not match. Please enter it again."),
    "empty": tr_noop("pins", "Nothing was entered."),
}

# Most specific first.
_BY_ERROR: tuple[tuple[type[errors.KioskError], Message], ...] = (
    (errors.PcscUnavailable, tr_noop(
        "errors", "The card reader service is not running. Please call a staff member.")),
    (errors.NoReader, tr_noop("errors", "No card reader is connected. Please call a staff member.")),
    (errors.ReaderGone, tr_noop(
        "errors", "The card reader was disconnected. Please call a staff member.")),
    (errors.ReaderBusy, tr_noop(
        "errors", "Another program is using the card reader. Please call a staff member.")),
    (errors.NoCard, tr_noop("errors", "Please place your My Number Card on the reader.")),
    (errors.CardRemoved, tr_noop(
        "errors", "The card was removed before the operation finished. Nothing was changed. "
        "Please place the card on the reader again.")),
    (errors.OperationCancelled, tr_noop("errors", "The operation was cancelled.")),
    (errors.IssuerChannelUnavailable, tr_noop(
        "errors", "This card does not support issuer operations at this terminal. Please call a staff member.")),
    (errors.ResidentRegisterCard, tr_noop(
        "errors", "This is a Basic Resident Register card. It cannot be used here. "
        "Please apply for a My Number Card at the counter.")),
    (errors.NotMyNumberCard, tr_noop(
        "errors", "This card is not a My Number Card. Please check the card and try again.")),
    (errors.SecurityStatusNotSatisfied, tr_noop(
        "errors", "The card needs the PIN before it can do this.")),
    (errors.MalformedCardData, tr_noop(
        "errors", "The card's data could not be read correctly. Please place the card again; "
        "if this happens again, please call a staff member.")),
    (errors.AuthorisationRejected, tr_noop(
        "errors", "The card refused the authorisation. Nothing was changed. Please start again.")),
    (errors.UnexpectedStatus, tr_noop(
        "errors", "The card gave an unexpected answer. Please place the card again; "
        "if this happens again, please call a staff member.")),
    (errors.CardError, tr_noop("errors", "There is a problem with the card or the reader.")),
    (errors.PinBlocked, tr_noop(
        "errors", "The {pin} is locked after too many wrong entries. "
        "It can be reset at the counter.")),
    (errors.DatabaseLocked, tr_noop(
        "errors", "The terminal's records are busy. Please try again in a moment.")),
    (errors.DatabaseFull, tr_noop(
        "errors", "The terminal's disk is full. Records are safe; please call a technician.")),
    (errors.DatabaseCorrupt, tr_noop(
        "errors", "The terminal's records are damaged. Please call a technician.")),
    (errors.DatabaseTooNew, tr_noop(
        "errors", "The terminal's records were written by a newer version of this software. "
        "Please call a technician.")),
    (errors.AuditChainBroken, tr_noop(
        "errors", "The audit trail has been altered. Please call a technician.")),
    (errors.StoreError, tr_noop("errors", "The terminal could not save its records.")),
    (errors.AuthenticationFailed, tr_noop(
        "errors", "The central service does not accept this terminal. Please call a technician.")),
    (errors.RateLimited, tr_noop(
        "errors", "The central service is busy. The terminal will try again automatically.")),
    (errors.ServerUnavailable, tr_noop(
        "errors", "The central service cannot be reached. The terminal will try again automatically.")),
    (errors.RequestRejected, tr_noop("errors", "The central service refused the request.")),
    (errors.SyncError, tr_noop("errors", "There is a problem with the central service.")),
    (errors.NotEnrolled, tr_noop(
        "errors", "This terminal is not enrolled with the central service. A technician runs: "
        "kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256")),
    (errors.ConfigError, tr_noop(
        "errors", "The terminal is not set up correctly. Please call a technician.")),
)


def pin_name(kind: str) -> str:
    message = _PIN_NAMES.get(kind)
    return tr_message(message) if message else kind


def message_for(error: errors.KioskError) -> str:
    """The translated sentence to show for ``error``."""
    if isinstance(error, errors.WrongPin):
        if error.tries_left == 1:
            return tr("errors", "The {pin} is wrong. Only one try is left: after one more wrong entry "
                      "it will be locked.", pin=pin_name(error.kind))
        return tr("errors", "The {pin} is wrong. {tries} tries are left.",
                  pin=pin_name(error.kind), tries=error.tries_left)
    if isinstance(error, errors.PinFormatError):
        reason = _FORMAT_REASONS.get(error.reason)
        detail = tr_message(reason, minimum=error.minimum, maximum=error.maximum) if reason else ""
        return tr("errors", "This {pin} cannot be used. {detail}", pin=pin_name(error.kind), detail=detail)
    for kind, message in _BY_ERROR:
        if isinstance(error, kind):
            pin = pin_name(error.kind) if isinstance(error, errors.PinError) else ""
            return tr_message(message, pin=pin)
    return tr("errors", "Something went wrong. Please call a staff member.")
