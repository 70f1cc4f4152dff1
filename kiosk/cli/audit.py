"""``kiosk audit``: the append-only, hash-chained audit trail.

    kiosk audit verify [--central] [--json]  check the chain (and, with --central, against the audit head the
                                         central service keeps); exit 13 and list every break
    kiosk audit list [--limit N] [--json]  the newest entries
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli import _store_common as common
from kiosk.cli.exitcodes import ExitCode
from kiosk.errors import AuditChainBroken
from kiosk.i18n import tr, tr_message, tr_noop

_PROBLEMS = {
    "missing": tr_noop("cli", "Entry {entry}: entries were removed here."),
    "relinked": tr_noop("cli", "Entry {entry}: its link to the entry before it is broken "
                        "(an entry before it was replaced or inserted)."),
    "altered": tr_noop("cli", "Entry {entry}: its content was altered."),
    "truncated": tr_noop("cli", "Entry {entry}: the entries from here to the end were removed."),
    "unexpected": tr_noop("cli", "Entry {entry}: entries from here on were added outside the trail."),
    "record_altered": tr_noop("cli", "Entry {entry}: the transaction record it recorded was changed."),
    "payload_altered": tr_noop("cli", "Entry {entry}: what is to be sent for its transaction was changed."),
    "record_missing": tr_noop("cli", "Entry {entry}: the transaction record it recorded was deleted."),
    "unrecorded": tr_noop("cli", "Transaction {entry}: it is not in the audit trail."),
    "unanchored": tr_noop("cli", "Entry {entry}: the central service acknowledged it, but the trail no longer "
                          "holds it as it was (entries were removed or rewritten)."),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="the append-only audit trail")
    commands = parser.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    verify = commands.add_parser("verify", help="check the hash chain: detects removed, altered or inserted entries")
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    verify.add_argument("--central", action="store_true",
                        help="also compare with the audit head the central service keeps for this terminal")
    verify.set_defaults(handler=_verify)
    listing = commands.add_parser("list", help="the newest entries")
    listing.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    listing.add_argument("--subject", help="only entries about this transaction key")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)


def _verify(args: argparse.Namespace) -> int:
    from kiosk.store.audit import AuditReport  # imported here: the CLI starts without SQLAlchemy

    settings = common.settings()
    central_head = _central_head(settings) if args.central else None
    store = common.open_store(settings, read_only=True)
    try:
        report = store.verify_audit()
        if central_head is not None:
            problem = store.check_anchor(*central_head, where="the central service")
            if problem is not None:
                report = AuditReport(report.entries, (*report.problems, problem))
    finally:
        store.close()
    if args.json:
        common.print_json({"intact": report.intact, "entries": report.entries,
                           "problems": [{"entry": p.entry_id, "kind": p.kind, "detail": p.detail}
                                        for p in report.problems]})
    elif report.intact:
        print(tr("cli", "The audit trail is intact ({entries} entries).", entries=report.entries))
    else:
        for problem in report.problems:
            print(tr_message(_PROBLEMS[problem.kind], entry=problem.entry_id))
    if not report.intact:
        raise AuditChainBroken("; ".join(str(p) for p in report.problems[:10]))
    return ExitCode.OK


def _central_head(settings: Any) -> tuple[int, str] | None:
    import asyncio

    from kiosk.sync.client import CentralClient

    async def fetch() -> tuple[int, str] | None:
        async with CentralClient.from_settings(settings) as client:
            return await client.audit_head()

    return asyncio.run(fetch())


def _list(args: argparse.Namespace) -> int:
    store = common.open_store(read_only=True)
    try:
        entries = store.audit_entries(max(1, args.limit), subject=args.subject)
    finally:
        store.close()
    if args.json:
        common.print_json([{"id": e.id, "recorded_at": e.recorded_at, "event": e.event, "subject": e.subject,
                            "detail": e.detail} for e in entries])
        return ExitCode.OK
    for entry in entries:
        print(f"{entry.id:>8}  {entry.recorded_at}  {entry.event:<22} {entry.subject or '-'}  "
              f"{common.compact(entry.detail)}")
    return ExitCode.OK
