"""The kiosk's own rules, through the window: outside its hours it says when it opens next, and "Call staff"
works on every screen: the call reaches the site's counters and the audit trail."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle

from kiosk import i18n
from kiosk.calendar_config import SiteRules
from kiosk.calendar_text import date_text
from kiosk.cardsim.pcscd import Slot
from kiosk.domain.calendar import OpenHours, SiteCalendar
from kiosk.domain.renewal_visits import WalkInRule
from kiosk.pki.training import TrainingPki
from kiosk.ui.controller import japan_today
from ui.harness import UiTerminal, ui_terminal

pytestmark = pytest.mark.pcsc

NEW_AUTH = "4321"


async def call_staff_from(app: UiTerminal, screen: str, *, back: bool = True) -> None:
    """On ``screen``, the resident presses "Call staff": the call reaches the site's counters (the central
    service lists it, naming the screen), the screen says so, the audit trail names the screen, and
    (``back``) "Back" returns to the start."""
    await app.screen(screen)
    before = len(await app.audit("kiosk.call_staff"))
    assert app.shown("callStaffButton"), f"no Call staff button on {screen}"
    app.click("callStaffButton")
    await app.screen("callStaffScreen")
    await app.until(lambda: app.text("callStaffHeading") == "A staff member has been called.",
                    "the counters to have the call")
    entries = await app.audit("kiosk.call_staff")
    assert len(entries) == before + 1
    detail = max(entries, key=lambda entry: entry.id).detail
    assert (detail["screen"], detail["language"]) == (screen, i18n.language())
    with app.central.client(DEMO_TERMINAL) as counter:
        listed = {found["call_id"]: found for found in counter.get("/v1/staff-calls").json()["calls"]}
    assert listed[str(detail["call"])]["screen"] == screen
    assert app.shown("callStaffButton")
    if back:
        app.click("callStaffBackButton")


async def test_call_staff_on_every_kiosk_screen(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await call_staff_from(app, "attractScreen")
    await app.screen("attractScreen")
    app.click("attractStartButton")
    await call_staff_from(app, "insertCardScreen")
    await app.screen("attractScreen")

    card = app.card("valid")
    with app.inserted(card):
        app.click("attractStartButton")
        await call_staff_from(app, "checkScreen")
        await app.screen("attractScreen")
        assert app.controller.status is None  # back to the start: nothing of the card kept

        app.click("attractStartButton")
        await app.screen("checkScreen")
        app.click("changePinButton")
        await call_staff_from(app, "choosePinScreen")

        app.click("attractStartButton")
        await app.screen("checkScreen")
        app.click("changePinButton")
        await app.screen("choosePinScreen")
        app.click("choosePin_sign")
        for pin in ("NEWPASS1", "NEWPASS2"):  # the two entries differ: asked again, then given up
            await app.type_pin(pin)
        await app.until(lambda: app.controller.pin_entry.asked > app.pins_typed, "the new PIN asked again")
        app.click("pinCancel")
        await call_staff_from(app, "resultScreen")
    await app.screen("attractScreen")
    assert card.state.pins["auth"].matches(b"1234") and card.state.pins["sign"].matches(b"ABC123")


async def test_call_staff_while_a_pin_is_asked(kiosk_app: UiTerminal) -> None:
    """In the middle of a procedure (a PIN asked, the last-try question): the call is recorded with the
    screen; the resident then takes the card, and the kiosk starts over with nothing kept."""
    app = kiosk_app
    card = app.card("valid")
    for screen, typed in (("pinEntryScreen", ()), ("lastTryScreen", (NEW_AUTH, NEW_AUTH, "9999", "9998"))):
        await app.screen("attractScreen")
        app.click("attractStartButton")
        with app.inserted(card) as link:
            await app.screen("checkScreen")
            app.click("changePinButton")
            await app.screen("choosePinScreen")
            app.click("choosePin_auth")
            for pin in typed:
                await app.type_pin(pin)
            await call_staff_from(app, screen, back=False)
            link.remove()
            await app.screen("attractScreen")
        await app.until(lambda: not app.controller.busy, "the procedure to stop")
        assert app.controller.status is None and app.controller.pin_entry.pad.length() == 0
    assert card.state.pins["auth"].tries_left == 1  # leaving the last-try question spent nothing
    assert card.state.pins["auth"].matches(b"1234")


async def test_back_from_calling_staff_in_the_middle_returns_to_the_start(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await app.screen("attractScreen")
    app.click("attractStartButton")
    with app.inserted(app.card("valid")):
        await app.screen("checkScreen")
        app.click("changePinButton")
        await app.screen("choosePinScreen")
        app.click("choosePin_auth")
        await call_staff_from(app, "pinEntryScreen")
        await app.until(lambda: not app.controller.busy, "the procedure to stop")
        assert app.controller.current == "attractScreen"


def closed_until(opening: OpenHours, days_ahead: int) -> SiteRules:
    """A site closed every day but one, ``days_ahead`` days from today."""
    day = japan_today() + timedelta(days=days_ahead)
    return SiteRules(SiteCalendar(weekly=(None,) * 7, open_dates={day: opening}), WalkInRule())


async def test_kiosk_outside_its_hours_says_when_it_opens(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot,
                                                          training_pki: TrainingPki) -> None:
    opening = OpenHours(time(9, 30), time(12, 0))
    rules = closed_until(opening, 300)
    async with ui_terminal(tmp_path, central, vpcd_slot, training_pki, KIOSK_TERMINAL, rules=rules) as app:
        await app.screen("closedScreen")
        assert app.text("closedHeading") == "This kiosk is closed now."
        day = japan_today() + timedelta(days=300)
        assert app.text("closedNext") == f"Closed now. Next open: {date_text(day)}, from 09:30."
        # A card placed while closed starts nothing.
        with app.inserted(app.card("valid")):
            await app.until(lambda: app.controller.services.state.card_present,  # type: ignore[union-attr]
                            "the card to be seen")
            app.controller.check_hours()
            assert app.controller.current == "closedScreen" and app.controller.status is None
        await call_staff_from(app, "closedScreen")
        await app.screen("closedScreen")  # "Back" from calling staff: still closed
        app.controller.check_hours()
        assert app.controller.current == "closedScreen"


async def test_the_window_speaks_the_language_of_the_locale(tmp_path: Path, central: CentralHandle,
                                                            vpcd_slot: Slot, training_pki: TrainingPki,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LANG", "ja")
    i18n.set_language(None)  # earlier tests chose English for the process
    try:
        async with ui_terminal(tmp_path, central, vpcd_slot, training_pki, KIOSK_TERMINAL, language=None) as app:
            await app.screen("attractScreen")
            assert i18n.language() == "ja"  # what the flows' messages are written in
            assert app.text("callStaffButton") == "職員を呼ぶ"
    finally:
        i18n.set_language(None)
