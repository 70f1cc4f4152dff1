"""How many procedures this terminal recorded, per Japan-time day, kind, outcome and staff member.

The office counts a procedure on the Japan-time day it happened (``local_date``, set when it was recorded),
so a period is a range of those days, both ends included. Grouping happens in SQLite on the
``(site, local_date)`` index: a year of a busy counter is a few thousand groups, not its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from kiosk.errors import InvalidPeriod
from kiosk.store.models import TRANSACTIONS

MAX_PERIOD_DAYS = 366  # a report covers at most a (leap) year


@dataclass(frozen=True)
class CountRow:
    day: date
    kind: str
    outcome: str
    staff_id: str | None  # None for kiosk procedures, which no staff member ran
    count: int


def check_period(first: date, last: date) -> None:
    if last < first:
        raise InvalidPeriod(f"the period ends ({last}) before it starts ({first})", "reversed")
    if (last - first).days + 1 > MAX_PERIOD_DAYS:
        raise InvalidPeriod(f"the period {first}..{last} is longer than {MAX_PERIOD_DAYS} days", "too_long")


def count_rows(connection: Connection, site: str, first: date, last: date) -> list[CountRow]:
    """The terminal's counts for ``site`` from ``first`` to ``last`` (Japan-time days, both included)."""
    check_period(first, last)
    t = TRANSACTIONS.c
    query = (select(t.local_date, t.kind, t.outcome, t.staff_id, func.count())
             .where(t.site == site, t.local_date >= first.isoformat(), t.local_date <= last.isoformat())
             .group_by(t.local_date, t.kind, t.outcome, t.staff_id)
             .order_by(t.local_date, t.kind, t.outcome, t.staff_id))
    return [CountRow(date.fromisoformat(day), kind, outcome, staff_id, int(n))
            for day, kind, outcome, staff_id, n in connection.execute(query)]
