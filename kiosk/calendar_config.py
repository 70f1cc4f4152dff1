"""The site calendar in ``kiosk.toml``: its ``[calendar]`` table, read into the domain's ``SiteCalendar``.

    [calendar]                       # this terminal's site (Settings.site)
    closed_on_national_holidays = true                          # default true
    closed_monthly = [{ weekday = "sat", nth = 3, days_after = 1 }]   # the Sunday after the 3rd Saturday
    closed_yearly = [{ from = "12-29", to = "01-03" }]          # may wrap the year end
    closed_dates = [2026-05-01]                                 # TOML dates, or "YYYY-MM-DD" strings
    open_dates = [{ date = 2026-12-26, hours = "09:00-12:00" }] # opens even a closed day
    walk_in_within_days = 30        # no appointment needed once the certificate expires within N days
    walk_in_after_expiry = true     # nor for the new issuance after it expired

    [calendar.hours]                 # a weekday not named (or "closed") is closed
    sun = "09:00-17:00"
    mon = "09:00-17:00"
    tue = "11:00-19:00"
    wed = "09:00-17:00"
    thu = "11:00-19:00"
    fri = "09:00-17:00"

    [calendar.sites.north-branch]    # another site, for counter staff booking there: the same keys
    hours = { mon = "08:30-17:15" }

Without ``[calendar]`` keys of its own the terminal's site follows the example card centre of DESIGN.md
section 4 (the demo's default). A table describes a calendar completely: ``hours`` is required, and rules
not written are not applied. Every mistake is a ``ConfigError`` naming the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING, Any

from kiosk.calendar_holidays import national_holiday
from kiosk.domain.calendar import (
    WEEKDAY_NAMES,
    MonthlyClosure,
    OpenHours,
    SiteCalendar,
    YearlyClosure,
    example_centre,
    weekly_hours,
)
from kiosk.domain.renewal_visits import WalkInRule
from kiosk.errors import ConfigError, UnknownSite

if TYPE_CHECKING:
    from kiosk.config import Settings

_KEYS = {"hours", "closed_on_national_holidays", "closed_monthly", "closed_yearly", "closed_dates",
         "open_dates", "walk_in_within_days", "walk_in_after_expiry"}
_HOURS = re.compile(r"\s*([0-9]{1,2}):([0-9]{2})\s*-\s*([0-9]{1,2}):([0-9]{2})\s*")
_MONTH_DAY = re.compile(r"\s*([0-9]{1,2})-([0-9]{1,2})\s*")


@dataclass(frozen=True)
class SiteRules:
    """What the terminal needs to know about a site's days: its calendar and its walk-in rule."""

    calendar: SiteCalendar
    walk_in: WalkInRule


@dataclass(frozen=True)
class CalendarSettings:
    own: SiteRules | None  # None: the built-in example centre
    sites: Mapping[str, SiteRules] = field(default_factory=dict)


def demo_rules() -> SiteRules:
    return SiteRules(example_centre(national_holiday), WalkInRule())


def site_rules(settings: Settings, site: str | None = None) -> SiteRules:
    """The rules of ``site`` (default: the terminal's own); raises ``UnknownSite``."""
    configured = settings.calendar
    if site is None or site == settings.site:
        return configured.own if configured is not None and configured.own is not None else demo_rules()
    if configured is not None and site in configured.sites:
        return configured.sites[site]
    raise UnknownSite(site)


def parse_calendar(table: Any, source: str) -> CalendarSettings:
    """Read a ``[calendar]`` table (as ``tomllib`` returns it); ``source`` names the file in errors."""
    where = f"{source}: calendar"
    mapping = _table(table, where)
    sites_table = _table(mapping.get("sites", {}), f"{where}.sites")
    own_keys = {k: v for k, v in mapping.items() if k != "sites"}
    own = _site(own_keys, where) if own_keys else None
    sites = {str(name): _site(_table(value, f"{where}.sites.{name}"), f"{where}.sites.{name}")
             for name, value in sites_table.items()}
    return CalendarSettings(own, sites)


def _site(table: Mapping[str, Any], where: str) -> SiteRules:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(_KEYS)})")
    if "hours" not in table:
        raise ConfigError(f"{where}: 'hours' is required (weekday -> \"HH:MM-HH:MM\")")
    calendar = SiteCalendar(
        weekly=_weekly(table["hours"], f"{where}.hours"),
        holidays=national_holiday,
        closed_on_national_holidays=_bool(table.get("closed_on_national_holidays", True),
                                          f"{where}.closed_on_national_holidays"),
        monthly=tuple(_monthly(rule, f"{where}.closed_monthly[{i}]")
                      for i, rule in enumerate(_list(table.get("closed_monthly", []), f"{where}.closed_monthly"))),
        yearly=tuple(_yearly(rule, f"{where}.closed_yearly[{i}]")
                     for i, rule in enumerate(_list(table.get("closed_yearly", []), f"{where}.closed_yearly"))),
        closed_dates=frozenset(_date(value, f"{where}.closed_dates[{i}]")
                               for i, value in enumerate(_list(table.get("closed_dates", []),
                                                               f"{where}.closed_dates"))),
        open_dates=_open_dates(_list(table.get("open_dates", []), f"{where}.open_dates"), f"{where}.open_dates"),
    )
    within = table.get("walk_in_within_days", WalkInRule.within_days)
    if isinstance(within, bool) or not isinstance(within, int) or within < 0:
        raise ConfigError(f"{where}.walk_in_within_days: a whole number of days, 0 or more, not {within!r}")
    after = _bool(table.get("walk_in_after_expiry", WalkInRule.after_expiry), f"{where}.walk_in_after_expiry")
    return SiteRules(calendar, WalkInRule(within, after))


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: a table is expected, not {value!r}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: a list is expected, not {value!r}")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: true or false, not {value!r}")
    return value


def _weekly(value: Any, where: str) -> tuple[OpenHours | None, ...]:
    table = _table(value, where)
    hours: dict[int, OpenHours] = {}
    for name, text in table.items():
        if name not in WEEKDAY_NAMES:
            raise ConfigError(f"{where}: unknown weekday {name!r} (use {', '.join(WEEKDAY_NAMES)})")
        if text != "closed":
            hours[WEEKDAY_NAMES.index(name)] = _hours(text, f"{where}.{name}")
    return weekly_hours(hours)


def _hours(value: Any, where: str) -> OpenHours:
    match = _HOURS.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(f"{where}: \"HH:MM-HH:MM\" is expected, not {value!r}")
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    try:
        return OpenHours(time(h1, m1), time(h2, m2))
    except ValueError as exc:
        raise ConfigError(f"{where}: {value!r}: {exc}") from exc


def _weekday(value: Any, where: str) -> int:
    if value not in WEEKDAY_NAMES:
        raise ConfigError(f"{where}: a weekday ({', '.join(WEEKDAY_NAMES)}) is expected, not {value!r}")
    return WEEKDAY_NAMES.index(value)


def _monthly(value: Any, where: str) -> MonthlyClosure:
    rule = _table(value, where)
    unknown = set(rule) - {"weekday", "nth", "days_after"}
    if unknown or "weekday" not in rule or "nth" not in rule:
        raise ConfigError(f"{where}: {{ weekday = \"sat\", nth = 3, days_after = 1 }} is expected, not {value!r}")
    numbers = [rule["nth"], rule.get("days_after", 0)]
    if any(isinstance(n, bool) or not isinstance(n, int) for n in numbers):
        raise ConfigError(f"{where}: nth and days_after are whole numbers, not {value!r}")
    try:
        return MonthlyClosure(_weekday(rule["weekday"], f"{where}.weekday"), numbers[0], numbers[1])
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _yearly(value: Any, where: str) -> YearlyClosure:
    rule = _table(value, where)
    if set(rule) != {"from", "to"}:
        raise ConfigError(f"{where}: {{ from = \"12-29\", to = \"01-03\" }} is expected, not {value!r}")
    bounds = []
    for key in ("from", "to"):
        match = _MONTH_DAY.fullmatch(rule[key]) if isinstance(rule[key], str) else None
        if match is None:
            raise ConfigError(f"{where}.{key}: \"MM-DD\" is expected, not {rule[key]!r}")
        bounds.append((int(match[1]), int(match[2])))
    try:
        return YearlyClosure(bounds[0], bounds[1])
    except ValueError as exc:
        raise ConfigError(f"{where}: {rule['from']!r} to {rule['to']!r} is not a pair of real days") from exc


def _date(value: Any, where: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{where}: a date (2026-12-27 or \"2026-12-27\") is expected, not {value!r}")


def _open_dates(values: list[Any], where: str) -> dict[date, OpenHours]:
    result: dict[date, OpenHours] = {}
    for i, value in enumerate(values):
        entry = _table(value, f"{where}[{i}]")
        if set(entry) != {"date", "hours"}:
            raise ConfigError(f"{where}[{i}]: {{ date = 2026-12-27, hours = \"09:00-12:00\" }} is expected")
        day = _date(entry["date"], f"{where}[{i}].date")
        if day in result:
            raise ConfigError(f"{where}[{i}]: {day.isoformat()} is listed twice")
        result[day] = _hours(entry["hours"], f"{where}[{i}].hours")
    return result
