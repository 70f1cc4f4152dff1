"""Where a certificate stands on a given day: valid, inside its renewal window, expired or not yet valid.

Every date here is a Japan-time date (jpki-reference.md "Certificates"): a notAfter of 14:59:59 UTC is
23:59:59 in Japan, so the certificate's **expiry date** is the Japan date of its notAfter and the
certificate is usable through the whole of that day.

The renewal window (J-LIS: "from 3 months before the end of the validity period") is counted in calendar
months on Japan dates: it **opens on the same day of the month three months before the expiry date**, or
on the last day of that month when it has no such day (expiry 31 May -> opens 28 or 29 February; expiry
15 June -> opens 15 March), as Japanese civil law counts periods in months. From the opening date through
the expiry date the certificate can be renewed; after the expiry date it has expired and a new one is
issued instead.

``days_left`` is the number of days from the day in question to the expiry date: 0 on the last valid day,
negative once expired.

Two ways to ask: ``status_on(day)`` for a calendar day (the check screen, booking an appointment) and
``status_at(moment)`` for an instant (exact to the second against notBefore and notAfter).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kiosk.domain.validity import japan_date

RENEWAL_WINDOW_MONTHS = 3


class CertificateState(StrEnum):
    NOT_YET_VALID = "not_yet_valid"
    VALID = "valid"
    RENEWAL_OPEN = "renewal_open"  # valid, and inside the renewal window
    EXPIRED = "expired"


class RenewalState(StrEnum):
    NOT_DUE = "not_due"
    OPEN = "open"
    EXPIRED = "expired"  # too late to renew: a new certificate is issued instead


@dataclass(frozen=True)
class CertificateStatus:
    state: CertificateState
    valid_from: date  # Japan date of notBefore
    expires_on: date  # Japan date of notAfter: the last day it can be used
    renewal_opens_on: date
    days_left: int  # expires_on - the day in question; negative when expired

    @property
    def renewal(self) -> RenewalState:
        if self.state is CertificateState.EXPIRED:
            return RenewalState.EXPIRED
        if self.state is CertificateState.RENEWAL_OPEN:
            return RenewalState.OPEN
        return RenewalState.NOT_DUE


def months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` calendar months earlier, or that month's last day."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def renewal_opens_on(expires_on: date) -> date:
    return months_before(expires_on, RENEWAL_WINDOW_MONTHS)


def _status(valid_from: date, expires_on: date, day: date, *, before_start: bool, after_end: bool) -> CertificateStatus:
    opens_on = renewal_opens_on(expires_on)
    if after_end:
        state = CertificateState.EXPIRED
    elif before_start:
        state = CertificateState.NOT_YET_VALID
    elif day >= opens_on:
        state = CertificateState.RENEWAL_OPEN
    else:
        state = CertificateState.VALID
    return CertificateStatus(state, valid_from, expires_on, opens_on, (expires_on - day).days)


def status_on(not_before: datetime, not_after: datetime, day: date) -> CertificateStatus:
    """The certificate's standing on the Japan-time calendar day ``day``.

    A certificate counts as valid on a day if it is valid at some moment of that day in Japan: from the
    Japan date of notBefore through the Japan date of notAfter.
    """
    valid_from, expires_on = japan_date(not_before), japan_date(not_after)
    return _status(valid_from, expires_on, day, before_start=day < valid_from, after_end=day > expires_on)


def status_at(not_before: datetime, not_after: datetime, moment: datetime) -> CertificateStatus:
    """The certificate's standing at an instant (aware datetime), to the second."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    valid_from, expires_on = japan_date(not_before), japan_date(not_after)
    return _status(valid_from, expires_on, japan_date(moment),
                   before_start=moment < not_before, after_end=moment > not_after)
