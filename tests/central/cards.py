"""Card material for the central service's tests: keys and certificates shaped like a card's, made with
the training PKI (as the virtual card's are) or with a stranger's PKI that merely looks the same."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.pki import jpki
from kiosk.pki.jpki import Purpose
from kiosk.pki.keys import random_rsa_key
from kiosk.pki.training import Authority, TrainingPki

JPKI_AID_HEX = "D392F000260100000001"
CARD_INFO_AID_HEX = "D3921000310001010408"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def spki(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def card_sign(key: rsa.RSAPrivateKey, nonce: bytes) -> bytes:
    """What COMPUTE DIGITAL SIGNATURE over the SHA-256 DigestInfo of ``nonce`` returns."""
    return key.sign(nonce, padding.PKCS1v15(), hashes.SHA256())


@cache
def card_key(index: int) -> rsa.RSAPrivateKey:
    """RSA-2048 keys, made once per test session (each takes a noticeable moment)."""
    return random_rsa_key()


HOLDER = jpki.Holder(name="山田 花子", birth_date=date(1990, 6, 1), sex="2", address="東京都千代田区千代田1-1")


def issue(authority: Authority, key: rsa.RSAPrivateKey, issued_on: date, expires_on: date) -> x509.Certificate:
    public = key.public_key()
    if authority.purpose is Purpose.AUTH:
        return jpki.issue_auth_certificate(authority.certificate, authority.key, public, issued_on=issued_on,
                                           expires_on=expires_on)
    return jpki.issue_sign_certificate(authority.certificate, authority.key, public, HOLDER, issued_on=issued_on,
                                       expires_on=expires_on)


@dataclass(frozen=True)
class Card:
    card_id_hex: str
    auth_key: rsa.RSAPrivateKey
    auth_certificate: x509.Certificate
    sign_key: rsa.RSAPrivateKey
    sign_certificate: x509.Certificate

    def key(self, purpose: Purpose) -> rsa.RSAPrivateKey:
        return self.auth_key if purpose is Purpose.AUTH else self.sign_key

    def certificate(self, purpose: Purpose) -> x509.Certificate:
        return self.auth_certificate if purpose is Purpose.AUTH else self.sign_certificate


def make_card(pki: TrainingPki, *, today: date, keys: tuple[int, int] = (0, 1), generation: int = -1) -> Card:
    """A card whose certificates run from a year ago to four years ahead, from the given root generation."""
    auth = [a for a in pki.authorities if a.purpose is Purpose.AUTH][generation]
    sign = [a for a in pki.authorities if a.purpose is Purpose.SIGN][generation]
    issued_on, expires_on = today - timedelta(days=365), today + timedelta(days=4 * 365)
    auth_key, sign_key = card_key(keys[0]), card_key(keys[1])
    return Card(secrets.token_hex(16), auth_key, issue(auth, auth_key, issued_on, expires_on), sign_key,
                issue(sign, sign_key, issued_on, expires_on))


@cache
def stranger_root(purpose: Purpose) -> Authority:
    """A root with the JPKI name of ``purpose`` but a key of its own: another PKI that looks the same."""
    key = card_key(100 + list(Purpose).index(purpose))
    certificate = jpki.make_root(purpose, key, date(2019, 4, 1), date(2043, 3, 31))
    return Authority(purpose, "stranger", certificate, key)
