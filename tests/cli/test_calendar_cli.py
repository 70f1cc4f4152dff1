"""``kiosk calendar`` as a technician runs it: the demo centre, a configured calendar, every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from virtual_cards import kiosk_environment, run_kiosk

from kiosk.cli.exitcodes import ExitCode

CONFIGURED = '''
site = "chuo-1"

[calendar]
closed_dates = [2026-12-02]
walk_in_within_days = 14

[calendar.hours]
mon = "08:30-17:15"
tue = "08:30-17:15"
wed = "08:30-17:15"
thu = "08:30-17:15"
fri = "08:30-17:15"

[calendar.sites.north-branch]
hours = { sat = "09:00-12:00" }
'''


def environment(tmp_path: Path, config: str | None = None, **extra: str) -> dict[str, str]:
    config_dir = tmp_path / "config"
    config_dir.mkdir(exist_ok=True)
    if config is not None:
        (config_dir / "kiosk.toml").write_text(config, encoding="utf-8")
    return kiosk_environment(KIOSK_CONFIG_DIR=str(config_dir), **extra)


def test_the_demo_centre_across_the_year_end(tmp_path: Path) -> None:
    result = run_kiosk(["calendar", "--from", "2026-12-27", "--days", "9", "--at", "2026-12-28T17:00"],
                       env=environment(tmp_path))
    assert result.returncode == ExitCode.OK, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Open hours of demo-site, 9 days from Sun 27 Dec 2026"
    assert lines[1] == "At Mon 28 Dec 2026 17:00: Closed now. Next open: Mon 4 Jan 2027, from 09:00."
    assert lines[2:] == [
        "2026-12-27 Sun  09:00-17:00",
        "2026-12-28 Mon  09:00-17:00",
        "2026-12-29 Tue  closed (yearly closure, such as the year end)",
        "2026-12-30 Wed  closed (yearly closure, such as the year end)",
        "2026-12-31 Thu  closed (yearly closure, such as the year end)",
        "2027-01-01 Fri  closed (national holiday: 元日)",
        "2027-01-02 Sat  closed (yearly closure, such as the year end)",
        "2027-01-03 Sun  closed (yearly closure, such as the year end)",
        "2027-01-04 Mon  09:00-17:00",
    ]


def test_in_japanese(tmp_path: Path) -> None:
    result = run_kiosk(["calendar", "--from", "2027-01-16", "--days", "3", "--at", "2027-01-18T09:00"],
                       env=environment(tmp_path, KIOSK_LANG="ja"))
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout.splitlines() == [
        "demo-siteの開庁時間(2027年1月16日(土)から3日間)",
        "2027年1月18日(月) 09:00時点: ただいま受付中です(17:00まで)。",
        "2027-01-16 土  閉庁",
        "2027-01-17 日  閉庁(毎月の休業日)",
        "2027-01-18 月  09:00-17:00",
    ]


def test_json_starts_at_the_day_of_the_moment_asked(tmp_path: Path) -> None:
    # A moment with a zone: 02:00 UTC on Monday 11 January 2027 is 11:00 in Japan, Coming-of-Age Day.
    result = run_kiosk(["calendar", "--days", "2", "--at", "2027-01-11T02:00+00:00", "--json"],
                       env=environment(tmp_path))
    assert result.returncode == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert document["site"] == "demo-site" and document["from"] == "2027-01-11"
    assert document["days"] == [
        {"date": "2027-01-11", "weekday": "mon", "open": False, "opens": None, "closes": None,
         "closed_because": "national_holiday", "holiday": "成人の日"},
        {"date": "2027-01-12", "weekday": "tue", "open": True, "opens": "11:00", "closes": "19:00",
         "closed_because": None, "holiday": None},
    ]
    assert document["at"] == {"moment": "2027-01-11T11:00:00+09:00", "open": False, "closes_at": None,
                              "next_open": "2027-01-12T11:00:00+09:00"}


def test_a_configured_calendar_and_another_site(tmp_path: Path) -> None:
    env = environment(tmp_path, CONFIGURED)
    own = run_kiosk(["calendar", "--from", "2026-11-30", "--days", "3", "--at", "2026-11-30T08:30"], env=env)
    assert own.returncode == ExitCode.OK, own.stderr
    assert own.stdout.splitlines()[0] == "Open hours of chuo-1, 3 days from Mon 30 Nov 2026"
    assert own.stdout.splitlines()[1].endswith("Open now, until 17:15.")
    assert own.stdout.splitlines()[2:] == ["2026-11-30 Mon  08:30-17:15", "2026-12-01 Tue  08:30-17:15",
                                           "2026-12-02 Wed  closed (special closing day)"]
    north = run_kiosk(["calendar", "--site", "north-branch", "--from", "2026-12-05", "--days", "2", "--at",
                       "2026-12-05T12:00"], env=env)
    assert north.returncode == ExitCode.OK, north.stderr
    assert north.stdout.splitlines()[1].endswith("Closed now. Next open: Sat 12 Dec 2026, from 09:00.")
    assert north.stdout.splitlines()[2:] == ["2026-12-05 Sat  09:00-12:00", "2026-12-06 Sun  closed"]


def test_an_unknown_site_is_refused(tmp_path: Path) -> None:
    result = run_kiosk(["calendar", "--site", "south-branch"], env=environment(tmp_path, CONFIGURED))
    assert result.returncode == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.strip() == "No calendar is set up for this site."


@pytest.mark.parametrize(("arguments", "complaint"), [
    (["--from", "2026-13-01"], "not a date"),
    (["--from", "tomorrow"], "not a date"),
    (["--days", "0"], "1 to 731"),
    (["--days", "732"], "1 to 731"),
    (["--days", "many"], "not a number of days"),
    (["--at", "noon"], "not a moment"),
])
def test_bad_arguments_are_usage_errors(tmp_path: Path, arguments: list[str], complaint: str) -> None:
    result = run_kiosk(["calendar", *arguments], env=environment(tmp_path))
    assert result.returncode == ExitCode.USAGE
    assert complaint in result.stderr and result.stdout == ""


def test_a_broken_calendar_table_says_the_terminal_is_not_set_up(tmp_path: Path) -> None:
    env = environment(tmp_path, '[calendar]\n[calendar.hours]\nmon = "9 to 5"\n')
    result = run_kiosk(["calendar"], env=env)
    assert result.returncode == ExitCode.ERROR
    assert "not set up correctly" in result.stderr
    # The technician's detail names the key, in the log at -v.
    detailed = run_kiosk(["-vv", "calendar"], env=env)
    assert "calendar.hours.mon" in detailed.stderr
