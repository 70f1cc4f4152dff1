"""Profiles: which card the virtual card is (holder, dates, PINs and tries, generation, faults).

A profile is written as a document (a TOML or JSON file, or one of the named documents below) and
resolved against "today" into a concrete ``Profile``. Dates are absolute (``2031-04-02``, or a TOML date)
or relative to today (``today``, ``today+60d``, ``today-40y+10d``), so the named profiles stay meaningful
whenever they are used. Certificate expiry dates follow the rules of ``kiosk.domain.validity``; a
document can either give the holder's birth date and the card's issue date, or ask for a certificate
expiry date (``card.certificate_expires_on``) and an age, and the birth date and issue date are chosen so
that the rules give exactly that expiry. The file format is documented in docs/training-cards.md.

This module imports no cryptography: ``kiosk cardsim --list`` stays fast.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.cardsim import mynumber
from kiosk.cardsim.pins import PIN_RULES
from kiosk.domain.generation import CardGeneration
from kiosk.domain.validity import JST, age_on, birthday_in, card_expiry, certificate_expiry

# The contact interface of a My Number Card, as listed by pcsc-tools (smartcard_list.txt).
MY_NUMBER_CARD_ATR = bytes.fromhex("3BDA13FF8131FB468012392F31C173C601C03B")
# The old Basic Resident Register card (住基カード), same source.
RESIDENT_REGISTER_CARD_ATR = bytes.fromhex("3B888001000014E0B38191005E")

TOKENS = {CardGeneration.CURRENT: "JPKIAPICCTOKEN2", CardGeneration.NEXT: "JPKIAPICCTOKEN3"}
RESIDENT_REGISTER_TOKEN = "JPKIAPICCTOKEN"  # noqa: S105 - the token label of a card, not a secret
PIN_KINDS = {CardGeneration.CURRENT: ("auth", "sign", "card_info"), CardGeneration.NEXT: ("short", "long")}
# Real signing certificates are not issued to children under 15 (J-LIS); the named minor is 12.
SIGNING_CERTIFICATE_MIN_AGE = 15
DEFAULT_AGE = 40
BLOCKED_STATUS_WORDS = {"6984": 0x6984, "6983": 0x6983, "63C0": 0x63C0}


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file and the key at fault."""


@dataclass(frozen=True)
class CardHolder:
    name: str
    address: str
    birth_date: date
    sex: str  # "1" male, "2" female, "9" not applicable (ISO 5218)


@dataclass(frozen=True)
class PinSetting:
    value: str = field(repr=False)  # a training value, documented in docs/training-cards.md
    tries_left: int


@dataclass(frozen=True)
class CertificateSetting:
    issued_on: date
    expires_on: date


@dataclass(frozen=True)
class Faults:
    """Deliberate departures from a healthy card, for testing the terminal's handling of them."""

    extended_length: bool = True  # False: every extended-length APDU is answered 67 00
    issuer_channel: bool = True  # False: GET DATA C1 answers 6A 88 and issuer commands 6D 00
    broken_auth_certificate: bool = False  # the auth certificate EF holds bytes that are not DER
    blocked_status: int = 0x6984  # what VERIFY answers for a blocked PIN: 69 84, 69 83 or 63 C0


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    generation: CardGeneration
    token: str
    atr: bytes
    holder: CardHolder
    my_number: str
    card_issued_on: date
    card_expires_on: date
    auth_certificate: CertificateSetting | None
    sign_certificate: CertificateSetting | None
    pins: tuple[tuple[str, PinSetting], ...]
    card_info: bool  # the card-info input support applet is present
    card_id: bytes | None = None  # None: random when the card is built
    seed: bytes | None = None  # keys and card ID derived from it (slow: seconds per key)
    faults: Faults = Faults()

    def pin(self, kind: str) -> PinSetting | None:
        return dict(self.pins).get(kind)

    @property
    def pin_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, _ in self.pins)


def japan_today() -> date:
    return datetime.now(JST).date()


# --- dates ------------------------------------------------------------------------------------------------

_RELATIVE = re.compile(r"today((?:[+-]\d{1,5}[dy])*)")
_TERM = re.compile(r"([+-])(\d{1,5})([dy])")


def add_years(day: date, years: int) -> date:
    """The same month and day ``years`` later; 29 February becomes 28 February in a common year."""
    return birthday_in(day, day.year + years)


def parse_date(value: object, today: date, where: str) -> date:
    """An absolute date (TOML date or ``YYYY-MM-DD``) or an expression relative to ``today``."""
    if isinstance(value, datetime):
        raise ProfileError(f"{where}: give a date, not a date and time")
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ProfileError(f"{where}: expected a date like 2030-04-01 or today+60d")
    text = value.strip().replace(" ", "")
    relative = _RELATIVE.fullmatch(text)
    if relative:
        result = today
        for sign, amount, unit in _TERM.findall(relative.group(1)):
            n = int(amount) * (1 if sign == "+" else -1)
            result = result + timedelta(days=n) if unit == "d" else add_years(result, n)
        return result
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ProfileError(f"{where}: {value!r} is not a date (2030-04-01, today, today+60d, today-40y)") from None


# --- reading documents --------------------------------------------------------------------------------------


class _Section:
    """One table of a profile document: typed getters that name the key in every error, and no typos."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise ProfileError(f"{where}: expected a table")
        self._data = dict(data)
        self._where = where
        self._used: set[str] = set()

    def path(self, key: str) -> str:
        return f"{self._where}.{key}" if not self._where.endswith(":") else f"{self._where} {key}"

    def has(self, key: str) -> bool:
        return key in self._data

    def raw(self, key: str) -> Any:
        self._used.add(key)
        return self._data.get(key)

    def string(self, key: str, default: str | None = None) -> str | None:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise ProfileError(f"{self.path(key)}: expected text")
        return value

    def required_string(self, key: str) -> str:
        value = self.string(key)
        if value is None or not value.strip():
            raise ProfileError(f"{self.path(key)}: required")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise ProfileError(f"{self.path(key)}: expected true or false")
        return value

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            raise ProfileError(f"{self.path(key)}: expected a whole number")
        return value

    def section(self, key: str) -> _Section:
        return _Section(self.raw(key) or {}, self.path(key))

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            raise ProfileError(f"{self._where}: unknown key(s) {', '.join(unknown)}")


def _hex_bytes(text: str, where: str, sizes: range) -> bytes:
    try:
        value = bytes.fromhex(text.replace(":", " "))
    except ValueError:
        raise ProfileError(f"{where}: not hexadecimal") from None
    if len(value) not in sizes:
        raise ProfileError(f"{where}: expected {sizes.start} to {sizes.stop - 1} bytes, got {len(value)}")
    return value


def _dates_for_expiry(
    target: date, age: int, generation: CardGeneration, where: str
) -> tuple[date, date]:
    """(birth date, issue date) such that a certificate issued then to someone born then expires on ``target``.

    The holder turns ``age`` on the anchor birthday and the card is issued 30 days later, so the
    certificate runs to the 5th birthday after it (current cards, and all minors' cards, to the card's
    5th) or to the card's 10th (next-generation adults).
    """
    years = 10 if generation is CardGeneration.NEXT and age >= 18 else 5
    birth_year = target.year - years - age
    for extra in range(4):  # a 29 February target needs a leap birth year
        try:
            birth = date(birth_year - extra, target.month, target.day)
            break
        except ValueError:
            continue
    else:  # pragma: no cover - some year in four is a leap year
        raise ProfileError(f"{where}: no birth date fits")
    issued = birthday_in(birth, target.year - years) + timedelta(days=30)
    return birth, issued


# --- the document -> Profile --------------------------------------------------------------------------------


def _pin_settings(section: _Section, kinds: tuple[str, ...]) -> tuple[tuple[str, PinSetting], ...]:
    settings = []
    for kind in kinds:
        if not section.has(kind):
            continue
        table = section.section(kind)
        rule = PIN_RULES[kind]
        value = table.required_string("value")
        if not rule.pin_format.accepts(value.encode("ascii", "replace")):
            # Never echo the value: profile errors reach logs and terminals.
            raise ProfileError(f"{table.path('value')}: must be {rule.pin_format.value}")
        tries = table.integer("tries_left", rule.max_tries)
        assert tries is not None
        if not 0 <= tries <= rule.max_tries:
            raise ProfileError(f"{table.path('tries_left')}: must be 0 to {rule.max_tries}")
        table.finish()
        settings.append((kind, PinSetting(value, tries)))
    section.finish()
    return tuple(settings)


def _certificate(
    section: _Section,
    key: str,
    *,
    default_present: bool,
    holder: CardHolder,
    generation: CardGeneration,
    card_issued_on: date,
    card_expires_on: date,
    today: date,
) -> CertificateSetting | None:
    value = section.raw(key)
    if value is False or (value is None and not default_present):
        return None
    table = _Section({} if value is None or value is True else value, section.path(key))
    issued_raw = table.raw("issued_on")
    issued = parse_date(issued_raw, today, table.path("issued_on")) if issued_raw is not None else card_issued_on
    if not card_issued_on <= issued <= today:
        raise ProfileError(f"{table.path('issued_on')}: must be between the card's issue date and today")
    by_rules = certificate_expiry(holder.birth_date, issued, generation=generation,
                                  card_expires_on=card_expires_on,
                                  renewed_in_window=table.boolean("renewed_in_window", False))
    expires_raw = table.raw("expires_on")
    expires = by_rules
    if expires_raw is not None:
        expires = parse_date(expires_raw, today, table.path("expires_on"))
        if not issued < expires <= by_rules:
            raise ProfileError(f"{table.path('expires_on')}: must be after the issue date and no later "
                               f"than the rules allow ({by_rules.isoformat()})")
    table.finish()
    return CertificateSetting(issued, expires)


def profile_from_document(document: Mapping[str, Any], *, name: str, today: date, origin: str) -> Profile:
    """Validate a profile document and resolve its dates against ``today``."""
    top = _Section(document, f"{origin}:")
    profile_name = top.string("name", name) or name
    generation_text = top.string("generation", "current") or "current"
    try:
        generation = CardGeneration(generation_text)
    except ValueError:
        raise ProfileError(f"{top.path('generation')}: must be 'current' or 'next'") from None

    holder_section = top.section("holder")
    card_section = top.section("card")
    target_raw = card_section.raw("certificate_expires_on")
    birth_raw = holder_section.raw("birth_date")
    issued_raw = card_section.raw("issued_on")
    if target_raw is not None:
        if birth_raw is not None or issued_raw is not None:
            raise ProfileError(f"{card_section.path('certificate_expires_on')}: give either this (with "
                               "holder.age) or holder.birth_date and card.issued_on, not both")
        age = holder_section.integer("age", DEFAULT_AGE)
        assert age is not None
        if not 0 <= age <= 120:
            raise ProfileError(f"{holder_section.path('age')}: must be 0 to 120")
        target = parse_date(target_raw, today, card_section.path("certificate_expires_on"))
        birth, card_issued_on = _dates_for_expiry(target, age, generation,
                                                  card_section.path("certificate_expires_on"))
    else:
        if holder_section.has("age"):
            raise ProfileError(f"{holder_section.path('age')}: only with card.certificate_expires_on")
        if birth_raw is None or issued_raw is None:
            raise ProfileError(f"{origin}: give holder.birth_date and card.issued_on, "
                               "or card.certificate_expires_on")
        birth = parse_date(birth_raw, today, holder_section.path("birth_date"))
        card_issued_on = parse_date(issued_raw, today, card_section.path("issued_on"))
    if card_issued_on > today:
        raise ProfileError(f"{card_section.path('issued_on')}: the card would be issued in the future "
                           f"({card_issued_on.isoformat()})")
    if birth >= card_issued_on:
        raise ProfileError(f"{holder_section.path('birth_date')}: must be before the card's issue date")
    card_section.finish()

    sex = holder_section.string("sex", "1")
    if sex not in ("1", "2", "9"):
        raise ProfileError(f"{holder_section.path('sex')}: must be '1', '2' or '9'")
    my_number = holder_section.required_string("my_number")
    if not mynumber.is_valid(my_number):
        raise ProfileError(f"{holder_section.path('my_number')}: not 12 digits with a valid check digit")
    holder = CardHolder(
        name=holder_section.required_string("name"),
        address=holder_section.required_string("address"),
        birth_date=birth,
        sex=sex,
    )
    holder_section.finish()

    card_expires_on = card_expiry(birth, card_issued_on)
    adult_enough_to_sign = age_on(birth, card_issued_on) >= SIGNING_CERTIFICATE_MIN_AGE
    certificate_section = top.section("certificates")
    auth = _certificate(certificate_section, "auth", default_present=True, holder=holder,
                        generation=generation, card_issued_on=card_issued_on, card_expires_on=card_expires_on,
                        today=today)
    sign = _certificate(certificate_section, "sign", default_present=adult_enough_to_sign, holder=holder,
                        generation=generation, card_issued_on=card_issued_on, card_expires_on=card_expires_on,
                        today=today)
    certificate_section.finish()

    card_info = top.boolean("card_info", True)
    pins = _pin_settings(top.section("pins"), PIN_KINDS[generation])
    kinds = {kind for kind, _ in pins}
    if generation is CardGeneration.CURRENT:
        needed = {"auth": auth is not None, "sign": sign is not None, "card_info": card_info}
    else:
        needed = {"short": auth is not None or card_info, "long": sign is not None}
    missing = sorted(kind for kind, required in needed.items() if required and kind not in kinds)
    if missing:
        raise ProfileError(f"{origin} pins: missing {', '.join(missing)}")

    faults_section = top.section("faults")
    blocked_text = (faults_section.string("blocked_status", "6984") or "6984").replace(" ", "").upper()
    if blocked_text not in BLOCKED_STATUS_WORDS:
        raise ProfileError(f"{faults_section.path('blocked_status')}: must be 6984, 6983 or 63C0")
    faults = Faults(
        extended_length=faults_section.boolean("extended_length", True),
        issuer_channel=faults_section.boolean("issuer_channel", True),
        broken_auth_certificate=faults_section.boolean("broken_auth_certificate", False),
        blocked_status=BLOCKED_STATUS_WORDS[blocked_text],
    )
    faults_section.finish()
    if faults.broken_auth_certificate and auth is None:
        raise ProfileError(f"{faults_section.path('broken_auth_certificate')}: the card has no auth certificate")

    token = top.string("token", TOKENS[generation]) or TOKENS[generation]
    if not token.isascii() or not 0 < len(token) <= 32:
        raise ProfileError(f"{top.path('token')}: 1 to 32 ASCII characters")
    atr_text = top.string("atr")
    atr = _hex_bytes(atr_text, top.path("atr"), range(2, 34)) if atr_text else MY_NUMBER_CARD_ATR
    if atr[0] not in (0x3B, 0x3F):
        raise ProfileError(f"{top.path('atr')}: an ATR starts with 3B or 3F")
    card_id_text = top.string("card_id")
    card_id = _hex_bytes(card_id_text, top.path("card_id"), range(16, 17)) if card_id_text else None
    seed_text = top.string("seed")
    description = top.string("description", "") or ""
    top.finish()
    return Profile(
        name=profile_name,
        description=description,
        generation=generation,
        token=token,
        atr=atr,
        holder=holder,
        my_number=my_number,
        card_issued_on=card_issued_on,
        card_expires_on=card_expires_on,
        auth_certificate=auth,
        sign_certificate=sign,
        pins=pins,
        card_info=card_info,
        card_id=card_id,
        seed=seed_text.encode("utf-8") if seed_text else None,
        faults=faults,
    )


# --- the named profiles ---------------------------------------------------------------------------------------

_ADDRESS = "東京都練習区研修町{block}丁目{lot}番{house}号 練習台研修レジデンス東館{room}号室"
_CURRENT_PINS = {"auth": {"value": "1234"}, "sign": {"value": "ABC123"}, "card_info": {"value": "5678"}}


def _holder(name: str, sex: str, serial: int, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "address": _ADDRESS.format(block="一二三四五六七八九"[serial % 9], lot=serial + 1, house=serial + 2,
                                   room=100 + serial),
        "sex": sex,
        "my_number": mynumber.complete(str(20000000000 + serial * 1234567)),
        **extra,
    }


def _with(base: Mapping[str, Any], **changes: Any) -> dict[str, Any]:
    merged = dict(base)
    merged.update(changes)
    return merged


def _pins(**tries_left: int) -> dict[str, Any]:
    return {kind: _with(setting, tries_left=tries_left[kind]) if kind in tries_left else dict(setting)
            for kind, setting in _CURRENT_PINS.items()}


_VALID: dict[str, Any] = {
    "description": "An adult's card; both certificates valid for about four more years.",
    "holder": _holder("番号 太郎", "1", 1),
    "card": {"certificate_expires_on": "today+1500d"},
    "pins": _pins(),
}

NAMED_PROFILES: dict[str, dict[str, Any]] = {
    "valid": _VALID,
    "renewable": {
        "description": "Certificates expire in 60 days: inside the 3-month renewal window.",
        "holder": _holder("更新 花子", "2", 2),
        "card": {"certificate_expires_on": "today+60d"},
        "pins": _pins(),
    },
    "expired": {
        "description": "Certificates expired 30 days ago: a new issuance at the counter.",
        "holder": _holder("期限 一郎", "1", 3),
        "card": {"certificate_expires_on": "today-30d"},
        "pins": _pins(),
    },
    "auth-blocked": _with(_VALID, description="Valid, but the 4-digit authentication PIN is locked.",
                          holder=_holder("閉塞 次郎", "1", 4), pins=_pins(auth=0)),
    "sign-blocked": _with(_VALID, description="Valid, but the signing password is locked.",
                          holder=_holder("閉塞 三郎", "1", 5), pins=_pins(sign=0)),
    "minor": {
        "description": "A 12-year-old's card: valid to the 5th birthday after issue, no signing certificate.",
        "holder": _holder("番号 さくら", "2", 6, age=12),
        "card": {"certificate_expires_on": "today+1400d"},
        "pins": {"auth": {"value": "1234"}, "card_info": {"value": "5678"}},
    },
    "juki": {
        "description": "An old Basic Resident Register card (住基カード): the terminal must refuse it.",
        "token": RESIDENT_REGISTER_TOKEN,
        "atr": RESIDENT_REGISTER_CARD_ATR.hex(" "),
        "holder": _holder("住基 四郎", "1", 7, birth_date="today-60y"),
        "card": {"issued_on": "today-12y"},
        "certificates": {"auth": False, "sign": False},
        "card_info": False,
        "pins": {"sign": {"value": "ABC123"}},
        "faults": {"issuer_channel": False},
    },
    "next-gen": {
        "description": "A next-generation card (hypothetical): two PINs, certificates as long as the card.",
        "generation": "next",
        "holder": _holder("次世代 葵", "2", 8),
        "card": {"certificate_expires_on": "today+3400d"},
        "pins": {"short": {"value": "1234"}, "long": {"value": "ABC123"}},
    },
    "broken-cert": _with(_VALID, description="Valid, but the authentication certificate EF is not DER.",
                         holder=_holder("破損 五郎", "1", 9), faults={"broken_auth_certificate": True}),
    "no-extended-length": _with(_VALID, description="Valid, on a card or reader that refuses extended APDUs.",
                                holder=_holder("短長 六郎", "1", 10), faults={"extended_length": False}),
    "no-issuer-channel": _with(_VALID, description="Valid, without the issuer channel (no renewal or reset).",
                               holder=_holder("旧式 七郎", "1", 11), faults={"issuer_channel": False}),
}
PROFILE_NAMES: tuple[str, ...] = tuple(NAMED_PROFILES)


def named_profile(name: str, *, today: date | None = None) -> Profile:
    try:
        document = NAMED_PROFILES[name]
    except KeyError:
        raise ProfileError(f"unknown profile {name!r}; the named profiles are {', '.join(PROFILE_NAMES)}") from None
    return profile_from_document(document, name=name, today=today or japan_today(), origin=f"profile {name}")


def read_profile_file(path: Path, *, today: date | None = None) -> Profile:
    """A profile from a ``.toml`` or ``.json`` file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        if path.suffix.lower() == ".json":
            document = json.loads(text)
        elif path.suffix.lower() == ".toml":
            document = tomllib.loads(text)
        else:
            raise ProfileError(f"{path}: a profile file ends in .toml or .json")
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise ProfileError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}") from None
    if not isinstance(document, dict):
        raise ProfileError(f"{path}: expected a table of settings")
    return profile_from_document(document, name=path.stem, today=today or japan_today(), origin=str(path))


def load_profile(source: str | Path, *, today: date | None = None) -> Profile:
    """A named profile (``"valid"``) or a profile file (a path ending in .toml or .json)."""
    if isinstance(source, str) and source in NAMED_PROFILES:
        return named_profile(source, today=today)
    path = Path(source)
    if path.suffix.lower() in (".toml", ".json"):
        return read_profile_file(path, today=today)
    return named_profile(str(source), today=today)
