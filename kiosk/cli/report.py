"""``kiosk report counts``: the counts of a period, on screen, as CSV for Excel or as a PDF.

    kiosk report counts [--site S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE] [--pdf FILE]
                        [--lang ja|en] [--no-central] [--json]

The period defaults to today (Japan time); ``--from`` alone runs to today. This terminal's counts come
from its store; the whole site's from the central service, for periods of up to 31 days (a sentence says
so when they could not be fetched: the terminal's counts are written anyway). Files are in the office's
language (``--lang``, Japanese by default), whatever the shell's locale.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.cli import _store_common as common
from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import SUPPORTED_LANGUAGES, tr


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from exc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="the office's reports: counts of a period as CSV or PDF")
    commands = parser.add_subparsers(dest="report", metavar="REPORT", required=True)
    counts = commands.add_parser("counts", help="procedures per day, kind, outcome and staff member")
    counts.add_argument("--site", help="the site (default: this terminal's)")
    counts.add_argument("--from", dest="first", type=_day, help="first Japan-time day, YYYY-MM-DD (default: today)")
    counts.add_argument("--to", dest="last", type=_day, help="last day, YYYY-MM-DD (default: today)")
    counts.add_argument("--csv", type=Path, help="write the counts as CSV for Excel (UTF-8 with BOM, CRLF)")
    counts.add_argument("--pdf", type=Path, help="write the counts as a PDF report")
    counts.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="ja", help="the files' language")
    counts.add_argument("--no-central", action="store_true", help="this terminal only; do not ask the service")
    counts.add_argument("--json", action="store_true", help="machine-readable output")
    counts.set_defaults(handler=_counts)


async def _build(settings: Any, store: Any, site: str, first: date, last: date, central: bool) -> Any:
    from kiosk.messages import message_for
    from kiosk.reports import counts
    from kiosk.sync.client import CentralClient

    if not central:
        return await counts.build(store, None, site, first, last)
    async with CentralClient.from_settings(settings) as client:
        return await counts.build(store, client, site, first, last, explain=message_for)


def _counts(args: argparse.Namespace) -> int:
    from kiosk.domain.validity import JST
    from kiosk.reports import csv_export

    settings = common.settings()
    site = args.site or settings.site
    store = common.open_store(settings)
    try:
        today = store.now().astimezone(JST).date()
        first = args.first or today
        last = args.last or (today if args.first is None or args.first <= today else args.first)
        report = asyncio.run(_build(settings, store, site, first, last, not args.no_central))
    finally:
        store.close()
    if args.csv:
        csv_export.write(report, args.csv, args.lang)
    if args.pdf:
        from kiosk.ui.dashboard import pdf  # Qt only when a PDF is asked for

        pdf.write(report, args.pdf, args.lang)
    if args.json:
        common.print_json({
            "site": site, "terminal": report.terminal_id, "from": first.isoformat(), "to": last.isoformat(),
            "counts": [{"kind": k, "outcome": o, "terminal": here, "site": whole}
                       for k, o, here, whole in report.by_kind_outcome()],
            "staff": [{"staff_id": who, "kind": k, "count": n} for who, k, n in report.by_staff()],
            "terminal_total": report.terminal_total, "site_total": report.site_total,
            "site_missing": report.site_missing,
            "files": [str(p) for p in (args.csv, args.pdf) if p],
        })
        return ExitCode.OK
    print(tr("cli", "Procedures at {site}, {first} to {last} (terminal {terminal})", site=site,
             first=first.isoformat(), last=last.isoformat(), terminal=report.terminal_id))
    print(f"{tr('cli', 'kind'):<16} {tr('cli', 'outcome'):<10} {tr('cli', 'terminal'):>8} {tr('cli', 'site'):>8}")
    for kind, outcome, here, whole in report.by_kind_outcome():
        print(f"{kind:<16} {outcome:<10} {here:>8} {'-' if whole is None else whole:>8}")
    print(f"{tr('cli', 'total'):<27} {report.terminal_total:>8} "
          f"{'-' if report.site_total is None else report.site_total:>8}")
    if report.site_missing:
        print(tr("cli", "The whole site's counts could not be fetched: {reason}", reason=report.site_missing))
    for path in (args.csv, args.pdf):
        if path:
            print(tr("cli", "Written: {path}", path=str(path)))
    return ExitCode.OK
