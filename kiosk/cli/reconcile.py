"""``kiosk reconcile``: this terminal's counts of a day against the central service's.

    kiosk reconcile [--site S] [--date YYYY-MM-DD] [--json]

Counts are per kind and outcome, for this terminal's records (the service's own counts cover the whole
site). Every difference is listed by transaction. Exit 0 when everything matches, 1 when something differs.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from typing import Any

from kiosk.cli import _store_common as common
from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import Message, tr, tr_message, tr_noop

_PROBLEMS: dict[str, Message] = {
    "not_sent_yet": tr_noop("cli", "still in this terminal's outbox (not sent yet)"),
    "rejected": tr_noop("cli", "refused by the central service (see `kiosk outbox rejected`)"),
    "missing_at_central": tr_noop("cli", "delivered, but the central service does not have it"),
    "missing_here": tr_noop("cli", "the central service has it, this terminal does not"),
    "different": tr_noop("cli", "the central service has it as {kind} ({outcome})"),
}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("the date is YYYY-MM-DD") from exc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("reconcile", help="compare this terminal's daily counts with the central service")
    parser.add_argument("--site", help="the site (default: this terminal's)")
    parser.add_argument("--date", type=_day, help="the Japan-time day, YYYY-MM-DD (default: today)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=_reconcile)


async def _central_day(settings: Any, site: str, day: date) -> Any:
    from kiosk.sync.client import CentralClient

    async with CentralClient.from_settings(settings) as client:
        return await client.counts(site, day)


def _reconcile(args: argparse.Namespace) -> int:
    from kiosk.domain.validity import JST
    from kiosk.sync.reconcile import reconcile

    settings = common.settings()
    site = args.site or settings.site
    store = common.open_store(settings)
    try:
        day = args.date or store.now().astimezone(JST).date()
        local = store.local_day(site, day)
    finally:
        store.close()
    central = asyncio.run(_central_day(settings, site, day))
    result = reconcile(site, day, settings.terminal_id, local, central)
    if args.json:
        common.print_json({
            "site": site, "date": day.isoformat(), "terminals": list(result.terminal_ids),
            "matches": result.matches,
            "counts": [{"kind": c.kind, "outcome": c.outcome, "terminal": c.here, "central": c.central}
                       for c in result.counts],
            "differences": [{"key": d.key, "terminal_id": d.terminal_id, "sequence": d.sequence, "kind": d.kind,
                             "outcome": d.outcome, "problem": str(d.problem), "central_kind": d.central_kind,
                             "central_outcome": d.central_outcome} for d in result.differences],
            "central_sequence_gaps": {t: list(g) for t, g in result.central_gaps.items()},
        })
        return ExitCode.OK if result.matches else ExitCode.ERROR
    print(tr("cli", "Reconciliation of {site} on {date} (terminal {terminal})", site=site, date=day.isoformat(),
             terminal=", ".join(result.terminal_ids)))
    print(f"{tr('cli', 'kind'):<16} {tr('cli', 'outcome'):<10} {tr('cli', 'terminal'):>8} {tr('cli', 'central'):>8}")
    for line in result.counts:
        mark = "" if line.matches else "  <>"
        print(f"{line.kind:<16} {line.outcome:<10} {line.here:>8} {line.central:>8}{mark}")
    if not result.counts:
        print(tr("cli", "No transactions on this day."))
    for difference in result.differences:
        why = tr_message(_PROBLEMS[str(difference.problem)], kind=difference.central_kind,
                         outcome=difference.central_outcome)
        print(tr("cli", "{key}  {terminal} #{sequence}  {kind} ({outcome}): {why}", key=difference.key,
                 terminal=difference.terminal_id, sequence=difference.sequence, kind=difference.kind,
                 outcome=difference.outcome, why=why))
    for terminal, missing in result.central_gaps.items():
        print(tr("cli", "The central service has not received these sequence numbers of {terminal}: {missing}",
                 terminal=terminal, missing=", ".join(str(n) for n in missing)))
    if result.matches:
        print(tr("cli", "Everything matches."))
        return ExitCode.OK
    print(tr("cli", "{n} differences.", n=len(result.differences)))
    return ExitCode.ERROR
