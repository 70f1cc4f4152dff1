"""The store: the terminal's one handle on its database, used by the flows, the sender and the CLI.

``open_store(settings)`` opens the database (creating it under the data directory if needed), upgrades it
to this version's schema and checks it. ``Store.record(draft)`` is what a flow calls at the end of every
procedure. Writes are serialised inside the process by a lock and across processes by ``BEGIN IMMEDIATE``;
every SQLite failure comes out as one of the typed ``StoreError`` subclasses.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import make_url

from kiosk.config import Settings
from kiosk.domain.transactions import Mode, TransactionRecord
from kiosk.errors import ConfigError, DatabaseCorrupt, DatabaseLost, StoreError
from kiosk.store import audit, marker, outbox, records, schema
from kiosk.store.audit import AuditEntry, AuditProblem, AuditReport
from kiosk.store.drafts import TransactionDraft
from kiosk.store.outbox import OutboxItem, OutboxStatus
from kiosk.store.records import LocalTransaction, Terminal
from kiosk.store.sqlite import make_engine, sqlite_errors, writer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
RecordListener = Callable[[TransactionRecord], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    def __init__(self, engine: Engine, terminal: Terminal, *, clock: Clock = utc_now,
                 marker_of: Path | None = None) -> None:
        self.engine = engine
        self._marker_of = marker_of  # the database file whose marker follows each record
        self.terminal = terminal
        self._writer = writer(engine)
        self._clock = clock
        self._write_lock = threading.Lock()
        self._listeners: list[RecordListener] = []

    @property
    def path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> datetime:
        return self._clock()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._write_lock, sqlite_errors(), self._writer.begin() as connection:
            yield connection

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with sqlite_errors(), self.engine.begin() as connection:
            yield connection

    # --- recording -------------------------------------------------------------------------------------

    def add_listener(self, listener: RecordListener) -> None:
        """Called after each record is committed (the sender's wake-up), in the recording thread."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, listener: RecordListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def record(self, draft: TransactionDraft) -> TransactionRecord:
        """Commit the record, its outbox row and its audit entry in one transaction; return the record.

        Blocking (SQLite, fsync): call it from a worker thread, never the UI thread. Raises
        ``InvalidTransaction`` (a programming error in the caller) if the draft breaks a rule of the contract,
        or a ``StoreError`` if the database cannot take it; either way nothing is written and no sequence
        number is used.
        """
        now = self._clock()
        with self._writing() as connection:
            record = records.insert_record(connection, draft, self.terminal, now)
        self._follow_marker(record.sequence)
        for listener in self._listeners:
            try:
                listener(record)
            except Exception:  # a listener's failure must not look like a failed recording
                log.exception("record listener failed")
        return record

    def _follow_marker(self, sequence: int) -> None:
        if self._marker_of is None:
            return
        try:
            marker.write(self._marker_of, marker.Marker(self.terminal.terminal_id, sequence))
        except OSError as error:  # the record is committed: a lagging marker is allowed, a lost record not
            log.warning("could not update the database marker: %s", error)

    def last_sequence(self) -> int:
        with self._reading() as connection:
            return records.last_sequence(connection, self.terminal.terminal_id)

    def transaction(self, key: str) -> TransactionRecord | None:
        from kiosk.store.models import TransactionRow

        with self._reading() as connection:
            row = connection.execute(select(TransactionRow.__table__).where(TransactionRow.key == key)).first()
            return records.row_to_record(row) if row else None

    def sequence_gaps(self) -> dict[str, list[int]]:
        with self._reading() as connection:
            return records.sequence_gaps(connection)

    def local_day(self, site: str, day: date) -> list[LocalTransaction]:
        with self._reading() as connection:
            return records.local_day(connection, site, day)

    # --- the outbox ------------------------------------------------------------------------------------

    def due(self, limit: int, *, everything_pending: bool = False) -> list[OutboxItem]:
        """Pending rows due now (or every pending row), oldest first."""
        with self._reading() as connection:
            return outbox.due(connection, None if everything_pending else self._clock(), limit)

    def mark_delivered(self, statuses: Mapping[int, str], *, anchored: tuple[int, str] | None = None) -> int:
        """Rows the service acknowledged; ``anchored``: the audit head sent with them, which the service
        now keeps (the trail must go on holding that entry unchanged)."""
        now = self._clock()
        with self._writing() as connection:
            changed = outbox.mark_delivered(connection, statuses, now)
            if anchored is not None:
                outbox.update_sync_state(connection, last_success_at=now, anchored_entry=anchored[0],
                                         anchored_hash=anchored[1])
            else:
                outbox.update_sync_state(connection, last_success_at=now)
            return changed

    def audit_head(self) -> tuple[int, str] | None:
        with self._reading() as connection:
            return audit.head(connection)

    def check_anchor(self, entry: int, entry_hash: str, where: str) -> AuditProblem | None:
        """A finding unless the trail still holds the entry an outside party (the central service) keeps."""
        with self._reading() as connection:
            return audit.anchored_problem(connection, entry, entry_hash, where)

    def mark_failed(self, ids: Sequence[int], error_code: str, error: str, next_attempt_at: datetime) -> None:
        now = self._clock()
        with self._writing() as connection:
            if ids:
                outbox.mark_failed(connection, ids, f"{error_code}: {error}", now, next_attempt_at)
            outbox.update_sync_state(connection, last_error_at=now, last_error_code=error_code, last_error=error)

    def reject(self, reasons: Mapping[int, str]) -> int:
        with self._writing() as connection:
            return outbox.reject(connection, reasons, self._clock())

    def retry(self, ident: str, *, by: str = "technician") -> OutboxItem:
        """Put a rejected row (by outbox id or transaction key) back in the queue."""
        with self._writing() as connection:
            item = outbox.find(connection, ident)
            if item is None:
                raise UnknownOutboxRow(f"no outbox row {ident!r}")
            if item.state != "rejected":
                raise OutboxRowNotRejected(f"outbox row {item.id} is {item.state}, not rejected", item.state)
            outbox.retry(connection, item, self._clock(), by)
            return item

    def set_aside_foreign(self) -> int:
        """Park, as rejected and visible, the pending rows recorded under another terminal identity or site
        (a terminal re-enrolled elsewhere): nothing is deleted, each is audited, and `retry` or an export
        remains possible. Returns how many."""
        with self._writing() as connection:
            reasons = outbox.foreign_pending(connection, self.terminal.terminal_id, self.terminal.site)
            return outbox.reject(connection, reasons, self._clock()) if reasons else 0

    def every_outbox_row(self) -> list[OutboxItem]:
        with self._reading() as connection:
            return outbox.every_row(connection)

    def make_all_due(self) -> None:
        with self._writing() as connection:
            outbox.make_all_due(connection, self._clock())

    def purge_delivered(self, retention_days: int) -> int:
        from datetime import timedelta

        now = self._clock()
        with self._writing() as connection:
            return outbox.purge_delivered(connection, now - timedelta(days=retention_days), now)

    def rejected(self) -> list[OutboxItem]:
        with self._reading() as connection:
            return outbox.rejected(connection)

    def outbox_status(self) -> OutboxStatus:
        with self._reading() as connection:
            return outbox.status(connection)

    # --- the sender's pause (401/403, TLS) -----------------------------------------------------------------

    def pause_sending(self, reason: str) -> None:
        now = self._clock()
        with self._writing() as connection:
            if outbox.paused_reason(connection) is None:
                audit.append(connection, "sync.paused", None, {"reason": reason}, now)
            outbox.update_sync_state(connection, paused_at=now, paused_reason=reason)

    def resume_sending(self, *, by: str) -> bool:
        """Lift a pause; False if sending was not paused."""
        with self._reading() as connection:
            if outbox.paused_reason(connection) is None:
                return False
        with self._writing() as connection:
            reason = outbox.paused_reason(connection)
            if reason is None:
                return False
            audit.append(connection, "sync.resumed", None, {"by": by, "reason": reason}, self._clock())
            outbox.update_sync_state(connection, paused_at=None, paused_reason=None)
            return True

    def continue_numbering_after(self, remembered: int, *, lost_after: int) -> None:
        """A technician accepted a loss: the next record takes ``remembered + 1``, never a number the lost
        records (``lost_after + 1`` to ``remembered``) may hold at the central service."""
        with self._writing() as connection:
            records.set_last_sequence(connection, self.terminal.terminal_id, remembered)
            audit.append(connection, "store.loss_accepted", None,
                         {"last_sequence": lost_after, "remembered": remembered,
                          "lost": remembered - lost_after}, self._clock())

    # --- the audit trail -------------------------------------------------------------------------------

    def audit(self, event: str, subject: str | None = None, **detail: object) -> AuditEntry:
        with self._writing() as connection:
            return audit.append(connection, event, subject, dict(detail), self._clock())

    def verify_audit(self) -> AuditReport:
        """The chain itself, and each record and outbox payload against the entry that recorded it."""
        with self._reading() as connection:
            report = audit.verify(connection)
            bound = records.binding_problems(connection)
        return AuditReport(report.entries, report.problems + tuple(AuditProblem(entry, kind, detail)
                                                                    for entry, kind, detail in bound))

    def audit_entries(self, limit: int, subject: str | None = None) -> list[AuditEntry]:
        with self._reading() as connection:
            return audit.entries(connection, limit=limit, subject=subject)


def _reconcile_marker(store: Store, database: Path, known: marker.Marker | None, *, accept_loss: bool) -> None:
    """Compare the database with its marker: behind it means records were lost. With ``accept_loss`` (the
    technician's decision) numbering continues after the marker's number, the loss is audited, and the
    marker follows; otherwise the store refuses to open."""
    last = store.last_sequence()
    # A marker of another terminal identity (re-enrolled under a new id) says nothing about this numbering.
    mine = known is not None and known.terminal_id in ("", store.terminal.terminal_id)
    remembered = known.last_sequence if known is not None and mine else 0
    if last < remembered:
        if not accept_loss:
            store.close()
            raise DatabaseLost(f"the database {database} holds sequence numbers up to {last}, but this terminal "
                               f"used up to {remembered}: records were lost; see `kiosk db accept-loss`",
                               remembered)
        store.continue_numbering_after(remembered, lost_after=last)
        last = remembered
    elif accept_loss and known is not None:
        store.audit("store.loss_accepted", None, last_sequence=last, remembered=remembered, lost=0)
    try:
        marker.write(database, marker.Marker(store.terminal.terminal_id, last))
    except OSError as error:
        log.warning("could not write the database marker: %s", error)


class UnknownOutboxRow(StoreError):
    code = "store.unknown_outbox_row"


class OutboxRowNotRejected(StoreError):
    code = "store.not_rejected"

    def __init__(self, message: str, state: str) -> None:
        super().__init__(message)
        self.state = state


def terminal_of(settings: Settings) -> Terminal:
    try:
        key = bytes.fromhex(settings.identifier_key)
    except ValueError as exc:
        raise ConfigError("identifier_key must be hexadecimal") from exc
    if len(key) < 16:
        raise ConfigError("identifier_key must be at least 16 bytes (32 hex digits)")
    return Terminal(settings.terminal_id, settings.site, Mode(settings.mode), key)


def _ensure_parent(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file where the directory should be, no permission, a read-only disk
            raise ConfigError(f"cannot create the directory of the database {database}: {exc}") from exc


def _existing_file(url: str) -> None:
    """A database that is not there is an error for a command that only looks: it must not create one."""
    database = make_url(url).database
    if database and database != ":memory:" and not Path(database).is_file():
        raise DatabaseMissing(f"there is no database at {database}")


class DatabaseMissing(StoreError):
    code = "store.missing"


def _file_of(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" and not database.startswith("file:") else None


def _check_not_lost(database: Path | None) -> marker.Marker | None:
    """Refuse to create a database where the marker says one was: it was deleted or emptied."""
    if database is None:
        return None
    known = marker.read(database)
    if known is not None and (not database.exists() or database.stat().st_size == 0):
        raise DatabaseLost(f"the database {database} is missing or empty, but this terminal had one (its last "
                           f"known sequence number is {known.last_sequence}); see `kiosk db accept-loss`",
                           known.last_sequence)
    return known


def open_store(settings: Settings, *, busy_timeout_ms: int | None = None, upgrade: bool = True,
               clock: Clock = utc_now, read_only: bool = False, accept_loss: bool = False) -> Store:
    """Open the terminal's database, upgraded to this version's schema and checked.

    ``DatabaseTooNew`` if a newer terminal wrote it, ``DatabaseCorrupt`` if it is not a sound SQLite
    database, ``DatabaseLocked`` if another process holds it past the busy timeout. With ``upgrade=False``
    an older database is an error instead of being upgraded (``kiosk db status`` reads without changing).
    With ``read_only`` nothing is created, upgraded or written (``DatabaseMissing`` if there is no file):
    what the inspection commands use.
    """
    terminal = terminal_of(settings)
    if busy_timeout_ms is None:
        from kiosk.store import sqlite

        busy_timeout_ms = sqlite.DEFAULT_BUSY_TIMEOUT_MS
    database = _file_of(settings.database_url)
    known: marker.Marker | None = None
    if read_only:
        _existing_file(settings.database_url)
    else:
        known = marker.read(database) if accept_loss and database else _check_not_lost(database)
        _ensure_parent(settings.database_url)
    engine = make_engine(settings.database_url, busy_timeout_ms=busy_timeout_ms, read_only=read_only)
    try:
        with sqlite_errors():
            before = after = schema.revision_of(engine)
        if schema.needs_upgrade(engine):  # DatabaseTooNew for a revision this version does not know
            if not upgrade or read_only:
                raise StoreError(f"the database is at schema revision {before!r}; run `kiosk db upgrade`")
            migration_engine = make_engine(settings.database_url, busy_timeout_ms=busy_timeout_ms,
                                           foreign_keys=False)
            try:
                before, after = schema.upgrade(migration_engine)
            finally:
                migration_engine.dispose()
        problems = schema.check_integrity(engine)
        if problems:
            raise DatabaseCorrupt("integrity check failed: " + "; ".join(problems[:5]))
        store = Store(engine, terminal, clock=clock, marker_of=None if read_only else database)
        if before != after and not read_only:
            store.audit("store.upgraded", None, **{"from": before, "to": after})
        if database is not None and not read_only:
            _reconcile_marker(store, database, known, accept_loss=accept_loss)
        return store
    except BaseException:
        engine.dispose()
        raise
