"""The CLI's ``Interaction``: the person at a terminal (or a script on ``--pin-fd``) answering a procedure.

PINs come from the terminal without echo, or one per line from ``--pin-fd``; never from the command line
or the environment. Prompts, steps and messages go to standard error, so standard output carries only the
outcome. When the procedure asks again after a wrong or badly formed PIN, the reason is shown first; a
script that has no more lines to give then ends the attempt with that reason (so the exit code says
"wrong PIN", not "cancelled"). The staff's identity checklist comes from the command line, where staff
named what they saw.
"""

from __future__ import annotations

import sys

from kiosk import errors
from kiosk.cli.pin_entry import PinSource, read_answer
from kiosk.domain.pins import PinKind
from kiosk.errors import KioskError, OperationCancelled
from kiosk.flows.interaction import IdentityCheck, IdentityRequest, PinPurpose, PinRequest, Step
from kiosk.i18n import Message, tr, tr_message, tr_noop
from kiosk.messages import message_for, pin_name

_CONFIRMATION_WORDS = ("yes", "y", "はい")

_STEPS: dict[Step, Message] = {
    Step.READING_CARD: tr_noop("flow", "Reading the card..."),
    Step.CHECKING_IDENTITY: tr_noop("flow", "Checking the holder's identity..."),
    Step.READING_CARD_INFO: tr_noop("flow", "Reading the holder's details from the card..."),
    Step.ENTERING_PINS: tr_noop("flow", "Entering the PINs..."),
    Step.PROVING: tr_noop("flow", "Proving the card is the holder's..."),
    Step.AUTHORISING: tr_noop("flow", "Asking the central service for authorisation..."),
    Step.GENERATING_KEY: tr_noop("flow", "The card is generating a new key (this takes a moment)..."),
    Step.ISSUING_CERTIFICATE: tr_noop("flow", "The central service is issuing the certificate..."),
    Step.WRITING_CERTIFICATE: tr_noop("flow", "Writing the certificate to the card..."),
    Step.VERIFYING_CERTIFICATE: tr_noop("flow", "Checking the certificate on the card..."),
    Step.RESETTING_PIN: tr_noop("flow", "Setting the new PIN..."),
    Step.CHANGING_PIN: tr_noop("flow", "Changing the PIN..."),
    Step.RECORDING: tr_noop("flow", "Recording the transaction..."),
}

_PROOF_REASONS: dict[str, Message] = {
    "not_provable": tr_noop("flow", "Only the user-authentication PIN and the signing password can be reset "
                                    "here, each by proving the other."),
    "same_pin": tr_noop("flow", "This card has one PIN for both, so there is no other PIN to prove it with."),
    "proof_pin_blocked": tr_noop("flow", "The other PIN, needed as proof, is locked too."),
}


def explain(error: KioskError) -> str:
    """``message_for``, with the command's own options named where the person at the terminal can act."""
    if isinstance(error, errors.CounterOnly):
        return tr("flow", "This procedure is for counter terminals only: staff must check the holder's identity.")
    if isinstance(error, errors.StaffSignInRequired):
        return tr("flow", "A staff member's ID is needed for this procedure (--staff-id).")
    if isinstance(error, errors.IdentityNotConfirmed):
        return tr("flow", "The holder's identity is not confirmed: name one document with a photo, or two without "
                          "(--identity-check), and the card's printed expiry date where needed (--card-expires-on).")
    return message_for(error)


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


class TerminalInteraction:
    def __init__(self, pin_fd: int | None, *, confirm_last_try: bool, identity: IdentityCheck) -> None:
        self._source = PinSource(pin_fd)
        self._confirm_last_try = confirm_last_try
        self._identity = identity

    async def ask_pin(self, request: PinRequest) -> bytearray | None:
        if request.problem is not None:
            _say(explain(request.problem))
        if request.optional:
            _say(tr("flow", "This PIN is optional: an empty entry skips it."))
        try:
            pin = self._source.read(_prompt(request))
        except KeyboardInterrupt:
            raise OperationCancelled("interrupted at the PIN prompt") from None
        if pin is None:  # the end of the input: nothing more will be typed
            if request.problem is not None:
                raise request.problem  # the attempt ends on what made the procedure ask again
            if request.optional:
                return None
            raise OperationCancelled(f"no {request.kind} PIN given")
        if not pin and request.optional:
            return None
        return pin

    async def confirm_last_try(self, kind: PinKind) -> bool:
        name = pin_name(str(kind))
        _say(tr("cli", "Warning: the {pin} has only one try left. If this try is wrong, the PIN is locked and can "
                       "only be reset at the counter.", pin=name))
        if self._source.scripted:
            if not self._confirm_last_try:
                _say(tr("flow", "The last try is used only with --confirm-last-try: the procedure stops here."))
            return self._confirm_last_try
        try:
            answer = read_answer(tr("cli", "Type yes to use the last try: "))
        except KeyboardInterrupt:
            return False
        return answer.lower() in _CONFIRMATION_WORDS

    async def check_identity(self, request: IdentityRequest) -> IdentityCheck:
        return self._identity

    def show_step(self, step: Step) -> None:
        message = _STEPS.get(step)
        if message is not None:
            _say(tr_message(message))

    def show_progress(self, done: int, total: int) -> None:
        """The step's line says enough on a terminal; a long card operation's parts are not printed."""


def _prompt(request: PinRequest) -> str:
    name = pin_name(str(request.kind))
    if request.purpose is PinPurpose.NEW:
        return tr("flow", "Enter the new {pin}: ", pin=name)
    if request.purpose is PinPurpose.NEW_AGAIN:
        return tr("flow", "Enter the new {pin} again: ", pin=name)
    if request.tries_left is None or request.max_tries is None:
        return tr("flow", "Enter the {pin}: ", pin=name)
    if request.purpose is PinPurpose.PROOF:
        return tr("flow", "To prove the card is yours, enter the {pin} ({left} of {max} tries left): ", pin=name,
                  left=request.tries_left, max=request.max_tries)
    return tr("flow", "Enter the {pin} ({left} of {max} tries left): ", pin=name, left=request.tries_left,
              max=request.max_tries)
