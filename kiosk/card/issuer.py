"""The issuer channel (docs/issuer-channel.md): card ID, challenge, key generation, certificate write, PIN reset.

One small module so that a production adapter for the national issuer can replace it. ``IssuerSession``
is its one entry, as ``JpkiSession`` is the JPKI applet's: authorisations name the applet their target
belongs to, so a session is made for an applet (and selects it, unless told the caller just did).
Authorisations come from the central service and go to the card as opaque bytes: this module never looks
inside them. Long commands are chained or sent with extended length by the transport; long answers (a
public key) come back through GET RESPONSE there too. Key generation and the certificate write take a
``progress`` callback (``kiosk.card.progress``): their data and answers span several APDUs on a reader
without extended length.

Refusals of an authorisation (replayed, foreign, mismatched, expired challenge: ``69 82``, ``69 85``,
``6A 80``, ``6A 86``) raise ``AuthorisationRejected`` carrying the status word; the card is unchanged and
its challenge consumed, so a retry starts from a new challenge. A card without the channel raises
``IssuerChannelUnavailable``.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.card import apdu, files, status_words
from kiosk.card.apdu import Command
from kiosk.card.progress import Progress
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import AIDS, Applet, PinLocation
from kiosk.domain.pins import wipe
from kiosk.errors import AppletNotFound, CardInfoAppletMissing, MalformedCardData, NotMyNumberCard

CARD_ID_LENGTH = 16
CHALLENGE_LENGTH = 8
CLA_PROPRIETARY = 0x80
TAG_CARD_ID = 0xC1


class IssuerSession:
    """The issuer commands for the targets (key, certificate and PIN EFs) of one applet."""

    def __init__(self, transport: CardTransport, applet: Applet = Applet.JPKI, *, select: bool = True) -> None:
        self._transport = transport
        self.applet = applet
        self._card_id: bytes | None = None
        if select:
            try:
                files.select_applet(transport, AIDS[applet])
            except AppletNotFound as missing:
                if applet is Applet.CARD_INFO:
                    raise CardInfoAppletMissing("select the card-info applet", missing.sw) from None
                raise NotMyNumberCard(f"{transport.reader}: no {applet} applet") from None

    @property
    def transport(self) -> CardTransport:
        return self._transport

    def card_id(self) -> bytes:
        """The 16-byte card ID (GET DATA, tag C1), read once per session."""
        if self._card_id is None:
            command = Command(CLA_PROPRIETARY, apdu.INS_GET_DATA, 0x00, TAG_CARD_ID, ne=apdu.SHORT_MAX_NE)
            data = self._transport.transmit(command, operation="get card ID",
                                            refusal=status_words.card_id_error_for).data
            if len(data) != CARD_ID_LENGTH:
                raise MalformedCardData(f"a card ID of {len(data)} bytes")
            self._card_id = data
        return self._card_id

    def challenge(self) -> bytes:
        """A fresh 8-byte card challenge; it replaces any earlier one."""
        command = Command(0x00, apdu.INS_GET_CHALLENGE, 0x00, 0x00, ne=CHALLENGE_LENGTH)
        data = self._transport.transmit(command, operation="get challenge").data
        if len(data) != CHALLENGE_LENGTH:
            raise MalformedCardData(f"a challenge of {len(data)} bytes")
        return data

    def generate_key_pair(self, key_fid: int, authorisation: bytes,
                          progress: Progress | None = None) -> rsa.RSAPublicKey:
        """Stage a new key pair in ``key_fid`` (installed by the next matching WRITE CERTIFICATE)."""
        command = Command(CLA_PROPRIETARY, apdu.INS_GENERATE_KEY_PAIR, key_fid >> 8, key_fid & 0xFF, authorisation,
                          ne=apdu.EXTENDED_MAX_NE)
        spki = self._issue(f"generate a key pair in EF {key_fid:04X}", command, progress)
        try:
            key = serialization.load_der_public_key(spki)
        except (ValueError, TypeError) as exc:
            raise MalformedCardData("the new public key is not a SubjectPublicKeyInfo") from exc
        if not isinstance(key, rsa.RSAPublicKey):
            raise MalformedCardData("the new public key is not RSA")
        return key

    def write_certificate(self, certificate_fid: int, authorisation: bytes, der: bytes,
                          progress: Progress | None = None) -> None:
        """Write ``der`` into ``certificate_fid``, installing the staged key it certifies."""
        command = Command(CLA_PROPRIETARY, apdu.INS_WRITE_CERTIFICATE, certificate_fid >> 8, certificate_fid & 0xFF,
                          authorisation + der)
        self._issue(f"write the certificate in EF {certificate_fid:04X}", command, progress)

    def reset_pin(self, location: PinLocation, authorisation: bytes, new_pin: bytearray) -> None:
        """Set a PIN's value and restore its tries; ``new_pin`` must already meet its format."""
        if location.applet is not self.applet:
            raise ValueError(f"the {location.kind} PIN is not in the {self.applet} applet")
        data = bytearray(authorisation)
        data += new_pin
        try:
            command = Command(CLA_PROPRIETARY, apdu.INS_RESET_PIN, location.fid >> 8, location.fid & 0xFF, data)
            self._issue(f"reset the {location.kind} PIN in EF {location.fid:04X}", command, None)
        finally:
            wipe(data)

    def _issue(self, operation: str, command: Command, progress: Progress | None) -> bytes:
        return self._transport.transmit(command, operation=operation, refusal=status_words.authorisation_error_for,
                                        progress=progress).data
