"""PINs: tries-left probes, retry counters, blocking, CHANGE, verified state and persistence."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.profiles import Faults, named_profile

from .conftest import TODAY, CardFactory
from .helpers import (
    AUTH_PIN,
    CARD_INFO,
    CARD_INFO_PIN,
    JPKI,
    MY_NUMBER,
    SIGN_CERT,
    SIGN_PIN,
    Terminal,
    change,
    read_binary,
    select_applet,
    select_ef,
    short,
    sw,
    verify,
)


def test_probe_answers_tries_left_without_spending_one(card: VirtualCard, terminal: Terminal) -> None:
    assert terminal.tries(JPKI, AUTH_PIN) == 0x63C3
    assert terminal.tries(JPKI, SIGN_PIN) == 0x63C5
    assert terminal.tries(CARD_INFO, CARD_INFO_PIN) == 0x63C3
    assert card.tries_left("auth") == 3
    # case 2 form of the probe ("00 20 00 80 00"), as some tools send it
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(bytes.fromhex("0020008000"))) == 0x63C3


def test_wrong_pins_count_down_and_block(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(verify(b"0000"))) == 0x63C2
    assert sw(terminal.send(verify(b"1111"))) == 0x63C1
    assert sw(terminal.send(verify())) == 0x63C1
    assert sw(terminal.send(verify(b"2222"))) == 0x63C0  # the try that blocks it
    assert card.tries_left("auth") == 0
    assert sw(terminal.send(verify(b"1234"))) == 0x6984  # blocked: even the right PIN is refused
    assert sw(terminal.send(verify())) == 0x6984
    assert card.tries_left("sign") == 5  # the other PINs are untouched


def test_a_correct_pin_restores_the_counter(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(JPKI, SIGN_PIN)
    for _ in range(3):
        terminal.send(verify(b"WRONG1"))
    assert card.tries_left("sign") == 2
    assert sw(terminal.send(verify(b"ABC123"))) == 0x9000
    assert card.tries_left("sign") == 5
    assert sw(terminal.send(verify())) == 0x63C5  # a probe after success still answers 63 Cx


@pytest.mark.parametrize("candidate", [b"123", b"12345", b"abcd", b"\x00\x01\x02\x03"])
def test_a_pin_of_the_wrong_form_is_a_wrong_pin(card: VirtualCard, terminal: Terminal, candidate: bytes) -> None:
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(verify(candidate))) == 0x63C2
    assert card.tries_left("auth") == 2


def test_verify_parameters(terminal: Terminal) -> None:
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(short(0x00, 0x20, 0x00, 0x81, b"1234"))) == 0x6A86
    assert sw(terminal.send(short(0x00, 0x20, 0x01, 0x80, b"1234"))) == 0x6A86
    terminal.select(JPKI)
    assert sw(terminal.send(verify(b"1234"))) == 0x6986  # no current EF


@pytest.mark.parametrize(("setting", "expected"), [("6983", 0x6983), ("63C0", 0x63C0), ("6984", 0x6984)])
def test_the_blocked_reading_is_a_profile_choice(make_card: CardFactory, setting: str, expected: int) -> None:
    profile = named_profile("auth-blocked", today=TODAY)
    blocked = dataclasses.replace(profile, faults=Faults(blocked_status=int(setting, 16)))
    terminal = Terminal(make_card(blocked))
    assert terminal.tries(JPKI, AUTH_PIN) == expected
    assert sw(terminal.send(verify(b"1234"))) == expected


def test_blocked_profiles(make_card: CardFactory) -> None:
    auth_blocked = Terminal(make_card("auth-blocked"))
    assert auth_blocked.tries(JPKI, AUTH_PIN) == 0x6984
    assert auth_blocked.tries(JPKI, SIGN_PIN) == 0x63C5
    sign_blocked = Terminal(make_card("sign-blocked"))
    assert sign_blocked.tries(JPKI, SIGN_PIN) == 0x6984
    assert sign_blocked.verify(JPKI, SIGN_PIN, b"ABC123") == 0x6984
    assert sign_blocked.tries(JPKI, AUTH_PIN) == 0x63C3


def test_reselecting_the_applet_ends_the_verified_state(terminal: Terminal) -> None:
    assert terminal.verify(JPKI, SIGN_PIN, b"ABC123") == 0x9000
    terminal.ok(select_ef(SIGN_CERT))
    terminal.ok(read_binary(0, 16))
    terminal.ok(select_applet(JPKI))
    terminal.ok(select_ef(SIGN_CERT))
    assert sw(terminal.send(read_binary(0, 16))) == 0x6982


def test_a_wrong_verify_ends_the_verified_state(terminal: Terminal) -> None:
    assert terminal.verify(JPKI, SIGN_PIN, b"ABC123") == 0x9000
    assert sw(terminal.send(verify(b"WRONG1"))) == 0x63C4
    terminal.ok(select_ef(SIGN_CERT))
    assert sw(terminal.send(read_binary(0, 16))) == 0x6982


def test_change_after_verify(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(change(b"9876"))) == 0x6982  # not verified
    terminal.ok(verify(b"1234"))
    assert sw(terminal.send(change(b"98765"))) == 0x6A80  # 4 digits
    assert sw(terminal.send(change(b"98a6"))) == 0x6A80
    assert sw(terminal.send(bytes.fromhex("00240180"))) == 0x6700
    assert sw(terminal.send(short(0x00, 0x24, 0x00, 0x80, b"12349876"))) == 0x6A86  # old+new form: not offered
    terminal.ok(change(b"9876"))
    terminal.ok(select_applet(JPKI))
    assert terminal.verify(JPKI, AUTH_PIN, b"1234") == 0x63C2
    assert terminal.verify(JPKI, AUTH_PIN, b"9876") == 0x9000
    assert card.tries_left("auth") == 3


def test_change_of_the_signing_password_checks_its_format(terminal: Terminal) -> None:
    terminal.verify(JPKI, SIGN_PIN, b"ABC123")
    for bad in (b"ABC12", b"abc123", b"ABC-123", b"A" * 17):
        assert sw(terminal.send(change(bad))) == 0x6A80, bad
    terminal.ok(change(b"NEWPASS2026XYZ01"))
    assert terminal.verify(JPKI, SIGN_PIN, b"NEWPASS2026XYZ01") == 0x9000


def test_change_of_a_blocked_pin_is_refused(make_card: CardFactory) -> None:
    terminal = Terminal(make_card("auth-blocked"))
    terminal.select(JPKI, AUTH_PIN)
    assert sw(terminal.send(change(b"1111"))) == 0x6984


def test_counters_survive_power_off_and_reset_verified_state_does_not(card: VirtualCard,
                                                                      terminal: Terminal) -> None:
    terminal.select(JPKI, AUTH_PIN)
    terminal.send(verify(b"0000"))
    assert terminal.verify(JPKI, SIGN_PIN, b"ABC123") == 0x9000
    card.power_off()
    card.power_on()
    assert card.selected_applet is None
    assert terminal.tries(JPKI, AUTH_PIN) == 0x63C2
    terminal.ok(select_ef(SIGN_CERT))
    assert sw(terminal.send(read_binary(0, 16))) == 0x6982
    terminal.verify(JPKI, SIGN_PIN, b"ABC123")
    card.reset()
    assert sw(terminal.send(select_ef(SIGN_CERT))) == 0x6A82  # nothing selected after a reset


def test_next_generation_card_info_pin_is_an_alias_of_the_short_pin(make_card: CardFactory) -> None:
    card = make_card("next-gen")
    terminal = Terminal(card)
    assert terminal.tries(JPKI, AUTH_PIN) == 0x63C3
    assert terminal.tries(JPKI, SIGN_PIN) == 0x63C5
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"0000") == 0x63C2  # one counter for both EFs
    assert terminal.tries(JPKI, AUTH_PIN) == 0x63C2
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"1234") == 0x9000  # the same value
    terminal.ok(select_ef(MY_NUMBER))
    terminal.ok(read_binary(0, 256))
    assert terminal.tries(JPKI, AUTH_PIN) == 0x63C3
    assert card.tries_left("short") == 3 and set(card.state.pins) == {"short", "long"}


def test_card_info_pin_guards_its_files(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(CARD_INFO, MY_NUMBER)
    assert sw(terminal.send(read_binary(0, 256))) == 0x6982
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"1234") == 0x63C2  # the auth PIN is another PIN
    assert terminal.verify(CARD_INFO, CARD_INFO_PIN, b"5678") == 0x9000
    terminal.ok(select_ef(MY_NUMBER))
    assert terminal.ok(read_binary(0, 256))[3:] == card.profile.my_number.encode()
