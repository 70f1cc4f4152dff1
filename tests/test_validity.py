"""Validity rules of cards and certificates (kiosk.domain.validity)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.generation import CardGeneration
from kiosk.domain.validity import (
    age_on,
    birthday_in,
    card_expiry,
    certificate_expiry,
    end_of_japan_day,
    japan_date,
    nth_birthday_after,
)


def test_fifth_birthday_after_issuance() -> None:
    born = date(1990, 6, 1)
    assert certificate_expiry(born, date(2020, 3, 10)) == date(2024, 6, 1)
    # Issued on the birthday itself: that birthday is not "after" the issue.
    assert certificate_expiry(born, date(2020, 6, 1)) == date(2025, 6, 1)


def test_renewed_inside_the_window_counts_the_sixth_birthday() -> None:
    born = date(1990, 6, 1)
    # Renewed on 2024-04-15, seven weeks before the old certificate expires on 2024-06-01: the new one
    # runs to 2029-06-01 rather than 2028-06-01, so renewing early costs the resident nothing.
    assert certificate_expiry(born, date(2024, 4, 15), renewed_in_window=True) == date(2029, 6, 1)
    assert certificate_expiry(born, date(2024, 4, 15)) == date(2028, 6, 1)


def test_certificate_never_outlives_the_card() -> None:
    born = date(1990, 6, 1)
    assert certificate_expiry(born, date(2020, 3, 10), card_expires_on=date(2023, 1, 1)) == date(2023, 1, 1)


def test_card_runs_ten_birthdays_for_adults_and_five_for_minors() -> None:
    # Birthdays after 2020-03-10: 2020-06-01 is the first, so 2029-06-01 is the tenth.
    assert card_expiry(date(1990, 6, 1), date(2020, 3, 10)) == date(2029, 6, 1)
    assert card_expiry(date(2010, 6, 1), date(2020, 3, 10)) == date(2024, 6, 1)
    # The day someone turns 18 they are an adult.
    assert card_expiry(date(2002, 3, 10), date(2020, 3, 10)) == date(2030, 3, 10)


def test_next_generation_certificates_live_as_long_as_the_card() -> None:
    born = date(1990, 6, 1)
    issued = date(2026, 12, 1)
    assert certificate_expiry(born, issued, generation=CardGeneration.NEXT) == card_expiry(born, issued)


def test_leap_day_birthdays_fall_on_28_february_in_common_years() -> None:
    born = date(2000, 2, 29)
    assert birthday_in(born, 2023) == date(2023, 2, 28)
    assert birthday_in(born, 2024) == date(2024, 2, 29)
    assert nth_birthday_after(born, date(2021, 3, 1), 5) == date(2026, 2, 28)
    assert age_on(born, date(2023, 2, 27)) == 22
    assert age_on(born, date(2023, 2, 28)) == 23


def test_japan_dates() -> None:
    assert end_of_japan_day(date(2029, 6, 1)) == datetime(2029, 6, 1, 14, 59, 59, tzinfo=UTC)
    assert japan_date(datetime(2026, 11, 23, 15, 0, tzinfo=UTC)) == date(2026, 11, 24)
    assert japan_date(datetime(2026, 11, 23, 14, 59, 59, tzinfo=UTC)) == date(2026, 11, 23)
    with pytest.raises(ValueError):
        japan_date(datetime(2026, 11, 23, 12, 0))  # a naive time must be refused


@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
       st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 31)), st.integers(1, 12))
def test_nth_birthday_is_a_birthday_strictly_after(born: date, day: date, n: int) -> None:
    result = nth_birthday_after(born, day, n)
    assert result > day
    assert (result.month, result.day) == (born.month, born.day) or (born.month, born.day) == (2, 29)
    assert result.year - (day.year + (0 if birthday_in(born, day.year) > day else 1)) == n - 1


@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
       st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 31)))
def test_certificate_expiry_is_after_issue_and_within_six_years(born: date, issued: date) -> None:
    expiry = certificate_expiry(born, issued, card_expires_on=card_expiry(born, issued))
    assert issued < expiry <= card_expiry(born, issued)
    assert (expiry - issued).days <= 6 * 366
