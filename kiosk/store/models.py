"""The tables of the terminal's database (SQLAlchemy 2 declarative models).

The schema itself is created and changed only by the Alembic migrations in /migrations; these models are
what the code reads and writes, and ``tests/store/test_migrations.py`` checks that the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

OUTBOX_STATES = ("pending", "delivered", "rejected")


class Timestamp(TypeDecorator[datetime]):
    """An aware datetime as ISO 8601 text with microseconds, its UTC offset kept.

    Stored in UTC (``utc=True``) the text sorts in time order, which the outbox's due-row query needs.
    """

    impl = String(40)
    cache_ok = True

    def __init__(self, *, utc: bool = True) -> None:
        super().__init__()
        self.utc = utc

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return (value.astimezone(UTC) if self.utc else value).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class TransactionRow(Base):
    """One procedure, as the terminal recorded it (the fields of the central API's record)."""

    __tablename__ = "transactions"
    __table_args__ = (
        UniqueConstraint("terminal_id", "sequence", name="uq_transactions_terminal_sequence"),
        Index("ix_transactions_site_local_date", "site", "local_date"),
    )

    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    site: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    failure_code: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(Timestamp(utc=False))
    local_date: Mapped[str] = mapped_column(String(10))  # the Japan-time day the office counts it on
    mode: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str | None] = mapped_column(String(64))
    card_generation: Mapped[str | None] = mapped_column(String(32))
    pin_kind: Mapped[str | None] = mapped_column(String(32))
    certificates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    subject_hmac_hex: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(Timestamp())


class OutboxRow(Base):
    """A record waiting for, or acknowledged by, the central service. ``payload`` is frozen at enqueue so
    that every attempt sends byte-for-byte the same content under the same key."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'delivered', 'rejected')", name="ck_outbox_state"),
        Index("ix_outbox_state_due", "state", "next_attempt_at"),
        {"sqlite_autoincrement": True},  # ids are shown to technicians: never reuse one after a purge
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transaction_key: Mapped[str] = mapped_column(ForeignKey("transactions.key"), unique=True)
    payload: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    enqueued_at: Mapped[datetime] = mapped_column(Timestamp())
    next_attempt_at: Mapped[datetime] = mapped_column(Timestamp())
    last_attempt_at: Mapped[datetime | None] = mapped_column(Timestamp())
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(Timestamp())
    server_status: Mapped[str | None] = mapped_column(String(16))  # "accepted" or "duplicate"
    rejected_at: Mapped[datetime | None] = mapped_column(Timestamp())
    rejected_reason: Mapped[str | None] = mapped_column(Text)


class SequenceCounter(Base):
    """The last sequence number given to each terminal's records: gapless, from 1."""

    __tablename__ = "sequence_counters"

    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class AuditRow(Base):
    """One entry of the append-only audit trail. ``entry_hash`` = SHA-256(previous hash || canonical
    content); triggers in the schema refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    recorded_at: Mapped[str] = mapped_column(String(40))  # text, hashed exactly as stored
    event: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(128))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The last entry of the audit trail, so that removing entries at the end is detected too."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="ck_audit_head_single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class SyncState(Base):
    """What the sender last saw, for ``kiosk outbox status`` and the technician's alert."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="ck_sync_state_single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_success_at: Mapped[datetime | None] = mapped_column(Timestamp())
    last_error_at: Mapped[datetime | None] = mapped_column(Timestamp())
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    paused_at: Mapped[datetime | None] = mapped_column(Timestamp())
    paused_reason: Mapped[str | None] = mapped_column(Text)
    # The audit head (entry id, hash) sent with the last batch the central service acknowledged: the trail
    # must still hold that entry unchanged, and the service keeps the same pair to compare against.
    anchored_entry: Mapped[int | None] = mapped_column(Integer)
    anchored_hash: Mapped[str | None] = mapped_column(String(64))


def table(model: type[Base]) -> Table:
    """The Core table of a model: the store's hot paths run Core statements, built once and cached."""
    return cast(Table, model.__table__)


TRANSACTIONS = table(TransactionRow)
OUTBOX = table(OutboxRow)
SEQUENCE_COUNTERS = table(SequenceCounter)
AUDIT_LOG = table(AuditRow)
AUDIT_HEAD = table(AuditHead)
SYNC_STATE = table(SyncState)
