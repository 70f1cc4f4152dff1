"""Transaction records: what the terminal reports of each procedure (docs/central-api.md, "Transactions").

A record holds the minimum the office needs to count and audit its work. It never holds a PIN, a My
Number, a name, an address or a birth date; the resident appears only as a keyed hash of the auth
certificate's subject. The wire form (``to_wire``/``from_wire``) is the central API's JSON object.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

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


class Mode(StrEnum):
    COUNTER = "counter"
    KIOSK = "kiosk"


# Every PIN of every card generation (next-generation cards have "short" and "long").
PIN_KINDS = tuple(kind.value for kind in PinKind)
CERTIFICATE_PURPOSES = ("auth", "sign")
_HEX = re.compile(r"^[0-9a-f]*$")


class InvalidTransaction(ValueError):
    """A record that breaks the rules of the central API; the message is the reason, in English."""


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


def validate(record: TransactionRecord) -> None:
    """Raise ``InvalidTransaction`` if the record breaks a rule of the contract."""
    try:
        uuid.UUID(record.key)
    except (ValueError, AttributeError, TypeError) as exc:
        raise InvalidTransaction("key is not a UUID") from exc
    if not record.terminal_id or not record.site:
        raise InvalidTransaction("terminal_id and site are required")
    if record.sequence < 1:
        raise InvalidTransaction("sequence starts at 1")
    if record.occurred_at.tzinfo is None:
        raise InvalidTransaction("occurred_at needs a UTC offset")
    if (record.outcome is Outcome.FAILED) != (record.failure_code is not None):
        raise InvalidTransaction("failure_code goes with outcome 'failed' and only with it")
    if record.kind in (TransactionKind.PIN_RESET, TransactionKind.PIN_CHANGE):
        if record.pin_kind not in PIN_KINDS:
            raise InvalidTransaction("pin_kind is required for PIN procedures")
    elif record.pin_kind is not None:
        raise InvalidTransaction("pin_kind is only for PIN procedures")
    if record.certificates and record.kind not in (TransactionKind.RENEWAL, TransactionKind.NEW_ISSUANCE):
        raise InvalidTransaction("certificates are only for renewal and new issuance")
    for change in record.certificates:
        if change.purpose not in CERTIFICATE_PURPOSES:
            raise InvalidTransaction("certificate purpose must be 'auth' or 'sign'")
        for serial in (change.old_serial_hex, change.new_serial_hex):
            if serial is not None and (not serial or not _HEX.match(serial)):
                raise InvalidTransaction("serials are lower-case hex")
    if record.subject_hmac_hex is not None and (len(record.subject_hmac_hex) != 64
                                                or not _HEX.match(record.subject_hmac_hex)):
        raise InvalidTransaction("subject_hmac_hex is 64 lower-case hex digits")


def from_wire(document: Any) -> TransactionRecord:
    """Parse and validate one record of the central API; ``InvalidTransaction`` says what is wrong."""
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
        certificates = []
        for entry in certificates_raw:
            if not isinstance(entry, dict) or set(entry) - {"purpose", "old_serial_hex", "new_serial_hex"}:
                raise InvalidTransaction("a certificate entry has purpose, old_serial_hex, new_serial_hex")
            if any(entry.get(name) is not None and not isinstance(entry[name], str)
                   for name in ("old_serial_hex", "new_serial_hex")):
                raise InvalidTransaction("serials must be strings or null")
            certificates.append(CertificateChange(str(entry.get("purpose")), entry.get("old_serial_hex"),
                                                  entry.get("new_serial_hex")))
        occurred_at = datetime.fromisoformat(document["occurred_at"])
        record = TransactionRecord(
            key=document["key"],
            terminal_id=document["terminal_id"],
            site=document["site"],
            sequence=sequence,
            kind=TransactionKind(document["kind"]),
            outcome=Outcome(document["outcome"]),
            occurred_at=occurred_at,
            mode=Mode(document["mode"]),
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
        raise InvalidTransaction(f"invalid value: {exc}") from exc
    validate(record)
    if record.occurred_at.tzinfo is not None and document["local_date"] != record.local_date.isoformat():
        raise InvalidTransaction("local_date is not the Japan-time date of occurred_at")
    return record
