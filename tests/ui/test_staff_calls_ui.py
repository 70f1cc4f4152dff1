"""A resident calls staff at a kiosk and the site's counter shows it; "I'm going" there tells the kiosk that
someone is coming. Two real windows (a kiosk and a counter, each on its own virtual reader) and the
reference central service between them; a dead service and a card taken while waiting, too."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, OTHER_SITE_TERMINAL, CentralHandle
from virtual_cards import empty_slot

from kiosk.cardsim import pcscd as pcscd_control
from kiosk.pki.training import TrainingPki
from ui.harness import STAFF, UiTerminal, ui_terminal

pytestmark = pytest.mark.pcsc


@pytest.fixture
async def counter_beside(tmp_path: Path, central: CentralHandle, pcscd: pcscd_control.PcscdProcess,
                         training_pki: TrainingPki) -> AsyncIterator[UiTerminal]:
    """The site's counter, on a second virtual reader, next to the ``kiosk_app`` of the test."""
    with pcscd_control.restart_lock(exclusive=False), empty_slot() as slot:
        async with ui_terminal(tmp_path / "counter", central, slot, training_pki, DEMO_TERMINAL) as terminal:
            yield terminal


async def test_a_kiosk_call_shows_at_the_counter_and_its_answer_at_the_kiosk(
        kiosk_app: UiTerminal, counter_beside: UiTerminal) -> None:
    kiosk, counter = kiosk_app, counter_beside
    await counter.screen("signInScreen")  # a locked counter shows calls too
    assert not counter.shown("staffCallBanner")
    beeps: list[None] = []
    counter.window.staff_calls._beep = lambda: beeps.append(None)

    await kiosk.screen("attractScreen")
    kiosk.click("callStaffButton")
    await kiosk.until(lambda: kiosk.text("callStaffHeading") == "A staff member has been called.", "the call sent")
    await counter.until(lambda: counter.shown("staffCallBanner"), "the counter to show the call")
    text = counter.text("staffCallText")
    assert "kiosk-01" in text and "start screen" in text and "English" in text, text
    assert len(beeps) == 1

    await counter.sign_in()
    await counter.screen("insertCardScreen")
    assert counter.shown("staffCallBanner")  # still waiting: nobody has answered
    counter.click("answerStaffCallButton")
    await kiosk.until(lambda: kiosk.text("callStaffHeading") == "A staff member is on the way.",
                      "the kiosk to hear the answer")
    await counter.until(lambda: not counter.shown("staffCallText"), "the call to leave the counter's notice")
    assert counter.text("staffCallNote") == "You answered the call from kiosk kiosk-01."
    (answered,) = await counter.audit("staff.call_answered")
    assert answered.detail["staff_id"] == STAFF[0] and answered.detail["first"] is True
    assert [entry.detail["staff_id"] for entry in await kiosk.audit("kiosk.call_staff_answered")] == [STAFF[0]]
    assert len(beeps) == 1


async def test_another_sites_counter_never_sees_the_call(kiosk_app: UiTerminal, tmp_path: Path,
                                                         central: CentralHandle, pcscd: pcscd_control.PcscdProcess,
                                                         training_pki: TrainingPki) -> None:
    with pcscd_control.restart_lock(exclusive=False), empty_slot() as slot:
        async with ui_terminal(tmp_path / "other", central, slot, training_pki, OTHER_SITE_TERMINAL) as other:
            await kiosk_app.screen("attractScreen")
            kiosk_app.click("callStaffButton")
            await kiosk_app.until(lambda: kiosk_app.text("callStaffHeading") == "A staff member has been called.",
                                  "the call sent")
            services = other.controller.services
            assert services is not None
            await services.refresh_staff_calls()  # what the counter's next poll would show
            assert services.staff_calls == ()
            assert not other.shown("staffCallBanner")


async def test_with_the_service_down_the_resident_is_sent_to_the_counter(kiosk_app: UiTerminal,
                                                                         central: CentralHandle) -> None:
    await kiosk_app.screen("attractScreen")
    central.stop()
    kiosk_app.click("callStaffButton")
    await kiosk_app.until(lambda: kiosk_app.text("callStaffHeading") == "The staff could not be called from here.",
                          "the resident to be told")
    assert kiosk_app.text("callStaffText") == "Please go to the counter, or ask anyone working here for help."
    assert len(await kiosk_app.audit("kiosk.call_staff")) == 1  # the kiosk's own trail still has it
    kiosk_app.click("callStaffBackButton")
    await kiosk_app.screen("attractScreen")
    assert kiosk_app.controller._staff_call is None  # no longer trying once the resident went back


async def test_taking_the_card_while_waiting_keeps_the_call_screen_and_forgets_the_card(
        kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await app.screen("attractScreen")
    with app.inserted(app.card("valid")):
        app.click("attractStartButton")
        await app.screen("checkScreen")
        app.click("callStaffButton")
        await app.screen("callStaffScreen")
    await app.until(lambda: app.controller.status is None, "the card to be forgotten")
    assert app.controller.current == "callStaffScreen"
    await app.until(lambda: app.text("callStaffHeading") == "A staff member has been called.", "the call sent")
