"""Japan's national holidays, from the maintained ``jpholiday`` package (no hand-written table).

The domain's ``SiteCalendar`` takes this lookup as an injected function, so the pure rules stay free of
any outside calendar; this module is the one place that imports ``jpholiday``. It includes substitute
holidays (振替休日) and citizens' holidays (国民の休日), which ``jpholiday`` derives from the Act on
National Holidays.
"""

from __future__ import annotations

from datetime import date


def national_holiday(day: date) -> str | None:
    """The Japanese name of the national holiday on ``day``, or None."""
    import jpholiday  # lazy: ``kiosk`` commands that never ask about a date do not pay for it

    try:
        name: str | None = jpholiday.is_holiday_name(day)
    except OverflowError:
        # jpholiday looks a day ahead for substitute holidays, which overflows at date.max: no law there.
        return None
    return name
