"""PIN commands, shared by the applets: read tries left, VERIFY, CHANGE REFERENCE DATA.

Each works on a PIN EF of the applet currently selected (the session selects the applet). Reading the
tries left sends VERIFY with no data, which spends nothing (jpki-reference.md "PINs"). A PIN is passed as a
``bytearray`` the caller owns and wipes; the APDU buffers made from it are wiped by the transport.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.card import apdu, files, status_words
from kiosk.card.apdu import Command
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import PinLocation
from kiosk.domain.pins import PinKind, rule_for
from kiosk.errors import PinBlocked, WrongPin

P2_CURRENT_EF = 0x80  # "the reference data of the currently selected EF" (the JPKI cards' usage)
P1_NEW_VALUE_ONLY = 0x01  # CHANGE REFERENCE DATA after the old value was verified
_VERIFY_ANSWERS = frozenset({status_words.SW_OK, status_words.SW_VERIFICATION_FAILED})


@dataclass(frozen=True)
class PinStatus:
    kind: PinKind
    tries_left: int
    max_tries: int

    @property
    def blocked(self) -> bool:
        return self.tries_left == 0

    @property
    def last_try(self) -> bool:
        return self.tries_left == 1


def _verify_command(pin: bytearray | None = None) -> Command:
    return Command(0x00, apdu.INS_VERIFY, 0x00, P2_CURRENT_EF, pin if pin is not None else b"")


def probe(transport: CardTransport, location: PinLocation, *, select: bool = True) -> PinStatus:
    """Tries left on the PIN at ``location``, without spending one."""
    if select:
        files.select_ef(transport, location.fid)
    response = transport.transmit(_verify_command(), expect=status_words.SW_TRIES_LEFT,
                                  operation=f"read tries left of the {location.kind} PIN")
    left = status_words.tries_left(response.sw)
    assert left is not None  # every status word of SW_TRIES_LEFT says how many
    return PinStatus(location.kind, left, rule_for(location.kind).max_tries)


def verify(transport: CardTransport, location: PinLocation, pin: bytearray) -> None:
    """VERIFY ``pin``; ``WrongPin`` (tries left) or ``PinBlocked`` if the card refuses it."""
    files.select_ef(transport, location.fid)
    response = transport.transmit(_verify_command(pin), expect=_VERIFY_ANSWERS,
                                  operation=f"verify the {location.kind} PIN",
                                  refusal=status_words.pin_refusal(location.kind))
    if response.sw == status_words.SW_VERIFICATION_FAILED:  # wrong, without the count: ask for it
        status = probe(transport, location, select=False)
        if status.blocked:
            raise PinBlocked(str(location.kind))
        raise WrongPin(str(location.kind), status.tries_left)


def change(transport: CardTransport, location: PinLocation, new_pin: bytearray) -> None:
    """CHANGE REFERENCE DATA to ``new_pin``; the old value must have been verified just before."""
    command = Command(0x00, apdu.INS_CHANGE_REFERENCE_DATA, P1_NEW_VALUE_ONLY, P2_CURRENT_EF, new_pin)
    transport.transmit(command, operation=f"change the {location.kind} PIN",
                       refusal=status_words.pin_refusal(location.kind))
