"""A counts report: this terminal's procedures (from its store) and the whole site's (from the central
service) over a period of Japan-time days, with the sums the dashboard, the CSV and the PDF show.

The central service answers one day at a time (``GET /v1/sites/{site}/counts``), so the site's side is
fetched for periods of up to ``SITE_DAYS_MAX`` days; a longer period (a year's chart) shows this terminal
only. When the service cannot be reached the report still carries the terminal's counts and says why the
site's are missing, since the office's day does not stop for the network.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.errors import KioskError
from kiosk.store.counts import CountRow, check_period
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient, CentralDay

SITE_DAYS_MAX = 31
CENTRAL_CONCURRENCY = 4  # a handful of requests at once: quick on a LAN, gentle on the service


@dataclass(frozen=True)
class SiteCount:
    day: date
    kind: str
    outcome: str
    count: int


@dataclass(frozen=True)
class CountsReport:
    site: str
    terminal_id: str
    first: date
    last: date
    made_at: datetime
    rows: tuple[CountRow, ...]  # this terminal
    site_rows: tuple[SiteCount, ...] | None = None  # the whole site; None when not fetched
    site_missing: str | None = None  # why not, for people (an error's translated text, or a reason)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def by_kind_outcome(self) -> list[tuple[str, str, int, int | None]]:
        """(kind, outcome, this terminal, whole site or None), every pair either side has."""
        here = Counter[tuple[str, str]]()
        for row in self.rows:
            here[(row.kind, row.outcome)] += row.count
        site: Counter[tuple[str, str]] | None = None
        if self.site_rows is not None:
            site = Counter()
            for s in self.site_rows:
                site[(s.kind, s.outcome)] += s.count
        pairs = sorted(set(here) | set(site or ()), key=_kind_order)
        return [(kind, outcome, here[(kind, outcome)], None if site is None else site[(kind, outcome)])
                for kind, outcome in pairs]

    def by_staff(self) -> list[tuple[str | None, str, int]]:
        """(staff ID or None for kiosk procedures, kind, count) for this terminal."""
        totals = Counter[tuple[str | None, str]]()
        for row in self.rows:
            totals[(row.staff_id, row.kind)] += row.count
        return [(staff, kind, n) for (staff, kind), n in
                sorted(totals.items(), key=lambda item: (item[0][0] is None, item[0][0] or "",
                                                         _kind_order((item[0][1], ""))))]

    def terminal_by_day(self) -> dict[date, int]:
        totals = dict.fromkeys(self.days, 0)
        for row in self.rows:
            totals[row.day] = totals.get(row.day, 0) + row.count
        return totals

    def site_by_day(self) -> dict[date, int] | None:
        if self.site_rows is None:
            return None
        totals = dict.fromkeys(self.days, 0)
        for s in self.site_rows:
            totals[s.day] = totals.get(s.day, 0) + s.count
        return totals

    def terminal_by_month(self) -> dict[date, int]:
        """Totals keyed by the first day of each month of the period."""
        totals: dict[date, int] = {}
        for day in self.days:
            totals.setdefault(day.replace(day=1), 0)
        for row in self.rows:
            month = row.day.replace(day=1)
            totals[month] = totals.get(month, 0) + row.count
        return totals

    @property
    def terminal_total(self) -> int:
        return sum(row.count for row in self.rows)

    @property
    def site_total(self) -> int | None:
        return None if self.site_rows is None else sum(s.count for s in self.site_rows)


_KIND_ORDER = ("check", "renewal", "new_issuance", "pin_reset", "pin_change", "card_info_read")
_OUTCOME_ORDER = ("completed", "failed", "cancelled")


def _kind_order(pair: tuple[str, str]) -> tuple[int, str, int, str]:
    kind, outcome = pair
    k = _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)
    o = _OUTCOME_ORDER.index(outcome) if outcome in _OUTCOME_ORDER else len(_OUTCOME_ORDER)
    return k, kind, o, outcome


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


async def central_days(client: CentralClient, site: str, days: list[date]) -> dict[date, CentralDay]:
    """The service's answer for each day, a few requests at a time; the first failure is raised."""
    gate = asyncio.Semaphore(CENTRAL_CONCURRENCY)

    async def one(day: date) -> tuple[date, CentralDay]:
        async with gate:
            return day, await client.counts(site, day)

    tasks = [asyncio.ensure_future(one(day)) for day in days]
    try:
        return dict(await asyncio.gather(*tasks))
    except BaseException:
        # gather leaves the other requests running; they must not outlive the client the caller closes next.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def site_rows(days: dict[date, CentralDay]) -> tuple[SiteCount, ...]:
    return tuple(SiteCount(day, kind, outcome, n) for day, answer in sorted(days.items())
                 for kind, outcome, n in answer.counts)


Explain = Callable[[KioskError], str]


async def build(store: Store, client: CentralClient | None, site: str, first: date, last: date, *,
                explain: Explain = str, now: Callable[[], datetime] | None = None) -> CountsReport:
    """The report of ``first``..``last``: the store read on a worker thread, the site's days over HTTP.

    ``explain`` turns a failure of the central service into the sentence the report shows instead of the
    site's counts (the caller's translated message). Store failures and a bad period are raised.
    """
    check_period(first, last)
    rows = tuple(await asyncio.to_thread(store.counts, site, first, last))
    made_at = (now or store.now)()
    report = CountsReport(site, store.terminal.terminal_id, first, last, made_at, rows)
    if client is None:
        return report
    days = report.days
    if len(days) > SITE_DAYS_MAX:
        return report
    try:
        answers = await central_days(client, site, days)
    except KioskError as error:
        return CountsReport(site, report.terminal_id, first, last, made_at, rows, None, explain(error))
    return CountsReport(site, report.terminal_id, first, last, made_at, rows, site_rows(answers), None)
