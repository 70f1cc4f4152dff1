"""What a resident or a staff member reads when something goes wrong.

One place maps every typed error to calm, translated text (and the PIN kinds to their names), so the CLI
and the UI say the same thing. Messages say what happened and what to do next; they never show a status
word or a stack trace (those go to the log, for technicians).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

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

_PROOF_REASONS: dict[str, Message] = {
    "not_provable": tr_noop(
        "errors", "This PIN can only be reset at the counter, after an identity check."),
    "same_pin": tr_noop(
        "errors", "On this card one PIN opens both keys, so it cannot prove itself. "
        "It can be reset at the counter, after an identity check."),
    "proof_pin_blocked": tr_noop(
        "errors", "The other PIN is locked too, so you cannot prove who you are here. "
        "Both can be reset at the counter, after an identity check."),
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
    (errors.TransmitRefused, tr_noop(
        "errors", "The card reader could not pass a command to the card. Please place the card again; "
        "if this happens again, please call a staff member.")),
    (errors.CardRemoved, tr_noop(
        "errors", "The card was removed before the operation finished. "
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
        "errors", "The card refused the authorisation. Please start again.")),
    (errors.CardInfoAppletMissing, tr_noop(
        "errors", "This card has no card-info function, so its details cannot be read here. "
        "Please fill in the form by hand.")),
    (errors.FileNotFound, tr_noop(
        "errors", "This card does not hold what this procedure needs. Please call a staff member.")),
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
    (errors.DatabaseLost, tr_noop(
        "errors", "The terminal's records are missing or older than the records it made. Nothing will be "
        "recorded until a technician checks it.")),
    (errors.AuditChainBroken, tr_noop(
        "errors", "The audit trail has been altered. Please call a technician.")),
    (errors.StoreError, tr_noop("errors", "The terminal could not save its records.")),
    (errors.CertificateNotWritten, tr_noop(
        "errors", "The card did not keep the new certificate. The card still works with its previous "
        "certificate or the new one. Please start the procedure again.")),
    (errors.CounterOnly, tr_noop("errors", "This can only be done at the counter, with staff.")),
    (errors.StaffSignInRequired, tr_noop("errors", "A staff member must sign in first.")),
    (errors.IdentityNotConfirmed, tr_noop(
        "errors", "The identity check is not complete: one document with a photo, or two without, is needed.")),
    (errors.PinNotOnCard, tr_noop("errors", "This card has no {pin}.")),
    (errors.AuthenticationFailed, tr_noop(
        "errors", "The central service does not accept this terminal. Please call a technician.")),
    (errors.RateLimited, tr_noop(
        "errors", "The central service is busy. The terminal will try again automatically.")),
    (errors.ServerUnavailable, tr_noop(
        "errors", "The central service cannot be reached. The terminal will try again automatically.")),
    (errors.RequestRejected, tr_noop("errors", "The central service refused the request.")),
    (errors.SyncError, tr_noop("errors", "There is a problem with the central service.")),
    (errors.ExportFailed, tr_noop(
        "errors", "The report could not be saved there. Please choose another folder or a USB drive.")),
    (errors.InvalidPeriod, tr_noop(
        "errors", "These dates make no report period: the first day must not be after the last, and a report "
        "covers at most a year.")),
    (errors.NotEnrolled, tr_noop(
        "errors", "This terminal is not enrolled with the central service. A technician runs: "
        "kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256")),
    (errors.UnknownSite, tr_noop("errors", "No calendar is set up for this site.")),
    (errors.NeverOpen, tr_noop(
        "errors", "The site calendar has no open day. Please call a technician.")),
    (errors.ConfigError, tr_noop(
        "errors", "The terminal is not set up correctly. Please call a technician.")),
    (errors.DocumentNotWritten, tr_noop(
        "errors", "The document could not be printed or saved. Nothing else is affected; "
        "please call a technician.")),
)


_APPOINTMENT_REASONS: dict[str, Message] = {
    "not_a_date": tr_noop("errors", "This is not a date. Please type it like 2026-12-04."),
    "in_the_past": tr_noop("errors", "This date has already passed."),
    "not_yet_open": tr_noop("errors", "The certificate cannot be renewed yet on this date: "
                            "its renewal period has not started."),
    "expired": tr_noop("errors", "The certificate will have expired by this date: it cannot be renewed then, "
                       "a new one must be issued."),
    "closed_day": tr_noop("errors", "The office is closed on this date."),
}


def pin_name_message(kind: str) -> Message | None:
    """The untranslated name of a PIN kind, for text printed in a fixed language (the receipt)."""
    return _PIN_NAMES.get(kind)


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
    if isinstance(error, errors.RenewalNotOpen):
        return tr("errors", "The certificate cannot be renewed yet. Renewal opens on {date}.",
                  date=str(error.opens_on))
    if isinstance(error, errors.ProofNotPossible):
        return tr_message(_PROOF_REASONS.get(error.reason, _PROOF_REASONS["not_provable"]))
    if isinstance(error, errors.PinFormatError):
        reason = _FORMAT_REASONS.get(error.reason)
        detail = tr_message(reason, minimum=error.minimum, maximum=error.maximum) if reason else ""
        return tr("errors", "This {pin} cannot be used. {detail}", pin=pin_name(error.kind), detail=detail)
    if isinstance(error, errors.AppointmentRefused):
        reason = _APPOINTMENT_REASONS.get(error.reason)
        text = tr_message(reason) if reason else tr("errors", "This date cannot be booked.")
        if isinstance(error.suggestion, date):
            suggestion = tr("errors", "The nearest date that can be booked is {date}.",
                            date=error.suggestion.isoformat())
            text = tr("errors", "{reason} {suggestion}", reason=text, suggestion=suggestion)
        return text
    for kind, message in _BY_ERROR:
        if isinstance(error, kind):
            pin = pin_name(error.kind) if isinstance(error, errors.PinError | errors.PinNotOnCard) else ""
            return tr_message(message, pin=pin)
    return tr("errors", "Something went wrong. Please call a staff member.")


# --- what a screen can do about an error -------------------------------------------------------------------


class Remedy(StrEnum):
    """What the person can do next; a screen offers the matching button (retry, back to start, call staff)."""

    RETRY = "retry"  # the same step again: a typing slip, a busy service
    REINSERT_CARD = "reinsert_card"
    CALL_STAFF = "call_staff"  # something at the terminal needs a person (a kiosk's staff on site)
    GO_TO_COUNTER = "go_to_counter"  # a kiosk cannot do this: the counter can
    COME_BACK = "come_back"  # not yet: on a date the message names
    TECHNICIAN = "technician"  # the terminal itself needs a technician
    NONE = "none"  # nothing to do (cancelled on purpose)


class Audience(StrEnum):
    RESIDENT = "resident"  # at a kiosk, alone
    STAFF = "staff"  # at a counter, helping a resident


@dataclass(frozen=True)
class Advice:
    remedy: Remedy
    text: str


# Most specific first.
_REMEDIES: tuple[tuple[type[errors.KioskError], Remedy], ...] = (
    (errors.OperationCancelled, Remedy.NONE),
    (errors.CardRemoved, Remedy.REINSERT_CARD),
    (errors.NoCard, Remedy.REINSERT_CARD),
    (errors.MalformedCardData, Remedy.REINSERT_CARD),
    (errors.UnexpectedStatus, Remedy.REINSERT_CARD),
    (errors.AuthorisationRejected, Remedy.RETRY),
    (errors.CertificateNotWritten, Remedy.RETRY),
    (errors.NotMyNumberCard, Remedy.GO_TO_COUNTER),
    (errors.IssuerChannelUnavailable, Remedy.GO_TO_COUNTER),
    (errors.CardError, Remedy.CALL_STAFF),
    (errors.WrongPin, Remedy.RETRY),
    (errors.PinFormatError, Remedy.RETRY),
    (errors.PinBlocked, Remedy.GO_TO_COUNTER),
    (errors.RenewalNotOpen, Remedy.COME_BACK),
    (errors.ProofNotPossible, Remedy.GO_TO_COUNTER),
    (errors.CounterOnly, Remedy.GO_TO_COUNTER),
    (errors.PinNotOnCard, Remedy.GO_TO_COUNTER),
    (errors.IdentityNotConfirmed, Remedy.RETRY),
    (errors.StaffSignInRequired, Remedy.RETRY),
    (errors.DatabaseLocked, Remedy.RETRY),
    (errors.StoreError, Remedy.TECHNICIAN),
    (errors.AuthenticationFailed, Remedy.TECHNICIAN),
    (errors.ConfigError, Remedy.TECHNICIAN),
    (errors.DocumentNotWritten, Remedy.TECHNICIAN),
    (errors.SyncError, Remedy.RETRY),
)

# Where the resident's text says "call a staff member", staff read what to check instead.
_FOR_STAFF: tuple[tuple[type[errors.KioskError], Message], ...] = (
    (errors.PcscUnavailable, tr_noop("errors", "The card reader service (pcscd) is not running. "
                                               "Restart the terminal; if it persists, call a technician.")),
    (errors.NoReader, tr_noop("errors", "No card reader is connected. Check the reader's cable.")),
    (errors.ReaderGone, tr_noop("errors", "The card reader was disconnected. Check the reader's cable.")),
    (errors.ReaderBusy, tr_noop("errors", "Another program is using the card reader. Close it and try again.")),
    (errors.IssuerChannelUnavailable, tr_noop(
        "errors", "This card does not support issuer operations at this terminal: "
        "use the national issuer's procedure.")),
    (errors.MalformedCardData, tr_noop(
        "errors", "The card's data could not be read. Ask the resident to place the card again; if it "
        "happens again, the card may be damaged.")),
    (errors.UnexpectedStatus, tr_noop(
        "errors", "The card gave an unexpected answer. Ask the resident to place the card again; if it "
        "happens again, the card may be damaged.")),
    (errors.PinBlocked, tr_noop("errors", "The {pin} is locked. Reset it with an identity check.")),
    (errors.CounterOnly, tr_noop("errors", "This terminal is in kiosk mode: staff procedures are not "
                                            "available here.")),
)

_CHANGED_CARD = tr_noop(
    "errors", "The procedure stopped part way. What was already done on the card is kept, and the card "
    "works. Please place the card on the reader and start the procedure again to finish it.")
_UNCHANGED_CARD = tr_noop("errors", "Nothing on the card was changed.")


def join_sentences(*sentences: str) -> str:
    """Sentences one after another: Japanese and Chinese run on without a space, the others take one."""
    from kiosk.i18n import language

    return ("" if language() in ("ja", "zh") else " ").join(sentences)


def remedy_for(error: errors.KioskError) -> Remedy:
    for kind, remedy in _REMEDIES:
        if isinstance(error, kind):
            return remedy
    return Remedy.CALL_STAFF


def advice_for(error: errors.KioskError, *, audience: Audience = Audience.RESIDENT,
               card_changed: bool | None = None) -> Advice:
    """What to show for ``error``, for whom, and what they can do. ``card_changed``: whether the procedure
    that failed had already changed the card (None outside a procedure): the text says so truthfully."""
    remedy = remedy_for(error)
    if card_changed and not isinstance(error, (errors.OperationCancelled, errors.PinError, errors.FlowError)):
        return Advice(Remedy.REINSERT_CARD, tr_message(_CHANGED_CARD))
    text = message_for(error)
    if audience is Audience.STAFF:
        for kind, message in _FOR_STAFF:
            if isinstance(error, kind):
                text = tr_message(message, pin=pin_name(error.kind) if isinstance(error, errors.PinError) else "")
                break
    if card_changed is False and isinstance(error, (errors.CardError, errors.SyncError)) \
            and not isinstance(error, errors.OperationCancelled):
        text = join_sentences(text, tr_message(_UNCHANGED_CARD))
    return Advice(remedy, text)
