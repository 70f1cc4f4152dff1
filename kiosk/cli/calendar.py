"""``kiosk calendar``: a site's open hours, day by day, from its calendar (kiosk.toml ``[calendar]``).

    kiosk calendar [--site S] [--from YYYY-MM-DD] [--days N] [--at YYYY-MM-DDTHH:MM] [--json]

Days start at ``--from`` (default: today in Japan). The first line says whether the site is open at
``--at`` (default: now) and, if not, when it next opens: what the kiosk shows outside service hours.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr

MAX_DAYS = 731


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from exc


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from exc
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"the number of days is 1 to {MAX_DAYS}, not {value}")
    return value


def _moment(text: str) -> datetime:
    from kiosk.domain.validity import JST

    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a moment: {text!r} (expected YYYY-MM-DDTHH:MM)") from exc
    # A moment without a zone is Japan time, as every time the office reads.
    return moment.replace(tzinfo=JST) if moment.tzinfo is None else moment


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("calendar", help="a site's open hours and closed days")
    parser.add_argument("--site", help="the site (default: this terminal's)")
    parser.add_argument("--from", dest="first", type=_day, metavar="YYYY-MM-DD",
                        help="the first day (default: today in Japan)")
    parser.add_argument("--days", type=_days, default=14, metavar="N", help=f"how many days, 1 to {MAX_DAYS} "
                        "(default: 14)")
    parser.add_argument("--at", type=_moment, metavar="YYYY-MM-DDTHH:MM",
                        help="say whether the site is open at this moment, Japan time (default: now)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=_calendar)


def _calendar(args: argparse.Namespace) -> int:
    from kiosk.calendar_config import site_rules
    from kiosk.calendar_text import date_text, day_text, now_text, time_text, weekday_name
    from kiosk.cli import _store_common as common
    from kiosk.domain.calendar import WEEKDAY_NAMES
    from kiosk.domain.validity import JST

    settings = common.settings()
    site = args.site or settings.site
    calendar = site_rules(settings, site).calendar
    moment: datetime = args.at or datetime.now(JST)
    first: date = args.first or moment.astimezone(JST).date()
    plans = calendar.plans(first, args.days)
    if args.json:
        closes = calendar.closes_at(moment)
        common.print_json({
            "site": site,
            "from": first.isoformat(),
            "days": [{
                "date": plan.day.isoformat(),
                "weekday": WEEKDAY_NAMES[plan.day.weekday()],
                "open": plan.is_open,
                "opens": plan.hours.opens.strftime("%H:%M") if plan.hours else None,
                "closes": plan.hours.closes.strftime("%H:%M") if plan.hours else None,
                "closed_because": str(plan.closed_because) if plan.closed_because else None,
                "holiday": plan.holiday,
            } for plan in plans],
            "at": {
                "moment": moment.astimezone(JST).isoformat(),
                "open": closes is not None,
                "closes_at": closes.isoformat() if closes else None,
                "next_open": calendar.next_open(moment).isoformat(),
            },
        })
        return ExitCode.OK
    print(tr("cli", "Open hours of {site}, {days} days from {date}", site=site, days=args.days,
             date=date_text(first)))
    print(tr("cli", "At {date} {time}: {state}", date=date_text(moment.astimezone(JST).date()),
             time=time_text(moment), state=now_text(calendar, moment)))
    for plan in plans:
        print(f"{plan.day.isoformat()} {weekday_name(plan.day)}  {day_text(plan)}")
    return ExitCode.OK
