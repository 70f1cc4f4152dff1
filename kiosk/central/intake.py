"""Receiving a batch of transaction records: strict, all or nothing, idempotent by key.

The rules of a record are ``kiosk.domain.transactions.from_wire``'s, the one definition shared with the
terminal. On top of them the service checks what only it can see: that the key is not already held with
other content by the same terminal, and that the terminal's sequence number is not already held by another
key (the counts of a day must reconcile exactly). Keys are unique per terminal: whatever another terminal
holds is never looked at, so no answer tells one site what another holds. Every rejected record of the
batch is reported at once, so the terminal can park exactly those and send the others again.

Two terminals (or one terminal retrying) racing with the same keys: SQLite serialises the two
transactions (``BEGIN IMMEDIATE``); on PostgreSQL the loser's insert fails on the unique key after the
winner commits, and the whole batch is simply run again, when it finds the keys held and answers
"duplicate".
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.central import jsonbody
from kiosk.central.models import AuditAnchor, SequenceConflict, StoredTransaction
from kiosk.central.problems import ApiError, malformed
from kiosk.central.terminals import CallingTerminal
from kiosk.domain.transactions import InvalidTransaction, TransactionRecord, from_wire

MAX_SEQUENCE = 2**63 - 1
_HASH = re.compile(r"[0-9a-f]{64}")
RACE_ATTEMPTS = 5


# The code of each rejected record (docs/central-api.md): what the terminal's technician must do differs.
INVALID = "invalid"  # the record breaks a rule: a bug to fix on the terminal
KEY_REUSED = "key_reused"  # the key is held with other content
TERMINAL_LOST_DATABASE = "terminal_lost_database"  # the sequence number is held by another of its records


@dataclass(frozen=True)
class Rejection:
    index: int
    key: str | None
    reason: str
    code: str = INVALID

    def to_wire(self) -> dict[str, Any]:
        return {"index": self.index, "key": self.key, "reason": self.reason, "code": self.code}


@dataclass(frozen=True)
class Conflict:
    """A record refused for a sequence number its terminal already used under another key."""

    checked: CheckedRecord
    held_by: str


@dataclass(frozen=True)
class Received:
    key: str  # as the terminal sent it
    status: str  # "accepted" or "duplicate"


@dataclass(frozen=True)
class CheckedRecord:
    index: int
    key_as_sent: str
    key: str  # canonical UUID text: one key however it was spelt
    record: TransactionRecord
    content_sha256: str


@dataclass(frozen=True)
class CheckedBatch:
    records: tuple[CheckedRecord, ...]
    rejections: tuple[Rejection, ...]
    audit_head: tuple[int, str] | None = None  # (entry, hash): the terminal's audit head, its anchor here


def content_digest(record: TransactionRecord) -> str:
    """SHA-256 of the record's canonical JSON without its key: equal for the same content, however sent."""
    wire = record.to_wire()
    del wire["key"]
    canonical = json.dumps(wire, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_batch(body: bytes, caller: CallingTerminal, max_batch: int, now: datetime | None = None) -> CheckedBatch:
    """Parse and check a request body; raise ``ApiError`` for a body the contract refuses as a whole.

    ``now``: the service's clock, against which a record from the future is refused."""
    try:
        document = jsonbody.loads(body)
    except ValueError as exc:
        raise malformed("the body is not JSON") from exc
    if not isinstance(document, dict) or not isinstance(document.get("transactions"), list):
        raise malformed("expected an object with a 'transactions' list")
    if set(document) - {"transactions", "audit_head"}:
        raise malformed(f"unknown fields: {', '.join(sorted(set(document) - {'transactions', 'audit_head'}))}")
    audit_head = _audit_head(document.get("audit_head"))
    items: list[Any] = document["transactions"]
    if not items:
        raise malformed("the batch is empty")
    if len(items) > max_batch:
        raise ApiError(413, "batch_too_large", f"a batch holds at most {max_batch} transactions",
                       limit=max_batch)
    _check_owner(items, caller)
    records: list[CheckedRecord] = []
    rejections: list[Rejection] = []
    for index, item in enumerate(items):
        key_as_sent = item.get("key") if isinstance(item, dict) and isinstance(item.get("key"), str) else None
        try:
            record = from_wire(item, now=now)
        except InvalidTransaction as exc:
            rejections.append(Rejection(index, key_as_sent, str(exc)))
            continue
        except (TypeError, ValueError) as exc:  # a value of a type the record's rules did not foresee
            rejections.append(Rejection(index, key_as_sent, f"invalid value: {exc}"))
            continue
        if record.sequence > MAX_SEQUENCE:
            rejections.append(Rejection(index, key_as_sent, "sequence is out of range"))
            continue
        if record.mode is not caller.mode:
            rejections.append(Rejection(index, key_as_sent, f"this terminal records in {caller.mode} mode"))
            continue
        assert key_as_sent is not None  # from_wire accepted it as a UUID string
        records.append(CheckedRecord(index, key_as_sent, str(uuid.UUID(record.key)), record,
                                     content_digest(record)))
    return CheckedBatch(tuple(records), tuple(rejections), audit_head)


def _audit_head(value: Any) -> tuple[int, str] | None:
    if value is None:
        return None
    entry = value.get("entry") if isinstance(value, dict) else None
    entry_hash = value.get("hash") if isinstance(value, dict) else None
    if (not isinstance(value, dict) or set(value) != {"entry", "hash"} or not isinstance(entry, int)
            or isinstance(entry, bool) or not 1 <= entry <= MAX_SEQUENCE or not isinstance(entry_hash, str)
            or _HASH.fullmatch(entry_hash) is None):
        raise malformed("audit_head is {\"entry\": <id from 1>, \"hash\": <64 lower-case hex digits>}")
    return entry, entry_hash


def _check_owner(items: Sequence[Any], caller: CallingTerminal) -> None:
    """403 when any record names another site or terminal than the caller's token: nothing is stored."""
    wrong_site: list[str | None] = []
    wrong_terminal: list[str | None] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        key = item.get("key") if isinstance(item.get("key"), str) else None
        site, terminal_id = item.get("site"), item.get("terminal_id")
        if isinstance(site, str) and site != caller.site:
            wrong_site.append(key)
        elif isinstance(terminal_id, str) and terminal_id != caller.terminal_id:
            wrong_terminal.append(key)
    if wrong_site:
        raise ApiError(403, "wrong_site", f"this terminal reports for site {caller.site} only", keys=wrong_site)
    if wrong_terminal:
        raise ApiError(403, "wrong_terminal", f"this token belongs to terminal {caller.terminal_id}",
                       keys=wrong_terminal)


class _Refused(Exception):
    def __init__(self, error: ApiError, conflicts: list[Conflict]) -> None:
        super().__init__(str(error))
        self.error = error
        self.conflicts = conflicts


def store_batch(sessions: sessionmaker[Session], batch: CheckedBatch, caller: CallingTerminal,
                now: datetime) -> list[Received]:
    """Store the batch in one database transaction, or nothing and a 422 listing every rejected record.

    Records refused because their terminal lost its database are remembered apart from the batch (in
    their own transaction, after the batch's was rolled back) so that reconciliation counts them."""
    for _ in range(RACE_ATTEMPTS):
        try:
            with sessions.begin() as session:
                return _store_once(session, batch, caller, now)
        except IntegrityError:
            # Another request stored some of these keys (or sequence numbers) after we looked: look again.
            continue
        except _Refused as refused:
            if refused.conflicts:
                _remember_conflicts(sessions, refused.conflicts, caller, now)
            raise refused.error from None
    raise ApiError(503, "unavailable", f"the batch lost {RACE_ATTEMPTS} races with concurrent batches; send it again",
                   headers={"Retry-After": "1"})


def _store_once(session: Session, batch: CheckedBatch, caller: CallingTerminal,
                now: datetime) -> list[Received]:
    keys = {c.key for c in batch.records}
    sequences = {c.record.sequence for c in batch.records}
    # One statement, so one snapshot: at READ COMMITTED two SELECTs could straddle a racing commit and see
    # a sequence number taken by a key that the first SELECT did not yet see.
    held = session.execute(
        select(StoredTransaction.key, StoredTransaction.content_sha256, StoredTransaction.terminal_id,
               StoredTransaction.sequence)
        .where(StoredTransaction.terminal_id == caller.terminal_id,
               or_(StoredTransaction.key.in_(keys), StoredTransaction.sequence.in_(sequences)))).all()
    held_content = {row.key: row.content_sha256 for row in held}
    held_sequence = {row.sequence: row.key for row in held}
    rejections = list(batch.rejections)
    conflicts: list[Conflict] = []
    results: list[Received] = []
    rows: list[dict[str, Any]] = []
    for checked in batch.records:
        sequence = checked.record.sequence
        known_content = held_content.get(checked.key)
        if known_content is not None:
            if known_content == checked.content_sha256:
                results.append(Received(checked.key_as_sent, "duplicate"))
            else:
                rejections.append(Rejection(checked.index, checked.key_as_sent,
                                            "key already used for a transaction with other content", KEY_REUSED))
            continue
        holder = held_sequence.get(sequence)
        if holder is not None:
            rejections.append(Rejection(checked.index, checked.key_as_sent,
                                        f"{TERMINAL_LOST_DATABASE}: sequence {sequence} of terminal "
                                        f"{caller.terminal_id} already belongs to transaction {holder}; the "
                                        "terminal numbered again after losing its database",
                                        TERMINAL_LOST_DATABASE))
            conflicts.append(Conflict(checked, holder))
            continue
        held_content[checked.key] = checked.content_sha256
        held_sequence[sequence] = checked.key
        rows.append(_row(checked, now))
        results.append(Received(checked.key_as_sent, "accepted"))
    if rejections:
        rejections.sort(key=lambda r: r.index)
        raise _Refused(ApiError(422, "invalid_transactions",
                                f"{len(rejections)} of the batch's transactions break the rules; nothing was stored",
                                rejected=[r.to_wire() for r in rejections]), conflicts)
    if rows:
        # A Core bulk insert: several times faster than ORM objects for a 500-record batch.
        session.execute(insert(StoredTransaction), rows)
    if batch.audit_head is not None:
        _keep_anchor(session, caller, batch.audit_head, now)
    return results


def _keep_anchor(session: Session, caller: CallingTerminal, head: tuple[int, str], now: datetime) -> None:
    """Keep the newest audit head: a trail only grows, so an older head (a batch delayed in the network)
    does not replace a newer one; a rewound trail then shows against what is kept."""
    anchor = session.get(AuditAnchor, caller.terminal_id, with_for_update=True)
    if anchor is None:
        session.add(AuditAnchor(terminal_id=caller.terminal_id, entry=head[0], hash=head[1], received_at=now))
    elif head[0] >= anchor.entry:
        anchor.entry, anchor.hash, anchor.received_at = head[0], head[1], now


def _remember_conflicts(sessions: sessionmaker[Session], conflicts: list[Conflict], caller: CallingTerminal,
                        now: datetime) -> None:
    try:
        with sessions.begin() as session:
            keys = {c.checked.key for c in conflicts}
            seen = {(row.sequence, row.key) for row in session.execute(
                select(SequenceConflict.sequence, SequenceConflict.key)
                .where(SequenceConflict.terminal_id == caller.terminal_id, SequenceConflict.key.in_(keys)))}
            rows = [{"site": caller.site, "terminal_id": caller.terminal_id, "sequence": c.checked.record.sequence,
                     "key": c.checked.key, "held_by": c.held_by, "local_date": c.checked.record.local_date,
                     "seen_at": now}
                    for c in conflicts if (c.checked.record.sequence, c.checked.key) not in seen]
            if rows:
                session.execute(insert(SequenceConflict), rows)
    except IntegrityError:  # the same refusal, remembered by a racing request: once is enough
        pass


def _row(checked: CheckedRecord, now: datetime) -> dict[str, Any]:
    record = checked.record
    return dict(
        key=checked.key,
        content_sha256=checked.content_sha256,
        site=record.site,
        terminal_id=record.terminal_id,
        sequence=record.sequence,
        kind=str(record.kind),
        outcome=str(record.outcome),
        failure_code=record.failure_code,
        occurred_at=record.occurred_at,
        local_date=record.local_date,
        mode=str(record.mode),
        staff_id=record.staff_id,
        card_generation=record.card_generation,
        pin_kind=record.pin_kind,
        certificates=[c.to_wire() for c in record.certificates],
        subject_hmac_hex=record.subject_hmac_hex,
        received_at=now,
    )
