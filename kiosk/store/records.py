"""Recording a procedure: the record, its outbox row and its audit entry, under the next sequence number.

All of it happens in the caller's one write transaction, so either everything is committed or nothing is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.domain.transactions import (
    CertificateChange,
    Mode,
    Outcome,
    TransactionKind,
    TransactionRecord,
    new_key,
    validate,
)
from kiosk.domain.validity import JST
from kiosk.store import audit
from kiosk.store.drafts import TransactionDraft, subject_hmac_hex
from kiosk.store.models import OUTBOX, SEQUENCE_COUNTERS, TRANSACTIONS

_NEXT_SEQUENCE = (
    sqlite_insert(SEQUENCE_COUNTERS).values(terminal_id=bindparam("terminal_id"), last_sequence=1)
    .on_conflict_do_update(index_elements=[SEQUENCE_COUNTERS.c.terminal_id],
                           set_={"last_sequence": SEQUENCE_COUNTERS.c.last_sequence + 1})
    .returning(SEQUENCE_COUNTERS.c.last_sequence))
_INSERT_TRANSACTION = insert(TRANSACTIONS)
_INSERT_OUTBOX = insert(OUTBOX)


@dataclass(frozen=True)
class Terminal:
    """Who records: the enrolled terminal's identity and the key of its residents' identifiers."""

    terminal_id: str
    site: str
    mode: Mode
    identifier_key: bytes


@dataclass(frozen=True)
class LocalTransaction:
    """One of the terminal's own records, with where it stands in the outbox."""

    key: str
    terminal_id: str
    sequence: int
    kind: str
    outcome: str
    outbox_state: str | None  # "pending", "delivered", "rejected"; None once purged after delivery


def record_digest(record: TransactionRecord) -> str:
    """SHA-256 of the record's content in a canonical form (its instant in UTC, keys sorted): what the audit
    entry of the recording binds, so a later change of the stored row is found."""
    wire = record.to_wire()
    wire["occurred_at"] = record.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    return hashlib.sha256(json.dumps(wire, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                          .encode("utf-8", "surrogatepass")).hexdigest()


def payload_digest(payload: str) -> str:
    """SHA-256 of the outbox payload exactly as it will be sent."""
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def build_record(draft: TransactionDraft, terminal: Terminal, sequence: int, now: datetime) -> TransactionRecord:
    occurred_at = draft.occurred_at or now.astimezone(JST)
    subject_hmac = (subject_hmac_hex(terminal.identifier_key, draft.auth_subject_der)
                    if draft.auth_subject_der is not None else None)
    record = TransactionRecord(
        key=new_key(), terminal_id=terminal.terminal_id, site=terminal.site, sequence=sequence,
        kind=TransactionKind(draft.kind), outcome=Outcome(draft.outcome), occurred_at=occurred_at,
        mode=terminal.mode, failure_code=draft.failure_code, staff_id=draft.staff_id,
        card_generation=draft.card_generation, pin_kind=draft.pin_kind, certificates=tuple(draft.certificates),
        subject_hmac_hex=subject_hmac)
    validate(record, now=now)
    return record


def last_sequence(connection: Connection, terminal_id: str) -> int:
    counter = connection.execute(select(SEQUENCE_COUNTERS.c.last_sequence)
                                 .where(SEQUENCE_COUNTERS.c.terminal_id == terminal_id)).scalar()
    return int(counter or 0)


def set_last_sequence(connection: Connection, terminal_id: str, last: int) -> None:
    statement = sqlite_insert(SEQUENCE_COUNTERS).values(terminal_id=terminal_id, last_sequence=last)
    connection.execute(statement.on_conflict_do_update(index_elements=[SEQUENCE_COUNTERS.c.terminal_id],
                                                       set_={"last_sequence": last}))


def next_sequence(connection: Connection, terminal_id: str) -> int:
    return int(connection.execute(_NEXT_SEQUENCE, {"terminal_id": terminal_id}).scalar_one())


def insert_record(connection: Connection, draft: TransactionDraft, terminal: Terminal,
                  now: datetime) -> TransactionRecord:
    """Add the record, its outbox row and its audit entry to the connection's write transaction."""
    record = build_record(draft, terminal, next_sequence(connection, terminal.terminal_id), now)
    wire = record.to_wire()
    payload = json.dumps(wire, separators=(",", ":"), ensure_ascii=False)
    connection.execute(_INSERT_TRANSACTION, {
        "key": record.key, "terminal_id": record.terminal_id, "site": record.site, "sequence": record.sequence,
        "kind": str(record.kind), "outcome": str(record.outcome), "failure_code": record.failure_code,
        "occurred_at": record.occurred_at, "local_date": wire["local_date"], "mode": str(record.mode),
        "staff_id": record.staff_id, "card_generation": record.card_generation, "pin_kind": record.pin_kind,
        "certificates": wire["certificates"], "subject_hmac_hex": record.subject_hmac_hex, "recorded_at": now})
    connection.execute(_INSERT_OUTBOX, {
        "transaction_key": record.key, "payload": payload,
        "state": "pending", "attempts": 0, "enqueued_at": now, "next_attempt_at": now})
    audit.append(connection, "transaction.recorded", record.key,
                 {"sequence": record.sequence, "kind": str(record.kind), "outcome": str(record.outcome),
                  "record_sha256": record_digest(record), "payload_sha256": payload_digest(payload)}, now)
    return record


def row_to_record(row: Any) -> TransactionRecord:
    return TransactionRecord(
        key=row.key, terminal_id=row.terminal_id, site=row.site, sequence=row.sequence,
        kind=TransactionKind(row.kind), outcome=Outcome(row.outcome), occurred_at=row.occurred_at,
        mode=Mode(row.mode), failure_code=row.failure_code, staff_id=row.staff_id,
        card_generation=row.card_generation, pin_kind=row.pin_kind,
        certificates=tuple(CertificateChange(c["purpose"], c.get("old_serial_hex"), c.get("new_serial_hex"))
                           for c in row.certificates),
        subject_hmac_hex=row.subject_hmac_hex)


def local_day(connection: Connection, site: str, day: date) -> list[LocalTransaction]:
    """Every record this terminal holds for ``site`` on the Japan-time date ``day``, by terminal and sequence."""
    t, o = TRANSACTIONS.c, OUTBOX.c
    query = (select(t.key, t.terminal_id, t.sequence, t.kind, t.outcome, o.state)
             .select_from(TRANSACTIONS.outerjoin(OUTBOX, o.transaction_key == t.key))
             .where(t.site == site, t.local_date == day.isoformat())
             .order_by(t.terminal_id, t.sequence))
    return [LocalTransaction(*row) for row in connection.execute(query)]


def sequence_gaps(connection: Connection) -> dict[str, list[int]]:
    """Per terminal, the sequence numbers handed out (up to its counter) that no record holds: records
    deleted behind the store's back. Records are never deleted by the terminal (only delivered outbox rows
    are purged), so any gap is a loss."""
    t, c = TRANSACTIONS.c, SEQUENCE_COUNTERS.c
    held: dict[str, set[int]] = {}
    for terminal_id, sequence in connection.execute(select(t.terminal_id, t.sequence)):
        held.setdefault(terminal_id, set()).add(sequence)
    last = {terminal_id: max(numbers) for terminal_id, numbers in held.items()}
    for terminal_id, counter in connection.execute(select(c.terminal_id, c.last_sequence)):
        last[terminal_id] = max(counter, last.get(terminal_id, 0))
    gaps = {}
    for terminal_id, top in sorted(last.items()):
        missing = sorted(set(range(1, top + 1)) - held.get(terminal_id, set()))
        if missing:
            gaps[terminal_id] = missing
    return gaps


def binding_problems(connection: Connection) -> list[tuple[int, str, str]]:
    """Records and outbox payloads against the audit entries that recorded them: (entry or sequence, kind,
    detail) for every record changed, deleted or never recorded in the trail, and every payload changed.

    Entries written before the digests existed bind presence only."""
    from kiosk.store.models import AUDIT_LOG

    recorded: dict[str, tuple[int, dict[str, Any]]] = {}
    for entry_id, subject, detail in connection.execute(
            select(AUDIT_LOG.c.id, AUDIT_LOG.c.subject, AUDIT_LOG.c.detail)
            .where(AUDIT_LOG.c.event == "transaction.recorded")):
        try:
            parsed = json.loads(detail) if isinstance(detail, str) else {}
        except ValueError:
            parsed = {}
        if isinstance(subject, str):
            recorded[subject] = (entry_id, parsed if isinstance(parsed, dict) else {})
    problems: list[tuple[int, str, str]] = []
    t, o = TRANSACTIONS.c, OUTBOX.c
    seen: set[str] = set()
    rows = connection.execute(select(TRANSACTIONS, o.payload)
                              .select_from(TRANSACTIONS.outerjoin(OUTBOX, o.transaction_key == t.key))
                              .order_by(t.sequence))
    for row in rows:
        seen.add(row.key)
        entry = recorded.get(row.key)
        if entry is None:
            problems.append((row.sequence, "unrecorded", f"record {row.key} has no entry in the audit trail"))
            continue
        entry_id, detail = entry
        expected_record = detail.get("record_sha256")
        if expected_record is not None:
            try:
                actual = record_digest(row_to_record(row))
            except (ValueError, TypeError, KeyError, AttributeError):
                actual = None
            if actual != expected_record:
                problems.append((entry_id, "record_altered", f"record {row.key} differs from what was recorded"))
        expected_payload = detail.get("payload_sha256")
        if expected_payload is not None and row.payload is not None and (
                not isinstance(row.payload, str) or payload_digest(row.payload) != expected_payload):
            problems.append((entry_id, "payload_altered", f"the outbox payload of {row.key} was changed"))
    for key, (entry_id, _) in sorted(recorded.items(), key=lambda item: item[1][0]):
        if key not in seen:
            problems.append((entry_id, "record_missing", f"record {key} was deleted"))
    return problems
