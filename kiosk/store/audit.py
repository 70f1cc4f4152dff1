"""The append-only audit trail, hash-chained so that a removed, altered or inserted entry is detected.

Each entry stores ``entry_hash = SHA-256(previous entry's hash || canonical content)``, where the content is
the entry's id, time, event, subject and detail exactly as stored. ``audit_head`` holds the last id and
hash, so entries cut off the end are detected too. Anyone able to write the file can recompute a whole
forged chain; the chain proves that nothing was changed by accident or by a careless edit, and the
triggers of the schema refuse UPDATE and DELETE from the application itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.store.models import AUDIT_HEAD, AUDIT_LOG

GENESIS_HASH = "0" * 64

_READ_HEAD = select(AUDIT_HEAD.c.last_id, AUDIT_HEAD.c.last_hash).where(AUDIT_HEAD.c.id == 1)
_INSERT_ENTRY = insert(AUDIT_LOG)
_new_head = sqlite_insert(AUDIT_HEAD).values(id=1, last_id=bindparam("last_id"), last_hash=bindparam("last_hash"))
_MOVE_HEAD = _new_head.on_conflict_do_update(
    index_elements=[AUDIT_HEAD.c.id],
    set_={"last_id": _new_head.excluded.last_id, "last_hash": _new_head.excluded.last_hash})


@dataclass(frozen=True)
class AuditEntry:
    id: int
    recorded_at: str
    event: str
    subject: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int  # the entry where the problem shows (for "missing": the first id missing)
    # "altered", "missing", "relinked", "unexpected", "truncated"; and for the records the trail binds
    # (kiosk.store.records.binding_problems): "record_altered", "payload_altered", "record_missing",
    # "unrecorded" (whose entry_id is the record's sequence number)
    kind: str
    detail: str  # English, for the technician's log

    def __str__(self) -> str:
        return f"entry {self.entry_id}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class AuditReport:
    entries: int
    problems: tuple[AuditProblem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_bytes(entry_id: int, recorded_at: str, event: str, subject: str | None, detail: str) -> bytes:
    return json.dumps([entry_id, recorded_at, event, subject, detail], separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def chain_hash(previous_hash: str, content: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(previous_hash) + content).hexdigest()


def append(connection: Connection, event: str, subject: str | None, detail: dict[str, Any],
           now: datetime) -> AuditEntry:
    """Add one entry; the caller's transaction must hold the write lock (``BEGIN IMMEDIATE``)."""
    head = connection.execute(_READ_HEAD).first()
    last_id, last_hash = (head.last_id, head.last_hash) if head else (0, GENESIS_HASH)
    entry_id = last_id + 1
    recorded_at = now.astimezone(UTC).isoformat(timespec="microseconds")
    detail_text = canonical_detail(detail)
    entry_hash = chain_hash(last_hash, content_bytes(entry_id, recorded_at, event, subject, detail_text))
    connection.execute(_INSERT_ENTRY, {"id": entry_id, "recorded_at": recorded_at, "event": event,
                                       "subject": subject, "detail": detail_text, "previous_hash": last_hash,
                                       "entry_hash": entry_hash})
    connection.execute(_MOVE_HEAD, {"last_id": entry_id, "last_hash": entry_hash})
    return AuditEntry(entry_id, recorded_at, event, subject, detail)


def verify(connection: Connection) -> AuditReport:
    """Walk the whole chain and say where it breaks (every break, not just the first)."""
    problems: list[AuditProblem] = []
    expected_id, expected_previous = 1, GENESIS_HASH
    count = 0
    for row in connection.execute(select(AUDIT_LOG).order_by(AUDIT_LOG.c.id)):
        count += 1
        if row.id != expected_id:
            problems.append(AuditProblem(expected_id, "missing",
                                         f"entries {expected_id} to {row.id - 1} have been removed"))
        elif row.previous_hash != expected_previous:
            problems.append(AuditProblem(row.id, "relinked", "its link to the entry before does not match: "
                                         "an entry before it was replaced or inserted"))
        if _row_hash(row) != row.entry_hash:
            problems.append(AuditProblem(row.id, "altered", "its content does not match its hash"))
        expected_id, expected_previous = row.id + 1, row.entry_hash
    last_id = expected_id - 1
    head = connection.execute(_READ_HEAD).first()
    head_id, head_hash = (head.last_id, head.last_hash) if head else (0, GENESIS_HASH)
    if head_id > last_id:
        problems.append(AuditProblem(last_id + 1, "truncated",
                                     f"entries {last_id + 1} to {head_id} at the end have been removed"))
    elif head_id < last_id:
        problems.append(AuditProblem(head_id + 1, "unexpected",
                                     f"entries {head_id + 1} to {last_id} were added outside the trail"))
    elif head_hash != expected_previous:
        problems.append(AuditProblem(last_id, "altered", "the last entry does not match the recorded end"))
    problems += _anchor_problems(connection)
    return AuditReport(count, tuple(problems))


def head(connection: Connection) -> tuple[int, str] | None:
    """The trail's last entry and its hash; None for an empty trail."""
    row = connection.execute(_READ_HEAD).first()
    return (int(row.last_id), str(row.last_hash)) if row else None


def anchored_problem(connection: Connection, entry: int, entry_hash: str, where: str) -> AuditProblem | None:
    """A finding unless the trail still holds ``entry`` with ``entry_hash`` (an anchor kept ``where``)."""
    held = connection.execute(select(AUDIT_LOG.c.entry_hash).where(AUDIT_LOG.c.id == entry)).scalar()
    if held is None:
        return AuditProblem(entry, "unanchored", f"{where} holds entry {entry}, which the trail no longer has")
    if held != entry_hash:
        return AuditProblem(entry, "unanchored", f"{where} holds entry {entry} with another hash")
    return None


def _anchor_problems(connection: Connection) -> list[AuditProblem]:
    from kiosk.store.models import SYNC_STATE, SyncState

    anchor = connection.execute(select(SYNC_STATE.c.anchored_entry, SYNC_STATE.c.anchored_hash)
                                .where(SyncState.id == 1)).first()
    if anchor is None or anchor.anchored_entry is None or anchor.anchored_hash is None:
        return []
    problem = anchored_problem(connection, anchor.anchored_entry, anchor.anchored_hash,
                               "the last acknowledgement of the central service")
    return [problem] if problem else []


def _row_hash(row: Any) -> str | None:
    """The hash the row's content chains to; None for content no append could have written (a BLOB where
    text belongs, a link that is not hex): an edit made outside the trail, reported as a finding."""
    texts = (row.recorded_at, row.event, row.detail, row.previous_hash)
    if not all(isinstance(value, str) for value in texts) or not isinstance(row.subject, str | None):
        return None
    try:
        return chain_hash(row.previous_hash, content_bytes(row.id, row.recorded_at, row.event, row.subject,
                                                           row.detail))
    except (ValueError, TypeError):
        return None


def _detail_of(stored: object) -> dict[str, Any]:
    try:
        detail = json.loads(stored) if isinstance(stored, str | bytes) else None
    except ValueError:
        detail = None
    return detail if isinstance(detail, dict) else {"unreadable_detail": repr(stored)[:200]}


def entries(connection: Connection, *, limit: int, subject: str | None = None) -> list[AuditEntry]:
    """The newest entries first."""
    query = select(AUDIT_LOG).order_by(AUDIT_LOG.c.id.desc()).limit(limit)
    if subject is not None:
        query = query.where(AUDIT_LOG.c.subject == subject)
    return [AuditEntry(r.id, r.recorded_at, r.event, r.subject, _detail_of(r.detail))
            for r in connection.execute(query)]
