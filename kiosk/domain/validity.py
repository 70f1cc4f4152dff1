"""How long a card and its certificates are valid, and Japan-time dates.

Rules (jpki-reference.md, DESIGN.md section 4):
- current cards: certificates run to the 5th birthday after issuance (the 6th when renewed inside the
  3-month renewal window, so the resident loses nothing by renewing early); the card to the 10th
  birthday after issuance, the 5th when issued to someone under 18;
- next-generation cards: certificates as long as the card, 10 years (5 for minors);
- a certificate never outlives its card;
- every date a resident sees is a Japan-time date: an expiry date D means valid until 23:59:59 JST on D.

A birthday on 29 February falls on 28 February in common years (the day a Japanese age increases).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from kiosk.domain.generation import CardGeneration

JST = timezone(timedelta(hours=9), "JST")
ADULT_AGE = 18
CARD_YEARS_ADULT = 10
CARD_YEARS_MINOR = 5
CERTIFICATE_BIRTHDAYS = 5


def birthday_in(birth: date, year: int) -> date:
    if birth.month == 2 and birth.day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return birth.replace(year=year)


def nth_birthday_after(birth: date, day: date, n: int) -> date:
    """The n-th birthday strictly after ``day`` (n >= 1)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    first = birthday_in(birth, day.year)
    if first <= day:
        first = birthday_in(birth, day.year + 1)
    return birthday_in(birth, first.year + n - 1)


def age_on(birth: date, day: date) -> int:
    years = day.year - birth.year
    return years - 1 if birthday_in(birth, day.year) > day else years


def card_expiry(birth: date, issued: date) -> date:
    """The card's own expiry date (both generations)."""
    years = CARD_YEARS_ADULT if age_on(birth, issued) >= ADULT_AGE else CARD_YEARS_MINOR
    return nth_birthday_after(birth, issued, years)


def certificate_expiry(
    birth: date,
    issued: date,
    *,
    generation: CardGeneration = CardGeneration.CURRENT,
    card_expires_on: date | None = None,
    renewed_in_window: bool = False,
) -> date:
    """The expiry date of a certificate issued on ``issued`` to someone born on ``birth``."""
    if generation is CardGeneration.NEXT:
        expiry = card_expiry(birth, issued)
    else:
        count = CERTIFICATE_BIRTHDAYS + (1 if renewed_in_window else 0)
        expiry = nth_birthday_after(birth, issued, count)
    if card_expires_on is not None:
        expiry = min(expiry, card_expires_on)
    return expiry


def end_of_japan_day(day: date) -> datetime:
    """The last second of ``day`` in Japan, as an aware UTC datetime (what a notAfter holds)."""
    return datetime.combine(day, time(23, 59, 59), JST).astimezone(UTC)


def start_of_japan_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0, 0), JST).astimezone(UTC)


def japan_date(moment: datetime) -> date:
    """The calendar date in Japan at an aware instant."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(JST).date()
