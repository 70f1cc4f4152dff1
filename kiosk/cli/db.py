"""``kiosk db``: the terminal's local database.

    kiosk db upgrade          apply the migrations this version brings (the app also does it on start)
    kiosk db status [--json]  where the database is, its schema revision, its size and what it holds
    kiosk db check            SQLite's full integrity check and the audit trail's chain
    kiosk db accept-loss      after the database was lost (deleted, emptied, restored from an old copy):
                              record again, numbering on after the last number this terminal used
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.cli import _store_common as common
from kiosk.cli.exitcodes import ExitCode
from kiosk.errors import AuditChainBroken, DatabaseCorrupt, DatabaseTooNew
from kiosk.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="the local database: upgrade, status, check")
    commands = parser.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    upgrade = commands.add_parser("upgrade", help="apply the database migrations of this version")
    upgrade.set_defaults(handler=_upgrade)
    status = commands.add_parser("status", help="the database's location, schema revision and contents")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_status)
    check = commands.add_parser("check", help="full integrity check of the database and the audit trail")
    check.set_defaults(handler=_check)
    accept = commands.add_parser("accept-loss", help="record again after the database was lost, numbering on "
                                 "after the last sequence number this terminal used")
    accept.add_argument("--confirm", action="store_true", help="do it (without: say what would be done)")
    accept.set_defaults(handler=_accept_loss)


def _upgrade(args: argparse.Namespace) -> int:
    from kiosk.store import schema

    store = common.open_store()  # upgrades to this version's schema
    try:
        print(tr("cli", "The database {path} is at schema revision {revision} (the newest this version knows).",
                 path=store.path, revision=schema.HEAD_REVISION))
    finally:
        store.close()
    return ExitCode.OK


def _status(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from kiosk.store import schema
    from kiosk.store.models import OUTBOX, TRANSACTIONS
    from kiosk.store.sqlite import make_engine, sqlite_errors

    settings = common.settings()
    from sqlalchemy.engine import make_url

    database = make_url(settings.database_url).database
    if database and database != ":memory:" and not Path(database).exists():  # look, do not create
        if args.json:
            common.print_json({"database": database, "exists": False, "revision": None,
                               "newest_known_revision": schema.HEAD_REVISION, "up_to_date": False})
        else:
            print(tr("cli", "There is no database at {path} yet: the terminal creates it when it starts "
                     "(or run `kiosk db upgrade`).", path=database))
        return ExitCode.OK
    engine = make_engine(settings.database_url, read_only=True)  # look, do not change (not even the journal)
    try:
        revision = schema.revision_of(engine)  # a StoreError for a file that is not a usable database
        known = True
        try:
            schema.needs_upgrade(engine)
        except DatabaseTooNew:  # report it, then exit non-zero: this version cannot use it
            known = False
        counts: dict[str, int] = {}
        journal = None
        if revision == schema.HEAD_REVISION:
            with sqlite_errors(), engine.connect() as connection:
                journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
                counts["transactions"] = connection.execute(select(func.count()).select_from(TRANSACTIONS)).scalar_one()
                counts["outbox"] = connection.execute(select(func.count()).select_from(OUTBOX)).scalar_one()
        path = engine.url.database
    finally:
        engine.dispose()
    size = Path(path).stat().st_size if path and Path(path).exists() else 0
    document = {"database": path, "exists": True, "revision": revision, "newest_known_revision": schema.HEAD_REVISION,
                "up_to_date": revision == schema.HEAD_REVISION, "too_new": not known,
                "journal_mode": journal, "size_bytes": size, "rows": counts}
    usable = ExitCode.OK if known else ExitCode.STORE
    if args.json:
        common.print_json(document)
        return usable
    print(tr("cli", "Database: {path} ({size} bytes)", path=path, size=size))
    print(tr("cli", "Schema revision: {revision} (this version knows up to {head})",
             revision=revision or tr("cli", "none yet"), head=schema.HEAD_REVISION))
    if not known:
        print(tr("cli", "This database was written by a newer version of the terminal software."))
    elif revision != schema.HEAD_REVISION:
        print(tr("cli", "The database needs an upgrade: run `kiosk db upgrade` (the terminal also does it "
                 "when it starts)."))
    if counts:
        print(tr("cli", "Journal mode: {mode}", mode=journal))
        print(tr("cli", "Transaction records: {n}; outbox rows: {m}", n=counts["transactions"], m=counts["outbox"]))
    return usable


def _check(args: argparse.Namespace) -> int:
    from kiosk.store import schema

    store = common.open_store(read_only=True)
    try:
        problems = schema.check_integrity(store.engine, full=True)
        report = store.verify_audit()
        gaps = store.sequence_gaps() if not problems else {}
    finally:
        store.close()
    for terminal_id, missing in gaps.items():
        shown = ", ".join(str(n) for n in missing[:20]) + (" ..." if len(missing) > 20 else "")
        problems.append(f"terminal {terminal_id}: {len(missing)} records missing (sequence {shown})")
    for problem in problems:
        print(problem)
    for audit_problem in report.problems:
        print(str(audit_problem))
    if problems:
        raise DatabaseCorrupt("integrity check failed: " + "; ".join(problems[:5]))
    if not report.intact:
        raise AuditChainBroken(f"{len(report.problems)} problems in the audit trail")
    print(tr("cli", "The database is sound and the audit trail is intact ({entries} entries).",
             entries=report.entries))
    return ExitCode.OK


def _accept_loss(args: argparse.Namespace) -> int:
    from kiosk.errors import DatabaseLost
    from kiosk.store.database import open_store

    settings = common.settings()
    try:
        store = open_store(settings)
    except DatabaseLost as lost:
        if not args.confirm:
            print(tr("cli", "Records of this terminal were lost (its last sequence number was {last}). Deliver "
                     "or export what remains first; then run `kiosk db accept-loss --confirm` to record again, "
                     "numbering on from {next}.", last=lost.last_sequence, next=lost.last_sequence + 1))
            return ExitCode.STORE
        store = open_store(settings, accept_loss=True)
        try:
            print(tr("cli", "Recording again: the next record takes sequence number {next}. The loss is in the "
                     "audit trail.", next=store.last_sequence() + 1))
        finally:
            store.close()
        return ExitCode.OK
    store.close()
    print(tr("cli", "The database is where this terminal left it: nothing to accept."))
    return ExitCode.OK
