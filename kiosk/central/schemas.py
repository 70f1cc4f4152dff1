"""The JSON bodies of the central API as Pydantic models: they validate requests and document the API.

Requests are strict (no coercion of "1" to 1) and refuse unknown fields: a terminal that sends something
the contract does not name has a bug worth seeing. The transaction batch is not a model: its records are
checked one by one by the domain's ``from_wire`` so that each bad record gets its own reason; its schema
here is documentation only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# Base64 of a certificate, a key or a signature: generous for RSA-2048 material, far below the body limit.
MAX_BASE64 = 16 * 1024


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


CardIdHex = Annotated[str, Field(pattern=r"^[0-9a-fA-F]{32}$", description="the card ID (16 bytes), hex")]
Base64Text = Annotated[str, Field(min_length=1, max_length=MAX_BASE64,
                                  description="base64, standard alphabet, padded",
                                  json_schema_extra={"contentEncoding": "base64"})]
ShortText = Annotated[str, Field(min_length=1, max_length=64)]


def _date_from_text(value: object) -> object:
    # Strict models take a date only as a date object; JSON has only text, so read YYYY-MM-DD here (and
    # leave anything else to the date validator, which refuses it).
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


IsoDate = Annotated[date, BeforeValidator(_date_from_text)]


class ErrorOut(BaseModel):
    """Every error. Some codes carry more fields (``limit``, ``keys``, ``rejected``)."""

    model_config = ConfigDict(extra="allow")
    error: str
    detail: str


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    time: datetime


class ReceivedOut(BaseModel):
    key: str
    status: Literal["accepted", "duplicate"]


class BatchOut(BaseModel):
    results: list[ReceivedOut]


class CountOut(BaseModel):
    kind: str
    outcome: str
    count: int


class CountedTransactionOut(BaseModel):
    key: str
    terminal_id: str
    sequence: int
    kind: str
    outcome: str


class SequenceGapOut(BaseModel):
    terminal_id: str
    missing: list[int] = Field(description="the missing numbers, at most the first 1000")
    missing_count: int = Field(description="how many numbers are missing in all")


class LostDatabaseConflictOut(BaseModel):
    terminal_id: str
    sequence: int
    key: str = Field(description="the refused record's key")
    held_by: str = Field(description="the key of the stored record that holds the sequence number")


class CountsOut(BaseModel):
    site: str
    date: date
    counts: list[CountOut]
    transactions: list[CountedTransactionOut]
    sequence_gaps: list[SequenceGapOut]
    lost_database_conflicts: list[LostDatabaseConflictOut] = Field(
        description="records refused with 'terminal_lost_database' on this day: the terminal numbered again "
                    "after losing its database; each is a record the office made but the service does not hold")


class AuditHeadOut(BaseModel):
    terminal_id: str
    entry: int = Field(description="the id of the terminal's last audit entry when it sent the batch")
    hash: str = Field(description="that entry's hash (64 lower-case hex digits)")
    received_at: datetime


class ChallengeIn(StrictModel):
    card_id_hex: CardIdHex


class ChallengeOut(BaseModel):
    challenge_id: str
    nonce: str = Field(description="32 bytes, base64: the card signs the SHA-256 DigestInfo of these bytes")
    expires_at: datetime


class ProofIn(StrictModel):
    certificate: Base64Text = Field(description="the certificate (DER) of the key that signed")
    signature: Base64Text = Field(description="RSA PKCS#1 v1.5 SHA-256 signature over the nonce")


class ProofOut(BaseModel):
    proof_id: str
    purpose: Literal["auth", "sign"]
    certificate_serial_hex: str
    expires_at: datetime


class StaffGrounds(StrictModel):
    staff_id: ShortText
    identity_checks: list[ShortText] = Field(max_length=16, description="at least one, e.g. 'photo'")


class ByStaff(StrictModel):
    staff: StaffGrounds


class ByProof(StrictModel):
    proof_id: ShortText


class AuthorisationIn(StrictModel):
    operation: Literal["reset_pin", "generate_key_pair", "write_certificate"]
    card_id_hex: CardIdHex
    card_challenge_hex: str = Field(pattern=r"^[0-9a-fA-F]{16}$", description="from GET CHALLENGE (8 bytes)")
    aid_hex: str = Field(pattern=r"^(?:[0-9a-fA-F]{2}){5,16}$")
    target_hex: str = Field(pattern=r"^[0-9a-fA-F]{4}$")
    certificate: Base64Text | None = Field(default=None, description="DER, for write_certificate only")
    grounds: ByProof | ByStaff


class AuthorisationOut(BaseModel):
    authorisation: str = Field(description="the signed authorisation (docs/issuer-channel.md), base64")
    authorisation_id_hex: str


class HolderIn(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    address: str = Field(min_length=1, max_length=400)
    sex: Literal["1", "2", "9"]


class CertificateIn(StrictModel):
    purpose: Literal["auth", "sign"]
    public_key: Base64Text = Field(description="SubjectPublicKeyInfo (DER) of an RSA-2048 key")
    card_id_hex: CardIdHex
    birth_date: IsoDate
    card_expires_on: IsoDate
    card_generation: Literal["current", "next"]
    previous_certificate: Base64Text | None = Field(default=None, description="DER of the certificate renewed")
    holder: HolderIn | None = Field(default=None, description="required for 'sign', refused for 'auth'")
    staff: StaffGrounds


class CertificateOut(BaseModel):
    certificate: str = Field(description="DER, base64")
    serial_hex: str
    not_after: datetime



class StaffCallIn(StrictModel):
    call_id: str = Field(pattern=r"^[0-9a-f]{32}$", description="made by the kiosk (16 random bytes, hex), so "
                                                                  "that a retried call is one call")
    screen: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="the screen's objectName (docs/ui.md)")
    language: str = Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$",
                          description="the language the kiosk showed, e.g. 'vi'")


class StaffCallOut(BaseModel):
    call_id: str
    terminal_id: str = Field(description="the kiosk that called")
    screen: str
    language: str
    received_at: datetime
    answered_at: datetime | None
    answered_by: str | None = Field(description="the counter terminal that answered")
    answered_staff: str | None = Field(description="the staff member signed in there (none: a locked counter)")


class StaffCallsOut(BaseModel):
    calls: list[StaffCallOut] = Field(description="the site's unanswered calls of the last hours, oldest first")


class StaffCallAnswerIn(StrictModel):
    staff_id: ShortText | None = Field(description="who goes; null from a counter nobody is signed in to")

TRANSACTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One transaction record (docs/central-api.md, 'Transactions').",
    "additionalProperties": False,
    "required": ["key", "terminal_id", "site", "sequence", "kind", "outcome", "occurred_at", "local_date",
                 "mode"],
    "properties": {
        "key": {"type": "string", "format": "uuid"},
        "terminal_id": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"},
        "site": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"},
        "sequence": {"type": "integer", "description": "per terminal, from 1, no gaps"},
        "kind": {"enum": ["check", "renewal", "new_issuance", "pin_reset", "pin_change", "card_info_read"]},
        "outcome": {"enum": ["completed", "failed", "cancelled"]},
        "failure_code": {"type": ["string", "null"], "description": "a published error code (kiosk/errors.py)"},
        "occurred_at": {"type": "string", "format": "date-time",
                        "description": "RFC 3339, from 2000 on, at most a day ahead of the service's clock"},
        "local_date": {"type": "string", "format": "date"},
        "mode": {"enum": ["counter", "kiosk"]},
        "staff_id": {"type": ["string", "null"], "pattern": "^[A-Za-z0-9._-]{1,32}$",
                     "description": "counter records only"},
        "card_generation": {"enum": ["current", "next", None]},
        "pin_kind": {"enum": ["auth", "sign", "card_info", "resident_register", "short", "long", None]},
        "certificates": {
            "type": "array",
            "maxItems": 2,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "purpose": {"enum": ["auth", "sign"]},
                    "old_serial_hex": {"type": ["string", "null"], "pattern": "^[0-9a-f]{1,40}$"},
                    "new_serial_hex": {"type": ["string", "null"], "pattern": "^[0-9a-f]{1,40}$"},
                },
            },
        },
        "subject_hmac_hex": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
    },
}

BATCH_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {"application/json": {"schema": {
        "type": "object",
        "additionalProperties": False,
        "required": ["transactions"],
        "properties": {
            "transactions": {"type": "array", "minItems": 1, "maxItems": 500, "items": TRANSACTION_SCHEMA},
            "audit_head": {
                "type": "object", "additionalProperties": False, "required": ["entry", "hash"],
                "description": "the terminal's audit head when it sent the batch; the service keeps the newest "
                               "as the terminal's anchor (GET /v1/audit-head)",
                "properties": {"entry": {"type": "integer", "minimum": 1},
                               "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
            },
        },
    }}},
}
