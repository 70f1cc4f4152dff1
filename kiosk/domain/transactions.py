"""Transaction records: what the terminal reports of each procedure (docs/central-api.md, "Transactions").

A record holds the minimum the office needs to count and audit its work. It never holds a PIN, a My
Number, a name, an address or a birth date; the resident appears only as a keyed hash of the auth
certificate's subject. The wire form (``to_wire``/``from_wire``) is the central API's JSON object.

Personal data must be impossible to store, not merely absent: every text field is a code from a closed
set (kinds, outcomes, PIN kinds, card generations, the published error codes of ``kiosk.errors``), hex,
or a short identifier of ASCII letters, digits, ``.``, ``_`` and ``-``. The same rules run on the terminal
(``Store.record``) and in the service, so a record one side accepts the other never refuses as invalid.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from kiosk import errors
from kiosk.domain.generation import CardGeneration
from kiosk.domain.modes import Mode as Mode  # noqa: PLC0414 - re-exported: older imports name it here
from kiosk.domain.pins import PinKind
from kiosk.domain.validity import japan_date


class TransactionKind(StrEnum):
    CHECK = "check"
    RENEWAL = "renewal"
    NEW_ISSUANCE = "new_issuance"
    PIN_RESET = "pin_reset"
    PIN_CHANGE = "pin_change"
    CARD_INFO_READ = "card_info_read"


class Outcome(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


# Every PIN of every card generation (next-generation cards have "short" and "long").
PIN_KINDS = tuple(kind.value for kind in PinKind)
CERTIFICATE_PURPOSES = ("auth", "sign")
CARD_GENERATIONS = tuple(generation.value for generation in CardGeneration)
_HEX = re.compile(r"[0-9a-f]*")
# ASCII only, spelt out: \w and \d would take any script's letters and digits.
STAFF_ID = re.compile(r"[A-Za-z0-9._-]{1,32}")
IDENTIFIER = re.compile(r"[A-Za-z0-9._-]{1,64}")  # terminal_id, site
MAX_SERIAL_HEX = 40  # RFC 5280: a serial number is at most 20 octets
# RFC 3339 only: datetime.fromisoformat alone also takes ISO week dates, ordinal dates and other spellings.
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
                        r"(Z|[+-][0-9]{2}:[0-9]{2})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The service went live long after 2000; far past it, a date is a broken clock or a forged record. Ahead of
# the receiver's clock a day at most: a terminal's clock a little fast is tolerated, decades are not.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_YEAR = 2999  # keeps every conversion (UTC, Japan time) inside datetime's range
MAX_AHEAD = timedelta(days=1)


def _published_error_codes() -> frozenset[str]:
    """The ``code`` of every error class of ``kiosk.errors``: what a failed procedure can report."""
    codes: set[str] = set()
    pending: list[type[errors.KioskError]] = [errors.KioskError]
    while pending:
        cls = pending.pop()
        if cls.__module__ == errors.__name__:
            codes.add(cls.code)
        pending += cls.__subclasses__()
    return frozenset(codes)


FAILURE_CODES = _published_error_codes()


class InvalidTransaction(errors.KioskError, ValueError):
    """A record that breaks the rules of the central API; the message is the reason, in English.

    A ``KioskError`` so that the terminal's callers meet it as a typed error; the message never repeats
    the offending value (it may be personal data, or text that cannot even be encoded)."""

    code = "transaction.invalid"


@dataclass(frozen=True)
class CertificateChange:
    purpose: str  # "auth" or "sign"
    old_serial_hex: str | None
    new_serial_hex: str | None

    def to_wire(self) -> dict[str, Any]:
        return {"purpose": self.purpose, "old_serial_hex": self.old_serial_hex,
                "new_serial_hex": self.new_serial_hex}


@dataclass(frozen=True)
class TransactionRecord:
    key: str
    terminal_id: str
    site: str
    sequence: int
    kind: TransactionKind
    outcome: Outcome
    occurred_at: datetime
    mode: Mode
    failure_code: str | None = None
    staff_id: str | None = None
    card_generation: str | None = None
    pin_kind: str | None = None
    certificates: tuple[CertificateChange, ...] = field(default_factory=tuple)
    subject_hmac_hex: str | None = None

    @property
    def local_date(self) -> date:
        """The Japan-time date the office counts this procedure on."""
        return japan_date(self.occurred_at)

    def to_wire(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "terminal_id": self.terminal_id,
            "site": self.site,
            "sequence": self.sequence,
            "kind": str(self.kind),
            "outcome": str(self.outcome),
            "failure_code": self.failure_code,
            "occurred_at": self.occurred_at.isoformat(),
            "local_date": self.local_date.isoformat(),
            "mode": str(self.mode),
            "staff_id": self.staff_id,
            "card_generation": self.card_generation,
            "pin_kind": self.pin_kind,
            "certificates": [c.to_wire() for c in self.certificates],
            "subject_hmac_hex": self.subject_hmac_hex,
        }


def new_key() -> str:
    return str(uuid.uuid4())


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


def validate(record: TransactionRecord, *, now: datetime | None = None) -> None:
    """Raise ``InvalidTransaction`` if the record breaks a rule of the contract.

    With ``now`` (the receiver's clock), also refuse a record that happened more than a day ahead of it."""
    try:
        uuid.UUID(record.key)
    except (ValueError, AttributeError, TypeError) as exc:
        raise InvalidTransaction("key is not a UUID") from exc
    if not record.terminal_id or not record.site:
        raise InvalidTransaction("terminal_id and site are required")
    if not _matches(IDENTIFIER, record.terminal_id) or not _matches(IDENTIFIER, record.site):
        raise InvalidTransaction("terminal_id and site are 1 to 64 ASCII letters, digits, '.', '_' or '-'")
    if not isinstance(record.sequence, int) or record.sequence < 1:
        raise InvalidTransaction("sequence starts at 1")
    _check_time(record.occurred_at, now)
    if (record.outcome is Outcome.FAILED) != (record.failure_code is not None):
        raise InvalidTransaction("failure_code goes with outcome 'failed' and only with it")
    if record.failure_code is not None and record.failure_code not in FAILURE_CODES:
        raise InvalidTransaction("failure_code is not one of the published error codes")
    if record.card_generation is not None and record.card_generation not in CARD_GENERATIONS:
        raise InvalidTransaction(f"card_generation is one of {', '.join(CARD_GENERATIONS)}")
    if record.staff_id is not None:
        if record.mode is Mode.KIOSK:
            raise InvalidTransaction("a kiosk record has no staff_id")
        if not _matches(STAFF_ID, record.staff_id):
            raise InvalidTransaction("staff_id is 1 to 32 ASCII letters, digits, '.', '_' or '-'")
    if record.kind in (TransactionKind.PIN_RESET, TransactionKind.PIN_CHANGE):
        if record.pin_kind not in PIN_KINDS:
            raise InvalidTransaction("pin_kind is required for PIN procedures")
    elif record.pin_kind is not None:
        raise InvalidTransaction("pin_kind is only for PIN procedures")
    if record.certificates and record.kind not in (TransactionKind.RENEWAL, TransactionKind.NEW_ISSUANCE):
        raise InvalidTransaction("certificates are only for renewal and new issuance")
    if len(record.certificates) > len(CERTIFICATE_PURPOSES):
        raise InvalidTransaction("at most one certificate entry per purpose")
    purposes = [change.purpose for change in record.certificates]
    if len(set(purposes)) != len(purposes):
        raise InvalidTransaction("at most one certificate entry per purpose")
    for change in record.certificates:
        if change.purpose not in CERTIFICATE_PURPOSES:
            raise InvalidTransaction("certificate purpose must be 'auth' or 'sign'")
        for serial in (change.old_serial_hex, change.new_serial_hex):
            if serial is not None and not (isinstance(serial, str) and 0 < len(serial) <= MAX_SERIAL_HEX
                                           and _HEX.fullmatch(serial)):
                raise InvalidTransaction(f"serials are 1 to {MAX_SERIAL_HEX} lower-case hex digits")
    if record.subject_hmac_hex is not None and not (isinstance(record.subject_hmac_hex, str)
                                                    and len(record.subject_hmac_hex) == 64
                                                    and _HEX.fullmatch(record.subject_hmac_hex)):
        raise InvalidTransaction("subject_hmac_hex is 64 lower-case hex digits")


def _check_time(occurred_at: datetime, now: datetime | None) -> None:
    if not isinstance(occurred_at, datetime) or occurred_at.tzinfo is None:
        raise InvalidTransaction("occurred_at needs a UTC offset")
    try:
        instant = occurred_at.astimezone(UTC)
        japan_date(occurred_at)
    except (OverflowError, ValueError) as exc:
        raise InvalidTransaction("occurred_at is out of range") from exc
    if instant < EARLIEST or instant.year > LATEST_YEAR:
        raise InvalidTransaction(f"occurred_at is before {EARLIEST.date().isoformat()} or far in the future")
    if now is not None and instant > now + MAX_AHEAD:
        raise InvalidTransaction("occurred_at is more than a day ahead of the receiver's clock")


E = TypeVar("E", bound=StrEnum)


def _member(enum: type[E], value: object, name: str) -> E:
    if isinstance(value, str):
        for member in enum:
            if member.value == value:
                return member
    raise InvalidTransaction(f"{name} is one of {', '.join(m.value for m in enum)}")


def from_wire(document: Any, *, now: datetime | None = None) -> TransactionRecord:
    """Parse and validate one record of the central API; ``InvalidTransaction`` says what is wrong.

    ``now``: the receiver's clock, for the rule on records from the future (``validate``)."""
    if not isinstance(document, dict):
        raise InvalidTransaction("a transaction is a JSON object")
    allowed = {"key", "terminal_id", "site", "sequence", "kind", "outcome", "failure_code", "occurred_at",
               "local_date", "mode", "staff_id", "card_generation", "pin_kind", "certificates",
               "subject_hmac_hex"}
    unknown = set(document) - allowed
    if unknown:
        raise InvalidTransaction(f"unknown fields: {', '.join(sorted(unknown))}")
    try:
        sequence = document["sequence"]
        if not isinstance(sequence, int) or isinstance(sequence, bool):
            raise InvalidTransaction("sequence must be an integer")
        for name in ("key", "terminal_id", "site", "occurred_at", "local_date"):
            if not isinstance(document[name], str):
                raise InvalidTransaction(f"{name} must be a string")
        for name in ("failure_code", "staff_id", "card_generation", "pin_kind", "subject_hmac_hex"):
            if document.get(name) is not None and not isinstance(document[name], str):
                raise InvalidTransaction(f"{name} must be a string or null")
        certificates_raw = document.get("certificates", [])
        if not isinstance(certificates_raw, list):
            raise InvalidTransaction("certificates must be a list")
        if len(certificates_raw) > len(CERTIFICATE_PURPOSES):
            raise InvalidTransaction("at most one certificate entry per purpose")
        certificates = []
        for entry in certificates_raw:
            if not isinstance(entry, dict) or set(entry) - {"purpose", "old_serial_hex", "new_serial_hex"}:
                raise InvalidTransaction("a certificate entry has purpose, old_serial_hex, new_serial_hex")
            if any(entry.get(name) is not None and not isinstance(entry[name], str)
                   for name in ("old_serial_hex", "new_serial_hex")):
                raise InvalidTransaction("serials must be strings or null")
            certificates.append(CertificateChange(str(entry.get("purpose")), entry.get("old_serial_hex"),
                                                  entry.get("new_serial_hex")))
        if not _matches(_TIMESTAMP, document["occurred_at"]):
            raise InvalidTransaction("occurred_at is an RFC 3339 date-time with a UTC offset")
        if not _matches(_DATE, document["local_date"]):
            raise InvalidTransaction("local_date is a YYYY-MM-DD date")
        occurred_at = datetime.fromisoformat(document["occurred_at"])
        record = TransactionRecord(
            key=document["key"],
            terminal_id=document["terminal_id"],
            site=document["site"],
            sequence=sequence,
            kind=_member(TransactionKind, document["kind"], "kind"),
            outcome=_member(Outcome, document["outcome"], "outcome"),
            occurred_at=occurred_at,
            mode=_member(Mode, document["mode"], "mode"),
            failure_code=document.get("failure_code"),
            staff_id=document.get("staff_id"),
            card_generation=document.get("card_generation"),
            pin_kind=document.get("pin_kind"),
            certificates=tuple(certificates),
            subject_hmac_hex=document.get("subject_hmac_hex"),
        )
    except KeyError as exc:
        raise InvalidTransaction(f"missing field: {exc.args[0]}") from exc
    except ValueError as exc:
        if isinstance(exc, InvalidTransaction):
            raise
        raise InvalidTransaction("a value is out of range or badly formed") from exc
    validate(record, now=now)
    if record.occurred_at.tzinfo is not None and document["local_date"] != record.local_date.isoformat():
        raise InvalidTransaction("local_date is not the Japan-time date of occurred_at")
    return record
