"""The card-info input support applet (券面事項入力補助AP): name, address, birth date and sex, with its PIN.

Used to fill in a paper form without handwriting (DESIGN.md "Paperless form"). The terminal reads the
attributes EF only; the My Number EF is never read. What this returns is personal data: show it, never
log it (the transport logs response lengths only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.card import files, pins, tlv
from kiosk.card.pins import PinStatus
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import CARD_INFO_AID, Applet, PinLocation
from kiosk.errors import AppletNotFound, CardInfoAppletMissing, MalformedCardData, SecurityStatusNotSatisfied

ATTRIBUTES_EF = 0x0002
TAG_CONTAINER = 0xFF20
TAG_NAME = 0xDF22
TAG_ADDRESS = 0xDF23
TAG_BIRTH_DATE = 0xDF24
TAG_SEX = 0xDF25


class Sex(StrEnum):
    """ISO 5218 codes, as the card stores them."""

    MALE = "1"
    FEMALE = "2"
    NOT_APPLICABLE = "9"


@dataclass(frozen=True)
class CardInfoAttributes:
    name: str
    address: str
    birth_date: date
    sex: Sex

    def __repr__(self) -> str:  # personal data stays out of tracebacks and logs
        return "CardInfoAttributes(<personal data>)"


def parse_attributes(data: bytes) -> CardInfoAttributes:
    """The FF 20 container of the attributes EF; ``MalformedCardData`` for anything else."""
    items = tlv.parse_all(tlv.parse_one(data, TAG_CONTAINER))
    try:
        name = tlv.find(items, TAG_NAME).decode("utf-8")
        address = tlv.find(items, TAG_ADDRESS).decode("utf-8")
        birth = tlv.find(items, TAG_BIRTH_DATE).decode("ascii")
        sex = Sex(tlv.find(items, TAG_SEX).decode("ascii"))
        if len(birth) != 8 or not birth.isdigit():
            raise ValueError("birth date is not YYYYMMDD")
        birth_date = date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedCardData(f"card-info attributes: {type(exc).__name__}") from None
    return CardInfoAttributes(name, address, birth_date, sex)


class CardInfoSession:
    def __init__(self, transport: CardTransport) -> None:
        self._transport = transport
        self._verified = False
        try:
            files.select_applet(transport, CARD_INFO_AID)
        except AppletNotFound as missing:
            raise CardInfoAppletMissing("select the card-info applet", missing.sw) from None

    def _own(self, location: PinLocation) -> PinLocation:
        if location.applet is not Applet.CARD_INFO:
            raise ValueError(f"the {location.kind} PIN at {location.fid:04X} is not in the card-info applet")
        return location

    def pin_status(self, location: PinLocation) -> PinStatus:
        return pins.probe(self._transport, self._own(location))

    def verify_pin(self, location: PinLocation, pin: bytearray) -> None:
        self._verified = False
        pins.verify(self._transport, self._own(location), pin)
        self._verified = True

    def change_pin(self, location: PinLocation, old_pin: bytearray, new_pin: bytearray) -> None:
        self.verify_pin(location, old_pin)
        pins.change(self._transport, location, new_pin)

    def read_attributes(self) -> CardInfoAttributes:
        """Name, address, birth date and sex; the card-info PIN must have been verified in this session."""
        files.select_ef(self._transport, ATTRIBUTES_EF)
        try:
            return parse_attributes(files.read_tlv_object(self._transport))
        except SecurityStatusNotSatisfied:
            raise SecurityStatusNotSatisfied("reading the card-info attributes needs the card-info PIN") from None
