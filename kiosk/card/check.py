"""The check screen's read (DESIGN.md 1 "Check"): everything shown without a PIN, in the fewest APDUs.

The sequence, inside one PC/SC transaction:

1. SELECT the JPKI applet (by AID): tells a My Number Card from anything else;
2. SELECT EF 0006, READ BINARY 32 bytes: the token label, hence the generation profile;
3. SELECT EF 000A, READ BINARY: the authentication certificate (one APDU with extended length, else the
   first 256 bytes, whose DER header gives the size, then the rest);
4. for each JPKI PIN of the profile: SELECT its EF, VERIFY with no data (tries left, none spent);
5. for a PIN in the card-info applet (current cards): SELECT the applet, SELECT EF 0011, empty VERIFY.

None of these SELECTs can go: READ BINARY and VERIFY act on the current EF, and the public command set has
no short-EF-identifier form. A current card takes 12 APDUs (13 without extended length, more for a longer
certificate), a next-generation card 9 (its card-info PIN is the JPKI short PIN: probed once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.card.cardinfo import CardInfoSession
from kiosk.card.certificate import CardCertificate
from kiosk.card.jpki import CertificateFile, JpkiSession
from kiosk.card.pins import PinStatus
from kiosk.card.transport import CardTransport, IoStats
from kiosk.domain.certificates import CertificateStatus, status_at, status_on
from kiosk.domain.generation import Applet, GenerationProfile, PinLocation, PinUse
from kiosk.errors import CardInfoAppletMissing, FileNotFound


@dataclass(frozen=True)
class CardStatus:
    reader: str
    token: str
    profile: GenerationProfile
    auth_certificate: CardCertificate
    pins: tuple[PinStatus, ...]
    io: IoStats
    extended_length: bool  # whether the reader took extended-length APDUs

    def certificate_status_on(self, day: date) -> CertificateStatus:
        return status_on(self.auth_certificate.not_before, self.auth_certificate.not_after, day)

    def certificate_status_at(self, moment: datetime) -> CertificateStatus:
        return status_at(self.auth_certificate.not_before, self.auth_certificate.not_after, moment)

    def uses_of(self, pin: PinStatus) -> tuple[PinUse, ...]:
        return self.profile.uses_of(pin.kind)


def read_card_status(transport: CardTransport) -> CardStatus:
    with transport.transaction(), transport.measure() as io:
        jpki = JpkiSession(transport)
        token, profile = jpki.identify()
        certificate = jpki.read_certificate(CertificateFile.AUTH)
        statuses = _probe_all(jpki.pin_status, [pin for pin in profile.pins if pin.applet is Applet.JPKI])
        card_info_pins = [pin for pin in profile.pins if pin.applet is Applet.CARD_INFO]
        if card_info_pins:
            try:
                card_info = CardInfoSession(transport)
            except CardInfoAppletMissing:
                pass  # a card without the applet has no such PIN
            else:
                statuses += _probe_all(card_info.pin_status, card_info_pins)
    return CardStatus(transport.reader, token, profile, certificate, tuple(statuses), io,
                      transport.extended_length_allowed)


def _probe_all(probe: Callable[[PinLocation], PinStatus], locations: list[PinLocation]) -> list[PinStatus]:
    """Tries left of each PIN the card has; a PIN EF the card lacks (a child's card: no signing
    password) is left out."""
    statuses = []
    for location in locations:
        try:
            statuses.append(probe(location))
        except FileNotFound:
            continue
    return statuses
