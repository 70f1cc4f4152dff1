"""A site's calendar: its service hours per weekday and its closed days (DESIGN.md section 4).

Every date and time here is Japan time. Hours are whole minutes and half-open: a site open 9:00-17:00 is
open at 9:00:00 and closed again at 17:00:00 (16:59:59.999999 is the last open instant).

What decides a day, strongest first:
1. an explicit open date (with its own hours) opens the day whatever else says;
2. an explicit closed date closes it;
3. a closure rule closes it: a national holiday (when the site closes on them), a monthly rule such as
   "the Sunday after the third Saturday", a yearly span such as 29 December to 3 January;
4. otherwise the weekly hours of its weekday, and a weekday without hours is closed.

National holidays come from an injected lookup (``HolidayLookup``) because this layer does no I/O and
imports no outside calendar: ``kiosk.calendar_holidays`` supplies the one backed by ``jpholiday``.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.domain.validity import JST
from kiosk.errors import NeverOpen

# The name of the national holiday on a date, or None on an ordinary day.
HolidayLookup = Callable[[date], str | None]

# Far enough for any real closure (a year-end, a move of premises), near enough to answer at once when a
# calendar is set up with no open day at all.
SEARCH_HORIZON_DAYS = 731

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()


def no_holidays(day: date) -> str | None:
    """A lookup for sites that ignore national holidays."""
    return None


@dataclass(frozen=True, order=True)
class OpenHours:
    """One day's service hours, [opens, closes), in whole minutes."""

    opens: time
    closes: time

    def __post_init__(self) -> None:
        for moment in (self.opens, self.closes):
            if moment.second or moment.microsecond or moment.tzinfo is not None:
                raise ValueError("service hours are whole minutes of Japan time")
        if self.closes <= self.opens:
            raise ValueError(f"closing time {self.closes:%H:%M} is not after opening time {self.opens:%H:%M}")

    def contains(self, moment: time) -> bool:
        return self.opens <= moment < self.closes

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


@dataclass(frozen=True)
class MonthlyClosure:
    """The day ``days_after`` days after the ``nth`` ``weekday`` of every month (``nth`` -1: the last one).

    "The Sunday after the third Saturday" is ``MonthlyClosure(weekday=5, nth=3, days_after=1)``: unlike
    "the third Sunday" it is the 4th Sunday in a month that begins on a Sunday. With the last weekday of a
    month the day after may fall in the next month, and is closed there.
    """

    weekday: int  # 0 = Monday, as date.weekday()
    nth: int  # 1..5, or -1 for the last
    days_after: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) to 6 (Sunday)")
        if self.nth not in (1, 2, 3, 4, 5, -1):
            raise ValueError("nth must be 1 to 5, or -1 for the last")
        if not 0 <= self.days_after <= 6:
            raise ValueError("days_after must be 0 to 6")

    def matches(self, day: date) -> bool:
        base = day - timedelta(days=self.days_after)
        if base.weekday() != self.weekday:
            return False
        if self.nth == -1:
            return base.day + 7 > _stdlib_calendar.monthrange(base.year, base.month)[1]
        return (base.day - 1) // 7 + 1 == self.nth


@dataclass(frozen=True)
class YearlyClosure:
    """Every year from (month, day) through (month, day), both included; it may wrap the year end."""

    first: tuple[int, int]
    last: tuple[int, int]

    def __post_init__(self) -> None:
        for month, day in (self.first, self.last):
            # 2000 is a leap year: 29 February is a valid bound.
            date(2000, month, day)

    def matches(self, day: date) -> bool:
        key = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last


class ClosedBecause(StrEnum):
    WEEKLY = "weekly"  # no hours on this weekday
    NATIONAL_HOLIDAY = "national_holiday"
    MONTHLY = "monthly"
    YEARLY = "yearly"
    CLOSED_DATE = "closed_date"


@dataclass(frozen=True)
class DayPlan:
    """One date of a site's calendar: its hours, or why it is closed."""

    day: date
    hours: OpenHours | None
    closed_because: ClosedBecause | None
    holiday: str | None  # the national holiday's name, also when the site opens that day

    @property
    def is_open(self) -> bool:
        return self.hours is not None

    def opens_at(self) -> datetime | None:
        return None if self.hours is None else datetime.combine(self.day, self.hours.opens, JST)

    def closes_at(self) -> datetime | None:
        return None if self.hours is None else datetime.combine(self.day, self.hours.closes, JST)


@dataclass(frozen=True)
class SiteCalendar:
    """The opening rules of one site. Build it once; every query is a pure function of it."""

    weekly: tuple[OpenHours | None, ...]  # seven entries, Monday first
    holidays: HolidayLookup = no_holidays
    closed_on_national_holidays: bool = True
    monthly: tuple[MonthlyClosure, ...] = ()
    yearly: tuple[YearlyClosure, ...] = ()
    closed_dates: frozenset[date] = frozenset()
    open_dates: Mapping[date, OpenHours] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.weekly) != 7:
            raise ValueError("weekly hours need seven entries, Monday first")

    # --- days -------------------------------------------------------------------------------------------

    def plan(self, day: date) -> DayPlan:
        holiday = self.holidays(day)
        extra = self.open_dates.get(day)
        if extra is not None:
            return DayPlan(day, extra, None, holiday)
        because = self._closure(day, holiday)
        if because is not None:
            return DayPlan(day, None, because, holiday)
        hours = self.weekly[day.weekday()]
        return DayPlan(day, hours, None if hours else ClosedBecause.WEEKLY, holiday)

    def _closure(self, day: date, holiday: str | None) -> ClosedBecause | None:
        if day in self.closed_dates:
            return ClosedBecause.CLOSED_DATE
        if holiday is not None and self.closed_on_national_holidays:
            return ClosedBecause.NATIONAL_HOLIDAY
        if any(rule.matches(day) for rule in self.monthly):
            return ClosedBecause.MONTHLY
        if any(rule.matches(day) for rule in self.yearly):
            return ClosedBecause.YEARLY
        return None

    def hours_on(self, day: date) -> OpenHours | None:
        """The service hours of ``day``, or None when the site is closed all day."""
        return self.plan(day).hours

    def is_open_on(self, day: date) -> bool:
        return self.hours_on(day) is not None

    def plans(self, first: date, days: int) -> list[DayPlan]:
        """``days`` consecutive days from ``first``."""
        return [self.plan(day) for day in _days_from(first, days)]

    def first_open_day(self, on_or_after: date) -> date:
        """The first date on or after ``on_or_after`` with service hours; raises ``NeverOpen``."""
        for day in _days_from(on_or_after, SEARCH_HORIZON_DAYS):
            if self.is_open_on(day):
                return day
        raise NeverOpen(f"no open day in the {SEARCH_HORIZON_DAYS} days from {on_or_after.isoformat()}")

    # --- moments ----------------------------------------------------------------------------------------

    def is_open_at(self, moment: datetime) -> bool:
        local = _japan(moment)
        hours = self.hours_on(local.date())
        return hours is not None and hours.contains(local.time().replace(tzinfo=None))

    def next_open(self, moment: datetime) -> datetime:
        """The earliest instant at or after ``moment`` when the site is open (``moment`` itself when open).

        An aware datetime in Japan time. Raises ``NeverOpen`` when nothing opens within the horizon.
        """
        local = _japan(moment)
        today = self.hours_on(local.date())
        clock = local.time().replace(tzinfo=None)
        if today is not None:
            if today.contains(clock):
                return local
            if clock < today.opens:
                return datetime.combine(local.date(), today.opens, JST)
        if local.date() == date.max:
            raise NeverOpen("no open day after the last representable date")
        day = self.first_open_day(local.date() + timedelta(days=1))
        hours = self.hours_on(day)
        assert hours is not None
        return datetime.combine(day, hours.opens, JST)

    def closes_at(self, moment: datetime) -> datetime | None:
        """When the current opening ends, if the site is open at ``moment``; None when it is closed."""
        local = _japan(moment)
        hours = self.hours_on(local.date())
        if hours is None or not hours.contains(local.time().replace(tzinfo=None)):
            return None
        return datetime.combine(local.date(), hours.closes, JST)


def _japan(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(JST)


def _days_from(first: date, count: int) -> Iterator[date]:
    day = first
    for _ in range(count):
        yield day
        if day == date.max:
            return
        day += timedelta(days=1)


def weekly_hours(hours: Mapping[int, OpenHours]) -> tuple[OpenHours | None, ...]:
    """Seven entries, Monday first, from a map of weekday (0 = Monday) to hours; missing days are closed."""
    if any(not 0 <= weekday <= 6 for weekday in hours):
        raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
    return tuple(hours.get(weekday) for weekday in range(7))


def example_centre(holidays: HolidayLookup) -> SiteCalendar:
    """The card centre of DESIGN.md section 4, the demo's default.

    Sun, Mon, Wed, Fri 9:00-17:00; Tue, Thu 11:00-19:00; closed on Saturdays, the Sunday after the third
    Saturday, national holidays and 29 December to 3 January.
    """
    day = OpenHours(time(9, 0), time(17, 0))
    evening = OpenHours(time(11, 0), time(19, 0))
    return SiteCalendar(
        weekly=weekly_hours({0: day, 1: evening, 2: day, 3: evening, 4: day, 6: day}),
        holidays=holidays,
        closed_on_national_holidays=True,
        monthly=(MonthlyClosure(weekday=5, nth=3, days_after=1),),
        yearly=(YearlyClosure((12, 29), (1, 3)),),
    )
