"""A PNG of every screen of the terminal, in both modes and every language, for the docs and for review.

A development tool, not part of the kiosk package: ``make screenshots`` runs it. It needs no pcscd, no
central service and no display: Qt draws offscreen, and the screens are filled by hand with what a virtual
card answers in-process (``VirtualCard`` behind an ``InProcessConnection``), as the controller would fill
them during a procedure. Writes ``docs/screenshots/<mode>/<lang>/<screen>.png``.

    .venv/bin/python tools/screenshots.py [--out DIR] [--scale 0.75]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.calendar_config import demo_rules
from kiosk.calendar_text import now_text
from kiosk.card.cardinfo import CardInfoAttributes, CardInfoSession
from kiosk.card.check import CardStatus, read_card_status
from kiosk.card.connection import InProcessConnection
from kiosk.card.transport import CardTransport
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import PinUse
from kiosk.domain.pins import PinKind
from kiosk.domain.transactions import Mode
from kiosk.domain.validity import JST
from kiosk.errors import CardRemoved, WrongPin
from kiosk.flows.interaction import IdentityRequest, PinPurpose, PinRequest, Step
from kiosk.flows.staff_call import CallState
from kiosk.i18n import catalog_path
from kiosk.messages import Audience, advice_for, pin_name
from kiosk.sync.client import StaffCall
from kiosk.ui import theme
from kiosk.ui.app import application
from kiosk.ui.controller import Controller, japan_today
from kiosk.ui.screens.base import translate
from kiosk.ui.state import TerminalState
from kiosk.ui.translation import use_language
from kiosk.ui.window import MainWindow

WIDTH, HEIGHT = 1280, 800
STAFF_ID = "S0012"
ALL_SCREENS_LANGUAGES = ("ja", "en")
KIOSK_ONLY_LANGUAGES = ("zh", "ko", "vi")  # the kiosk's screens, where their catalogs exist
CARD_PROFILE = "renewable"
CARD_INFO_PIN = b"5678"  # the virtual card's training PIN (docs/training-cards.md)

Fill = Callable[[Controller, "CardData"], None]


class CardData:
    """What the virtual card says: the check, and the card-info attributes read with its training PIN."""

    def __init__(self, profile: str) -> None:
        card = VirtualCard.from_profile(profile)
        transport = CardTransport(InProcessConnection(card, reader="Virtual PCD 00 00"))
        self.status: CardStatus = read_card_status(transport)
        session = CardInfoSession(transport)
        session.verify_pin(self.status.profile.pin_for(PinUse.CARD_INFO), bytearray(CARD_INFO_PIN))
        self.attributes: CardInfoAttributes = session.read_attributes()


def _nothing(_done: object) -> None:
    """The screens' answers go nowhere: nothing runs behind them here."""


# --- how each screen is filled, as the controller fills it in the middle of a procedure ---------------------


def _check(controller: Controller, card: CardData) -> None:
    controller.check_screen.show_status(card.status, japan_today(), demo_rules())


def _choose_pin(controller: Controller, _card: CardData) -> None:
    uses = (PinUse.AUTH, PinUse.SIGN, PinUse.CARD_INFO) if controller.counter else (PinUse.AUTH, PinUse.SIGN)
    controller.choose_pin.ask("reset", uses, _nothing)


def _pin_entry(controller: Controller, _card: CardData) -> None:
    request = PinRequest(PinKind.AUTH, PinPurpose.CURRENT, tries_left=2, max_tries=3,
                         problem=WrongPin("auth", 2))
    controller.pin_entry.ask(request, _nothing)
    for digit in b"12":
        controller.pin_entry.pad.press(digit)


def _last_try(controller: Controller, _card: CardData) -> None:
    controller.last_try.ask(PinKind.AUTH, _nothing)


def _identity(controller: Controller, card: CardData) -> None:
    expires = card.status.auth_certificate.not_after.astimezone(JST).date()
    controller.identity.ask(IdentityRequest(needs_card_expiry=True), _nothing, expected_expiry=expires)


def _progress(controller: Controller, _card: CardData) -> None:
    controller.progress.show_step(Step.GENERATING_KEY)


def _result_done(controller: Controller, card: CardData) -> None:
    expires = card.status.auth_certificate.not_after.astimezone(JST).date() + timedelta(days=5 * 365)
    controller.result.show_success(
        translate("screens", "The certificates were renewed") if controller.counter
        else translate("screens", "The {pin} was reset").format(pin=pin_name("sign")),
        translate("screens", "The new PINs are set. Please keep them safe.") if controller.counter
        else translate("screens", "You can use the new PIN now. Please take your card."),
        [(translate("screens", "New certificate ({purpose})").format(purpose=purpose),
          translate("screens", "valid until {date}").format(date=expires.isoformat()))
         for purpose in (translate("screens", "authentication"), translate("screens", "signing"))]
        if controller.counter else [],
        receipt=True)


def _result_problem(controller: Controller, _card: CardData) -> None:
    audience = Audience.STAFF if controller.counter else Audience.RESIDENT
    advice = advice_for(CardRemoved("the card was taken off the reader"), audience=audience, card_changed=False)
    controller.result.show_problem(translate("screens", "This could not be done"), advice)


def _card_info(controller: Controller, card: CardData) -> None:
    controller.card_info.show_attributes(card.attributes)


def _closed(controller: Controller, _card: CardData) -> None:
    calendar = demo_rules().calendar
    evening = datetime.combine(japan_today(), time(20, 0), JST)  # every day of the example centre is closed then
    controller.closed.show_next_opening(lambda: now_text(calendar, evening))


def _call_sent(controller: Controller, _card: CardData) -> None:
    controller.call_staff_screen.set_state(CallState.SENT)


def _call_not_reached(controller: Controller, _card: CardData) -> None:
    controller.call_staff_screen.set_state(CallState.NOT_REACHED)


def _kiosk_calling(controller: Controller, _card: CardData) -> None:
    """A kiosk of the site calls for staff: the counter's notice over its screen."""
    window = controller.stack.window()
    assert isinstance(window, MainWindow)
    waiting_since = datetime.now(UTC) - timedelta(minutes=2)
    window.staff_calls.show_calls((StaffCall("0" * 32, "kiosk-02", "pinEntryScreen", "vi", waiting_since, None,
                                             None, None),))


def _as_is(_controller: Controller, _card: CardData) -> None:
    """A screen that shows nothing of the card."""


# (objectName, file name, fill), in the order a person meets them.
COUNTER_SCREENS: tuple[tuple[str, str, Fill], ...] = (
    ("signInScreen", "sign-in", _as_is),
    ("insertCardScreen", "insert-card", _as_is),
    ("checkScreen", "check", _check),
    ("identityScreen", "identity", _identity),
    ("choosePinScreen", "choose-pin", _choose_pin),
    ("pinEntryScreen", "pin-entry", _pin_entry),
    ("lastTryScreen", "last-try", _last_try),
    ("progressScreen", "progress", _progress),
    ("resultScreen", "result", _result_done),
    ("resultScreen", "result-problem", _result_problem),
    ("cardInfoScreen", "card-info", _card_info),
    ("insertCardScreen", "kiosk-calling", _kiosk_calling),
)
KIOSK_SCREENS: tuple[tuple[str, str, Fill], ...] = (
    ("attractScreen", "attract", _as_is),
    ("closedScreen", "closed", _closed),
    ("insertCardScreen", "insert-card", _as_is),
    ("checkScreen", "check", _check),
    ("choosePinScreen", "choose-pin", _choose_pin),
    ("pinEntryScreen", "pin-entry", _pin_entry),
    ("lastTryScreen", "last-try", _last_try),
    ("progressScreen", "progress", _progress),
    ("resultScreen", "result", _result_done),
    ("resultScreen", "result-problem", _result_problem),
    ("callStaffScreen", "call-staff", _call_sent),
    ("callStaffScreen", "call-staff-not-reached", _call_not_reached),
)


def languages_for(mode: Mode) -> list[str]:
    found = list(ALL_SCREENS_LANGUAGES)
    if mode is Mode.KIOSK:
        found += [code for code in KIOSK_ONLY_LANGUAGES if catalog_path(code).exists()]
    return found


def shoot_mode(app: QApplication, mode: Mode, card: CardData, out: Path, scale: float) -> list[Path]:
    window = MainWindow(mode, training=True, lockdown=False)
    window.resize(WIDTH, HEIGHT)
    controller = Controller(mode, window.stack, training=True, insert_training_card=lambda: None)
    if mode is Mode.COUNTER:
        window.set_staff(STAFF_ID)
    window.status.show_state(TerminalState(
        reader="Virtual PCD 00 00", card_present=True, central_reachable=True,
        central_since=datetime.now(UTC) - timedelta(minutes=42), backlog=0, training=True))
    window.show()
    written: list[Path] = []
    for language in languages_for(mode):
        use_language(language)
        window.staff_calls.show_calls(())  # the notice of a kiosk's call belongs to its own screenshot
        app.processEvents()  # every screen retranslates on the LanguageChange event
        for object_name, file_name, fill in (COUNTER_SCREENS if mode is Mode.COUNTER else KIOSK_SCREENS):
            fill(controller, card)
            controller.show(_screen(controller, object_name))
            app.processEvents()
            image = window.grab().toImage()
            if scale != 1.0:
                image = image.scaledToWidth(round(WIDTH * scale), Qt.TransformationMode.SmoothTransformation)
            # A palette of 256 colours is plenty for flat widgets and keeps the committed files small.
            image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
            path = out / str(mode) / language / f"{file_name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
    window.closing_for_real = True  # type: ignore[attr-defined]
    window.close()
    return written


def _screen(controller: Controller, object_name: str) -> QWidget:
    for index in range(controller.stack.count()):
        widget = controller.stack.widget(index)
        if widget is not None and widget.objectName() == object_name:
            return widget
    raise LookupError(f"no screen {object_name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--scale", type=float, default=0.75, help="of the 1280x800 window (smaller files)")
    args = parser.parse_args(argv)
    app = application()
    theme.apply(app, theme.NORMAL)
    card = CardData(CARD_PROFILE)
    skipped = [code for code in KIOSK_ONLY_LANGUAGES if not catalog_path(code).exists()]
    if skipped:
        print(f"no catalog yet for {', '.join(skipped)}: their screenshots are skipped")
    written: list[Path] = []
    for mode in (Mode.COUNTER, Mode.KIOSK):
        written += shoot_mode(app, mode, card, args.out, args.scale)
    use_language("en")
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
