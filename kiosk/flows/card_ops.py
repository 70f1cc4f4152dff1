"""The card steps of the procedures: small blocking functions of a ``CardTransport``.

Each runs whole on the reader's worker thread (``CardChannel.run``), inside one PC/SC transaction, and
starts by selecting its applet: between two steps a flow waits on the person or the network, and another
program may have used the card (shared mode). Selecting keeps the card's issuer challenge
(docs/issuer-channel.md) but ends any verified PIN, so a step that needs a PIN verifies it itself.

Within that rule a step does all it can: it takes the next issuer challenge along with the command before
(the card keeps it until an issuer command uses it), and ``prepare`` reads the profile, every PIN state the
procedure needs, the card ID and a challenge in one transaction. benchmarks/flows.py prints what each
procedure sends against the fewest APDUs the command sets allow.

PINs come in as ``bytearray``s that the flow owns; nothing here copies them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cryptography.hazmat.primitives import serialization

from kiosk.card.cardinfo import CardInfoAttributes, CardInfoSession
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.card.check import CardStatus
from kiosk.card.issuer import IssuerSession
from kiosk.card.jpki import CertificateFile, JpkiSession, KeyFile
from kiosk.card.pins import PinStatus
from kiosk.card.progress import Progress
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import AIDS, Applet, GenerationProfile, PinLocation, PinUse
from kiosk.domain.pins import PinKind
from kiosk.errors import CertificateNotWritten, FileNotFound, PinNotOnCard

_T = TypeVar("_T")
CardStep = Callable[[CardTransport], _T]

KEY_FILES = {"auth": KeyFile.AUTH, "sign": KeyFile.SIGN}
CERTIFICATE_FILES = {"auth": CertificateFile.AUTH, "sign": CertificateFile.SIGN}
PURPOSE_USES = {"auth": PinUse.AUTH, "sign": PinUse.SIGN}


@dataclass(frozen=True)
class PinState:
    location: PinLocation  # where this use is verified
    home: PinLocation  # where the PIN itself lives (an alias's owner): what a reset targets
    status: PinStatus


@dataclass(frozen=True)
class IssuerStart:
    card_id: bytes
    challenge: bytes


@dataclass(frozen=True)
class Prepared:
    profile: GenerationProfile
    pins: dict[PinUse, PinState]
    issuer: IssuerStart | None  # when asked for: the card ID and a challenge for the first issuer command


def home_of(profile: GenerationProfile, kind: PinKind) -> PinLocation:
    return next(location for location in profile.pins if location.kind is kind)


def aid_of(applet: Applet) -> bytes:
    return AIDS[applet]


def _with_transaction(step: Callable[[CardTransport], _T]) -> CardStep[_T]:
    def run(transport: CardTransport) -> _T:
        with transport.transaction():
            return step(transport)
    return run


def prepare(uses: tuple[PinUse, ...], *, issuer_for: PinUse | Applet | None = None) -> CardStep[Prepared]:
    """The card's profile and the state of the PIN behind each of ``uses`` (``PinNotOnCard`` for one the card
    lacks); with ``issuer_for``, also the card ID and a fresh challenge with that applet selected (or the
    applet where that use's PIN lives)."""
    def step(transport: CardTransport) -> Prepared:
        jpki = JpkiSession(transport)
        _token, profile = jpki.identify()
        card_info: CardInfoSession | None = None
        states: dict[PinUse, PinState] = {}
        for use in uses:
            location = profile.pin_for(use)
            home = home_of(profile, location.kind)
            try:
                if home.applet is Applet.JPKI:
                    status = jpki.pin_status(home)
                else:
                    card_info = card_info or CardInfoSession(transport)
                    status = card_info.pin_status(home)
            except FileNotFound:
                raise PinNotOnCard(f"the card has no {location.kind} PIN", str(location.kind)) from None
            states[use] = PinState(location, home, status)
        start = None
        issuer_applet = (home_of(profile, profile.pin_for(issuer_for).kind).applet
                         if isinstance(issuer_for, PinUse) else issuer_for)
        if issuer_applet is not None:
            # The applet is selected again when another was selected last (the card-info one, for a PIN there).
            reselect = issuer_applet is not Applet.JPKI or card_info is not None
            issuer = IssuerSession(transport, issuer_applet, select=reselect)
            start = IssuerStart(issuer.card_id(), issuer.challenge())
        return Prepared(profile, states, start)
    return _with_transaction(step)


def state_from(status: CardStatus, use: PinUse) -> PinState:
    """The state of ``use``'s PIN as the check read found it (no APDU); ``PinNotOnCard`` if the card lacks it."""
    location = status.profile.pin_for(use)
    home = home_of(status.profile, location.kind)
    found = next((pin for pin in status.pins if pin.kind is location.kind), None)
    if found is None:
        raise PinNotOnCard(f"the card has no {location.kind} PIN", str(location.kind))
    return PinState(location, home, found)


def verify(location: PinLocation, pin: bytearray) -> CardStep[None]:
    def step(transport: CardTransport) -> None:
        _applet_session(transport, location.applet).verify_pin(location, pin)
    return _with_transaction(step)


def change(location: PinLocation, old_pin: bytearray, new_pin: bytearray) -> CardStep[None]:
    def step(transport: CardTransport) -> None:
        _applet_session(transport, location.applet).change_pin(location, old_pin, new_pin)
    return _with_transaction(step)


def _applet_session(transport: CardTransport, applet: Applet) -> JpkiSession | CardInfoSession:
    return CardInfoSession(transport) if applet is Applet.CARD_INFO else JpkiSession(transport)


def read_attributes(location: PinLocation, pin: bytearray) -> CardStep[CardInfoAttributes]:
    def step(transport: CardTransport) -> CardInfoAttributes:
        session = CardInfoSession(transport)
        session.verify_pin(location, pin)
        return session.read_attributes()
    return _with_transaction(step)


@dataclass(frozen=True)
class Signature:
    certificate: CardCertificate  # of the key that signed
    signature: bytes
    auth_subject_der: bytes  # the record's resident identifier, whichever key signed


def sign_nonce(purpose: str, location: PinLocation, pin: bytearray, nonce: bytes) -> CardStep[Signature]:
    """Verify the PIN of ``purpose``'s key, then sign the SHA-256 of ``nonce`` with it (a proof of possession)."""
    def step(transport: CardTransport) -> Signature:
        jpki = JpkiSession(transport)
        jpki.verify_pin(location, pin)
        certificate = parse_certificate(jpki.read_certificate_der(CERTIFICATE_FILES[purpose]))
        signature = jpki.sign_digest(KEY_FILES[purpose], hashlib.sha256(nonce).digest())
        auth = certificate if purpose == "auth" else jpki.read_certificate(CertificateFile.AUTH)
        return Signature(certificate, signature, auth.certificate.subject.public_bytes())
    return _with_transaction(step)


def read_certificate(purpose: str, pin_location: PinLocation | None = None,
                     pin: bytearray | None = None) -> CardStep[CardCertificate]:
    """The certificate of ``purpose`` (the signing one only after its PIN)."""
    def step(transport: CardTransport) -> CardCertificate:
        jpki = JpkiSession(transport)
        if pin_location is not None and pin is not None:
            jpki.verify_pin(pin_location, pin)
        return jpki.read_certificate(CERTIFICATE_FILES[purpose])
    return _with_transaction(step)


def issuer_start(applet: Applet) -> CardStep[IssuerStart]:
    """The card ID and a fresh challenge, with ``applet`` selected (the authorisation names it)."""
    def step(transport: CardTransport) -> IssuerStart:
        issuer = IssuerSession(transport, applet)
        return IssuerStart(issuer.card_id(), issuer.challenge())
    return _with_transaction(step)


def challenge(applet: Applet) -> CardStep[bytes]:
    def step(transport: CardTransport) -> bytes:
        return IssuerSession(transport, applet).challenge()
    return _with_transaction(step)


@dataclass(frozen=True)
class StagedKey:
    public_key_der: bytes  # SubjectPublicKeyInfo
    next_challenge: bytes  # for the WRITE CERTIFICATE that installs it


def generate_key_pair(purpose: str, authorisation: bytes, progress: Progress | None = None) -> CardStep[StagedKey]:
    """Stage a new key pair for ``purpose``; its public key, and the challenge for the write that follows."""
    def step(transport: CardTransport) -> StagedKey:
        issuer = IssuerSession(transport)
        key = issuer.generate_key_pair(KEY_FILES[purpose], authorisation, progress)
        der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        return StagedKey(der, issuer.challenge())
    return _with_transaction(step)


def write_certificate(purpose: str, authorisation: bytes, der: bytes, *, read_back: bool, then: Applet,
                      progress: Progress | None = None) -> CardStep[bytes]:
    """Install the certificate (and with it the staged key); read it back where no PIN guards it. Returns a
    challenge, with ``then`` selected, for the PIN reset that follows."""
    def step(transport: CardTransport) -> bytes:
        issuer = IssuerSession(transport)
        issuer.write_certificate(CERTIFICATE_FILES[purpose], authorisation, der, progress)
        if read_back:
            _compare(JpkiSession(transport).read_certificate_der(CERTIFICATE_FILES[purpose]), der, purpose)
        # After the read-back the JPKI applet is still selected: only another applet needs a SELECT.
        next_issuer = issuer if then is Applet.JPKI else IssuerSession(transport, then)
        return next_issuer.challenge()
    return _with_transaction(step)


def check_written(purpose: str, location: PinLocation, pin: bytearray, der: bytes) -> CardStep[None]:
    """Verify the (new) PIN and read the certificate back: the card holds what was written, and the PIN works."""
    def step(transport: CardTransport) -> None:
        jpki = JpkiSession(transport)
        jpki.verify_pin(location, pin)
        _compare(jpki.read_certificate_der(CERTIFICATE_FILES[purpose]), der, purpose)
    return _with_transaction(step)


def _compare(read: bytes, written: bytes, purpose: str) -> None:
    if read != written:
        raise CertificateNotWritten(f"the {purpose} certificate read back differs from the one written")


def reset_pin(home: PinLocation, authorisation: bytes, new_pin: bytearray, *,
              then: Applet | None = None) -> CardStep[bytes | None]:
    """Reset the PIN at ``home``; with ``then``, also a challenge (that applet selected) for the next command."""
    def step(transport: CardTransport) -> bytes | None:
        issuer = IssuerSession(transport, home.applet)
        issuer.reset_pin(home, authorisation, new_pin)
        if then is None:
            return None
        return (issuer if then is home.applet else IssuerSession(transport, then)).challenge()
    return _with_transaction(step)
