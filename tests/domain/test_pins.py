"""PIN kinds and format rules (kiosk.domain.pins)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.pins import PinKind, normalise, prepare, require_match, rule_for, validate, wipe
from kiosk.errors import PinFormatError


@pytest.mark.parametrize(("kind", "typed", "reason"), [
    (PinKind.AUTH, "", "empty"),
    (PinKind.AUTH, "123", "too_short"),
    (PinKind.AUTH, "12345", "too_long"),
    (PinKind.AUTH, "12a4", "not_digits"),
    (PinKind.CARD_INFO, "１２３４", "not_digits"),  # full-width digits from a Japanese input method
    (PinKind.SIGN, "ABC12", "too_short"),
    (PinKind.SIGN, "A" * 17, "too_long"),
    (PinKind.SIGN, "ABC-123", "bad_characters"),
    (PinKind.SIGN, "ABC 123", "bad_characters"),
    (PinKind.LONG, "ÄBC123", "bad_characters"),
    (PinKind.SHORT, "98765", "too_long"),
])
def test_wrong_formats_name_their_reason(kind: PinKind, typed: str, reason: str) -> None:
    pin = bytearray(typed.encode())
    with pytest.raises(PinFormatError) as error:
        prepare(kind, pin)
    assert error.value.reason == reason
    assert error.value.kind == str(kind)
    rule = rule_for(kind)
    assert (error.value.minimum, error.value.maximum) == (rule.minimum, rule.maximum)
    if typed:
        assert typed not in str(error.value)


@pytest.mark.parametrize(("kind", "typed", "sent"), [
    (PinKind.AUTH, "0000", "0000"),
    (PinKind.SIGN, "abc123", "ABC123"),  # the password is typed in any case and sent upper-cased
    (PinKind.SIGN, "Z" * 16, "Z" * 16),
    (PinKind.LONG, "pass99", "PASS99"),
    (PinKind.RESIDENT_REGISTER, "4321", "4321"),
])
def test_accepted_pins_are_normalised_in_place(kind: PinKind, typed: str, sent: str) -> None:
    pin = bytearray(typed.encode())
    prepare(kind, pin)
    assert pin == sent.encode()


def test_digits_are_not_upper_cased_into_something_else() -> None:
    pin = bytearray(b"12a4")
    normalise(PinKind.AUTH, pin)
    assert pin == b"12a4"


def test_tries_per_kind() -> None:
    assert {kind: rule_for(kind).max_tries for kind in PinKind} == {
        PinKind.AUTH: 3, PinKind.SIGN: 5, PinKind.CARD_INFO: 3, PinKind.RESIDENT_REGISTER: 3,
        PinKind.SHORT: 3, PinKind.LONG: 5}


def test_the_two_entries_must_match() -> None:
    require_match(PinKind.SIGN, bytearray(b"ABC123"), bytearray(b"ABC123"))
    with pytest.raises(PinFormatError) as error:
        require_match(PinKind.SIGN, bytearray(b"ABC123"), bytearray(b"ABC124"))
    assert error.value.reason == "mismatch"


def test_wipe_zeroes_every_byte() -> None:
    pin = bytearray(b"ABC123")
    wipe(pin)
    assert pin == bytes(6)


@given(st.binary(max_size=40), st.sampled_from(list(PinKind)))
def test_validation_either_accepts_or_explains(data: bytes, kind: PinKind) -> None:
    pin = bytearray(data)
    try:
        validate(kind, pin)
    except PinFormatError as error:
        assert error.reason in ("empty", "too_short", "too_long", "not_digits", "bad_characters")
    else:
        rule = rule_for(kind)
        assert rule.minimum <= len(pin) <= rule.maximum
