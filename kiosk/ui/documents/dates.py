"""Dates as Japanese documents write them: Western (2026年12月1日) and by era (令和8年12月1日).

Forms for residents give the birth date in the era form people know from their own papers; the Western
form goes beside it so nobody has to convert. An era starts on the day its emperor acceded (Reiwa on
1 May 2019, Heisei on 8 January 1989, Showa on 25 December 1926, Taisho on 30 July 1912), and its first
year is written 元年 in Japanese. Dates before Meiji's Gregorian start have no era form here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.validity import JST


@dataclass(frozen=True)
class Era:
    kanji: str
    romaji: str
    starts_on: date


ERAS = (  # newest first
    Era("令和", "Reiwa", date(2019, 5, 1)),
    Era("平成", "Heisei", date(1989, 1, 8)),
    Era("昭和", "Showa", date(1926, 12, 25)),
    Era("大正", "Taisho", date(1912, 7, 30)),
    Era("明治", "Meiji", date(1868, 10, 23)),
)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class EraDate:
    era: Era
    year: int  # 1 is the era's first (partial) calendar year
    month: int
    day: int

    @property
    def japanese(self) -> str:
        year = "元" if self.year == 1 else str(self.year)
        return f"{self.era.kanji}{year}年{self.month}月{self.day}日"

    @property
    def english(self) -> str:
        return f"{self.era.romaji} {self.year}"


def era_date(day: date) -> EraDate | None:
    for era in ERAS:
        if day >= era.starts_on:
            return EraDate(era, day.year - era.starts_on.year + 1, day.month, day.day)
    return None


def western_japanese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def western_english(day: date) -> str:
    # Our own month names: strftime's %B follows LC_TIME, which a Japanese terminal sets.
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def japan_time(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(JST)
