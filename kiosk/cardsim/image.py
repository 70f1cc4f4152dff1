"""A card as it leaves the factory: its keys, certificates and files, built from a profile.

Building costs two RSA key generations and two certificate signatures (about 0.2 s), so images are cached
per (profile, training PKI) within a process: building the same profile twice gives two copies of the same
factory-fresh card (same card ID, keys and certificates). A profile with another ``card_id`` or ``seed``
is another card.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from kiosk.cardsim import ber, layout
from kiosk.cardsim.profiles import Profile
from kiosk.domain.validity import start_of_japan_day
from kiosk.pki import jpki
from kiosk.pki.keys import random_rsa_key, seeded_rsa_key
from kiosk.pki.training import Authority, TrainingPki

CARD_ID_LENGTH = 16


@dataclass(frozen=True)
class CardImage:
    profile: Profile
    card_id: bytes
    keys: Mapping[int, rsa.RSAPrivateKey]  # key EF -> private key
    files: Mapping[tuple[bytes, int], bytes]  # (applet AID, EF) -> content of a readable EF
    applets: tuple[bytes, ...]
    roots: tuple[x509.Certificate, ...]  # CA certificates the issuer installs next to a certificate it writes
    issuer_public_key: ec.EllipticCurvePublicKey


def token_file(token: str) -> bytes:
    return token.encode("ascii").ljust(layout.TOKEN_SIZE, b" ")


def my_number_file(number: str) -> bytes:
    return ber.tlv(b"\xff\x10", number.encode("ascii"))


def attributes_file(name: str, address: str, birth: date, sex: str) -> bytes:
    """``FF 20`` holding ``DF 21`` (offsets of the four items from the file start, 2 bytes each) and
    ``DF 22`` name, ``DF 23`` address, ``DF 24`` birth date YYYYMMDD, ``DF 25`` sex."""
    items = [
        ber.tlv(b"\xdf\x22", name.encode("utf-8")),
        ber.tlv(b"\xdf\x23", address.encode("utf-8")),
        ber.tlv(b"\xdf\x24", birth.strftime("%Y%m%d").encode("ascii")),
        ber.tlv(b"\xdf\x25", sex.encode("ascii")),
    ]
    header_size = 3 + 2 * len(items)
    value_size = header_size + sum(len(item) for item in items)
    offset = 2 + len(ber.length(value_size)) + header_size
    offsets = bytearray()
    for item in items:
        offsets += offset.to_bytes(2, "big")
        offset += len(item)
    return ber.tlv(b"\xff\x20", ber.tlv(b"\xdf\x21", bytes(offsets)) + b"".join(items))


def not_der(certificate: bytes, card_id: bytes) -> bytes:
    """Bytes with a certificate's outer header (so a reader gets the length right) and no certificate inside."""
    header_size = 2 + (certificate[1] & 0x7F if certificate[1] & 0x80 else 0)
    body = bytearray()
    counter = 0
    while len(body) < len(certificate) - header_size:
        body += hashlib.sha256(card_id + counter.to_bytes(4, "big")).digest()
        counter += 1
    body[0] = 0xFF  # not a SEQUENCE: no DER parser gets past the first byte
    return certificate[:header_size] + bytes(body[: len(certificate) - header_size])


def authority_on(pki: TrainingPki, purpose: jpki.Purpose, day: date) -> Authority:
    """The authority that was issuing on ``day``: the newest generation already valid then."""
    candidates = [a for a in pki.authorities if a.purpose is purpose]
    started = [a for a in candidates if a.certificate.not_valid_before_utc <= start_of_japan_day(day)]
    return started[-1] if started else candidates[0]


def _card_key(profile: Profile, label: str) -> rsa.RSAPrivateKey:
    if profile.seed is not None:
        return seeded_rsa_key(profile.seed, f"cardsim:{label}")
    return random_rsa_key()


def _build(profile: Profile, pki: TrainingPki) -> CardImage:
    if profile.card_id is not None:
        card_id = profile.card_id
    elif profile.seed is not None:
        card_id = hashlib.sha256(b"kiosk-cardsim-card-id:" + profile.seed).digest()[:CARD_ID_LENGTH]
    else:
        card_id = secrets.token_bytes(CARD_ID_LENGTH)
    holder = profile.holder
    jpki_holder = jpki.Holder(name=holder.name, birth_date=holder.birth_date, sex=holder.sex,
                              address=holder.address)
    files: dict[tuple[bytes, int], bytes] = {(layout.JPKI_AID, layout.TOKEN): token_file(profile.token)}
    keys: dict[int, rsa.RSAPrivateKey] = {}
    settings = {"auth": profile.auth_certificate, "sign": profile.sign_certificate}
    for pairing in layout.PAIRINGS:
        setting = settings[pairing.purpose]
        purpose = jpki.Purpose(pairing.purpose)
        authority = authority_on(pki, purpose, setting.issued_on if setting else profile.card_issued_on)
        # The CA certificate EF is there even without a certificate (a minor's card has no signing one).
        files[(layout.JPKI_AID, pairing.ca_certificate)] = authority.certificate.public_bytes(
            serialization.Encoding.DER)
        if setting is None:
            continue
        key = _card_key(profile, pairing.purpose)
        if purpose is jpki.Purpose.AUTH:
            certificate = jpki.issue_auth_certificate(authority.certificate, authority.key, key.public_key(),
                                                      issued_on=setting.issued_on, expires_on=setting.expires_on)
        else:
            certificate = jpki.issue_sign_certificate(authority.certificate, authority.key, key.public_key(),
                                                      jpki_holder, issued_on=setting.issued_on,
                                                      expires_on=setting.expires_on)
        der = certificate.public_bytes(serialization.Encoding.DER)
        if purpose is jpki.Purpose.AUTH and profile.faults.broken_auth_certificate:
            der = not_der(der, card_id)
        keys[pairing.key] = key
        files[(layout.JPKI_AID, pairing.certificate)] = der
    applets = [layout.JPKI_AID]
    if profile.card_info:
        applets += [layout.CARD_INFO_AID, layout.CARD_FACE_AID, layout.RESIDENT_REGISTER_AID]
        files[(layout.CARD_INFO_AID, layout.MY_NUMBER)] = my_number_file(profile.my_number)
        files[(layout.CARD_INFO_AID, layout.ATTRIBUTES)] = attributes_file(
            holder.name, holder.address, holder.birth_date, holder.sex)
    return CardImage(
        profile=profile,
        card_id=card_id,
        keys=MappingProxyType(keys),
        files=MappingProxyType(files),
        applets=tuple(applets),
        roots=tuple(a.certificate for a in pki.authorities),
        issuer_public_key=pki.issuer_public_key,
    )


_cache: dict[tuple[Profile, str], CardImage] = {}
_cache_lock = threading.Lock()


def build(profile: Profile, pki: TrainingPki) -> CardImage:
    """The factory image of ``profile``'s card, built once per process."""
    key = (profile, pki.fingerprint())
    with _cache_lock:
        image = _cache.get(key)
        if image is None:
            image = _cache[key] = _build(profile, pki)
    return image
