"""``kiosk outbox``: transactions waiting for the central service.

    kiosk outbox status [--json]   pending, rejected and delivered counts, oldest pending age, last success,
                                   last error, and whether sending is paused for a technician
    kiosk outbox sync              one delivery pass now (every pending row, whatever its backoff)
    kiosk outbox rejected [--json] the rows the central service refused, with its reasons
    kiosk outbox retry ID          queue a rejected row again (ID: the outbox id or the transaction key)
    kiosk outbox set-aside         after re-enrolment at another site or under another id: park the rows
                                   recorded under the old identity as rejected (kept, visible, exportable)
    kiosk outbox export FILE       every outbox row as CSV (UTF-8 with BOM, CRLF: Excel on Japanese Windows)
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from kiosk.cli import _store_common as common
from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr

if TYPE_CHECKING:
    from kiosk.store.outbox import OutboxItem, OutboxStatus
    from kiosk.sync.sender import PassReport


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("outbox", help="transactions waiting for the central service")
    commands = parser.add_subparsers(dest="outbox_command", metavar="COMMAND", required=True)
    status = commands.add_parser("status", help="counts, oldest pending, last success and last error")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_status)
    sync = commands.add_parser("sync", help="deliver every pending transaction now (one pass)")
    sync.add_argument("--json", action="store_true", help="machine-readable output")
    sync.set_defaults(handler=_sync)
    rejected = commands.add_parser("rejected", help="transactions the central service refused, and why")
    rejected.add_argument("--json", action="store_true", help="machine-readable output")
    rejected.set_defaults(handler=_rejected)
    retry = commands.add_parser("retry", help="queue a rejected transaction again")
    retry.add_argument("id", metavar="ID", help="the outbox id (see `kiosk outbox rejected`) or the transaction key")
    retry.set_defaults(handler=_retry)
    aside = commands.add_parser("set-aside", help="park rows recorded under this terminal's old identity or site")
    aside.set_defaults(handler=_set_aside)
    export = commands.add_parser("export", help="every outbox row, as CSV")
    export.add_argument("file", metavar="FILE", help="where to write the CSV")
    export.set_defaults(handler=_export)


def status_document(status: OutboxStatus, now_age_s: float | None) -> dict[str, Any]:
    return {
        "pending": status.pending, "rejected": status.rejected, "delivered": status.delivered,
        "oldest_pending_at": common.iso(status.oldest_pending_at), "oldest_pending_age_s": now_age_s,
        "next_attempt_at": common.iso(status.next_attempt_at),
        "last_success_at": common.iso(status.last_success_at),
        "last_error_at": common.iso(status.last_error_at), "last_error_code": status.last_error_code,
        "last_error": status.last_error,
        "paused": status.paused_at is not None, "paused_at": common.iso(status.paused_at),
        "paused_reason": status.paused_reason,
    }


def _status(args: argparse.Namespace) -> int:
    store = common.open_store(read_only=True)
    try:
        status = store.outbox_status()
        now = store.now()
    finally:
        store.close()
    oldest_age = (now - status.oldest_pending_at) if status.oldest_pending_at else None
    if args.json:
        common.print_json(status_document(status, oldest_age.total_seconds() if oldest_age else None))
        return ExitCode.OK
    print(tr("cli", "Pending: {pending}   Rejected: {rejected}   Delivered (kept): {delivered}",
             pending=status.pending, rejected=status.rejected, delivered=status.delivered))
    if oldest_age is not None:
        print(tr("cli", "Oldest pending: recorded {when} ({age} ago)", when=common.when(status.oldest_pending_at),
                 age=common.age(oldest_age)))
    print(tr("cli", "Last delivery: {when}", when=common.when(status.last_success_at)))
    if status.last_error_at is not None and (status.last_success_at is None
                                             or status.last_error_at > status.last_success_at):
        print(tr("cli", "Last error: {when}: {error}", when=common.when(status.last_error_at),
                 error=status.last_error or status.last_error_code))
    if status.paused_at is not None:
        print(tr("cli", "Sending is PAUSED since {when}: the central service refuses this terminal ({reason}). "
                 "A technician must check the terminal's token or certificate, then run `kiosk outbox sync`.",
                 when=common.when(status.paused_at), reason=status.paused_reason))
    if status.rejected:
        print(tr("cli", "Some transactions were refused by the central service: see `kiosk outbox rejected`."))
    return ExitCode.OK


async def sync_pass(settings: Any) -> PassReport:
    from kiosk.store.database import open_store
    from kiosk.sync.client import CentralClient
    from kiosk.sync.sender import OutboxSender

    store = open_store(settings)
    try:
        async with CentralClient.from_settings(settings) as client:
            sender = OutboxSender(store, client, batch_size=settings.sync_batch_size,
                                  retention_days=settings.delivered_retention_days)
            report = await sender.run_once(everything_pending=True)
            if report.error is None:
                await sender.purge()
            return report
    finally:
        store.close()


def _sync(args: argparse.Namespace) -> int:
    import asyncio

    settings = common.settings()
    report = asyncio.run(sync_pass(settings))
    store = common.open_store(settings)
    try:
        pending = store.outbox_status().pending
    finally:
        store.close()
    if args.json:
        common.print_json({"delivered": report.delivered, "duplicates": report.duplicates,
                           "rejected": report.rejected, "batches": report.batches, "pending": pending,
                           "error_code": report.error.code if report.error else None,
                           "error": str(report.error) if report.error else None})
    else:
        print(tr("cli", "Delivered {delivered} (of which {duplicates} the central service already held); "
                 "rejected {rejected}; still pending {pending}.", delivered=report.acknowledged,
                 duplicates=report.duplicates, rejected=report.rejected, pending=pending))
        if report.rejected:
            print(tr("cli", "Rejected transactions are kept: see `kiosk outbox rejected`."))
    if report.error is not None:
        raise report.error
    # Scripts must notice: a refused record needs a technician even though everything else went through.
    return ExitCode.RECORDS_REJECTED if report.rejected else ExitCode.OK


def _describe(item: OutboxItem) -> dict[str, Any]:
    payload = json.loads(item.payload)
    return {"id": item.id, "key": item.key, "sequence": payload.get("sequence"), "kind": payload.get("kind"),
            "outcome": payload.get("outcome"), "local_date": payload.get("local_date"),
            "rejected_at": common.iso(item.rejected_at), "reason": item.rejected_reason, "attempts": item.attempts}


def _rejected(args: argparse.Namespace) -> int:
    store = common.open_store(read_only=True)
    try:
        items = store.rejected()
    finally:
        store.close()
    rows = [_describe(item) for item in items]
    if args.json:
        common.print_json(rows)
        return ExitCode.OK
    if not rows:
        print(tr("cli", "No transaction has been rejected."))
        return ExitCode.OK
    for row, item in zip(rows, items, strict=True):
        print(tr("cli", "#{id}  {key}  sequence {sequence}  {kind} ({outcome}, {date})  rejected {when}: {reason}",
                 id=row["id"], key=row["key"], sequence=row["sequence"], kind=row["kind"], outcome=row["outcome"],
                 date=row["local_date"], when=common.when(item.rejected_at), reason=row["reason"]))
    print(tr("cli", "Once the cause is fixed, queue one again with `kiosk outbox retry ID`."))
    return ExitCode.OK


def _retry(args: argparse.Namespace) -> int:
    from kiosk.store.database import OutboxRowNotRejected, UnknownOutboxRow

    store = common.open_store()
    try:
        item = store.retry(args.id, by="kiosk outbox retry")
    except UnknownOutboxRow:
        print(tr("cli", "There is no outbox row {id}.", id=args.id))
        return ExitCode.USAGE
    except OutboxRowNotRejected as error:
        print(tr("cli", "Outbox row {id} is not rejected (it is {state}); nothing to retry.", id=args.id,
                 state=error.state))
        return ExitCode.USAGE
    finally:
        store.close()
    print(tr("cli", "Transaction {key} (outbox row {id}) is queued again. It is sent with the next delivery; "
             "`kiosk outbox sync` sends it now.", key=item.key, id=item.id))
    return ExitCode.OK


def _set_aside(args: argparse.Namespace) -> int:
    store = common.open_store()
    try:
        parked = store.set_aside_foreign()
    finally:
        store.close()
    print(tr("cli", "{n} transactions recorded under another terminal identity or site were set aside as "
             "rejected: see `kiosk outbox rejected`; `kiosk outbox export FILE` writes them out.", n=parked))
    return ExitCode.OK


EXPORT_COLUMNS = ("id", "key", "state", "terminal_id", "site", "sequence", "kind", "outcome", "occurred_at",
                  "attempts", "enqueued_at", "delivered_at", "rejected_at", "rejected_reason", "payload")


def _export(args: argparse.Namespace) -> int:
    import csv
    import sys

    store = common.open_store(read_only=True)
    try:
        items = store.every_outbox_row()
    finally:
        store.close()
    try:
        with open(args.file, "w", encoding="utf-8-sig", newline="") as target:
            writer = csv.writer(target, lineterminator="\r\n")
            writer.writerow(EXPORT_COLUMNS)
            for item in items:
                try:
                    payload = json.loads(item.payload)
                except ValueError:
                    payload = {}
                payload = payload if isinstance(payload, dict) else {}
                writer.writerow([item.id, item.key, item.state, payload.get("terminal_id"), payload.get("site"),
                                 payload.get("sequence"), payload.get("kind"), payload.get("outcome"),
                                 payload.get("occurred_at"), item.attempts, common.iso(item.enqueued_at),
                                 common.iso(item.delivered_at), common.iso(item.rejected_at),
                                 item.rejected_reason, item.payload])
    except OSError as exc:
        print(tr("cli", "Cannot write {file}: {reason}", file=args.file, reason=exc.strerror or str(exc)),
              file=sys.stderr)
        return ExitCode.USAGE
    print(tr("cli", "{n} outbox rows written to {file}.", n=len(items), file=args.file))
    return ExitCode.OK
