"""The site calendar in words: days, hours, "open until", "next open", and when to come to renew.

One place for this text so the CLI (``kiosk calendar``, ``kiosk flow check``), the kiosk's closed screen
and the check screen say the same thing in every language. Dates read the way the language writes them
(``2027年1月4日(月)`` in Japanese).
"""

from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.calendar import ClosedBecause, DayPlan, SiteCalendar
from kiosk.domain.renewal_visits import RenewalVisit, VisitKind
from kiosk.domain.validity import JST, japan_date
from kiosk.i18n import Message, tr, tr_message, tr_noop

_WEEKDAYS: tuple[Message, ...] = (
    tr_noop("calendar", "Mon"), tr_noop("calendar", "Tue"), tr_noop("calendar", "Wed"),
    tr_noop("calendar", "Thu"), tr_noop("calendar", "Fri"), tr_noop("calendar", "Sat"),
    tr_noop("calendar", "Sun"),
)

# English month abbreviations, independent of the process locale; other languages write the month number.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_CLOSED_BECAUSE: dict[ClosedBecause, Message] = {
    ClosedBecause.WEEKLY: tr_noop("calendar", "closed"),
    ClosedBecause.NATIONAL_HOLIDAY: tr_noop("calendar", "closed (national holiday: {holiday})"),
    ClosedBecause.MONTHLY: tr_noop("calendar", "closed (monthly closing day)"),
    ClosedBecause.YEARLY: tr_noop("calendar", "closed (yearly closure, such as the year end)"),
    ClosedBecause.CLOSED_DATE: tr_noop("calendar", "closed (special closing day)"),
}


def weekday_name(day: date) -> str:
    return tr_message(_WEEKDAYS[day.weekday()])


def date_text(day: date) -> str:
    """A date with its weekday, as the language writes it."""
    return tr("calendar", "{weekday} {day} {month_name} {year}", weekday=weekday_name(day), day=day.day,
              month=day.month, year=day.year, month_name=_MONTHS[day.month - 1])


def time_text(moment: datetime) -> str:
    return moment.astimezone(JST).strftime("%H:%M")


def day_text(plan: DayPlan) -> str:
    """The hours of a day ("09:00-17:00"), or why it is closed; a national holiday the site opens on is named."""
    if plan.hours is not None:
        if plan.holiday:
            return tr("calendar", "{hours} (national holiday: {holiday})", hours=str(plan.hours),
                      holiday=plan.holiday)
        return str(plan.hours)
    because = plan.closed_because or ClosedBecause.WEEKLY
    return tr_message(_CLOSED_BECAUSE[because], holiday=plan.holiday or "")


def now_text(calendar: SiteCalendar, moment: datetime) -> str:
    """For the kiosk's screens: open until when, or when it next opens."""
    closes = calendar.closes_at(moment)
    if closes is not None:
        return tr("calendar", "Open now, until {time}.", time=time_text(closes))
    opens = calendar.next_open(moment)
    if japan_date(opens) == japan_date(moment):
        return tr("calendar", "Closed now. Opens today at {time}.", time=time_text(opens))
    return tr("calendar", "Closed now. Next open: {date}, from {time}.", date=date_text(japan_date(opens)),
              time=time_text(opens))


def renewal_visit_text(visit: RenewalVisit, today: date) -> list[str]:
    """For the check screen and ``kiosk flow check``: when to come, and whether an appointment is needed."""
    lines = []
    if visit.kind is VisitKind.RENEWAL:
        if visit.first_day == today:
            lines.append(tr("calendar", "You can renew the certificate at the counter from today."))
        else:
            lines.append(tr("calendar", "You can renew the certificate at the counter from {date}.",
                            date=date_text(visit.first_day)))
        if visit.last_day is not None:
            lines.append(tr("calendar", "The last day the counter is open before it expires is {date}.",
                            date=date_text(visit.last_day)))
    else:
        lines.append(tr("calendar", "The certificate cannot be renewed any more: a new one is issued at the counter, "
                                    "from {date}.", date=date_text(visit.first_day)))
    if visit.walk_in_now:
        lines.append(tr("calendar", "No appointment is needed."))
    elif visit.walk_in_from is not None:
        lines.append(tr("calendar", "Please book an appointment, or come without one from {date}.",
                        date=date_text(visit.walk_in_from)))
    else:
        lines.append(tr("calendar", "Please book an appointment."))
    return lines
