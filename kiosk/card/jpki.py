"""The JPKI applet (公的個人認証AP): token, certificates, PINs, signatures.

``JpkiSession`` selects the applet when it is made; a card without it (or refusing the SELECT) is
``NotMyNumberCard``. Its verbs return parsed objects (``CardCertificate``, ``PinStatus``, a generation
profile) and raise typed errors.
Re-selecting the applet (a new session) ends any verified state, which the session tracks itself because
the card's empty VERIFY says nothing about it.
"""

from __future__ import annotations

import hashlib
from enum import IntEnum

from kiosk.card import apdu, files, pins
from kiosk.card.apdu import Command
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.card.pins import PinStatus
from kiosk.card.progress import Progress
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import (
    JPKI_AID,
    PHONE_LABEL,
    RESIDENT_REGISTER_LABEL,
    Applet,
    GenerationProfile,
    PinLocation,
    profile_for_label,
)
from kiosk.domain.pins import PinKind
from kiosk.errors import (
    MalformedCardData,
    NotMyNumberCard,
    ResidentRegisterCard,
    SecurityStatusNotSatisfied,
    UnexpectedStatus,
)

TOKEN_EF = 0x0006
TOKEN_LENGTH = 32
SIGNATURE_LENGTH = 256  # RSA-2048
# DER DigestInfo prefix for SHA-256 (RFC 8017 section 9.2, note 1).
SHA256_DIGEST_INFO_PREFIX = bytes.fromhex("3031300d060960864801650304020105000420")


class CertificateFile(IntEnum):
    AUTH = 0x000A
    AUTH_CA = 0x000B
    SIGN = 0x0001  # readable only after the signing password
    SIGN_CA = 0x0002


class KeyFile(IntEnum):
    AUTH = 0x0017
    SIGN = 0x001A


def sha256_digest_info(digest: bytes) -> bytes:
    if len(digest) != hashlib.sha256().digest_size:
        raise ValueError("a SHA-256 digest has 32 bytes")
    return SHA256_DIGEST_INFO_PREFIX + digest


def _token_label(raw: bytes) -> str:
    try:
        return raw.rstrip(b"\x00 ").decode("ascii")
    except UnicodeDecodeError:
        raise MalformedCardData("token label is not ASCII") from None


class JpkiSession:
    def __init__(self, transport: CardTransport) -> None:
        self._transport = transport
        self._verified: set[PinKind] = set()
        try:
            files.select_applet(transport, JPKI_AID)
        except UnexpectedStatus as refused:  # AppletNotFound (6A 82) or anything else but a JPKI applet
            raise NotMyNumberCard(f"{transport.reader}: no JPKI applet (select answered {refused.sw:04X})") from None

    @property
    def transport(self) -> CardTransport:
        return self._transport

    def read_token(self) -> str:
        files.select_ef(self._transport, TOKEN_EF)
        return _token_label(files.read_exactly(self._transport, TOKEN_LENGTH))

    def identify(self) -> tuple[str, GenerationProfile]:
        """The token label and the card's generation profile; errors for cards the terminal cannot serve."""
        token = self.read_token()
        profile = profile_for_label(token)
        if profile is not None:
            return token, profile
        if token == RESIDENT_REGISTER_LABEL:
            raise ResidentRegisterCard(f"{self._transport.reader}: a resident-register card ({token})")
        if token == PHONE_LABEL:
            raise NotMyNumberCard(f"{self._transport.reader}: a phone's JPKI applet ({token})")
        raise NotMyNumberCard(f"{self._transport.reader}: unknown JPKI token {token!r}")

    def read_certificate_der(self, which: CertificateFile, progress: Progress | None = None) -> bytes:
        files.select_ef(self._transport, which)
        try:
            return files.read_tlv_object(self._transport, progress)
        except SecurityStatusNotSatisfied:
            raise SecurityStatusNotSatisfied(f"reading certificate EF {which:04X} needs its PIN") from None

    def read_certificate(self, which: CertificateFile, progress: Progress | None = None) -> CardCertificate:
        return parse_certificate(self.read_certificate_der(which, progress))

    def _jpki_pin(self, location: PinLocation) -> PinLocation:
        if location.applet is not Applet.JPKI:
            raise ValueError(f"the {location.kind} PIN at {location.fid:04X} is not in the JPKI applet")
        return location

    def pin_status(self, location: PinLocation) -> PinStatus:
        return pins.probe(self._transport, self._jpki_pin(location))

    def verify_pin(self, location: PinLocation, pin: bytearray) -> None:
        self._verified.discard(location.kind)
        pins.verify(self._transport, self._jpki_pin(location), pin)
        self._verified.add(location.kind)

    def change_pin(self, location: PinLocation, old_pin: bytearray, new_pin: bytearray) -> None:
        """Verify ``old_pin`` then set ``new_pin`` (both already format-checked by the caller)."""
        self.verify_pin(location, old_pin)
        pins.change(self._transport, location, new_pin)

    def is_verified(self, kind: PinKind) -> bool:
        return kind in self._verified

    def sign_digest(self, key: KeyFile, digest: bytes) -> bytes:
        """RSA PKCS#1 v1.5 signature of a SHA-256 ``digest`` with ``key``; its PIN must be verified first."""
        files.select_ef(self._transport, key)
        command = Command(0x80, apdu.INS_COMPUTE_SIGNATURE, 0x00, 0x80, sha256_digest_info(digest),
                          ne=apdu.SHORT_MAX_NE)
        signature = self._transport.transmit(command, operation=f"sign with key EF {key:04X}").data
        if len(signature) != SIGNATURE_LENGTH:
            raise MalformedCardData(f"a signature of {len(signature)} bytes")
        return signature
