"""Card generations: the current card (2016-) and the next-generation card (FY2026-), each as a profile.

The terminal never forks its code on the generation: it asks the card's profile which token names it,
which PINs the card has and where each lives, which PIN unlocks what, and how long its certificates run.
Next-generation values are hypothetical (docs/issuer-channel.md "Next-generation cards"): when the real
ones are published, only ``NEXT`` below changes.

Token labels (jpki-reference.md "JPKI files", EF 0006): ``JPKIAPICCTOKEN2`` is a current My Number Card,
``JPKIAPICCTOKEN`` an old resident-register card (which the terminal cannot serve), ``JPKIAPGPSETOKEN`` the
certificate on an Android phone (not a card).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.pins import PinKind


class CardGeneration(StrEnum):
    CURRENT = "current"
    NEXT = "next"


class Applet(StrEnum):
    JPKI = "jpki"
    CARD_INFO = "card_info"


class PinUse(StrEnum):
    """What a resident unlocks with a PIN; ``kiosk card verify-pin --kind`` names these."""

    AUTH = "auth"  # the user-authentication key
    SIGN = "sign"  # the signing key and the signing certificate
    CARD_INFO = "card_info"  # the card-info input support applet


JPKI_AID = bytes.fromhex("D392F000260100000001")
CARD_INFO_AID = bytes.fromhex("D3921000310001010408")
AIDS: dict[Applet, bytes] = {Applet.JPKI: JPKI_AID, Applet.CARD_INFO: CARD_INFO_AID}

RESIDENT_REGISTER_LABEL = "JPKIAPICCTOKEN"
PHONE_LABEL = "JPKIAPGPSETOKEN"


@dataclass(frozen=True)
class PinLocation:
    """One PIN as the card stores it: its kind and the EF (in an applet) that VERIFY addresses."""

    kind: PinKind
    applet: Applet
    fid: int


@dataclass(frozen=True)
class GenerationProfile:
    generation: CardGeneration
    label: str  # the JPKI token label (EF 0006)
    # Every distinct PIN of the card, once, where its retry counter is read (JPKI ones first, so a status
    # read selects the card-info applet at most once, at the end).
    pins: tuple[PinLocation, ...]
    # Where to verify for each use. Several uses may share one PIN (next generation: auth and card-info),
    # possibly through another EF that aliases it.
    unlocks: tuple[tuple[PinUse, PinLocation], ...]
    # Certificates run to the n-th birthday after issuance; None: as long as the card.
    certificate_birthdays: int | None

    def pin_for(self, use: PinUse) -> PinLocation:
        return dict(self.unlocks)[use]

    def uses_of(self, kind: PinKind) -> tuple[PinUse, ...]:
        return tuple(use for use, location in self.unlocks if location.kind is kind)

    @property
    def pin_kinds(self) -> tuple[PinKind, ...]:
        return tuple(location.kind for location in self.pins)


_AUTH_PIN = PinLocation(PinKind.AUTH, Applet.JPKI, 0x0018)
_SIGN_PIN = PinLocation(PinKind.SIGN, Applet.JPKI, 0x001B)
_CARD_INFO_PIN = PinLocation(PinKind.CARD_INFO, Applet.CARD_INFO, 0x0011)

CURRENT = GenerationProfile(
    generation=CardGeneration.CURRENT,
    label="JPKIAPICCTOKEN2",
    pins=(_AUTH_PIN, _SIGN_PIN, _CARD_INFO_PIN),
    unlocks=((PinUse.AUTH, _AUTH_PIN), (PinUse.SIGN, _SIGN_PIN), (PinUse.CARD_INFO, _CARD_INFO_PIN)),
    certificate_birthdays=5,
)

_SHORT_PIN = PinLocation(PinKind.SHORT, Applet.JPKI, 0x0018)
_LONG_PIN = PinLocation(PinKind.LONG, Applet.JPKI, 0x001B)

NEXT = GenerationProfile(
    generation=CardGeneration.NEXT,
    label="JPKIAPICCTOKEN3",
    pins=(_SHORT_PIN, _LONG_PIN),
    unlocks=(
        (PinUse.AUTH, _SHORT_PIN),
        (PinUse.SIGN, _LONG_PIN),
        # The card-info applet's EF 0011 answers as an alias of the short PIN: same value, same counter.
        (PinUse.CARD_INFO, PinLocation(PinKind.SHORT, Applet.CARD_INFO, 0x0011)),
    ),
    certificate_birthdays=None,
)

PROFILES: dict[CardGeneration, GenerationProfile] = {CardGeneration.CURRENT: CURRENT, CardGeneration.NEXT: NEXT}


def profile_for(generation: CardGeneration) -> GenerationProfile:
    return PROFILES[generation]


def profile_for_label(label: str) -> GenerationProfile | None:
    """The profile of a My Number Card whose JPKI token label is ``label`` (padding stripped), else None."""
    return next((profile for profile in PROFILES.values() if profile.label == label), None)
