"""When a resident can come to renew a certificate, and whether a date staff type can be booked.

Both read the certificate's renewal window (``kiosk.domain.certificates``: it opens three calendar months
before the expiry date and runs through the expiry date) against the site's calendar.

- ``renewal_visit``: for the check screen, the first open day the resident can renew and from which day
  they may come without an appointment. The site's rule is "the certificate expires within N days"
  (``WalkInRule``): the office wants those served at once, the others booked to spread the load. When no
  open day is left before the expiry date (a certificate expiring during the year-end closure) the honest
  answer is a new issuance on the first open day after it.
- ``check_appointment``: a date typed by staff, judged before the resident is booked: in the past, before
  the window opens, after the certificate expired, or on a closed day is refused, with the nearest
  bookable date when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.calendar import ClosedBecause, SiteCalendar
from kiosk.errors import AppointmentRefused


@dataclass(frozen=True)
class WalkInRule:
    """No appointment is needed once the certificate expires within ``within_days`` days (0: on its last
    day only), nor, when ``after_expiry``, for the new issuance after it expired."""

    within_days: int = 30
    after_expiry: bool = True

    def __post_init__(self) -> None:
        if self.within_days < 0:
            raise ValueError("within_days cannot be negative")


class VisitKind(StrEnum):
    RENEWAL = "renewal"
    NEW_ISSUANCE = "new_issuance"  # the certificate will have expired (or has) by the first open day


@dataclass(frozen=True)
class RenewalVisit:
    kind: VisitKind
    first_day: date  # the first open day the resident can come for ``kind``
    last_day: date | None  # renewal only: the last open day on or before the expiry date
    walk_in_now: bool  # the rule lets them come today without an appointment (whether the site is open
    # today is the calendar's question)
    walk_in_from: date | None  # the first open day without an appointment; None when the rule never allows


def renewal_visit(*, renewal_opens_on: date, expires_on: date, today: date, calendar: SiteCalendar,
                  rule: WalkInRule) -> RenewalVisit:
    """When the resident whose certificate has this window can come, seen on the Japan date ``today``."""
    if today > expires_on:
        first = calendar.first_open_day(today)
        return RenewalVisit(VisitKind.NEW_ISSUANCE, first, None, rule.after_expiry,
                            first if rule.after_expiry else None)
    first = calendar.first_open_day(max(today, renewal_opens_on))
    if first > expires_on:
        return RenewalVisit(VisitKind.NEW_ISSUANCE, first, None, False, first if rule.after_expiry else None)
    last = _last_open_day(calendar, first, expires_on)
    walk_in_starts = max(renewal_opens_on, date.fromordinal(max(1, expires_on.toordinal() - rule.within_days)))
    walk_in_now = walk_in_starts <= today <= expires_on
    walk_in_from: date | None = calendar.first_open_day(max(first, walk_in_starts))
    if walk_in_from is not None and walk_in_from > expires_on and not rule.after_expiry:
        # Every open day of the walk-in span is closed, and a new issuance needs an appointment too.
        walk_in_from = None
    return RenewalVisit(VisitKind.RENEWAL, first, last, walk_in_now, walk_in_from)


def _last_open_day(calendar: SiteCalendar, first: date, last: date) -> date:
    day = last
    while day > first and not calendar.is_open_on(day):
        day = date.fromordinal(day.toordinal() - 1)
    return day


class AppointmentVerdict(StrEnum):
    BOOKABLE = "bookable"
    IN_THE_PAST = "in_the_past"
    NOT_YET_OPEN = "not_yet_open"  # the renewal window opens after that day
    EXPIRED = "expired"  # the certificate has expired by that day: a new issuance, not a renewal
    CLOSED_DAY = "closed_day"


@dataclass(frozen=True)
class AppointmentCheck:
    day: date
    verdict: AppointmentVerdict
    closed_because: ClosedBecause | None  # why the site is closed that day, for CLOSED_DAY
    suggestion: date | None  # the nearest bookable day (itself when bookable), None when none is left

    @property
    def bookable(self) -> bool:
        return self.verdict is AppointmentVerdict.BOOKABLE


def check_appointment(day: date, *, today: date, renewal_opens_on: date, expires_on: date,
                      calendar: SiteCalendar) -> AppointmentCheck:
    """Judge a renewal appointment on ``day`` for a certificate with this window, seen on ``today``."""
    first = calendar.first_open_day(max(today, renewal_opens_on))
    earliest = first if first <= expires_on else None
    if day < today:
        verdict = AppointmentVerdict.IN_THE_PAST
    elif day < renewal_opens_on:
        verdict = AppointmentVerdict.NOT_YET_OPEN
    elif day > expires_on:
        verdict = AppointmentVerdict.EXPIRED
    else:
        plan = calendar.plan(day)
        if plan.is_open:
            return AppointmentCheck(day, AppointmentVerdict.BOOKABLE, None, day)
        later = calendar.first_open_day(day)
        suggestion = later if later <= expires_on else earliest
        return AppointmentCheck(day, AppointmentVerdict.CLOSED_DAY, plan.closed_because, suggestion)
    return AppointmentCheck(day, verdict, None, earliest)


def require_bookable(check: AppointmentCheck) -> date:
    """The date of a bookable appointment; raises ``AppointmentRefused`` carrying the reason otherwise."""
    if check.bookable:
        return check.day
    raise AppointmentRefused(f"appointment on {check.day.isoformat()} refused: {check.verdict}",
                             str(check.verdict), check.suggestion)


_DATE_TEXT = re.compile(r"\s*([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?\s*"
                        r"|\s*([0-9]{4})([0-9]{2})([0-9]{2})\s*")


def parse_appointment_date(text: str) -> date:
    """A date as staff type it: 2026-12-04, 2026/12/4, 2026年12月4日 or 20261204 (full-width digits too)."""
    normalised = text.translate(_FULL_WIDTH)
    match = _DATE_TEXT.fullmatch(normalised)
    if match is None:
        raise AppointmentRefused("appointment date not understood", "not_a_date")
    parts = [int(p) for p in match.groups() if p is not None]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise AppointmentRefused("appointment date does not exist", "not_a_date") from exc


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
