"""The office's report: counts per site, Japan-time day, kind and outcome over a date range, and the
terminals whose sequence gaps are oldest.

Both queries were chosen from their plans on PostgreSQL at ten million records (benchmarks/central_scale.py
prints the plans' key lines; docs/measurements/central_scale.json holds a run):

- the counts read only ``(site, local_date, kind, outcome)``, which the index of migration 0004_reports
  holds in that order: a site's year is an index-only range scan, and every site's year an index-only scan
  already in group order (no sort; without the index the national year spilled a 75 MB sort to disk per
  worker and took 3.4 times as long);
- the gaps compare each terminal's sequence numbers with the previous one (a window over the unique index
  ``(terminal_id, sequence)``, index-only and in order) for the terminals of the site, then fetch one row
  per gappy terminal (the record after its first hole) for the time it arrived.

A gap is the absence of a record, whose day is unknown: gaps are therefore listed over all the site's
records, whatever the date range. "Oldest" means the gap that has been open longest: the one whose next
record (the first received after the hole) arrived earliest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from kiosk.central.models import StoredTransaction, Terminal

MAX_RANGE_DAYS = 366  # a fiscal year, leap day included
DEFAULT_GAPS = 20
MAX_GAPS = 100
MAX_SITE_LENGTH = 64  # the column's width


class InvalidReportRange(ValueError):
    """A report's dates or site are not acceptable (the API answers 422, the CLI exits with usage)."""


@dataclass(frozen=True)
class ReportRange:
    first: date
    last: date
    site: str | None  # None: every site (the service's own CLI only; the API always names one)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class DayCount:
    site: str
    day: date
    kind: str
    outcome: str
    count: int


@dataclass(frozen=True)
class OldGap:
    site: str
    terminal_id: str
    first_missing: int
    missing_count: int
    next_sequence: int  # the first number received after the hole
    next_received_at: datetime  # when that record arrived: the hole is open since then


@dataclass(frozen=True)
class Report:
    range: ReportRange
    counts: tuple[DayCount, ...]
    oldest_gaps: tuple[OldGap, ...]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)

    def to_wire(self) -> dict[str, object]:
        return {
            "from": self.range.first.isoformat(),
            "to": self.range.last.isoformat(),
            "site": self.range.site,
            "total": self.total,
            "counts": [{"site": c.site, "date": c.day.isoformat(), "kind": c.kind, "outcome": c.outcome,
                        "count": c.count} for c in self.counts],
            "oldest_gaps": [{"site": g.site, "terminal_id": g.terminal_id, "first_missing": g.first_missing,
                             "missing_count": g.missing_count, "next_sequence": g.next_sequence,
                             "next_received_at": g.next_received_at.isoformat()} for g in self.oldest_gaps],
        }


def parse_day(text: str, name: str) -> date:
    """Exactly ``YYYY-MM-DD`` (``date.fromisoformat`` alone would take ``20261123`` and week dates)."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not (text[:4] + text[5:7] + text[8:]).isdigit():
        raise InvalidReportRange(f"{name}: expected a date as YYYY-MM-DD, got {text[:40]!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidReportRange(f"{name}: {text!r} is not a calendar date") from exc


def report_range(first: str, last: str, site: str | None) -> ReportRange:
    start, end = parse_day(first, "from"), parse_day(last, "to")
    if end < start:
        raise InvalidReportRange(f"to ({end}) is before from ({start})")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise InvalidReportRange(f"the range covers {(end - start).days + 1} days; at most {MAX_RANGE_DAYS}")
    if site is not None and not (0 < len(site) <= MAX_SITE_LENGTH and site.isprintable()):
        raise InvalidReportRange(f"site: 1 to {MAX_SITE_LENGTH} printable characters")
    return ReportRange(start, end, site)


def build_report(session: Session, wanted: ReportRange, gaps: int = DEFAULT_GAPS) -> Report:
    return Report(wanted, tuple(day_counts(session, wanted)), tuple(oldest_gaps(session, wanted.site, gaps)))


def day_counts(session: Session, wanted: ReportRange) -> list[DayCount]:
    return [DayCount(site, day, kind, outcome, count)
            for site, day, kind, outcome, count in session.execute(day_counts_query(wanted))]


def day_counts_query(wanted: ReportRange) -> Select[*tuple[Any, ...]]:
    t = StoredTransaction
    query = (select(t.site, t.local_date, t.kind, t.outcome, func.count())
             .where(t.local_date >= wanted.first, t.local_date <= wanted.last)
             .group_by(t.site, t.local_date, t.kind, t.outcome)
             .order_by(t.site, t.local_date, t.kind, t.outcome))
    if wanted.site is not None:
        query = query.where(t.site == wanted.site)
    return query


def oldest_gaps(session: Session, site: str | None, limit: int = DEFAULT_GAPS) -> list[OldGap]:
    """Per terminal with a hole in its numbering: the first missing number, how many are missing in all,
    and when the record after the first hole arrived; oldest first, at most ``limit`` terminals."""
    rows = session.execute(oldest_gaps_query(site, limit)).all()
    return [OldGap(r.site, r.terminal_id, int(r.first_missing), int(r.missing_count), int(r.next_sequence),
                   r.received_at) for r in rows]


def oldest_gaps_query(site: str | None, limit: int = DEFAULT_GAPS) -> Select[*tuple[Any, ...]]:
    t = StoredTransaction
    previous = func.lag(t.sequence, 1, 0).over(partition_by=t.terminal_id, order_by=t.sequence)
    numbered = select(t.terminal_id, t.sequence, previous.label("previous"))
    if site is not None:
        # Through the terminals of the site, so each is an ordered range of the (terminal_id, sequence)
        # index; a terminal never changes site (kiosk.central.terminals), so its records are the site's.
        numbered = numbered.where(t.terminal_id.in_(select(Terminal.terminal_id).where(Terminal.site == site)))
    window = numbered.subquery("numbered")
    holes = (select(window.c.terminal_id,
                    (func.min(window.c.previous) + 1).label("first_missing"),
                    func.min(window.c.sequence).label("next_sequence"),
                    func.sum(window.c.sequence - window.c.previous - 1).label("missing_count"))
             .where(window.c.sequence - window.c.previous > 1)
             .group_by(window.c.terminal_id)
             .subquery("holes"))
    return (select(t.site, holes.c.terminal_id, holes.c.first_missing, holes.c.missing_count,
                   holes.c.next_sequence, t.received_at)
            .join(t, and_(t.terminal_id == holes.c.terminal_id, t.sequence == holes.c.next_sequence))
            .order_by(t.received_at, holes.c.terminal_id)
            .limit(limit))
