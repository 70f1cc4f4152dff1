"""Profiles: the named ones keep their meaning on any day, and profile files are validated clearly."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.cardsim import mynumber
from kiosk.cardsim.profiles import (
    MY_NUMBER_CARD_ATR,
    PROFILE_NAMES,
    RESIDENT_REGISTER_CARD_ATR,
    ProfileError,
    load_profile,
    named_profile,
    parse_date,
)
from kiosk.domain.generation import CardGeneration
from kiosk.domain.validity import age_on, card_expiry, certificate_expiry, nth_birthday_after

from .conftest import TODAY

REQUIRED = {"valid", "renewable", "expired", "auth-blocked", "sign-blocked", "minor", "juki", "next-gen"}
# Every day of four years, leap day included, at a stride that still lands on 29 February 2028.
SWEEP = [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 4 * 366, 7)] + [date(2028, 2, 29)]


def test_the_required_profiles_exist() -> None:
    assert set(PROFILE_NAMES) >= REQUIRED


@pytest.mark.parametrize("today", SWEEP, ids=str)
def test_named_profiles_mean_the_same_on_every_day(today: date) -> None:
    profiles = {name: named_profile(name, today=today) for name in PROFILE_NAMES}
    for profile in profiles.values():
        assert mynumber.is_valid(profile.my_number)
        assert profile.card_issued_on <= today
        for certificate in (profile.auth_certificate, profile.sign_certificate):
            if certificate is not None:
                # notAfter follows the rules from the holder's birthday and the issue date
                assert certificate.expires_on == certificate_expiry(
                    profile.holder.birth_date, certificate.issued_on, generation=profile.generation,
                    card_expires_on=profile.card_expires_on)
        assert profile.card_expires_on == card_expiry(profile.holder.birth_date, profile.card_issued_on)

    def auth_expiry(name: str) -> date:
        certificate = profiles[name].auth_certificate
        assert certificate is not None
        return certificate.expires_on

    assert today + timedelta(days=3 * 365) < auth_expiry("valid")
    assert today < auth_expiry("renewable") <= today + timedelta(days=90)  # inside the renewal window
    assert auth_expiry("expired") < today
    assert auth_expiry("renewable") == today + timedelta(days=60)
    assert auth_expiry("expired") == today - timedelta(days=30)


def test_the_minor_card_runs_to_the_fifth_birthday_without_a_signing_certificate() -> None:
    minor = named_profile("minor", today=TODAY)
    assert age_on(minor.holder.birth_date, minor.card_issued_on) < 15
    assert minor.card_expires_on == nth_birthday_after(minor.holder.birth_date, minor.card_issued_on, 5)
    assert minor.sign_certificate is None and minor.pin("sign") is None
    assert minor.auth_certificate is not None and minor.auth_certificate.expires_on == minor.card_expires_on


def test_next_generation_card_has_two_pins_and_certificates_as_long_as_the_card() -> None:
    card = named_profile("next-gen", today=TODAY)
    assert card.generation is CardGeneration.NEXT and card.token == "JPKIAPICCTOKEN3"
    assert card.pin_kinds == ("short", "long")
    assert card.auth_certificate is not None and card.auth_certificate.expires_on == card.card_expires_on
    assert card.card_expires_on == nth_birthday_after(card.holder.birth_date, card.card_issued_on, 10)


def test_blocked_profiles_and_the_resident_register_card() -> None:
    auth_blocked = named_profile("auth-blocked", today=TODAY)
    sign_blocked = named_profile("sign-blocked", today=TODAY)
    juki = named_profile("juki", today=TODAY)
    assert auth_blocked.pin("auth").tries_left == 0 and auth_blocked.pin("sign").tries_left == 5  # type: ignore[union-attr]
    assert sign_blocked.pin("sign").tries_left == 0 and sign_blocked.pin("auth").tries_left == 3  # type: ignore[union-attr]
    assert juki.token == "JPKIAPICCTOKEN" and juki.atr == RESIDENT_REGISTER_CARD_ATR and not juki.card_info
    assert named_profile("valid", today=TODAY).atr == MY_NUMBER_CARD_ATR


@pytest.mark.parametrize("atr", [MY_NUMBER_CARD_ATR, RESIDENT_REGISTER_CARD_ATR])
def test_atrs_are_well_formed(atr: bytes) -> None:
    # Both announce T=1, so they end in TCK: the XOR of every byte after TS is zero.
    check = 0
    for byte in atr[1:]:
        check ^= byte
    assert atr[0] == 0x3B and check == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("today", TODAY), ("today+60d", TODAY + timedelta(days=60)), ("today-30d", TODAY - timedelta(days=30)),
    ("today-40y", date(1986, 3, 1)), ("today-40y+10d", date(1986, 3, 11)), ("2030-04-01", date(2030, 4, 1)),
])
def test_date_expressions(text: str, expected: date) -> None:
    assert parse_date(text, TODAY, "x") == expected


def test_adding_years_to_a_leap_day_falls_on_28_february() -> None:
    assert parse_date("today+1y", date(2028, 2, 29), "x") == date(2029, 2, 28)


VALID_TOML = """
name = "training-42"
description = "a counter's training card"
generation = "current"
card_id = "00112233445566778899aabbccddeeff"

[holder]
name = "研修 花子"
address = "東京都練習区研修町一丁目2番3号"
birth_date = 1990-05-06
sex = "2"
my_number = "123456789018"

[card]
issued_on = "today-2y"

[certificates.sign]
expires_on = "today+100d"

[pins.auth]
value = "4321"
tries_left = 2

[pins.sign]
value = "TRAIN99"

[pins.card_info]
value = "0000"

[faults]
blocked_status = "63 C0"
extended_length = false
"""


def test_a_toml_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    path.write_text(VALID_TOML, encoding="utf-8")
    profile = load_profile(path, today=TODAY)
    assert profile.name == "training-42" and profile.holder.name == "研修 花子"
    assert profile.card_issued_on == date(2024, 3, 1)
    assert profile.card_id == bytes.fromhex("00112233445566778899aabbccddeeff")
    assert profile.pin("auth") is not None and profile.pin("auth").tries_left == 2  # type: ignore[union-attr]
    assert profile.pin("sign").tries_left == 5  # type: ignore[union-attr]
    assert profile.sign_certificate is not None and profile.sign_certificate.expires_on == TODAY + timedelta(100)
    assert profile.auth_certificate is not None
    assert profile.auth_certificate.expires_on == certificate_expiry(date(1990, 5, 6), date(2024, 3, 1))
    assert profile.faults.blocked_status == 0x63C0 and not profile.faults.extended_length


def test_a_json_profile_file_with_a_target_expiry(tmp_path: Path) -> None:
    document = {
        "holder": {"name": "研修 一郎", "address": "東京都練習区", "my_number": "123456789018", "age": 30},
        "card": {"certificate_expires_on": "today+45d"},
        "pins": {"auth": {"value": "1111"}, "sign": {"value": "ABCDEF"}, "card_info": {"value": "2222"}},
    }
    path = tmp_path / "renewal-drill.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    profile = load_profile(path, today=TODAY)
    assert profile.name == "renewal-drill"
    assert profile.auth_certificate is not None and profile.auth_certificate.expires_on == TODAY + timedelta(45)
    assert age_on(profile.holder.birth_date, profile.card_issued_on) == 30


def _broken(tmp_path: Path, replace: tuple[str, str], suffix: str = ".toml") -> str:
    path = tmp_path / f"broken{suffix}"
    assert replace[0] in VALID_TOML
    path.write_text(VALID_TOML.replace(*replace), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path, today=TODAY)
    return str(caught.value)


@pytest.mark.parametrize(("replace", "expected"), [
    (('value = "4321"', 'value = "43210"'), "pins.auth.value: must be 4 digits"),
    (('value = "TRAIN99"', 'value = "train99"'), "pins.sign.value: must be 6 to 16"),
    (("tries_left = 2", "tries_left = 4"), "pins.auth.tries_left: must be 0 to 3"),
    (('my_number = "123456789018"', 'my_number = "123456789012"'), "holder.my_number"),
    (('issued_on = "today-2y"', 'issued_on = "today+1d"'), "in the future"),
    (('issued_on = "today-2y"', 'issued_on = "next tuesday"'), "card.issued_on"),
    (('sex = "2"', 'sex = "F"'), "holder.sex"),
    (('generation = "current"', 'generation = "future"'), "generation"),
    (('expires_on = "today+100d"', 'expires_on = "today+9y"'), "no later than the rules allow"),
    (('blocked_status = "63 C0"', 'blocked_status = "6A82"'), "faults.blocked_status"),
    (('card_id = "00112233445566778899aabbccddeeff"', 'card_id = "0011"'), "card_id: expected 16"),
    (("[pins.card_info]", "[pins.cardinfo]"), "unknown key(s) cardinfo"),
    (("extended_length = false", "extended_lenght = false"), "unknown key(s) extended_lenght"),
    (('[pins.sign]\nvalue = "TRAIN99"', ""), "missing sign"),
    (("birth_date = 1990-05-06", "age = 30"), "only with card.certificate_expires_on"),
    (('name = "training-42"', 'name = "training-42'), "not valid TOML"),
])
def test_broken_profile_files_say_what_is_wrong(tmp_path: Path, replace: tuple[str, str], expected: str) -> None:
    message = _broken(tmp_path, replace)
    assert expected in message
    assert "broken.toml" in message


def test_a_wrong_pin_is_never_echoed(tmp_path: Path) -> None:
    message = _broken(tmp_path, ('value = "TRAIN99"', 'value = "SECRET-42"'))
    assert "SECRET" not in message


def test_unknown_profile_names_and_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="unknown profile 'nope'"):
        load_profile("nope", today=TODAY)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "missing.toml", today=TODAY)
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ProfileError, match="expected a table"):
        load_profile(tmp_path / "list.json", today=TODAY)


def test_the_training_pins_are_documented() -> None:
    """docs/training-cards.md has a table per named profile with each PIN's value and tries left."""
    from kiosk.cardsim.pins import PIN_RULES

    text = (Path(__file__).resolve().parents[2] / "docs" / "training-cards.md").read_text(encoding="utf-8")
    for name in PROFILE_NAMES:
        heading = f"\n### {name}\n"
        assert heading in text, name
        section = text.split(heading, 1)[1].split("\n#", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line]
        profile = named_profile(name, today=TODAY)
        expected = sorted((s.value, f"{s.tries_left} of {PIN_RULES[k].max_tries}") for k, s in profile.pins)
        documented = sorted((row.split("`")[1], row.rstrip(" |").rsplit("| ", 1)[1]) for row in rows)
        assert documented == expected, name
