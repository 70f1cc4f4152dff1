"""The card steps of the procedures: small blocking functions of a ``CardTransport``.

Each runs whole on the reader's worker thread (``CardChannel.run``), inside one PC/SC transaction, and
starts by selecting its applet: between two steps a flow waits on the person or the network, and another
program may have used the card (shared mode). Selecting keeps the card's issuer challenge
(docs/issuer-channel.md) but ends any verified PIN, so a step that needs a PIN verifies it itself.

PINs come in as ``bytearray``s that the flow owns; nothing here copies them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from kiosk.card import issuer
from kiosk.card.cardinfo import CardInfoAttributes, CardInfoSession
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.card.jpki import CertificateFile, JpkiSession, KeyFile
from kiosk.card.pins import PinStatus
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import AIDS, Applet, GenerationProfile, PinLocation, PinUse
from kiosk.domain.pins import PinKind
from kiosk.errors import CertificateNotWritten, PinNotOnCard

_T = TypeVar("_T")
CardStep = Callable[[CardTransport], _T]

KEY_FILES = {"auth": KeyFile.AUTH, "sign": KeyFile.SIGN}
CERTIFICATE_FILES = {"auth": CertificateFile.AUTH, "sign": CertificateFile.SIGN}
PURPOSE_USES = {"auth": PinUse.AUTH, "sign": PinUse.SIGN}


@dataclass(frozen=True)
class PinState:
    profile: GenerationProfile
    location: PinLocation  # where this use is verified
    home: PinLocation  # where the PIN itself lives (an alias's owner): what a reset targets
    status: PinStatus


def home_of(profile: GenerationProfile, kind: PinKind) -> PinLocation:
    return next(location for location in profile.pins if location.kind is kind)


def _applet_session(transport: CardTransport, applet: Applet) -> JpkiSession | CardInfoSession:
    return CardInfoSession(transport) if applet is Applet.CARD_INFO else JpkiSession(transport)


def _with_transaction(step: Callable[[CardTransport], _T]) -> CardStep[_T]:
    def run(transport: CardTransport) -> _T:
        with transport.transaction():
            return step(transport)
    return run


def pin_state(use: PinUse) -> CardStep[PinState]:
    """Tries left on the PIN that unlocks ``use``; ``PinNotOnCard`` if the card has no such PIN."""
    def step(transport: CardTransport) -> PinState:
        jpki = JpkiSession(transport)
        _token, profile = jpki.identify()
        location = profile.pin_for(use)
        home = home_of(profile, location.kind)
        from kiosk.card.files import FileNotFound

        try:
            status = _applet_session(transport, home.applet).pin_status(home)
        except FileNotFound:
            raise PinNotOnCard(f"the card has no {location.kind} PIN", str(location.kind)) from None
        return PinState(profile, location, home, status)
    return _with_transaction(step)


def verify(location: PinLocation, pin: bytearray) -> CardStep[None]:
    def step(transport: CardTransport) -> None:
        _applet_session(transport, location.applet).verify_pin(location, pin)
    return _with_transaction(step)


def change(location: PinLocation, old_pin: bytearray, new_pin: bytearray) -> CardStep[None]:
    def step(transport: CardTransport) -> None:
        _applet_session(transport, location.applet).change_pin(location, old_pin, new_pin)
    return _with_transaction(step)


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
        certificate = jpki.read_certificate_der(CERTIFICATE_FILES[purpose])  # the signing one needs the PIN
        signature = jpki.sign_digest(KEY_FILES[purpose], hashlib.sha256(nonce).digest())
        parsed = parse_certificate(certificate)
        auth = parsed if purpose == "auth" else jpki.read_certificate(CertificateFile.AUTH)
        return Signature(parsed, signature, auth.certificate.subject.public_bytes())
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


@dataclass(frozen=True)
class IssuerStart:
    card_id: bytes
    challenge: bytes


def issuer_start(applet: Applet) -> CardStep[IssuerStart]:
    """The card ID and a fresh challenge, with ``applet`` selected (the authorisation names it)."""
    def step(transport: CardTransport) -> IssuerStart:
        _applet_session(transport, applet)
        return IssuerStart(issuer.read_card_id(transport), issuer.get_challenge(transport))
    return _with_transaction(step)


def challenge(applet: Applet) -> CardStep[bytes]:
    def step(transport: CardTransport) -> bytes:
        _applet_session(transport, applet)
        return issuer.get_challenge(transport)
    return _with_transaction(step)


def generate_key_pair(purpose: str, authorisation: bytes) -> CardStep[bytes]:
    """Stage a new key pair for ``purpose``; returns its public key (SubjectPublicKeyInfo DER)."""
    def step(transport: CardTransport) -> bytes:
        from cryptography.hazmat.primitives import serialization

        JpkiSession(transport)
        key = issuer.generate_key_pair(transport, KEY_FILES[purpose], authorisation)
        return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return _with_transaction(step)


def write_certificate(purpose: str, authorisation: bytes, der: bytes, *, read_back: bool) -> CardStep[None]:
    """Install the certificate (and with it the staged key); read it back where no PIN guards it."""
    def step(transport: CardTransport) -> None:
        jpki = JpkiSession(transport)
        issuer.write_certificate(transport, CERTIFICATE_FILES[purpose], authorisation, der)
        if read_back:
            _compare(jpki.read_certificate_der(CERTIFICATE_FILES[purpose]), der, purpose)
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


def reset_pin(home: PinLocation, authorisation: bytes, new_pin: bytearray) -> CardStep[None]:
    def step(transport: CardTransport) -> None:
        _applet_session(transport, home.applet)
        issuer.reset_pin(transport, home.fid, authorisation, new_pin)
    return _with_transaction(step)


def aid_of(applet: Applet) -> bytes:
    return AIDS[applet]
