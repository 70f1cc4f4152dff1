"""The outbox's state transitions: pending -> delivered on the server's acknowledgement, pending ->
rejected when the server refuses a record as invalid (kept, visible, retryable), rejected -> pending on a
technician's retry. Delivered rows are purged after the retention period; their records stay.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.store import audit
from kiosk.store.models import OUTBOX, SYNC_STATE, OutboxRow, SyncState

_OUTBOX = OUTBOX
_PENDING = OutboxRow.state == "pending"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    key: str
    payload: str  # the record's wire JSON, exactly as it will be sent
    state: str
    attempts: int
    enqueued_at: datetime
    next_attempt_at: datetime
    last_error: str | None
    delivered_at: datetime | None
    rejected_at: datetime | None
    rejected_reason: str | None


@dataclass(frozen=True)
class OutboxStatus:
    pending: int
    rejected: int
    delivered: int
    oldest_pending_at: datetime | None
    next_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error_code: str | None
    last_error: str | None
    paused_at: datetime | None
    paused_reason: str | None


def _item(row: Any) -> OutboxItem:
    return OutboxItem(row.id, row.transaction_key, row.payload, row.state, row.attempts, row.enqueued_at,
                      row.next_attempt_at, row.last_error, row.delivered_at, row.rejected_at, row.rejected_reason)


def due(connection: Connection, now: datetime | None, limit: int) -> list[OutboxItem]:
    """Pending rows, those due at ``now`` only (all of them when ``now`` is None), longest due first.

    Longest due first, not simply oldest first: a batch that just failed goes to the back, so a record
    the service chokes on cannot hold back the ones behind it. Rows never tried come in enqueue order.

    Due times are wall-clock times and the clock can move backwards (a clock that ran ahead, corrected
    by NTP or a technician): a row never tried is always due, and so is a row last tried "in the future",
    whose backoff was reckoned on the wrong clock. Otherwise rows made while the clock ran 400 days ahead
    would wait 400 days.
    """
    query = select(_OUTBOX).where(_PENDING).order_by(OutboxRow.next_attempt_at, OutboxRow.id).limit(limit)
    if now is not None:
        query = query.where(or_(OutboxRow.next_attempt_at <= now, OutboxRow.attempts == 0,
                                OutboxRow.last_attempt_at > now))
    return [_item(row) for row in connection.execute(query)]


def mark_delivered(connection: Connection, statuses: Mapping[int, str], now: datetime) -> int:
    """Rows the server acknowledged (``accepted`` or ``duplicate``), by outbox id; returns how many changed.

    Only pending rows change: a row a technician parked or retried meanwhile keeps its state.
    """
    if not statuses:
        return 0
    statement = (update(OutboxRow)
                 .where(OutboxRow.id == bindparam("row_id"), _PENDING)
                 .values(state="delivered", server_status=bindparam("status"), delivered_at=now,
                         attempts=OutboxRow.attempts + 1, last_attempt_at=now, last_error=None))
    result = connection.execute(statement, [{"row_id": i, "status": s} for i, s in statuses.items()])
    return int(result.rowcount)


def mark_failed(connection: Connection, ids: Sequence[int], error: str, now: datetime,
                next_attempt_at: datetime) -> None:
    connection.execute(update(OutboxRow)
                       .where(OutboxRow.id.in_(list(ids)), _PENDING)
                       .values(attempts=OutboxRow.attempts + 1, last_attempt_at=now, last_error=error,
                               next_attempt_at=next_attempt_at))


def reject(connection: Connection, reasons: Mapping[int, str], now: datetime) -> int:
    """Park rows the server refused as invalid, with its reason; each is audited."""
    rows = connection.execute(select(OutboxRow.id, OutboxRow.transaction_key)
                              .where(OutboxRow.id.in_(list(reasons)), _PENDING)).all()
    for row_id, key in rows:
        connection.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(
            state="rejected", rejected_at=now, rejected_reason=reasons[row_id],
            attempts=OutboxRow.attempts + 1, last_attempt_at=now))
        audit.append(connection, "outbox.rejected", key, {"outbox_id": row_id, "reason": reasons[row_id]}, now)
    return len(rows)


def find(connection: Connection, ident: str) -> OutboxItem | None:
    """A row by its outbox id or its transaction key."""
    column = OutboxRow.id if ident.isdigit() else OutboxRow.transaction_key
    row = connection.execute(select(_OUTBOX).where(column == (int(ident) if ident.isdigit() else ident))).first()
    return _item(row) if row else None


def retry(connection: Connection, item: OutboxItem, now: datetime, by: str) -> None:
    connection.execute(update(OutboxRow).where(OutboxRow.id == item.id).values(
        state="pending", next_attempt_at=now, rejected_at=None, rejected_reason=None,
        last_error=f"rejected before: {item.rejected_reason}"))
    audit.append(connection, "outbox.retried", item.key,
                 {"outbox_id": item.id, "previous_reason": item.rejected_reason, "by": by}, now)


def make_all_due(connection: Connection, now: datetime) -> None:
    """Connectivity is back: nothing pending waits for an old backoff any longer."""
    connection.execute(update(OutboxRow).where(_PENDING, OutboxRow.next_attempt_at > now)
                       .values(next_attempt_at=now))


def purge_delivered(connection: Connection, delivered_before: datetime, now: datetime) -> int:
    result = connection.execute(delete(OutboxRow).where(OutboxRow.state == "delivered",
                                                        OutboxRow.delivered_at < delivered_before))
    purged = int(result.rowcount)
    if purged:
        audit.append(connection, "outbox.purged", None,
                     {"rows": purged, "delivered_before": delivered_before.isoformat()}, now)
    return purged


def rejected(connection: Connection) -> list[OutboxItem]:
    query = select(_OUTBOX).where(OutboxRow.state == "rejected").order_by(OutboxRow.id)
    return [_item(row) for row in connection.execute(query)]


def update_sync_state(connection: Connection, **values: object) -> None:
    connection.execute(sqlite_insert(SyncState).values(id=1, **values)
                       .on_conflict_do_update(index_elements=[SyncState.id], set_=values))


def paused_reason(connection: Connection) -> str | None:
    return connection.execute(select(SyncState.paused_reason).where(SyncState.id == 1)).scalar()


def status(connection: Connection) -> OutboxStatus:
    counts: dict[str, int] = {state: number for state, number in
                              connection.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state))}
    # min() of a Timestamp column comes back as stored text: ISO 8601 in UTC, which sorts in time order
    oldest, earliest = connection.execute(
        select(func.min(OutboxRow.enqueued_at), func.min(OutboxRow.next_attempt_at)).where(_PENDING)).one()
    state = connection.execute(select(SYNC_STATE).where(SyncState.id == 1)).first()
    return OutboxStatus(
        pending=counts.get("pending", 0), rejected=counts.get("rejected", 0),
        delivered=counts.get("delivered", 0),
        oldest_pending_at=_parse(oldest), next_attempt_at=_parse(earliest),
        last_success_at=state.last_success_at if state else None,
        last_error_at=state.last_error_at if state else None,
        last_error_code=state.last_error_code if state else None,
        last_error=state.last_error if state else None,
        paused_at=state.paused_at if state else None,
        paused_reason=state.paused_reason if state else None)


def _parse(value: datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def foreign_pending(connection: Connection, terminal_id: str, site: str) -> dict[int, str]:
    """Pending rows recorded under another terminal identity or site (the terminal was re-enrolled): the
    service refuses them for ever (403) and they hold back everything behind them. By id, with the reason
    a technician will read when they are set aside."""
    found: dict[int, str] = {}
    for row_id, payload in connection.execute(select(OutboxRow.id, OutboxRow.payload).where(_PENDING)):
        try:
            document = json.loads(payload)
        except (TypeError, ValueError):
            continue  # the sender parks an unreadable payload itself
        if not isinstance(document, dict):
            continue
        theirs = (document.get("terminal_id"), document.get("site"))
        if theirs != (terminal_id, site):
            found[row_id] = (f"set aside: recorded as terminal {theirs[0]} at site {theirs[1]}; this terminal now "
                             f"reports as {terminal_id} at {site}")
    return found


def every_row(connection: Connection) -> list[OutboxItem]:
    return [_item(row) for row in connection.execute(select(_OUTBOX).order_by(OutboxRow.id))]
