"""The calendar in words (kiosk.calendar_text) and refused appointments (kiosk.messages), in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from kiosk import i18n
from kiosk.calendar_holidays import national_holiday
from kiosk.calendar_text import date_text, day_text, now_text, renewal_visit_text
from kiosk.domain.calendar import example_centre
from kiosk.domain.certificates import renewal_opens_on
from kiosk.domain.renewal_visits import (
    WalkInRule,
    check_appointment,
    parse_appointment_date,
    renewal_visit,
    require_bookable,
)
from kiosk.domain.validity import JST
from kiosk.errors import AppointmentRefused
from kiosk.messages import message_for

CENTRE = example_centre(national_holiday)


@pytest.fixture(autouse=True)
def english_unless_asked() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language(None)


def test_now_text_open_before_opening_and_closed() -> None:
    from datetime import datetime

    def moment(hour: int, minute: int = 0, day: int = 8) -> datetime:
        return datetime(2026, 12, day, hour, minute, tzinfo=JST)

    assert now_text(CENTRE, moment(11)) == "Open now, until 19:00."
    assert now_text(CENTRE, moment(10, 59)) == "Closed now. Opens today at 11:00."
    assert now_text(CENTRE, moment(19)) == "Closed now. Next open: Wed 9 Dec 2026, from 09:00."
    i18n.set_language("ja")
    assert now_text(CENTRE, moment(19)) == "ただいま受付時間外です。次の受付は2026年12月9日(水)の09:00からです。"
    assert now_text(CENTRE, moment(12)) == "ただいま受付中です(19:00まで)。"


def test_days_and_dates() -> None:
    assert date_text(date(2027, 1, 4)) == "Mon 4 Jan 2027"
    assert day_text(CENTRE.plan(date(2027, 1, 11))) == "closed (national holiday: 成人の日)"
    assert day_text(CENTRE.plan(date(2027, 1, 17))) == "closed (monthly closing day)"
    i18n.set_language("ja")
    assert date_text(date(2027, 1, 4)) == "2027年1月4日(月)"
    assert day_text(CENTRE.plan(date(2026, 12, 30))) == "閉庁(年末年始などの休業期間)"


def test_renewal_visit_in_words() -> None:
    expires = date(2027, 3, 15)
    visit = renewal_visit(renewal_opens_on=renewal_opens_on(expires), expires_on=expires, today=date(2026, 12, 1),
                          calendar=CENTRE, rule=WalkInRule(30))
    assert renewal_visit_text(visit, date(2026, 12, 1)) == [
        "You can renew the certificate at the counter from Tue 15 Dec 2026.",
        "The last day the counter is open before it expires is Mon 15 Mar 2027.",
        "Please book an appointment, or come without one from Sun 14 Feb 2027.",
    ]
    late = renewal_visit(renewal_opens_on=renewal_opens_on(date(2026, 12, 31)), expires_on=date(2026, 12, 31),
                         today=date(2026, 12, 29), calendar=CENTRE, rule=WalkInRule(30))
    i18n.set_language("ja")
    assert renewal_visit_text(late, date(2026, 12, 29)) == [
        "この証明書はもう更新できません。2027年1月4日(月)以降、窓口で新しい証明書を発行します。",
        "予約をしてお越しください。2027年1月4日(月)からは予約なしでも受け付けます。",
    ]
    # 20 December 2026 is the Sunday after the third Saturday: the last open day is Friday the 18th.
    today = renewal_visit(renewal_opens_on=renewal_opens_on(date(2026, 12, 20)), expires_on=date(2026, 12, 20),
                          today=date(2026, 12, 1), calendar=CENTRE, rule=WalkInRule(30))
    assert renewal_visit_text(today, date(2026, 12, 1)) == [
        "本日から窓口で証明書を更新できます。",
        "有効期限までに窓口が開いている最後の日は2026年12月18日(金)です。",
        "予約なしでお越しいただけます。",
    ]


def test_a_refused_appointment_says_why_and_what_to_book() -> None:
    expires = date(2027, 2, 1)
    check = check_appointment(date(2026, 12, 30), today=date(2026, 12, 1), renewal_opens_on=renewal_opens_on(expires),
                              expires_on=expires, calendar=CENTRE)
    with pytest.raises(AppointmentRefused) as caught:
        require_bookable(check)
    assert message_for(caught.value) == ("The office is closed on this date. "
                                         "The nearest date that can be booked is 2027-01-04.")
    i18n.set_language("ja")
    assert message_for(caught.value) == "この日は閉庁日です。予約できる最も近い日は2027-01-04です。"
    with pytest.raises(AppointmentRefused) as typed:
        parse_appointment_date("12月4日")
    assert message_for(typed.value) == "日付として読めません。2026-12-04 のように入力してください。"
