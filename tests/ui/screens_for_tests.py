"""Every screen of the UI built directly, showing typical content, for layout and accessibility tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from kiosk import errors
from kiosk.card.cardinfo import CardInfoAttributes, Sex
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.card.check import CardStatus
from kiosk.card.pins import PinStatus
from kiosk.card.transport import IoStats
from kiosk.domain.generation import CURRENT, PinUse
from kiosk.domain.pins import PinKind
from kiosk.flows.interaction import IdentityRequest, PinPurpose, PinRequest, Step
from kiosk.flows.staff_call import CallState
from kiosk.messages import advice_for, pin_name
from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.screens.call_staff import CallStaffScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.forms import ChoosePinScreen, IdentityScreen, SignInScreen
from kiosk.ui.screens.outcome import AttractScreen, CardInfoScreen, ClosedScreen, ResultScreen
from kiosk.ui.screens.pin_entry import PinEntryScreen
from kiosk.ui.screens.simple import InsertCardScreen, LastTryScreen, ProgressScreen
from kiosk.ui.translation import KIOSK_LANGUAGES, LANGUAGE_NAMES

DAY = date(2026, 12, 1)


def _certificate(not_after: datetime) -> CardCertificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "layout test")])
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(0x1234_5678_9ABC).not_valid_before(not_after - timedelta(days=5 * 365))
                   .not_valid_after(not_after).sign(key, hashes.SHA256()))
    return parse_certificate(certificate.public_bytes(Encoding.DER))


def card_status() -> CardStatus:
    """A card whose certificate is in its renewal period, one PIN at its last try and one locked: the
    longest texts the check screen shows."""
    pins = (PinStatus(PinKind.AUTH, 1, 3), PinStatus(PinKind.SIGN, 0, 5), PinStatus(PinKind.CARD_INFO, 3, 3))
    return CardStatus("Virtual PCD 00 00", "JPKIAPICCTOKEN2", CURRENT,
                      _certificate(datetime(2027, 1, 20, tzinfo=UTC)), pins, IoStats(), True)


def _ignore(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class ScreenCase:
    name: str
    build: Callable[[], Screen]
    kiosk: bool  # a resident at a kiosk sees it


def _check(counter: bool) -> Screen:
    screen = CheckScreen(counter=counter)
    screen.show_status(card_status(), DAY)
    return screen


def _choose_pin() -> Screen:
    screen = ChoosePinScreen()
    screen.ask("reset", (PinUse.AUTH, PinUse.SIGN, PinUse.CARD_INFO), _ignore)
    return screen


def _pin_entry() -> Screen:
    screen = PinEntryScreen()
    screen.ask(PinRequest(PinKind.SIGN, PinPurpose.CURRENT, tries_left=1, max_tries=5,
                          problem=errors.WrongPin("sign", 1), optional=True), _ignore)
    return screen


def _last_try() -> Screen:
    screen = LastTryScreen()
    screen.ask(PinKind.SIGN, _ignore)
    return screen


def _progress() -> Screen:
    screen = ProgressScreen()
    screen.show_step(Step.AUTHORISING)
    return screen


def _result(counter: bool) -> Screen:
    """Titles and texts as the controller gives them (kiosk.ui.controller)."""
    screen = ResultScreen(counter=counter)
    screen.show_problem(translate("screens", "This could not be done"),
                        advice_for(errors.CardRemoved("pulled"), card_changed=True))
    return screen


def _result_success() -> Screen:
    screen = ResultScreen(counter=False)
    screen.show_success(translate("screens", "The {pin} was reset").format(pin=pin_name(str(PinKind.SIGN))),
                        translate("screens", "You can use the new PIN now. Please take your card."), [],
                        receipt=False)
    return screen


def _closed() -> Screen:
    screen = ClosedScreen()
    screen.show_next_opening(lambda: "2026-12-02 08:30")
    return screen


def _call_staff(state: CallState) -> Screen:
    screen = CallStaffScreen()
    screen.set_state(state)
    return screen


def _identity() -> Screen:
    screen = IdentityScreen()
    screen.ask(IdentityRequest(needs_card_expiry=True), _ignore, DAY)
    return screen


def _card_info() -> Screen:
    screen = CardInfoScreen()
    screen.show_attributes(CardInfoAttributes("番号 花子", "東京都千代田区永田町一丁目1番1号", date(1980, 4, 1),
                                              Sex.FEMALE))
    return screen


SCREENS = (
    ScreenCase("attract", lambda: AttractScreen({code: LANGUAGE_NAMES[code] for code in KIOSK_LANGUAGES}), True),
    ScreenCase("closed", _closed, True),
    ScreenCase("insertCard", lambda: InsertCardScreen(training=True), True),
    ScreenCase("check", lambda: _check(False), True),
    ScreenCase("choosePin", _choose_pin, True),
    ScreenCase("pinEntry", _pin_entry, True),
    ScreenCase("lastTry", _last_try, True),
    ScreenCase("progress", _progress, True),
    ScreenCase("result", lambda: _result(False), True),
    ScreenCase("resultSuccess", _result_success, True),
    ScreenCase("callStaff", lambda: _call_staff(CallState.SENT), True),
    ScreenCase("callStaffNotReached", lambda: _call_staff(CallState.NOT_REACHED), True),
    ScreenCase("checkCounter", lambda: _check(True), False),
    ScreenCase("resultCounter", lambda: _result(True), False),
    ScreenCase("identity", _identity, False),
    ScreenCase("cardInfo", _card_info, False),
    ScreenCase("signIn", SignInScreen, False),
)
KIOSK_SCREENS = tuple(case for case in SCREENS if case.kiosk)
