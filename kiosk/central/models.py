"""The central service's tables.

What is kept about a resident is what the contract allows: transaction records (which hold no personal
data), the card ID a challenge was issued for, and serials and dates of issued certificates. Tokens are
kept as SHA-256 digests only. Schema changes go through the Alembic migrations in ``migrations/``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no offset: store UTC, give it back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: dict[Any, Any] = {datetime: UtcDateTime(), date: Date()}  # noqa: RUF012


class Terminal(Base):
    __tablename__ = "terminals"

    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site: Mapped[str] = mapped_column(String(64), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[datetime]
    # Decommissioned: every credential refused at once, until the terminal is enrolled again.
    revoked_at: Mapped[datetime | None]


class TerminalToken(Base):
    """A bearer token of a terminal, as its SHA-256 digest. One is valid at a time: a new token, or a
    certificate from enrolment, revokes the others."""

    __tablename__ = "terminal_tokens"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"), index=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class EnrolmentCode(Base):
    """A one-time code that lets one named terminal enrol (kept as its SHA-256 digest)."""

    __tablename__ = "enrolment_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64), index=True)
    site: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class TerminalCertificate(Base):
    """A client certificate issued to a terminal by the service's terminal CA."""

    __tablename__ = "terminal_certificates"

    sha256_hex: Mapped[str] = mapped_column(String(64), primary_key=True)  # of the certificate's DER
    serial_hex: Mapped[str] = mapped_column(String(64), unique=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"), index=True)
    not_before: Mapped[datetime]
    not_after: Mapped[datetime]
    issued_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class StoredTransaction(Base):
    __tablename__ = "transactions"
    __table_args__ = (
        UniqueConstraint("terminal_id", "sequence", name="uq_transactions_terminal_sequence"),
        # Keys are unique per terminal, not across terminals: a key another terminal holds is simply a new
        # key here, so an answer never tells one site whether another holds a key.
        UniqueConstraint("terminal_id", "key", name="uq_transactions_terminal_key"),
        Index("ix_transactions_site_local_date", "site", "local_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(36))  # canonical UUID text
    content_sha256: Mapped[str] = mapped_column(String(64))
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    sequence: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    failure_code: Mapped[str | None] = mapped_column(String)
    occurred_at: Mapped[datetime]
    local_date: Mapped[date]
    mode: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str | None] = mapped_column(String)
    card_generation: Mapped[str | None] = mapped_column(String)
    pin_kind: Mapped[str | None] = mapped_column(String(32))
    certificates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    subject_hmac_hex: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime]


class SequenceConflict(Base):
    """A record refused because its terminal's sequence number was already held under another key: the
    terminal lost its database and numbered again. Kept (outside the refused batch's transaction) so that
    reconciliation shows it; the first sighting of each (terminal, sequence, key) only."""

    __tablename__ = "sequence_conflicts"
    __table_args__ = (
        UniqueConstraint("terminal_id", "sequence", "key", name="uq_sequence_conflicts_terminal_sequence_key"),
        Index("ix_sequence_conflicts_site_local_date", "site", "local_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    sequence: Mapped[int] = mapped_column(BigInteger)
    key: Mapped[str] = mapped_column(String(36))  # the refused record's key
    held_by: Mapped[str] = mapped_column(String(36))  # the key that holds the sequence number
    local_date: Mapped[date]
    seen_at: Mapped[datetime]


class AuditAnchor(Base):
    """The audit head a terminal sent with its last stored batch: its trail must go on holding that entry
    unchanged (``kiosk audit verify --central`` compares)."""

    __tablename__ = "audit_anchors"

    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"), primary_key=True)
    entry: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class Challenge(Base):
    __tablename__ = "challenges"

    challenge_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    card_id_hex: Mapped[str] = mapped_column(String(32))
    nonce: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Proof(Base):
    """A verified proof of possession: good for one authorisation, for the card its challenge named."""

    __tablename__ = "proofs"

    proof_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    challenge_id: Mapped[str] = mapped_column(ForeignKey("challenges.challenge_id"), unique=True)
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    card_id_hex: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(8))
    certificate_serial_hex: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class IssuedAuthorisation(Base):
    __tablename__ = "authorisations"

    authorisation_id_hex: Mapped[str] = mapped_column(String(32), primary_key=True)
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    operation: Mapped[str] = mapped_column(String(32))
    aid_hex: Mapped[str] = mapped_column(String(32))
    target_hex: Mapped[str] = mapped_column(String(4))
    proof_id: Mapped[str | None] = mapped_column(ForeignKey("proofs.proof_id"), unique=True)
    staff_id: Mapped[str | None] = mapped_column(String)
    identity_checks: Mapped[list[str] | None] = mapped_column(JSON)
    certificate_sha256_hex: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime]


class IssuedCertificate(Base):
    """A certificate this service issued: its serial and dates, nothing about its holder."""

    __tablename__ = "certificates"

    serial_hex: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(8))
    authority_generation: Mapped[str] = mapped_column(String(16))
    not_before: Mapped[datetime]
    not_after: Mapped[datetime]
    renewed_in_window: Mapped[bool]
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    staff_id: Mapped[str] = mapped_column(String)
    issued_at: Mapped[datetime]



class StaffCall(Base):
    """A resident at a kiosk asked for help; the site's counters show it until one of them answers.

    Nothing about the resident: which kiosk, the screen and the language it showed (so that whoever goes
    knows what to expect), and who answered."""

    __tablename__ = "staff_calls"

    call_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    site: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    screen: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    received_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[str | None] = mapped_column(String(64))  # the counter terminal
    answered_staff: Mapped[str | None] = mapped_column(String(64))  # None: answered from a locked counter

# The office's report (kiosk.central.reports) reads only these four columns: with them in one index, a
# site's year is an index-only range scan (migration 0004_reports; the plans in benchmarks/central_scale.py).
Index("ix_transactions_report_counts", StoredTransaction.site, StoredTransaction.local_date, StoredTransaction.kind,
      StoredTransaction.outcome)
# A counter asks every few seconds for its site's open calls: the newest first, from this index.
Index("ix_staff_calls_site_received_at", StaffCall.site, StaffCall.received_at)
