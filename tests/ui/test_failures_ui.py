"""Things going wrong in the middle of a procedure, driven through the window in both modes, against a virtual
card in a real pcscd reader and the reference central service: the card pulled, the central service gone, a
wrong PIN, the last try, the idle timeout, the staff lock. After each: what the screen says, the record the
store holds, the card old or new and never half, and the same application serving the next card."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle
from cryptography import x509

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.profiles import named_profile
from kiosk.cardsim.vpcd import LinkAction
from kiosk.domain.generation import JPKI_AID
from kiosk.domain.transactions import Outcome, TransactionKind, TransactionRecord
from kiosk.flows.interaction import Step
from kiosk.pki.training import TrainingPki
from kiosk.ui.app import COUNTER_IDLE_S, KIOSK_IDLE_S
from ui.harness import STAFF, UiTerminal, ui_terminal

pytestmark = pytest.mark.pcsc

NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"
RENEWAL_PINS = ("5678", "ABC123", NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN)  # card-info, old signing, new ones
OLD_PINS = {"auth": "1234", "sign": "ABC123", "card_info": "5678"}
KEY_AND_CERTIFICATE = ((0x0017, 0x000A), (0x001A, 0x0001))  # (auth key, auth cert), (sign key, sign cert)


def assert_whole(card: VirtualCard, new: dict[str, str] | None = None) -> None:
    """Old or new, never half: each key matches its certificate; each PIN is its old value or the new one."""
    for key_fid, certificate_fid in KEY_AND_CERTIFICATE:
        key, certificate = card.state.ef(JPKI_AID, key_fid), card.state.ef(JPKI_AID, certificate_fid)
        if key is None or certificate is None:
            continue
        installed = x509.load_der_x509_certificate(certificate.content).public_key()  # type: ignore[union-attr]
        held = key.key.public_key()  # type: ignore[union-attr]
        assert installed.public_numbers() == held.public_numbers(), (  # type: ignore[union-attr]
            f"key {key_fid:04X} and its certificate differ")
    for kind, pin in card.state.pins.items():
        allowed = {OLD_PINS[kind], *([new[kind]] if new and kind in new else [])}
        assert any(pin.matches(value.encode()) for value in allowed), f"the {kind} PIN is neither old nor new"


def certificate_serials(card: VirtualCard) -> tuple[int, ...]:
    serials = []
    for _key, certificate_fid in KEY_AND_CERTIFICATE:
        found = card.state.ef(JPKI_AID, certificate_fid)
        assert found is not None
        serials.append(x509.load_der_x509_certificate(found.content).serial_number)  # type: ignore[union-attr]
    return tuple(serials)


async def last_record(app: UiTerminal) -> TransactionRecord:
    records = await app.records()
    assert records, "nothing was recorded"
    return records[-1]


async def start_kiosk_check(app: UiTerminal) -> None:
    await app.screen("attractScreen")
    app.click("attractStartButton")
    await app.screen("checkScreen")


async def next_card_is_served(app: UiTerminal) -> None:
    """The same window serves the next resident: a fresh card's check, without a restart."""
    if not app.controller.counter:
        await app.screen("attractScreen")
        app.click("attractStartButton")
    with app.inserted(app.card("valid")):
        await app.until(lambda: app.controller.current == "checkScreen"
                        and "Nothing to do now" in app.text("checkSummary"), "the next card's check")
        app.click("checkDoneButton")
        await app.screen("attractScreen" if not app.controller.counter else "insertCardScreen")


# --- the card pulled in the middle of each procedure ----------------------------------------------------------


@dataclass(frozen=True)
class Procedure:
    """How one procedure is driven up to the point where the card is pulled (the second PIN question)."""

    name: str
    counter: bool
    profile: str
    kind: TransactionKind
    begin: Callable[[UiTerminal], Awaitable[None]]
    pins: tuple[str, ...]  # typed before the card leaves

    def __str__(self) -> str:
        return self.name


async def _renew(app: UiTerminal) -> None:
    app.click("renewButton")
    await app.confirm_identity(named_profile("renewable").card_expires_on)


async def _choose(app: UiTerminal, button: str, pin: str) -> None:
    app.click(button)
    await app.screen("choosePinScreen")
    app.click(f"choosePin_{pin}")


async def _staff_reset(app: UiTerminal) -> None:
    await _choose(app, "resetPinButton", "auth")
    await app.confirm_identity()


async def _change(app: UiTerminal) -> None:
    await _choose(app, "changePinButton", "auth")


async def _proof_reset(app: UiTerminal) -> None:
    await _choose(app, "resetPinButton", "sign")


STAFF_NOT_RECORDED = ("kiosk/flows/pin_change.py never sets attempt.staff_id: a PIN change at the counter "
                      "is recorded without the signed-in staff member")
PROCEDURES = [
    Procedure("counter-renewal", True, "renewable", TransactionKind.RENEWAL, _renew, ("5678", "ABC123")),
    Procedure("counter-staff-reset", True, "auth-blocked", TransactionKind.PIN_RESET, _staff_reset, (NEW_AUTH,)),
    pytest.param(Procedure("counter-pin-change", True, "valid", TransactionKind.PIN_CHANGE, _change, (NEW_AUTH,))),
    Procedure("kiosk-pin-change", False, "valid", TransactionKind.PIN_CHANGE, _change, (NEW_AUTH,)),
    Procedure("kiosk-proof-reset", False, "sign-blocked", TransactionKind.PIN_RESET, _proof_reset, (NEW_SIGN,)),
]


async def _begin_on_check(app: UiTerminal) -> None:
    if app.controller.counter:
        await app.sign_in()
        await app.screen("insertCardScreen")
    else:
        await app.screen("attractScreen")
        app.click("attractStartButton")
        await app.screen("insertCardScreen")


@pytest.mark.parametrize("procedure", PROCEDURES, ids=str)
async def test_card_pulled_at_a_pin_question(procedure: Procedure, tmp_path: Path, central: CentralHandle,
                                             vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    registration = DEMO_TERMINAL if procedure.counter else KIOSK_TERMINAL
    async with ui_terminal(tmp_path, central, vpcd_slot, training_pki, registration) as app:
        await _card_pulled_at_a_pin_question(procedure, app)


async def _card_pulled_at_a_pin_question(procedure: Procedure, app: UiTerminal) -> None:
    await _begin_on_check(app)
    card = app.card(procedure.profile)
    before = certificate_serials(card)
    with app.inserted(card) as link:
        await app.screen("checkScreen")
        await procedure.begin(app)
        for pin in procedure.pins:
            await app.type_pin(pin)
        await app.until(lambda: app.controller.pin_entry.asked > app.pins_typed, "the next PIN question")
        link.remove()
        if procedure.counter:
            await app.screen("resultScreen")
            assert app.text("resultHeading") == "This could not be done"
            assert app.text("resultText") == ("The card was removed before the operation finished. Please place "
                                              "the card on the reader again. Nothing on the card was changed.")
            assert app.shown("resultAgainButton")  # the remedy: place the card again
            assert not app.shown("resultReceiptButton")
        else:
            await app.screen("attractScreen")  # a kiosk forgets the resident the moment the card leaves
            assert app.controller.status is None
            assert app.text("checkSummary") == ""
    record = await last_record(app)
    assert (record.kind, record.outcome, record.failure_code) == \
        (procedure.kind, Outcome.FAILED, "card.removed")
    assert certificate_serials(card) == before
    assert_whole(card)
    assert app.controller.pin_entry.pad.length() == 0
    await next_card_is_served(app)
    assert record.staff_id == (STAFF[0] if procedure.counter else None)  # every counter record names staff


async def _renewal_pulled_while_writing(app: UiTerminal) -> VirtualCard:
    """A renewal at the counter, the card pulled between the new authentication certificate and its PIN."""
    await _begin_on_check(app)
    card = app.card("renewable")
    steps = app.controller.interaction.steps
    first_step = len(steps)

    def pull_at_the_pin_reset(_number: int, _apdu: bytes) -> LinkAction | None:
        return LinkAction.REMOVE_BEFORE_ANSWER if Step.RESETTING_PIN in steps[first_step:] else None

    with app.inserted(card, on_apdu=pull_at_the_pin_reset):
        await app.screen("checkScreen")
        await _renew(app)
        for pin in RENEWAL_PINS:
            await app.type_pin(pin)
        await app.screen("resultScreen")
        assert "stopped part way" in app.text("resultText")
        assert app.shown("resultAgainButton")
        assert not app.shown("resultReceiptButton")
    record = await last_record(app)
    assert (record.kind, record.outcome, record.failure_code) == \
        (TransactionKind.RENEWAL, Outcome.FAILED, "card.removed")
    assert record.certificates, "the record names the certificate already written"
    assert_whole(card, {"auth": NEW_AUTH, "sign": NEW_SIGN})
    return card


async def test_card_pulled_while_the_renewal_writes_the_card(counter_app: UiTerminal) -> None:
    """The card works (old or new, never half), staff read that it stopped part way, and the card placed
    again is checked as usual."""
    app = counter_app
    card = await _renewal_pulled_while_writing(app)
    with app.inserted(card):
        await app.until(lambda: app.controller.current == "checkScreen" and app.controller.status is not None
                        and not app.controller.busy, "the check of the card placed again")
        assert (await last_record(app)).kind is TransactionKind.CHECK
        app.click("checkDoneButton")
        await app.screen("insertCardScreen")
    await next_card_is_served(app)


async def test_a_renewal_stopped_part_way_is_finished_from_the_check(counter_app: UiTerminal) -> None:
    app = counter_app
    card = await _renewal_pulled_while_writing(app)
    with app.inserted(card):
        await app.until(lambda: app.controller.current == "checkScreen" and app.controller.status is not None
                        and not app.controller.busy, "the check of the card placed again")
        app.click("renewButton")
        await app.confirm_identity(named_profile("renewable").card_expires_on)
        for pin in ("5678", "ABC123", NEW_SIGN, NEW_SIGN):
            await app.type_pin(pin)
        await app.screen("resultScreen")
        assert app.shown("resultReceiptButton")
    assert (await last_record(app)).outcome is Outcome.COMPLETED
    assert card.state.pins["sign"].matches(NEW_SIGN.encode())
    assert_whole(card, {"auth": NEW_AUTH, "sign": NEW_SIGN})


async def test_counter_done_after_the_card_left_waits_for_the_next_card(counter_app: UiTerminal) -> None:
    app = counter_app
    await _begin_on_check(app)
    card = app.card("valid")
    with app.inserted(card):
        await app.screen("checkScreen")
        await _change(app)
        for pin in (NEW_AUTH, NEW_AUTH, "1234"):
            await app.type_pin(pin)
        await app.screen("resultScreen")
    await app.until(lambda: not app.controller.services.state.card_present,  # type: ignore[union-attr]
                    "the card to leave")
    assert app.controller.current == "resultScreen"  # staff still read the result to the resident
    app.click("resultDoneButton")
    assert app.controller.current == "insertCardScreen"
    assert app.controller.status is None


# --- the central service down ---------------------------------------------------------------------------------


async def test_central_down_during_a_counter_renewal(counter_app: UiTerminal) -> None:
    app = counter_app
    await _begin_on_check(app)
    card = app.card("renewable")
    before = certificate_serials(card)
    with app.inserted(card):
        await app.screen("checkScreen")
        app.central.stop()
        await _renew(app)
        for pin in RENEWAL_PINS:
            await app.type_pin(pin)
        await app.screen("resultScreen")
        assert "Nothing on the card was changed." in app.text("resultText")
        assert app.shown("resultAgainButton")
        assert not app.shown("resultReceiptButton")
    record = await last_record(app)
    assert (record.kind, record.outcome) == (TransactionKind.RENEWAL, Outcome.FAILED)
    assert record.failure_code is not None and record.failure_code.startswith("sync."), record.failure_code
    assert certificate_serials(card) == before
    assert_whole(card)
    assert card.state.pins["auth"].matches(b"1234")
    app.click("resultDoneButton")
    await next_card_is_served(app)


async def test_central_down_during_a_kiosk_reset_by_proof(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await _begin_on_check(app)
    card = app.card("sign-blocked")
    with app.inserted(card):
        await app.screen("checkScreen")
        app.central.stop()
        await _proof_reset(app)
        for pin in (NEW_SIGN, NEW_SIGN):
            await app.type_pin(pin)
        await app.screen("resultScreen")
        assert "Nothing on the card was changed." in app.text("resultText")
        assert app.shown("resultAgainButton")
    await app.screen("attractScreen")
    record = await last_record(app)
    assert (record.kind, record.outcome) == (TransactionKind.PIN_RESET, Outcome.FAILED)
    assert record.failure_code is not None and record.failure_code.startswith("sync."), record.failure_code
    assert card.state.pins["sign"].blocked
    assert_whole(card)
    await next_card_is_served(app)


# --- a wrong PIN and the last try -------------------------------------------------------------------------------


@pytest.mark.parametrize("counter", [False, True], ids=["kiosk", "counter"])
async def test_wrong_pin_says_why_and_asks_again(counter: bool, tmp_path: Path, central: CentralHandle,
                                                 vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    async with ui_terminal(tmp_path, central, vpcd_slot, training_pki,
                           DEMO_TERMINAL if counter else KIOSK_TERMINAL) as app:
        await _wrong_pin_says_why_and_asks_again(app, counter)


async def _wrong_pin_says_why_and_asks_again(app: UiTerminal, counter: bool) -> None:
    await _begin_on_check(app)
    card = app.card("valid")
    with app.inserted(card):
        await app.screen("checkScreen")
        await _change(app)
        for pin in (NEW_AUTH, NEW_AUTH, "9999"):
            await app.type_pin(pin)
        await app.until(lambda: app.controller.pin_entry.asked > app.pins_typed, "the PIN asked again")
        await app.screen("pinEntryScreen")
        assert app.shown("pinProblem")
        assert "is wrong" in app.text("pinProblem") and "2 tries are left" in app.text("pinProblem")
        assert app.text("pinTries") == "2 of 3 tries left"
        assert app.controller.pin_entry.pad.length() == 0
        await app.type_pin("1234")
        await app.screen("resultScreen")
        assert "was changed" in app.text("resultHeading")
    record = await last_record(app)
    assert (record.kind, record.outcome) == (TransactionKind.PIN_CHANGE, Outcome.COMPLETED)
    assert card.state.pins["auth"].matches(NEW_AUTH.encode())
    assert card.state.pins["auth"].tries_left == 3


@pytest.mark.parametrize("counter", [False, True], ids=["kiosk", "counter"])
async def test_last_try_asks_first_and_no_spends_nothing(counter: bool, tmp_path: Path, central: CentralHandle,
                                                         vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    async with ui_terminal(tmp_path, central, vpcd_slot, training_pki,
                           DEMO_TERMINAL if counter else KIOSK_TERMINAL) as app:
        await _last_try_asks_first_and_no_spends_nothing(app, counter)


async def _last_try_asks_first_and_no_spends_nothing(app: UiTerminal, counter: bool) -> None:
    await _begin_on_check(app)
    card = app.card("valid")
    with app.inserted(card):
        await app.screen("checkScreen")
        await _change(app)
        for pin in (NEW_AUTH, NEW_AUTH, "9999", "9998"):
            await app.type_pin(pin)
        await app.screen("lastTryScreen")
        assert "Only one try is left" in app.text("lastTryHeading")
        assert card.state.pins["auth"].tries_left == 1
        app.click("lastTryNoButton")
        await app.screen("resultScreen")
        assert app.text("resultHeading") == "Stopped"
        assert not app.shown("resultAgainButton")
        assert card.state.pins["auth"].tries_left == 1  # "No" spent nothing
        app.click("resultDoneButton")
        await app.screen("checkScreen" if counter else "attractScreen")
    record = await last_record(app)
    assert (record.kind, record.outcome) == (TransactionKind.PIN_CHANGE, Outcome.CANCELLED)
    assert_whole(card)
    await next_card_is_served(app)


# --- the idle timeout and the staff lock -------------------------------------------------------------------------

CANCELLED_SHOWS_A_SCREEN = (
    "kiosk/ui/controller.py show_step: a procedure cancelled on the way back to the start (idle, lock) still "
    "shows its RECORDING step, so the progress screen replaces the start screen; and kiosk/ui/interaction.py "
    "_answer turns the cancellation into the aborted question's OperationCancelled (future.result() re-raises "
    "it), so the procedure ends normally and its result screen replaces the start screen")


async def test_kiosk_idle_in_the_middle_wipes_everything(kiosk_app: UiTerminal) -> None:
    app = kiosk_app
    await _begin_on_check(app)
    card = app.card("valid")
    with app.inserted(card):
        await app.screen("checkScreen")
        await _change(app)
        await app.type_pin(NEW_AUTH)
        await app.until(lambda: app.controller.pin_entry.asked > app.pins_typed, "the second PIN question")
        for digit in b"43":
            app.controller.pin_entry.pad.press(digit)
        assert app.controller.pin_entry.pad.length() == 2
        app.idle.set_timeout(0.05)
        app.idle.reset()
        await app.until(lambda: not app.controller.busy, "the idle timeout to stop the procedure")
        app.idle.set_timeout(KIOSK_IDLE_S)
        assert app.controller.current == "attractScreen"
        assert app.controller.pin_entry.pad.length() == 0
        assert not app.controller.pin_entry.waiting
        assert app.controller.status is None
        assert app.text("checkSummary") == "" and app.text("checkVisit") == ""
        await app.until(lambda: not app.controller.busy, "the procedure to stop")
        record = await last_record(app)
        assert (record.kind, record.outcome) == (TransactionKind.PIN_CHANGE, Outcome.CANCELLED)
        assert_whole(card)
        # The card left behind: the next touch starts a fresh check of it.
        app.click("attractStartButton")
        await app.screen("checkScreen")
        app.click("checkDoneButton")
    await next_card_is_served(app)


async def test_counter_idle_in_the_middle_locks(counter_app: UiTerminal) -> None:
    app = counter_app
    await _begin_on_check(app)
    card = app.card("renewable")
    with app.inserted(card):
        await app.screen("checkScreen")
        await _renew(app)
        await app.type_pin("5678")
        await app.until(lambda: app.controller.pin_entry.asked > app.pins_typed, "the next PIN question")
        app.idle.set_timeout(0.05)
        app.idle.reset()
        await app.until(lambda: not app.controller.busy, "the idle timeout to stop the procedure")
        app.idle.set_timeout(COUNTER_IDLE_S)
        assert app.controller.current == "signInScreen"
        assert app.controller.staff_id is None
        assert app.text("signedInStaff") == ""
        assert app.controller.status is None and app.text("checkSummary") == ""
        await app.until(lambda: not app.controller.busy, "the procedure to stop")
        record = await last_record(app)
        assert (record.kind, record.outcome, record.staff_id) == \
            (TransactionKind.RENEWAL, Outcome.CANCELLED, STAFF[0])
        assert_whole(card)
        await app.sign_in()
        await app.screen("checkScreen")  # the card still there: its check, at once
        app.click("checkDoneButton")
    await next_card_is_served(app)


async def test_staff_lock_in_the_middle_of_a_renewal(counter_app: UiTerminal) -> None:
    app = counter_app
    await _begin_on_check(app)
    card = app.card("renewable")
    before = certificate_serials(card)
    with app.inserted(card):
        await app.screen("checkScreen")
        app.click("renewButton")
        await app.screen("identityScreen")
        app.click("lockButton")
        await app.until(lambda: not app.controller.busy, "the lock to stop the procedure")
        assert app.controller.current == "signInScreen"
        assert app.controller.staff_id is None and app.controller.status is None
        await app.until(lambda: not app.controller.busy, "the procedure to stop")
        record = await last_record(app)
        assert (record.kind, record.outcome) == (TransactionKind.RENEWAL, Outcome.CANCELLED)
        assert certificate_serials(card) == before
        await app.sign_in()
        await app.screen("checkScreen")
        await _renew(app)
        for pin in RENEWAL_PINS:
            await app.type_pin(pin)
        await app.screen("resultScreen")
    assert (await last_record(app)).outcome is Outcome.COMPLETED
    assert certificate_serials(card) != before
    await next_card_is_served(app)
