"""The [calendar] table of kiosk.toml: read through load_settings from a real file, every mistake a ConfigError."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from kiosk.calendar_config import site_rules
from kiosk.config import Settings, load_settings
from kiosk.domain.calendar import ClosedBecause, OpenHours
from kiosk.domain.renewal_visits import WalkInRule
from kiosk.errors import ConfigError, UnknownSite

FULL = '''
site = "chuo-1"

[calendar]
closed_on_national_holidays = true
closed_monthly = [{ weekday = "mon", nth = -1 }]
closed_yearly = [{ from = "12-29", to = "01-03" }, { from = "08-14", to = "08-15" }]
closed_dates = [2026-12-02, "2026-12-03"]
open_dates = [{ date = 2026-12-12, hours = "09:00-12:00" }]
walk_in_within_days = 14
walk_in_after_expiry = false

[calendar.hours]
mon = "08:30-17:15"
tue = "08:30-17:15"
wed = "08:30-19:00"
thu = "08:30-17:15"
fri = "08:30-17:15"
sat = "closed"

[calendar.sites.north-branch]
hours = { sun = "10:00-16:00" }
closed_on_national_holidays = false
'''


def load(tmp_path: Path, content: str) -> Settings:
    file = tmp_path / "kiosk.toml"
    file.write_text(content, encoding="utf-8")
    return load_settings({}, file=file)


def test_without_a_calendar_the_site_is_the_example_centre(tmp_path: Path) -> None:
    settings = load(tmp_path, 'site = "chuo-1"\n')
    assert settings.calendar is None
    rules = site_rules(settings)
    assert rules.calendar.hours_on(date(2026, 12, 7)) == OpenHours(time(9, 0), time(17, 0))
    assert rules.calendar.plan(date(2026, 12, 30)).closed_because is ClosedBecause.YEARLY
    assert rules.walk_in == WalkInRule()
    assert site_rules(settings, "chuo-1") == rules


def test_every_key_of_the_table(tmp_path: Path) -> None:
    settings = load(tmp_path, FULL)
    rules = site_rules(settings)
    calendar = rules.calendar
    assert calendar.hours_on(date(2026, 12, 7)) == OpenHours(time(8, 30), time(17, 15))
    assert calendar.hours_on(date(2026, 12, 9)) == OpenHours(time(8, 30), time(19, 0))
    assert not calendar.is_open_on(date(2026, 12, 6))  # Sunday: not named
    assert calendar.plan(date(2026, 12, 28)).closed_because is ClosedBecause.MONTHLY  # last Monday
    assert calendar.plan(date(2027, 1, 4)).closed_because is None
    assert calendar.plan(date(2026, 8, 14)).closed_because is ClosedBecause.YEARLY
    assert calendar.plan(date(2026, 12, 2)).closed_because is ClosedBecause.CLOSED_DATE
    assert calendar.plan(date(2026, 12, 3)).closed_because is ClosedBecause.CLOSED_DATE
    assert calendar.hours_on(date(2026, 12, 12)) == OpenHours(time(9, 0), time(12, 0))
    assert calendar.plan(date(2027, 1, 11)).closed_because is ClosedBecause.NATIONAL_HOLIDAY
    assert rules.walk_in == WalkInRule(14, after_expiry=False)
    north = site_rules(settings, "north-branch")
    assert north.calendar.hours_on(date(2026, 12, 6)) == OpenHours(time(10, 0), time(16, 0))
    assert north.calendar.is_open_on(date(2027, 1, 3))  # a Sunday: no year-end rule written for it
    assert north.walk_in == WalkInRule()


def test_a_table_with_only_other_sites_keeps_the_example_centre_here(tmp_path: Path) -> None:
    settings = load(tmp_path, '[calendar.sites.north-branch]\nhours = { sun = "10:00-16:00" }\n')
    assert site_rules(settings).calendar.hours_on(date(2026, 12, 8)) == OpenHours(time(11, 0), time(19, 0))


def test_an_unknown_site_is_a_typed_error(tmp_path: Path) -> None:
    settings = load(tmp_path, FULL)
    with pytest.raises(UnknownSite) as caught:
        site_rules(settings, "south-branch")
    assert caught.value.site == "south-branch"
    assert isinstance(caught.value, ConfigError)


@pytest.mark.parametrize(("table", "named"), [
    ('calendar = "always"', "calendar: a table"),
    ('[calendar]\nclosed_on_national_holidays = true', "'hours' is required"),
    ('[calendar]\nhours = { mon = "9-17" }', "calendar.hours.mon"),
    ('[calendar]\nhours = { mon = "17:00-09:00" }', "calendar.hours.mon"),
    ('[calendar]\nhours = { mon = "09:00-25:00" }', "calendar.hours.mon"),
    ('[calendar]\nhours = { monday = "09:00-17:00" }', "unknown weekday 'monday'"),
    ('[calendar]\nhours = { mon = 9 }', "calendar.hours.mon"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\ncolour = "blue"', "unknown keys ['colour']"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_monthly = [{ weekday = "sat", nth = 6 }]',
     "closed_monthly[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_monthly = [{ weekday = "saturday", nth = 3 }]',
     "closed_monthly[0].weekday"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_monthly = [{ weekday = "sat", nth = "third" }]',
     "closed_monthly[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_monthly = { weekday = "sat", nth = 3 }',
     "closed_monthly: a list"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_yearly = [{ from = "12-29" }]', "closed_yearly[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_yearly = [{ from = "12-32", to = "01-03" }]',
     "closed_yearly[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_yearly = [{ from = 1229, to = "01-03" }]',
     "closed_yearly[0].from"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_dates = ["2026-02-30"]', "closed_dates[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_dates = [2026-12-02T10:00:00]', "closed_dates[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nopen_dates = [{ date = 2026-12-12 }]', "open_dates[0]"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nopen_dates = [{ date = 2026-12-12, hours = "x" }]',
     "open_dates[0].hours"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nopen_dates = [{ date = 2026-12-12, hours = "09:00-12:00" },'
     ' { date = 2026-12-12, hours = "13:00-15:00" }]', "listed twice"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nwalk_in_within_days = -3', "walk_in_within_days"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nwalk_in_within_days = true', "walk_in_within_days"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nwalk_in_after_expiry = "yes"', "walk_in_after_expiry"),
    ('[calendar]\nhours = { mon = "09:00-17:00" }\nclosed_on_national_holidays = 1', "closed_on_national_holidays"),
    ('[calendar.sites]\nnorth = "closed"', "calendar.sites.north"),
    ('[calendar.sites.north]\nhours = { mon = "09:00" }', "calendar.sites.north.hours.mon"),
])
def test_a_mistake_names_its_key(tmp_path: Path, table: str, named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, table + "\n")
    assert named in str(caught.value)
    assert str(tmp_path / "kiosk.toml") in str(caught.value)


def test_the_documented_example_is_the_example_centre(tmp_path: Path) -> None:
    import textwrap

    import kiosk.calendar_config

    doc = kiosk.calendar_config.__doc__ or ""
    example = textwrap.dedent("\n\n".join(doc.split("\n\n")[1:4]))
    settings = load(tmp_path, example)
    documented = site_rules(settings).calendar
    centre = site_rules(load(tmp_path, "")).calendar
    for plan in centre.plans(date(2026, 1, 1), 731):
        if plan.day not in (date(2026, 5, 1), date(2026, 12, 26)):  # the example's explicit dates
            assert documented.plan(plan.day) == plan
    assert not documented.is_open_on(date(2026, 5, 1))
    assert documented.hours_on(date(2026, 12, 26)) == OpenHours(time(9, 0), time(12, 0))
    assert site_rules(settings, "north-branch").calendar.hours_on(date(2026, 12, 7)) == OpenHours(time(8, 30),
                                                                                                  time(17, 15))
