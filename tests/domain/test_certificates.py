"""Certificate standing and the renewal window, in Japan dates (kiosk.domain.certificates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.certificates import (
    CertificateState,
    RenewalState,
    months_before,
    renewal_opens_on,
    status_at,
    status_on,
)
from kiosk.domain.validity import end_of_japan_day, start_of_japan_day

NOT_BEFORE = start_of_japan_day(date(2021, 6, 15))
NOT_AFTER = end_of_japan_day(date(2026, 6, 15))  # 2026-06-15T14:59:59Z


@pytest.mark.parametrize(("expiry", "opens"), [
    (date(2026, 6, 15), date(2026, 3, 15)),
    (date(2026, 5, 31), date(2026, 2, 28)),  # no 31 February: the end of that month
    (date(2028, 5, 31), date(2028, 2, 29)),  # leap year
    (date(2026, 2, 28), date(2025, 11, 28)),
    (date(2026, 1, 10), date(2025, 10, 10)),  # across the year
    (date(2026, 3, 31), date(2025, 12, 31)),
])
def test_the_window_opens_three_calendar_months_before_expiry(expiry: date, opens: date) -> None:
    assert renewal_opens_on(expiry) == opens


@pytest.mark.parametrize(("day", "state", "renewal", "days_left"), [
    (date(2021, 6, 14), CertificateState.NOT_YET_VALID, RenewalState.NOT_DUE, 1827),
    (date(2021, 6, 15), CertificateState.VALID, RenewalState.NOT_DUE, 1826),
    (date(2026, 3, 14), CertificateState.VALID, RenewalState.NOT_DUE, 93),
    (date(2026, 3, 15), CertificateState.RENEWAL_OPEN, RenewalState.OPEN, 92),
    (date(2026, 6, 15), CertificateState.RENEWAL_OPEN, RenewalState.OPEN, 0),  # the last day still counts
    (date(2026, 6, 16), CertificateState.EXPIRED, RenewalState.EXPIRED, -1),
])
def test_status_on_a_japan_date(day: date, state: CertificateState, renewal: RenewalState, days_left: int) -> None:
    status = status_on(NOT_BEFORE, NOT_AFTER, day)
    assert (status.state, status.renewal, status.days_left) == (state, renewal, days_left)
    assert status.expires_on == date(2026, 6, 15)
    assert status.renewal_opens_on == date(2026, 3, 15)


def test_the_expiry_date_is_the_japan_date_of_not_after() -> None:
    # 14:59:59 UTC is 23:59:59 in Japan: the same day; 15:00 UTC is already the next day in Japan.
    late = datetime(2026, 6, 15, 15, 30, tzinfo=UTC)
    assert status_on(NOT_BEFORE, late, date(2026, 6, 16)).state is CertificateState.RENEWAL_OPEN


def test_status_at_an_instant_is_exact_to_the_second() -> None:
    assert status_at(NOT_BEFORE, NOT_AFTER, NOT_AFTER).state is CertificateState.RENEWAL_OPEN
    after = status_at(NOT_BEFORE, NOT_AFTER, NOT_AFTER + timedelta(seconds=1))
    assert after.state is CertificateState.EXPIRED and after.renewal is RenewalState.EXPIRED
    assert status_at(NOT_BEFORE, NOT_AFTER, NOT_BEFORE - timedelta(seconds=1)).state is CertificateState.NOT_YET_VALID
    with pytest.raises(ValueError, match="aware"):
        status_at(NOT_BEFORE, NOT_AFTER, datetime(2026, 1, 1))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 24))
def test_months_before_lands_in_the_right_month(day: date, months: int) -> None:
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    if earlier.day != day.day:  # clamped, and only to the end of a shorter month
        assert earlier.day < day.day
        assert (earlier + timedelta(days=1)).day == 1


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_the_window_is_about_three_months_long(expiry: date) -> None:
    assert 89 <= (expiry - renewal_opens_on(expiry)).days <= 92
