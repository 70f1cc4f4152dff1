"""When a resident can come to renew, and appointment dates typed by staff, against the example centre."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.calendar_holidays import national_holiday
from kiosk.domain.calendar import ClosedBecause, example_centre
from kiosk.domain.certificates import renewal_opens_on
from kiosk.domain.renewal_visits import (
    AppointmentCheck,
    AppointmentVerdict,
    RenewalVisit,
    VisitKind,
    WalkInRule,
    check_appointment,
    parse_appointment_date,
    renewal_visit,
    require_bookable,
)
from kiosk.errors import AppointmentRefused

CENTRE = example_centre(national_holiday)
RULE = WalkInRule(within_days=30)


def visit(expires_on: date, today: date, rule: WalkInRule = RULE) -> RenewalVisit:
    return renewal_visit(renewal_opens_on=renewal_opens_on(expires_on), expires_on=expires_on, today=today,
                         calendar=CENTRE, rule=rule)


def test_before_the_window_the_first_day_is_its_opening_day() -> None:
    # Expires Monday 15 March 2027: the window opens Wednesday 15 December 2026, an open day.
    result = visit(date(2027, 3, 15), today=date(2026, 12, 1))
    assert result.kind is VisitKind.RENEWAL
    assert result.first_day == date(2026, 12, 15)
    assert result.last_day == date(2027, 3, 15)
    assert result.walk_in_now is False
    # 30 days before 15 March is Saturday 13 February: the first open day from then is Sunday the 14th.
    assert result.walk_in_from == date(2027, 2, 14)


def test_a_window_opening_in_the_year_end_closure_starts_on_4_january() -> None:
    # Expires 31 March 2027: the window opens 31 December 2026, inside the closure.
    result = visit(date(2027, 3, 31), today=date(2026, 12, 1))
    assert result.first_day == date(2027, 1, 4)


def test_inside_the_window_the_first_day_is_the_next_open_day_from_today() -> None:
    # Saturday 12 December 2026 is closed; Sunday the 13th is open.
    result = visit(date(2027, 2, 1), today=date(2026, 12, 12))
    assert result.first_day == date(2026, 12, 13)


def test_walk_in_within_n_days_of_expiry() -> None:
    expires = date(2027, 2, 1)
    assert visit(expires, today=expires - timedelta(days=31)).walk_in_now is False
    assert visit(expires, today=expires - timedelta(days=30)).walk_in_now is True
    assert visit(expires, today=expires).walk_in_now is True
    on_last_day_only = visit(expires, today=date(2026, 12, 1), rule=WalkInRule(within_days=0))
    assert on_last_day_only.walk_in_from == expires  # Monday 1 February 2027, open


def test_a_certificate_expiring_in_the_closure_leaves_the_last_open_day_before_it() -> None:
    result = visit(date(2027, 1, 2), today=date(2026, 12, 1))
    assert result.kind is VisitKind.RENEWAL
    assert result.last_day == date(2026, 12, 28)
    # The walk-in span (from 3 December) has open days: the first is Thursday 3 December.
    assert result.walk_in_from == date(2026, 12, 3)


def test_no_open_day_left_before_expiry_means_a_new_issuance_after_it() -> None:
    # Seen on 29 December, a certificate expiring on 31 December can no longer be renewed at this centre.
    result = visit(date(2026, 12, 31), today=date(2026, 12, 29))
    assert result.kind is VisitKind.NEW_ISSUANCE
    assert result.first_day == date(2027, 1, 4)
    assert result.last_day is None
    assert result.walk_in_from == date(2027, 1, 4)
    strict = visit(date(2026, 12, 31), today=date(2026, 12, 29), rule=WalkInRule(30, after_expiry=False))
    assert strict.walk_in_from is None and strict.walk_in_now is False


def test_an_expired_certificate_is_a_new_issuance_on_the_next_open_day() -> None:
    result = visit(date(2026, 12, 20), today=date(2027, 1, 1))
    assert result.kind is VisitKind.NEW_ISSUANCE
    assert result.first_day == date(2027, 1, 4)
    assert result.walk_in_now is True
    assert visit(date(2026, 12, 20), date(2027, 1, 1), WalkInRule(30, after_expiry=False)).walk_in_from is None


def test_a_walk_in_span_with_no_open_day_falls_to_the_new_issuance() -> None:
    # Expires Thursday 31 December 2026 with walk-ins only in its last 2 days (both closed).
    result = visit(date(2026, 12, 31), today=date(2026, 12, 1), rule=WalkInRule(within_days=2))
    assert result.kind is VisitKind.RENEWAL
    assert result.walk_in_from == date(2027, 1, 4)
    strict = visit(date(2026, 12, 31), today=date(2026, 12, 1), rule=WalkInRule(2, after_expiry=False))
    assert strict.walk_in_from is None


def test_a_negative_walk_in_rule_is_refused() -> None:
    with pytest.raises(ValueError):
        WalkInRule(within_days=-1)


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2001, 1, 1), date(2090, 12, 31)), st.integers(-120, 400), st.integers(0, 120))
def test_the_first_day_is_open_and_renewal_fits_the_window(expires: date, days_before: int, within: int) -> None:
    today = expires - timedelta(days=days_before)
    result = visit(expires, today, WalkInRule(within))
    assert CENTRE.is_open_on(result.first_day)
    assert result.first_day >= today
    if result.kind is VisitKind.RENEWAL:
        assert renewal_opens_on(expires) <= result.first_day <= expires
        assert result.last_day is not None and result.first_day <= result.last_day <= expires
        assert CENTRE.is_open_on(result.last_day)
    else:
        assert result.first_day > expires
    if result.walk_in_from is not None:
        assert CENTRE.is_open_on(result.walk_in_from) and result.walk_in_from >= result.first_day


# --- appointments -------------------------------------------------------------------------------------------

EXPIRES = date(2027, 2, 1)  # the window opens 1 November 2026
TODAY = date(2026, 12, 1)


def check(day: date, today: date = TODAY) -> AppointmentCheck:
    return check_appointment(day, today=today, renewal_opens_on=renewal_opens_on(EXPIRES), expires_on=EXPIRES,
                             calendar=CENTRE)


def test_an_open_day_inside_the_window_is_bookable() -> None:
    result = check(date(2026, 12, 3))
    assert result.bookable and result.verdict is AppointmentVerdict.BOOKABLE
    assert require_bookable(result) == date(2026, 12, 3)
    assert check(EXPIRES).bookable  # the last valid day


def test_a_closed_day_is_refused_with_the_next_open_day() -> None:
    result = check(date(2026, 12, 30))
    assert result.verdict is AppointmentVerdict.CLOSED_DAY
    assert result.closed_because is ClosedBecause.YEARLY
    assert result.suggestion == date(2027, 1, 4)
    with pytest.raises(AppointmentRefused) as caught:
        require_bookable(result)
    assert caught.value.reason == "closed_day" and caught.value.suggestion == date(2027, 1, 4)
    holiday = check(date(2027, 1, 11))
    assert holiday.verdict is AppointmentVerdict.CLOSED_DAY
    assert holiday.closed_because is ClosedBecause.NATIONAL_HOLIDAY


def test_a_closed_day_with_no_open_day_before_expiry_suggests_the_earliest() -> None:
    # Expiring 2 January: 30 December is closed and nothing opens again before expiry.
    expires = date(2027, 1, 2)
    result = check_appointment(date(2026, 12, 30), today=TODAY, renewal_opens_on=renewal_opens_on(expires),
                               expires_on=expires, calendar=CENTRE)
    assert result.verdict is AppointmentVerdict.CLOSED_DAY
    assert result.suggestion == TODAY  # Tuesday 1 December 2026, open


def test_before_the_window_opens_is_refused() -> None:
    late_expiry = date(2027, 6, 30)  # opens 30 March 2027
    result = check_appointment(date(2027, 3, 29), today=TODAY, renewal_opens_on=renewal_opens_on(late_expiry),
                               expires_on=late_expiry, calendar=CENTRE)
    assert result.verdict is AppointmentVerdict.NOT_YET_OPEN
    assert result.suggestion == date(2027, 3, 30)


def test_after_expiry_is_refused() -> None:
    result = check(EXPIRES + timedelta(days=1))
    assert result.verdict is AppointmentVerdict.EXPIRED
    assert result.suggestion == TODAY
    already = check(date(2027, 2, 10), today=date(2027, 2, 5))
    assert already.verdict is AppointmentVerdict.EXPIRED and already.suggestion is None
    with pytest.raises(AppointmentRefused) as caught:
        require_bookable(already)
    assert caught.value.reason == "expired" and caught.value.suggestion is None


def test_a_day_in_the_past_is_refused() -> None:
    result = check(date(2026, 11, 30))
    assert result.verdict is AppointmentVerdict.IN_THE_PAST
    assert result.suggestion == TODAY


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-04", date(2026, 12, 4)), ("2026/12/4", date(2026, 12, 4)), (" 2026.1.5 ", date(2026, 1, 5)),
    ("2026年12月4日", date(2026, 12, 4)), ("20261204", date(2026, 12, 4)), ("２０２６－１２－０４", date(2026, 12, 4)),
    ("2028/2/29", date(2028, 2, 29)),
])
def test_dates_as_staff_type_them(text: str, expected: date) -> None:
    assert parse_appointment_date(text) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-13-01", "2027/2/29", "2026-12", "12/04/2026",
                                  "2026-12-04T10:00", "٢٠٢٦-١٢-٠٤", "2026-12-04-05"])
def test_text_that_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(AppointmentRefused) as caught:
        parse_appointment_date(text)
    assert caught.value.reason == "not_a_date"
