"""The virtual My Number Card: the public command set of jpki-reference.md and the issuer channel of
docs/issuer-channel.md, on the state of one card.

``transmit`` never raises: any bytes in give a response APDU out (data + SW1 SW2). Decisions where the
sources leave room (documented in docs/training-cards.md):
- READ BINARY past the end of a file (offset >= size) answers 6B 00. A read that reaches the end returns
  what is there: with 90 00 when Le was all zeros ("everything, up to 256/65536", ISO 7816-4), with
  62 82 when an explicit Le asked for more than there is.
- A blocked PIN answers VERIFY (with or without data) with the profile's ``blocked_status``: 69 84
  unless a profile chooses 69 83 or 63 C0. The wrong try that blocks it answers 63 C0.
- VERIFY with no data is a tries-left probe, in case 1 (``00 20 00 80``) and in case 2 (``... 00``).
- A command for the current EF when there is none answers 69 86; when the current EF is of the wrong
  kind (READ BINARY of a PIN EF, SIGN with a certificate EF) 69 81.
- A response longer than Ne (GENERATE KEY PAIR's 294 bytes, or a SIGN without Le) comes as the first
  Ne bytes + 61 xx, the rest by GET RESPONSE. READ BINARY never does this: Ne is the read size.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.cardsim import image as card_image
from kiosk.cardsim import issuer, layout, signing, status
from kiosk.cardsim.apdu import CommandApdu, MalformedApdu, parse
from kiosk.cardsim.pins import PinState
from kiosk.cardsim.profiles import Profile, load_profile
from kiosk.cardsim.session import MAX_CHAINED_DATA, Chain, Session
from kiosk.cardsim.state import BinaryFile, CardState, ElementaryFile, KeyFile, PinFile
from kiosk.pki.training import TrainingPki

_log = logging.getLogger(__name__)

CLA_ISO = 0x00
CLA_PROPRIETARY = 0x80
CLA_CHAINING = 0x90
INTERNAL_ERROR = 0x6F00
CHALLENGE_LENGTH = 8

Reply = tuple[bytes, int]


@dataclass(frozen=True)
class CardSnapshot:
    """Everything persistent about a card, comparable with ``==``: "the card is unchanged" in one assert."""

    pins: tuple[tuple[str, int, bytes], ...]  # kind, tries left, fingerprint of the value
    keys: tuple[tuple[int, int, int | None], ...]  # key EF, modulus, pending modulus
    files: tuple[tuple[bytes, int, bytes], ...]  # applet, EF, content


class VirtualCard:
    """One My Number Card. Thread-safe: one lock around every command and every state change."""

    def __init__(self, card: card_image.CardImage) -> None:
        self.profile: Profile = card.profile
        self.atr: bytes = card.profile.atr
        self.card_id: bytes = card.card_id
        self.state = CardState.from_image(card)
        self._trust = issuer.IssuerTrust(card.card_id, card.issuer_public_key, card.roots)
        self._faults = card.profile.faults
        self._session = Session()
        self._powered = False
        self._lock = threading.RLock()
        self._handlers: dict[tuple[int, int], Callable[[CommandApdu], Reply]] = {
            (CLA_ISO, 0xA4): self._select,
            (CLA_ISO, 0xB0): self._read_binary,
            (CLA_ISO, 0x20): self._verify,
            (CLA_ISO, 0x24): self._change_reference_data,
            (CLA_ISO, 0x84): self._get_challenge,
            (CLA_ISO, 0xC0): self._get_response,
            (CLA_PROPRIETARY, 0x2A): self._sign,
            (CLA_PROPRIETARY, 0xCA): self._get_data,
        }
        for ins in issuer.OPERATIONS:
            self._handlers[(CLA_PROPRIETARY, ins)] = self._issuer_command
            self._handlers[(CLA_CHAINING, ins)] = self._issuer_command

    @classmethod
    def from_profile(cls, profile: Profile | str, pki: TrainingPki | None = None,
                     today: date | None = None) -> VirtualCard:
        """A factory-fresh card of ``profile`` (a Profile, a profile name or a profile file path).

        ``pki`` defaults to the shared training PKI; ``today`` (a Japan-time date) to today in Japan.
        """
        if pki is None:
            from kiosk.pki import training

            pki = training.load_or_create()
        resolved = profile if isinstance(profile, Profile) else load_profile(profile, today=today)
        return cls(card_image.build(resolved, pki))

    # --- power ---------------------------------------------------------------------------------------------

    @property
    def powered(self) -> bool:
        return self._powered

    def power_on(self) -> None:
        with self._lock:
            self._session = Session()
            self._powered = True

    def power_off(self) -> None:
        """Forget the volatile state (selection, verified PINs, challenge, chaining); keep the rest."""
        with self._lock:
            self._session = Session()
            self._powered = False

    def reset(self) -> None:
        with self._lock:
            self._session = Session()
            self._powered = True

    # --- commands --------------------------------------------------------------------------------------------

    def transmit(self, apdu: bytes) -> bytes:
        """Process one command APDU; return response data + SW1 SW2. Never raises.

        A card that is not powered is powered on first, as a reader does when a terminal connects.
        """
        with self._lock:
            if not self._powered:
                self.power_on()
            raw = b""
            try:
                raw = bytes(apdu)
                data, sw = self._process(raw)
            except Exception:  # the card answers every input with a status word
                # Only the header, here and below: the data of VERIFY, CHANGE and RESET PIN holds PINs.
                _log.exception("internal error on %s", raw[:4].hex(" "))
                data, sw = b"", INTERNAL_ERROR
            if _log.isEnabledFor(logging.DEBUG):
                _log.debug("%s Lc=%d -> %d bytes %04X", raw[:4].hex(" "), max(0, len(raw) - 5), len(data), sw)
            return data + sw.to_bytes(2, "big")

    def _process(self, raw: bytes) -> Reply:
        session = self._session
        if len(raw) < 4:
            return b"", status.WRONG_LENGTH
        cla, ins, p1p2 = raw[0], raw[1], raw[2] << 8 | raw[3]
        if ins != 0xC0:
            session.response = b""
        chain = session.chain
        if chain is not None and not (cla in (CLA_PROPRIETARY, CLA_CHAINING) and ins == chain.ins
                                      and p1p2 == chain.p1p2):
            session.chain = None  # a chain is broken by any other command
        if cla not in (CLA_ISO, CLA_PROPRIETARY, CLA_CHAINING):
            return b"", status.CLA_NOT_SUPPORTED
        issuer_ins = ins in issuer.OPERATIONS
        if issuer_ins and not self._faults.issuer_channel:
            return b"", status.INS_NOT_SUPPORTED
        if cla == CLA_CHAINING and not issuer_ins:
            return b"", status.CHAINING_NOT_SUPPORTED
        handler = self._handlers.get((cla, ins))
        if handler is None:
            return b"", status.INS_NOT_SUPPORTED
        try:
            command = parse(raw)
        except MalformedApdu:
            return b"", status.WRONG_LENGTH
        if command.extended and not self._faults.extended_length:
            return b"", status.WRONG_LENGTH
        return handler(command)

    def _respond(self, data: bytes, command: CommandApdu) -> Reply:
        """Send what fits in Ne; keep the rest for GET RESPONSE."""
        if len(data) <= command.ne:
            return data, status.OK
        self._session.response = data[command.ne:]
        return data[:command.ne], status.more_data(len(data) - command.ne)

    def _current(self) -> ElementaryFile | None:
        session = self._session
        if session.applet is None or session.ef is None:
            return None
        return self.state.ef(session.applet, session.ef)

    def _pin_verified(self, pin_fid: int) -> bool:
        applet = self._session.applet
        pin_file = self.state.ef(applet, pin_fid) if applet else None
        return isinstance(pin_file, PinFile) and pin_file.pin.kind in self._session.verified

    def _select(self, command: CommandApdu) -> Reply:
        if command.p1 == 0x04:
            if not command.data:
                return b"", status.WRONG_LENGTH
            if command.data not in self.state.applets:
                return b"", status.FILE_NOT_FOUND  # before P2: tools probe unknown applets with P2 00
            if command.p2 != 0x0C:
                return b"", status.WRONG_P1P2
            self._session.select_applet(command.data)
            return b"", status.OK
        if command.p1 == 0x02:
            if command.p2 != 0x0C:
                return b"", status.WRONG_P1P2
            if len(command.data) != 2:
                return b"", status.WRONG_LENGTH
            fid = int.from_bytes(command.data, "big")
            applet = self._session.applet
            if applet is None or self.state.ef(applet, fid) is None:
                return b"", status.FILE_NOT_FOUND
            self._session.ef = fid
            return b"", status.OK
        return b"", status.WRONG_P1P2

    def _read_binary(self, command: CommandApdu) -> Reply:
        if command.p1 & 0x80:
            return b"", status.WRONG_P1P2  # short EF identifiers are not used by this card
        if command.data or not command.has_le:
            return b"", status.WRONG_LENGTH
        current = self._current()
        if current is None:
            return b"", status.NO_CURRENT_EF
        if not isinstance(current, BinaryFile):
            return b"", status.INCOMPATIBLE_FILE
        if current.read_pin is not None and not self._pin_verified(current.read_pin):
            return b"", status.SECURITY_STATUS
        offset = command.p1p2
        content = current.content
        if offset >= len(content):
            return b"", status.OFFSET_BEYOND_END
        chunk = content[offset:offset + command.ne]
        if len(chunk) < command.ne and not command.ne_is_maximum:
            return chunk, status.END_OF_FILE
        return chunk, status.OK

    def _usable_pin(self) -> PinState | int:
        """The PIN of the current EF, or the status word saying why there is none to use."""
        current = self._current()
        if current is None:
            return status.NO_CURRENT_EF
        if not isinstance(current, PinFile):
            return status.INCOMPATIBLE_FILE
        if current.pin.blocked:
            return self._faults.blocked_status
        return current.pin

    def _verify(self, command: CommandApdu) -> Reply:
        if (command.p1, command.p2) != (0x00, 0x80):
            return b"", status.WRONG_P1P2
        pin = self._usable_pin()
        if isinstance(pin, int):
            return b"", pin
        if not command.data:
            return b"", status.tries_left(pin.tries_left)
        if pin.verify(command.data):
            self._session.verified.add(pin.kind)
            return b"", status.OK
        self._session.verified.discard(pin.kind)
        return b"", status.tries_left(pin.tries_left)

    def _change_reference_data(self, command: CommandApdu) -> Reply:
        if (command.p1, command.p2) != (0x01, 0x80):
            return b"", status.WRONG_P1P2
        if not command.data:
            return b"", status.WRONG_LENGTH
        pin = self._usable_pin()
        if isinstance(pin, int):
            return b"", pin
        if pin.kind not in self._session.verified:
            return b"", status.SECURITY_STATUS
        new_value = bytearray(command.data)
        try:
            if not pin.pin_format.accepts(new_value):
                return b"", status.WRONG_DATA
            pin.replace(new_value, reset_counter=False)
        finally:
            new_value[:] = bytes(len(new_value))
        return b"", status.OK

    def _get_challenge(self, command: CommandApdu) -> Reply:
        if command.p1p2 != 0:
            return b"", status.WRONG_P1P2
        if command.data or command.ne != CHALLENGE_LENGTH:
            return b"", status.WRONG_LENGTH
        self._session.challenge = secrets.token_bytes(CHALLENGE_LENGTH)
        return self._session.challenge, status.OK

    def _get_response(self, command: CommandApdu) -> Reply:
        if command.p1p2 != 0:
            return b"", status.WRONG_P1P2
        if command.data or not command.has_le:
            return b"", status.WRONG_LENGTH
        waiting = self._session.response
        if not waiting:
            return b"", status.CONDITIONS_NOT_SATISFIED
        self._session.response = b""
        return self._respond(waiting, command)

    def _sign(self, command: CommandApdu) -> Reply:
        if (command.p1, command.p2) != (0x00, 0x80):
            return b"", status.WRONG_P1P2
        if not command.data:
            return b"", status.WRONG_LENGTH
        current = self._current()
        if current is None:
            return b"", status.NO_CURRENT_EF
        if not isinstance(current, KeyFile):
            return b"", status.INCOMPATIBLE_FILE
        if not self._pin_verified(current.pin):
            return b"", status.SECURITY_STATUS
        if len(command.data) > signing.max_input(current.key):
            return b"", status.WRONG_LENGTH
        return self._respond(signing.sign(current.key, command.data), command)

    def _get_data(self, command: CommandApdu) -> Reply:
        if not self._faults.issuer_channel or command.p1p2 != 0x00C1:
            return b"", status.DATA_NOT_FOUND
        if command.data:
            return b"", status.WRONG_LENGTH
        return self._respond(self.card_id, command)

    def _issuer_command(self, command: CommandApdu) -> Reply:
        session = self._session
        if command.cla == CLA_CHAINING:
            chain = session.chain or Chain(command.ins, command.p1p2)
            chain.data += command.data
            if len(chain.data) > MAX_CHAINED_DATA:
                session.chain = None
                return b"", status.WRONG_LENGTH
            session.chain = chain
            return b"", status.OK
        data = command.data
        if session.chain is not None:  # same INS and P1P2, or it was dropped in _process
            data = bytes(session.chain.data) + data
            session.chain = None
        reply_data, sw = issuer.execute(self._trust, self.state, session, command.ins, command.p1p2, data)
        return self._respond(reply_data, command) if sw == status.OK else (reply_data, sw)

    # --- inspection, for tests and training tools ---------------------------------------------------------------

    def tries_left(self, kind: str) -> int:
        with self._lock:
            return self.state.pins[kind].tries_left

    def file(self, aid: bytes, fid: int) -> bytes | None:
        with self._lock:
            ef = self.state.ef(aid, fid)
            return ef.content if isinstance(ef, BinaryFile) else None

    def certificate(self, purpose: str) -> bytes | None:
        """The DER in the auth (``"auth"``) or signing (``"sign"``) certificate EF."""
        return self.file(layout.JPKI_AID, layout.BY_PURPOSE[purpose].certificate)

    def _key_file(self, purpose: str) -> KeyFile | None:
        ef = self.state.ef(layout.JPKI_AID, layout.BY_PURPOSE[purpose].key)
        return ef if isinstance(ef, KeyFile) else None

    def public_key(self, purpose: str) -> rsa.RSAPublicKey | None:
        with self._lock:
            key_file = self._key_file(purpose)
            return key_file.key.public_key() if key_file else None

    def pending_public_key(self, purpose: str) -> rsa.RSAPublicKey | None:
        """The key generated by GENERATE KEY PAIR and not yet installed by WRITE CERTIFICATE."""
        with self._lock:
            key_file = self._key_file(purpose)
            return key_file.pending.public_key() if key_file and key_file.pending else None

    @property
    def has_challenge(self) -> bool:
        with self._lock:
            return self._session.challenge is not None

    @property
    def selected_applet(self) -> bytes | None:
        with self._lock:
            return self._session.applet

    def snapshot(self) -> CardSnapshot:
        with self._lock:
            pins = tuple((kind, pin.tries_left, pin.fingerprint()) for kind, pin in sorted(self.state.pins.items()))
            keys = []
            files = []
            for aid, applet in sorted(self.state.applets.items()):
                for fid, ef in sorted(applet.files.items()):
                    if isinstance(ef, KeyFile):
                        pending = ef.pending.public_key().public_numbers().n if ef.pending else None
                        keys.append((fid, ef.key.public_key().public_numbers().n, pending))
                    elif isinstance(ef, BinaryFile):
                        files.append((aid, fid, ef.content))
            return CardSnapshot(pins, tuple(keys), tuple(files))
