"""Which screen is shown, and the procedures behind them: the terminal's navigation, for both modes.

The controller is the flows' ``Presenter`` (kiosk.ui.interaction): a flow asks for a PIN, the controller
shows the PIN pad; the flow moves on, the controller shows its progress; the flow ends, the controller
shows the result in words for this audience (resident or staff) and what can be done next.

A procedure runs as one asyncio task. The card leaving, the kiosk's idle timeout, a staff lock or the
window closing cancel it; every PIN and everything read from the card is wiped on the way back to the
start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from kiosk import i18n, staff
from kiosk.calendar_config import SiteRules
from kiosk.calendar_text import now_text
from kiosk.card.cardinfo import CardInfoAttributes
from kiosk.card.check import CardStatus
from kiosk.domain.generation import PinUse
from kiosk.domain.pins import PinKind, wipe
from kiosk.domain.transactions import Mode, TransactionKind
from kiosk.domain.validity import JST
from kiosk.errors import CardRemoved, KioskError, OperationCancelled
from kiosk.flows.card_info import read_card_info
from kiosk.flows.check import check
from kiosk.flows.interaction import IdentityCheck, IdentityRequest, PinRequest, Step
from kiosk.flows.pin_change import change_pin
from kiosk.flows.pin_reset import PinReset, reset_pin_by_proof, reset_pin_by_staff
from kiosk.flows.procedure import FlowResult
from kiosk.flows.renewal import PURPOSES, Renewal, renew
from kiosk.flows.staff_call import CallState, answer_call, call_staff
from kiosk.memory import return_free_memory
from kiosk.messages import Audience, advice_for, pin_name
from kiosk.ui.customer import CustomerWindow, PinMirrorScreen
from kiosk.ui.dashboard.screen import DashboardScreen
from kiosk.ui.interaction import QtInteraction
from kiosk.ui.screens.base import translate
from kiosk.ui.screens.call_staff import CallStaffScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.forms import ChoosePinScreen, IdentityScreen, SignInScreen
from kiosk.ui.screens.outcome import AttractScreen, CardInfoScreen, ClosedScreen, ResultScreen
from kiosk.ui.screens.pin_entry import PinEntryScreen
from kiosk.ui.screens.simple import InsertCardScreen, LastTryScreen, ProgressScreen
from kiosk.ui.screens.technician import TechnicianScreen
from kiosk.ui.services import TerminalServices
from kiosk.ui.translation import KIOSK_LANGUAGES, LANGUAGE_NAMES, use_language

log = logging.getLogger("kiosk.ui.controller")
HOURS_CHECK_MS = 60_000


def japan_today() -> date:
    return datetime.now(JST).date()


class Controller(QObject):
    """``screen_changed`` carries the objectName of the screen now shown (tests and the screenshot tool)."""

    screen_changed = Signal(str)
    started_over = Signal()  # back at the first screen: the last resident is forgotten
    procedure_finished = Signal(object)  # the FlowResult
    staff_call_answered = Signal(object, bool)  # the StaffCall as answered, and whether this counter's answer
    staff_call_failed = Signal(str)  # the answer did not reach the service: what to do, in words

    def __init__(self, mode: Mode, stack: QStackedWidget, *, training: bool = False,
                 insert_training_card: Callable[[], None] | None = None,
                 customer: CustomerWindow | None = None) -> None:
        """``customer``: the counter's second screen, where the PIN pad then lives (the staff see dots)."""
        super().__init__()
        self.mode = mode
        self.counter = mode is Mode.COUNTER
        self.training = training
        self.stack = stack
        self.services: TerminalServices | None = None
        self.rules: SiteRules | None = None
        self.staff_id: str | None = None
        self.status: CardStatus | None = None
        self.last_result: FlowResult[Any] | None = None
        self._task: asyncio.Future[Any] | None = None
        self._retry: Callable[[], None] | None = None
        self.interaction = QtInteraction(self)
        self._tasks: set[asyncio.Future[Any]] = set()
        self._card_left = False
        self._renew_remaining: tuple[str, ...] | None = None  # after a renewal stopped half way
        self._attributes: CardInfoAttributes | None = None  # shown for the paper form, forgotten after
        self._staff_call: asyncio.Future[Any] | None = None  # a kiosk's call, followed while its screen shows

        self.insert_card = InsertCardScreen(training=training and insert_training_card is not None)
        self.check_screen = CheckScreen(counter=self.counter)
        self.choose_pin = ChoosePinScreen()
        self.pin_entry = PinEntryScreen()
        self.last_try = LastTryScreen()
        self.identity = IdentityScreen()
        self.progress = ProgressScreen()
        self.result = ResultScreen(counter=self.counter)
        self.card_info = CardInfoScreen()
        self.sign_in = SignInScreen()
        self.sign_in.training_hint.setVisible(training)
        self.attract = AttractScreen({code: LANGUAGE_NAMES[code] for code in KIOSK_LANGUAGES})
        self.closed = ClosedScreen()
        self.call_staff_screen = CallStaffScreen()
        self.technician = TechnicianScreen()
        self.technician.back.connect(self.back_to_start)
        self.technician.rerun.connect(self.show_technician)
        stack.addWidget(self.technician)
        self.customer = customer
        self.pin_mirror: PinMirrorScreen | None = None
        if customer is not None:
            customer.stack.addWidget(self.pin_entry)
            self.pin_mirror = PinMirrorScreen(self.pin_entry.pad)
            stack.addWidget(self.pin_mirror)
        self.dashboard: DashboardScreen | None = None
        if self.counter:
            self.dashboard = DashboardScreen()
            self.dashboard.back.connect(self.back_to_start)
            stack.addWidget(self.dashboard)
        for screen in (self.sign_in, self.attract, self.closed, self.insert_card, self.check_screen,
                       self.choose_pin, self.last_try, self.identity, self.progress, self.result, self.card_info,
                       self.call_staff_screen):
            stack.addWidget(screen)
        if customer is None:
            stack.addWidget(self.pin_entry)

        if insert_training_card is not None:
            self.insert_card.insert_training_card.connect(insert_training_card)
        self.check_screen.procedure_requested.connect(self._on_procedure_requested)
        self.choose_pin.back.connect(self._back_to_check)
        self.result.chosen.connect(self._on_result_choice)
        self.card_info.chosen.connect(self._on_card_info_choice)
        self.sign_in.submitted.connect(self._on_sign_in)
        self.attract.start.connect(self._on_start)
        self.attract.language_chosen.connect(self.set_language)
        self.call_staff_screen.back.connect(self.back_to_start)

    def _background(self, work: Awaitable[Any]) -> None:
        """Run ``work`` without waiting for it, keeping a reference until it ends (asyncio keeps none)."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- attaching the running terminal ------------------------------------------------------------------

    def attach(self, services: TerminalServices, rules: SiteRules | None = None) -> None:
        """Start serving: ``rules`` (the site's calendar) close a kiosk outside its hours (not in training)."""
        self.services = services
        self.rules = rules
        if self.dashboard is not None:
            self.dashboard.attach(services.settings, services.store)
        if rules is not None and not self.counter and not self.training:
            self._hours = QTimer(self.stack)  # dies with the window, not with this object (which may outlive it)
            self._hours.setInterval(HOURS_CHECK_MS)
            self._hours.timeout.connect(self.check_hours)
            self._hours.start()
        services.card_inserted.connect(self._on_card_inserted)
        services.card_removed.connect(self._on_card_removed)
        self.back_to_start()

    def show(self, screen: QWidget) -> None:
        if self.customer is not None and screen is not self.pin_mirror:
            self.customer.show_welcome()
        self.stack.setCurrentWidget(screen)
        self.screen_changed.emit(screen.objectName())

    @property
    def current(self) -> str:
        widget = self.stack.currentWidget()
        return widget.objectName() if widget is not None else ""

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    # --- the start, and the ways back to it -----------------------------------------------------------------

    def back_to_start(self) -> None:
        """Wipe everything of the last resident and show the first screen of this mode."""
        self.cancel_procedure()
        self.stop_staff_call()
        self.forget_card()
        self.started_over.emit()
        if self.counter and self.staff_id is None:
            self.sign_in.reset()
            self.show(self.sign_in)
        elif self.counter:
            self.show(self.insert_card)
        elif self.closed_now():
            self._show_closed()
        else:
            self.show(self.attract)
        self._return_free_memory()

    def _return_free_memory(self) -> None:
        """The last resident is gone: what their procedure freed goes back to the system (kiosk.memory)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop (a window built for a screenshot or a layout test)
            return
        self._background(asyncio.to_thread(return_free_memory))

    def closed_now(self) -> bool:
        if self.rules is None or self.counter or self.training:
            return False
        return not self.rules.calendar.is_open_at(datetime.now(JST))

    def _show_closed(self) -> None:
        assert self.rules is not None
        calendar = self.rules.calendar
        self.closed.show_next_opening(lambda: now_text(calendar, datetime.now(JST)))
        self.show(self.closed)

    def check_hours(self) -> None:
        """Each minute: a kiosk closes at the end of its hours (not in the middle of a resident) and opens again."""
        if self.busy:
            return
        if self.closed_now() and self.current in ("attractScreen", "insertCardScreen", "closedScreen"):
            self._show_closed()
        elif not self.closed_now() and self.current == "closedScreen":
            self.show(self.attract)

    def forget_card(self) -> None:
        self.status = None
        self._renew_remaining = None
        self.last_result = None
        self.check_screen.clear()
        self._attributes = None
        self.card_info.clear()
        self.pin_entry.abandon()

    def cancel_procedure(self) -> None:
        if self.busy:
            assert self._task is not None
            self._task.cancel()

    def on_idle(self) -> None:
        """Nobody touched the terminal for a while: a kiosk starts over; a counter locks."""
        self.interaction.abort(OperationCancelled("nobody answered"))
        if self.counter:
            self.lock()
        else:
            self.back_to_start()

    def lock(self) -> None:
        self.staff_id = None
        self.back_to_start()

    def set_language(self, code: str) -> None:
        use_language(code)

    # --- calling staff (kiosk) and answering the call (counter) ------------------------------------------------

    def call_staff(self) -> None:
        """A resident asks for help: the call goes to the counters of the site (kiosk.flows.staff_call) and
        the screen follows it until someone answers, the resident goes back, or the kiosk starts over."""
        if self.current == "callStaffScreen" and self._staff_call is not None and not self._staff_call.done():
            return  # already calling
        called_from = self.current
        self.stop_staff_call()
        self.call_staff_screen.set_state(CallState.SENDING)
        self.show(self.call_staff_screen)
        if self.services is None:
            self.call_staff_screen.set_state(CallState.NOT_REACHED)
            return
        task = asyncio.ensure_future(call_staff(self.services.store, self.services.central, screen=called_from,
                                                language=i18n.language(),
                                                on_state=self.call_staff_screen.set_state))
        task.add_done_callback(self._staff_call_ended)
        self._staff_call = task

    def _staff_call_ended(self, task: asyncio.Future[Any]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        log.error("calling staff failed", exc_info=task.exception())
        if task is self._staff_call:
            self.call_staff_screen.set_state(CallState.NOT_REACHED)

    def stop_staff_call(self) -> None:
        """Stop following the call (it stays open at the counters: staff still come)."""
        if self._staff_call is not None and not self._staff_call.done():
            self._staff_call.cancel()
        self._staff_call = None

    def answer_staff_call(self, call_id: str) -> None:
        self._background(self._answer_staff_call(call_id))

    async def _answer_staff_call(self, call_id: str) -> None:
        services = self.services
        central = services.central if services is not None else None
        if services is None or central is None:
            self.staff_call_failed.emit(translate("screens", "No central service is configured."))
            return
        try:
            answered = await answer_call(services.store, central, call_id, self.staff_id)
        except KioskError as exc:
            self.staff_call_failed.emit(advice_for(exc, audience=Audience.STAFF).text)
            return
        mine = (answered.answered_by == services.store.terminal.terminal_id
                and answered.answered_staff == self.staff_id)
        self.staff_call_answered.emit(answered, mine)
        await services.refresh_staff_calls()

    # --- staff sign-in (counter) ---------------------------------------------------------------------------

    def _on_sign_in(self, staff_id: str, passphrase: bytearray) -> None:
        self._background(self._sign_in(staff_id, passphrase))

    async def _sign_in(self, staff_id: str, passphrase: bytearray) -> None:
        try:
            ok = await asyncio.to_thread(staff.verify, staff_id, passphrase, training=self.training)
        except KioskError as exc:
            self.sign_in.refuse(advice_for(exc, audience=Audience.STAFF).text)
            return
        finally:
            wipe(passphrase)
        if not ok:
            self.sign_in.refuse(translate("screens", "The staff ID or the passphrase is wrong."))
            return
        self.staff_id = staff_id
        if self.services is not None:
            await asyncio.to_thread(self.services.store.audit, "staff.signed_in", None, staff_id=staff_id)
        self.back_to_start()
        if self.services is not None and self.services.state.card_present:
            self._start_check()

    # --- the card ------------------------------------------------------------------------------------------

    def _on_start(self) -> None:
        if self.services is not None and self.services.state.card_present:
            self._start_check()
        else:
            self.show(self.insert_card)

    def _on_card_inserted(self, _reader: str) -> None:
        if self.busy or (self.counter and self.staff_id is None):
            return
        if self.counter or self.current in ("insertCardScreen",):
            self._start_check()

    def _on_card_removed(self, _reader: str) -> None:
        if self.busy:
            # A card operation in flight already stops (the channel heard the reader watcher); a question on
            # screen fails the same way, so the record says card.removed and the screen tells the truth.
            self.interaction.abort(CardRemoved("the card was taken off the reader"))
            self._card_left = True
            return
        if self.current == "callStaffScreen":
            # Waiting for staff, the resident may take the card: forget it, but keep saying help is coming.
            self.forget_card()
            return
        if self.counter and self.current == "resultScreen":
            # Staff read the result to the resident; the card may go, and with it what was read from it.
            self.status = None
            self.check_screen.clear()
            return
        self.back_to_start()

    # --- running procedures ----------------------------------------------------------------------------------

    def _run(self, procedure: Callable[[], Awaitable[FlowResult[Any]]],
             then: Callable[[FlowResult[Any]], None]) -> None:
        if self.busy or self.services is None:
            return
        self._retry = lambda: self._run(procedure, then)

        async def run() -> None:
            self.show(self.progress)
            self._card_left = False
            result = await procedure()
            self.last_result = result
            self.procedure_finished.emit(result)
            if self._card_left and not self.counter:
                self.back_to_start()  # a kiosk forgets the resident the moment the card leaves
            elif result.error is not None:
                self._show_problem(result)
            else:
                then(result)

        self._task = asyncio.ensure_future(run())
        self._task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Future[Any]) -> None:
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:  # the record could not be written, or a bug: say so calmly
            log.error("procedure failed outside its own handling", exc_info=error)
            self.show_unexpected(error)

    @property
    def audience(self) -> Audience:
        return Audience.STAFF if self.counter else Audience.RESIDENT

    def _context(self) -> Any:
        assert self.services is not None
        return self.services.context(self.interaction, self.staff_id if self.counter else None)

    def _start_check(self) -> None:
        self._run(lambda: check(self._context()), self._show_check)

    def _show_check(self, result: FlowResult[Any]) -> None:
        self.status = result.value
        assert self.status is not None
        self.check_screen.show_status(self.status, japan_today(), self.rules)
        if self._renew_remaining:  # the half-renewed card: its new auth certificate is not due, the rest is
            self.check_screen.renew_button.setEnabled(True)
        self.show(self.check_screen)

    def _back_to_check(self) -> None:
        if self.status is not None:
            self.show(self.check_screen)
        else:
            self.back_to_start()

    def _on_procedure_requested(self, name: str) -> None:
        if name == "done":
            self.back_to_start()
        elif name == "renew":
            # After a renewal that stopped between its certificates, only what is still old is renewed.
            remaining = self._renew_remaining or PURPOSES
            self._run(lambda: renew(self._context(), remaining), self._show_renewed)
        elif name == "card_info":
            self._run(lambda: read_card_info(self._context()), self._show_card_info)
        elif name in ("reset", "change"):
            # A kiosk resets only what the other PIN can prove (the card-info PIN needs a counter).
            uses: tuple[PinUse, ...] = (PinUse.AUTH, PinUse.SIGN, PinUse.CARD_INFO)
            if name == "reset" and not self.counter:
                uses = (PinUse.AUTH, PinUse.SIGN)
            self.choose_pin.ask(name, uses, lambda use: self._pin_procedure(name, use))
            self.show(self.choose_pin)

    def _pin_procedure(self, name: str, use: PinUse) -> None:
        if name == "change":
            self._run(lambda: change_pin(self._context(), use), self._show_pin_done)
        elif self.counter:
            self._run(lambda: reset_pin_by_staff(self._context(), use), self._show_pin_done)
        else:
            self._run(lambda: reset_pin_by_proof(self._context(), use), self._show_pin_done)

    # --- results -----------------------------------------------------------------------------------------------

    def _show_problem(self, result: FlowResult[Any]) -> None:
        assert result.error is not None
        if result.record.kind in (TransactionKind.RENEWAL, TransactionKind.NEW_ISSUANCE) and result.card_changed:
            done = {change.purpose for change in result.record.certificates}
            self._renew_remaining = tuple(p for p in (self._renew_remaining or PURPOSES) if p not in done)
        advice = advice_for(result.error, audience=self.audience, card_changed=result.card_changed)
        title = (translate("screens", "Stopped") if result.record.outcome == "cancelled"
                 else translate("screens", "This could not be done"))
        self.result.show_problem(title, advice)
        self.show(self.result)

    def _show_renewed(self, result: FlowResult[Any]) -> None:
        self._renew_remaining = None
        renewal = result.value
        assert isinstance(renewal, Renewal)
        lines = [(translate("screens", "New certificate ({purpose})").format(
                     purpose=translate("screens", "authentication") if c.purpose == "auth"
                     else translate("screens", "signing")),
                  translate("screens", "valid until {date}").format(
                      date=c.certificate.not_after.astimezone(JST).date().isoformat()))
                 for c in renewal.certificates]
        self.result.show_success(translate("screens", "The certificates were renewed"),
                                 translate("screens", "The new PINs are set. Please keep them safe."), lines,
                                 receipt=True)
        self.show(self.result)

    def _show_pin_done(self, result: FlowResult[Any]) -> None:
        kind = PinKind(result.record.pin_kind) if result.record.pin_kind else PinKind.AUTH
        if isinstance(result.value, PinReset):
            title = translate("screens", "The {pin} was reset").format(pin=pin_name(str(kind)))
        else:
            title = translate("screens", "The {pin} was changed").format(pin=pin_name(str(kind)))
        self.result.show_success(title, translate("screens", "You can use the new PIN now. Please take your card."),
                                 [], receipt=True)
        self.show(self.result)

    def _show_card_info(self, result: FlowResult[Any]) -> None:
        attributes = result.value
        assert isinstance(attributes, CardInfoAttributes)
        self._attributes = attributes
        self.card_info.show_attributes(attributes)
        self.show(self.card_info)

    def _on_result_choice(self, choice: str) -> None:
        if choice == "again" and self._retry is not None:
            self._retry()
        elif choice == "staff":
            self.call_staff()
        elif choice == "receipt":
            self.print_receipt()
        elif self.counter and self.status is not None and self.services is not None \
                and self.services.state.card_present:
            self._back_to_check()
        else:
            self.back_to_start()

    def _on_card_info_choice(self, choice: str) -> None:
        if choice == "export":
            self.print_application_form()
            return
        self._attributes = None
        self.card_info.clear()
        self._back_to_check()

    def show_dashboard(self) -> None:
        """The counter's day: counts, charts, reconciliation and exports (a signed-in staff member only)."""
        if self.dashboard is None or self.services is None or self.staff_id is None or self.busy:
            return
        self.show(self.dashboard)
        self._background(self.dashboard.refresh())

    def show_technician(self) -> None:
        """The hidden technician screen (Ctrl+Alt+D): every check of ``kiosk diagnose``, off the Qt thread."""
        if self.services is None or self.busy:
            return
        self.technician.running()
        self.show(self.technician)
        self._background(self._diagnose())

    async def _diagnose(self) -> None:
        from kiosk.provision.diagnose import run_all

        assert self.services is not None
        checks = await asyncio.to_thread(run_all, self.services.settings)
        self.technician.show_checks(checks)

    def show_rejected(self) -> None:
        """The status bar's rejected count, clicked: which records the central service refused, and why."""
        if self.services is not None:
            self._background(self._show_rejected())

    async def _show_rejected(self) -> None:
        assert self.services is not None
        rows = await asyncio.to_thread(self.services.store.rejected)
        lines = [f"#{row.id}  {row.key[:8]}  {row.rejected_reason or ''}" for row in rows[:50]]
        box = QMessageBox(self.stack.window())
        box.setObjectName("rejectedRecords")
        box.setWindowTitle(translate("screens", "Records the central service refused"))
        box.setText(translate("screens", "{count} records were refused. A technician can correct and send them "
                                         "again with `kiosk outbox rejected` and `kiosk outbox retry`.")
                    .format(count=len(rows)))
        box.setDetailedText("\n".join(lines))
        box.open()  # not exec(): a nested event loop would stall the qasync loop

    def show_unexpected(self, error: BaseException) -> None:
        """The error net's screen: calm words, the way back to the start; the details are in the log."""
        advice = advice_for(error if isinstance(error, KioskError) else KioskError(str(error)),
                            audience=self.audience)
        self.result.show_problem(translate("screens", "Something went wrong"), advice)
        self.show(self.result)

    def print_receipt(self) -> None:
        """The resident's receipt of the last procedure, on a printer staff choose (or a PDF through the
        printer dialog). It names the procedure and the new serials, nothing personal."""
        from kiosk.ui.documents.printing import choose_printer
        from kiosk.ui.documents.receipt import NoReceipt, Receipt, print_receipt

        if self.last_result is None or self.services is None:
            return
        try:
            receipt = Receipt.from_result(self.last_result, self.services.settings.site,
                                          self.services.settings.terminal_id)
        except NoReceipt:
            return
        printer = choose_printer(self.stack.window())
        if printer is not None:
            try:
                print_receipt(receipt, printer)
            except KioskError as exc:
                self.result.show_problem(translate("screens", "The receipt could not be printed"),
                                         advice_for(exc, audience=self.audience))

    def print_application_form(self) -> None:
        """The pre-filled application form, straight to a printer: the card's data reaches no file."""
        from kiosk.ui.documents.application_form import print_application_form
        from kiosk.ui.documents.printing import choose_printer

        if self._attributes is None:
            return
        printer = choose_printer(self.stack.window())
        if printer is not None:
            try:
                print_application_form(self._attributes, printer)
            except KioskError as exc:
                log.warning("the application form was not printed: %s", exc.code)

    # --- the flows' Presenter -------------------------------------------------------------------------------------

    def show_pin_entry(self, request: PinRequest, done: Callable[[bytearray | None], None]) -> None:
        self.pin_entry.ask(request, done)
        if self.customer is not None and self.pin_mirror is not None:
            self.show(self.pin_mirror)
            self.customer.stack.setCurrentWidget(self.pin_entry)
        else:
            self.show(self.pin_entry)

    def show_last_try(self, kind: PinKind, done: Callable[[bool], None]) -> None:
        self.last_try.ask(kind, done)
        self.show(self.last_try)

    def show_identity_check(self, request: IdentityRequest, done: Callable[[IdentityCheck | None], None]) -> None:
        self.identity.ask(request, done)
        self.show(self.identity)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.show_progress(done, total)

    def show_step(self, step: Step) -> None:
        task = self._task
        if task is None or task.done() or (isinstance(task, asyncio.Task) and task.cancelling()):
            return  # a cancelled procedure recording its end must not take the screen back
        self.progress.show_step(step)
        if self.current not in ("progressScreen",):
            self.show(self.progress)
