"""The site calendar on its edge days, against Japan's real national holidays (jpholiday)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.calendar_holidays import national_holiday
from kiosk.domain.calendar import (
    ClosedBecause,
    MonthlyClosure,
    OpenHours,
    SiteCalendar,
    YearlyClosure,
    example_centre,
    no_holidays,
    weekly_hours,
)
from kiosk.domain.validity import JST
from kiosk.errors import ConfigError, NeverOpen

CENTRE = example_centre(national_holiday)
DAY = OpenHours(time(9, 0), time(17, 0))
EVENING = OpenHours(time(11, 0), time(19, 0))


def jst(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
        microsecond: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=JST)


# --- weekly hours -------------------------------------------------------------------------------------------


def test_the_example_centre_week() -> None:
    # 2026-12-07 is a Monday with nothing special in its week.
    hours = [CENTRE.hours_on(date(2026, 12, 7) + timedelta(days=i)) for i in range(7)]
    assert hours == [DAY, EVENING, DAY, EVENING, DAY, None, DAY]
    assert CENTRE.plan(date(2026, 12, 12)).closed_because is ClosedBecause.WEEKLY


@pytest.mark.parametrize(("moment", "is_open"), [
    (jst(2026, 12, 7, 8, 59, 59, 999_999), False),
    (jst(2026, 12, 7, 9, 0, 0), True),
    (jst(2026, 12, 7, 16, 59, 59, 999_999), True),
    (jst(2026, 12, 7, 17, 0, 0), False),
    (jst(2026, 12, 8, 10, 59, 59), False),  # Tuesday: 11:00-19:00
    (jst(2026, 12, 8, 11, 0), True),
    (jst(2026, 12, 8, 18, 59, 59, 999_999), True),
    (jst(2026, 12, 8, 19, 0), False),
    (jst(2026, 12, 12, 12, 0), False),  # Saturday
])
def test_hours_at_the_minute_boundaries(moment: datetime, is_open: bool) -> None:
    assert CENTRE.is_open_at(moment) is is_open


def test_a_moment_in_utc_is_read_in_japan_time() -> None:
    # 00:00 UTC on Monday is 09:00 in Japan: open; 23:59 UTC on Sunday the 6th is 08:59 on Monday: closed.
    assert CENTRE.is_open_at(datetime(2026, 12, 7, 0, 0, tzinfo=UTC))
    assert not CENTRE.is_open_at(datetime(2026, 12, 6, 23, 59, tzinfo=UTC))
    # 14:30 UTC on a Friday is 23:30 in Japan, closed, though 14:30 would be inside Friday's hours.
    assert not CENTRE.is_open_at(datetime(2026, 12, 11, 14, 30, tzinfo=UTC))


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        CENTRE.is_open_at(datetime(2026, 12, 7, 10, 0))
    with pytest.raises(ValueError, match="aware"):
        CENTRE.next_open(datetime(2026, 12, 7, 10, 0))


@pytest.mark.parametrize(("opens", "closes"), [
    (time(9, 0), time(9, 0)), (time(17, 0), time(9, 0)), (time(9, 0, 30), time(17, 0)),
    (time(9, 0), time(17, 0, 0, 1)),
])
def test_hours_that_are_not_a_span_of_whole_minutes_are_refused(opens: time, closes: time) -> None:
    with pytest.raises(ValueError):
        OpenHours(opens, closes)


# --- the Sunday after the third Saturday ------------------------------------------------------------------


def test_the_sunday_after_the_third_saturday_in_a_month_beginning_on_a_sunday() -> None:
    # February 2026 begins on a Sunday: the third Saturday is the 21st, so the 22nd (the 4th Sunday) is
    # closed and the third Sunday, the 15th, is open.
    assert CENTRE.plan(date(2026, 2, 22)).closed_because is ClosedBecause.MONTHLY
    assert CENTRE.hours_on(date(2026, 2, 15)) == DAY
    assert CENTRE.hours_on(date(2026, 2, 1)) == DAY


def test_the_sunday_after_the_third_saturday_in_a_month_beginning_on_a_saturday() -> None:
    # August 2026 begins on a Saturday: the third Saturday is the 15th, the closed Sunday the 16th.
    assert CENTRE.plan(date(2026, 8, 16)).closed_because is ClosedBecause.MONTHLY
    assert CENTRE.hours_on(date(2026, 8, 23)) == DAY
    assert CENTRE.hours_on(date(2026, 8, 9)) == DAY


def test_exactly_one_sunday_a_month_is_closed_by_the_rule() -> None:
    rule = MonthlyClosure(weekday=5, nth=3, days_after=1)
    for month in range(1, 13):
        first = date(2026, month, 1)
        closed = [first + timedelta(days=i) for i in range(31)
                  if (first + timedelta(days=i)).month == month and rule.matches(first + timedelta(days=i))]
        assert len(closed) == 1
        assert closed[0].weekday() == 6 and 16 <= closed[0].day <= 22


def test_a_rule_after_the_last_saturday_closes_a_day_of_the_next_month() -> None:
    # The last Saturday of October 2026 is the 31st: "the Sunday after the last Saturday" is 1 November.
    calendar = SiteCalendar(weekly=weekly_hours({6: DAY}), monthly=(MonthlyClosure(5, -1, 1),))
    assert calendar.plan(date(2026, 11, 1)).closed_because is ClosedBecause.MONTHLY
    assert calendar.is_open_on(date(2026, 11, 8))
    assert calendar.is_open_on(date(2026, 10, 25))  # the Sunday after October's 4th, not last, Saturday
    assert not calendar.is_open_on(date(2026, 9, 27))  # the last Saturday of September is the 26th


@pytest.mark.parametrize(("weekday", "nth", "days_after"), [(7, 1, 0), (-1, 1, 0), (5, 0, 0), (5, 6, 0),
                                                            (5, -2, 0), (5, 3, 7), (5, 3, -1)])
def test_impossible_monthly_rules_are_refused(weekday: int, nth: int, days_after: int) -> None:
    with pytest.raises(ValueError):
        MonthlyClosure(weekday, nth, days_after)


# --- national holidays --------------------------------------------------------------------------------------


def test_a_holiday_on_a_monday_closes_the_centre() -> None:
    # Coming-of-Age Day, the second Monday of January 2027.
    plan = CENTRE.plan(date(2027, 1, 11))
    assert plan.closed_because is ClosedBecause.NATIONAL_HOLIDAY
    assert plan.holiday == "成人の日"
    assert CENTRE.hours_on(date(2027, 1, 18)) == DAY


def test_a_substitute_holiday_closes_the_day_after_a_sunday_holiday() -> None:
    # The Emperor's Birthday fell on Sunday 23 February 2025; Monday the 24th was its substitute holiday.
    assert CENTRE.plan(date(2025, 2, 23)).closed_because is ClosedBecause.NATIONAL_HOLIDAY
    substitute = CENTRE.plan(date(2025, 2, 24))
    assert substitute.closed_because is ClosedBecause.NATIONAL_HOLIDAY
    assert substitute.holiday is not None and "振替休日" in substitute.holiday
    # Constitution Day 2026 was a Sunday: its substitute is Wednesday 6 May, after two more holidays.
    assert [CENTRE.is_open_on(date(2026, 5, d)) for d in range(2, 8)] == [False, False, False, False, False, True]
    assert "振替休日" in (CENTRE.plan(date(2026, 5, 6)).holiday or "")


def test_a_citizens_holiday_between_two_holidays_is_closed() -> None:
    # Tuesday 22 September 2026 lies between Respect-for-the-Aged Day and the autumn equinox.
    assert CENTRE.plan(date(2026, 9, 22)).closed_because is ClosedBecause.NATIONAL_HOLIDAY


def test_a_site_open_on_holidays_still_names_them() -> None:
    calendar = SiteCalendar(weekly=CENTRE.weekly, holidays=national_holiday, closed_on_national_holidays=False)
    plan = calendar.plan(date(2027, 1, 11))
    assert plan.hours == DAY and plan.holiday == "成人の日"


# --- the year end -------------------------------------------------------------------------------------------


def test_29_december_to_3_january_across_the_year_end() -> None:
    days = CENTRE.plans(date(2026, 12, 27), 10)
    assert [plan.is_open for plan in days] == [True, True, False, False, False, False, False, False, True, True]
    assert days[5].day == date(2027, 1, 1) and days[5].holiday == "元日"
    assert {plan.closed_because for plan in days[2:8]} == {ClosedBecause.YEARLY, ClosedBecause.NATIONAL_HOLIDAY}
    assert days[0].day == date(2026, 12, 27) and days[-1].day == date(2027, 1, 5)


def test_a_yearly_span_inside_one_year() -> None:
    summer = YearlyClosure((8, 13), (8, 16))
    assert [summer.matches(date(2026, 8, d)) for d in (12, 13, 16, 17)] == [False, True, True, False]
    year_end = YearlyClosure((12, 29), (1, 3))
    assert [year_end.matches(d) for d in (date(2026, 12, 28), date(2026, 12, 29), date(2027, 1, 3),
                                          date(2027, 1, 4))] == [False, True, True, False]


def test_a_yearly_span_with_29_february() -> None:
    leap = YearlyClosure((2, 29), (3, 1))
    assert leap.matches(date(2028, 2, 29)) and leap.matches(date(2027, 3, 1)) and not leap.matches(date(2027, 2, 28))
    with pytest.raises(ValueError):
        YearlyClosure((2, 30), (3, 1))


def test_next_open_across_the_year_end_closure() -> None:
    assert CENTRE.next_open(jst(2026, 12, 28, 17, 0)) == jst(2027, 1, 4, 9, 0)
    assert CENTRE.next_open(jst(2026, 12, 31, 12, 0)) == jst(2027, 1, 4, 9, 0)
    assert CENTRE.first_open_day(date(2026, 12, 29)) == date(2027, 1, 4)


# --- next open, closes at ---------------------------------------------------------------------------------------


def test_next_open_is_the_moment_itself_while_open() -> None:
    moment = jst(2026, 12, 7, 16, 59, 59)
    assert CENTRE.next_open(moment) == moment
    assert CENTRE.closes_at(moment) == jst(2026, 12, 7, 17, 0)


def test_next_open_before_the_doors_open_and_after_they_close() -> None:
    assert CENTRE.next_open(jst(2026, 12, 8, 6, 0)) == jst(2026, 12, 8, 11, 0)  # Tuesday
    assert CENTRE.next_open(jst(2026, 12, 8, 19, 0)) == jst(2026, 12, 9, 9, 0)
    assert CENTRE.next_open(jst(2026, 12, 11, 17, 0)) == jst(2026, 12, 13, 9, 0)  # Fri -> Sun over Saturday
    assert CENTRE.closes_at(jst(2026, 12, 11, 17, 0)) is None


def test_next_open_is_japan_time_for_a_utc_moment() -> None:
    result = CENTRE.next_open(datetime(2026, 12, 11, 8, 0, tzinfo=UTC))  # 17:00 Friday in Japan
    assert result == jst(2026, 12, 13, 9, 0)
    assert result.utcoffset() == timedelta(hours=9)


def test_explicit_dates_win_over_the_rules() -> None:
    saturday_clinic = date(2026, 12, 12)
    monday_off = date(2026, 12, 14)
    new_year_opening = date(2027, 1, 2)
    calendar = SiteCalendar(
        weekly=CENTRE.weekly, holidays=national_holiday, monthly=CENTRE.monthly, yearly=CENTRE.yearly,
        closed_dates=frozenset({monday_off}),
        open_dates={saturday_clinic: OpenHours(time(9, 0), time(12, 0)),
                    new_year_opening: OpenHours(time(10, 0), time(15, 0))},
    )
    assert calendar.hours_on(saturday_clinic) == OpenHours(time(9, 0), time(12, 0))
    assert calendar.plan(monday_off).closed_because is ClosedBecause.CLOSED_DATE
    assert calendar.hours_on(new_year_opening) == OpenHours(time(10, 0), time(15, 0))
    assert calendar.next_open(jst(2026, 12, 31, 9, 0)) == jst(2027, 1, 2, 10, 0)


def test_a_calendar_never_open_says_so() -> None:
    never = SiteCalendar(weekly=weekly_hours({}))
    with pytest.raises(NeverOpen) as caught:
        never.next_open(jst(2026, 12, 7, 9, 0))
    assert isinstance(caught.value, ConfigError)
    with pytest.raises(NeverOpen):
        never.first_open_day(date(2026, 12, 7))
    with pytest.raises(NeverOpen):
        CENTRE.next_open(datetime.combine(date.max, time(18, 0), JST))


def test_weekly_hours_need_seven_days() -> None:
    with pytest.raises(ValueError):
        SiteCalendar(weekly=(DAY,) * 6)
    with pytest.raises(ValueError):
        weekly_hours({7: DAY})


# --- properties -----------------------------------------------------------------------------------------------

MOMENTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(JST))
HOURS = st.builds(
    lambda start, length: OpenHours(time(start // 60, start % 60),
                                    time((start + length) // 60, (start + length) % 60)),
    st.integers(0, 22 * 60), st.integers(1, 60),
).filter(lambda h: h.closes > h.opens)
CALENDARS = st.builds(
    SiteCalendar,
    weekly=st.tuples(*[st.none() | HOURS for _ in range(7)]).filter(any),
    holidays=st.sampled_from([national_holiday, no_holidays]),
    closed_on_national_holidays=st.booleans(),
    monthly=st.lists(st.builds(MonthlyClosure, st.integers(0, 6), st.sampled_from([1, 2, 3, 4, 5, -1]),
                               st.integers(0, 6)), max_size=2).map(tuple),
    yearly=st.lists(st.builds(YearlyClosure, st.tuples(st.integers(1, 12), st.integers(1, 28)),
                              st.tuples(st.integers(1, 12), st.integers(1, 28))), max_size=2).map(tuple),
) | st.just(CENTRE)


@settings(max_examples=300, deadline=None)
@given(CALENDARS, MOMENTS, st.floats(0, 1, exclude_max=True))
def test_next_open_is_open_and_nothing_before_it_is(calendar: SiteCalendar, moment: datetime,
                                                    fraction: float) -> None:
    try:
        found = calendar.next_open(moment)
    except NeverOpen:
        # Only a calendar whose rules close every day of the horizon may say so.
        assert not any(plan.is_open for plan in calendar.plans(moment.date(), 731))
        return
    assert found >= moment
    assert calendar.is_open_at(found)
    assert (found == moment) is calendar.is_open_at(moment)
    # Nothing in between: a random instant, the instant just before, and every day's hours.
    if found > moment:
        span = (found - moment) // timedelta(microseconds=1)
        between = moment + timedelta(microseconds=min(int(span * fraction), span - 1))
        assert not calendar.is_open_at(between)
        assert not calendar.is_open_at(found - timedelta(microseconds=1))
        assert found.time() == calendar.hours_on(found.date()).opens  # type: ignore[union-attr]
        for plan in calendar.plans(moment.date(), (found.date() - moment.date()).days):
            if plan.hours is not None:
                assert plan.day == moment.date() and moment.time() >= plan.hours.closes


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_first_open_day_is_open_and_the_days_before_it_are_closed(day: date) -> None:
    found = CENTRE.first_open_day(day)
    assert CENTRE.is_open_on(found)
    assert not any(plan.is_open for plan in CENTRE.plans(day, (found - day).days))
    # The centre is never closed longer than its year end with a Sunday rule or holidays next to it.
    assert (found - day).days <= 7


@settings(max_examples=200, deadline=None)
@given(MOMENTS)
def test_closes_at_ends_the_opening_next_open_starts(moment: datetime) -> None:
    closes = CENTRE.closes_at(moment)
    if closes is None:
        assert not CENTRE.is_open_at(moment)
        return
    assert CENTRE.is_open_at(closes - timedelta(microseconds=1))
    assert not CENTRE.is_open_at(closes)
