"""Card generation profiles (kiosk.domain.generation)."""

from __future__ import annotations

from kiosk.domain.generation import (
    CURRENT,
    NEXT,
    Applet,
    CardGeneration,
    PinUse,
    profile_for,
    profile_for_label,
)
from kiosk.domain.pins import PinKind


def test_token_labels_name_the_generation() -> None:
    assert profile_for_label("JPKIAPICCTOKEN2") is CURRENT
    assert profile_for_label("JPKIAPICCTOKEN3") is NEXT
    assert profile_for_label("JPKIAPICCTOKEN") is None  # the old resident-register card
    assert profile_for(CardGeneration.NEXT) is NEXT


def test_current_cards_have_three_pins_each_for_one_use() -> None:
    assert CURRENT.pin_kinds == (PinKind.AUTH, PinKind.SIGN, PinKind.CARD_INFO)
    assert CURRENT.pin_for(PinUse.CARD_INFO).applet is Applet.CARD_INFO
    assert [CURRENT.uses_of(kind) for kind in CURRENT.pin_kinds] == [
        (PinUse.AUTH,), (PinUse.SIGN,), (PinUse.CARD_INFO,)]


def test_next_generation_cards_share_the_short_pin_between_auth_and_card_info() -> None:
    assert NEXT.pin_kinds == (PinKind.SHORT, PinKind.LONG)
    assert NEXT.uses_of(PinKind.SHORT) == (PinUse.AUTH, PinUse.CARD_INFO)
    assert NEXT.pin_for(PinUse.CARD_INFO).applet is Applet.CARD_INFO  # through the alias EF
    assert NEXT.certificate_birthdays is None and CURRENT.certificate_birthdays == 5


def test_every_probed_pin_of_a_profile_is_in_jpki_first() -> None:
    for profile in (CURRENT, NEXT):
        applets = [pin.applet for pin in profile.pins]
        assert applets == sorted(applets, key=lambda applet: applet is not Applet.JPKI)
