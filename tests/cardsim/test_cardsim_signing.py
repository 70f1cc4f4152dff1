"""COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 over the DigestInfo the terminal sends, with the key EF's PIN."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, utils

from kiosk.cardsim import VirtualCard, signing
from kiosk.pki.keys import random_rsa_key

from .conftest import CardFactory
from .helpers import (
    AUTH_CERT,
    AUTH_KEY,
    AUTH_PIN,
    JPKI,
    SIGN_KEY,
    SIGN_PIN,
    Terminal,
    body,
    compute_signature,
    get_response,
    select_ef,
    short,
    sw,
)

SHA256_PREFIX = bytes.fromhex("3031300d060960864801650304020105000420")


def digest_info(message: bytes) -> bytes:
    return SHA256_PREFIX + hashlib.sha256(message).digest()


def test_auth_key_signs_a_digest_info_after_its_pin(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(JPKI, AUTH_KEY)
    assert sw(terminal.send(compute_signature(digest_info(b"challenge")))) == 0x6982
    assert terminal.verify(JPKI, AUTH_PIN, b"1234") == 0x9000
    terminal.ok(select_ef(AUTH_KEY))
    signature = terminal.ok(compute_signature(digest_info(b"challenge")))
    assert len(signature) == 256
    public = card.public_key("auth")
    assert public is not None
    public.verify(signature, hashlib.sha256(b"challenge").digest(), padding.PKCS1v15(),
                  utils.Prehashed(hashes.SHA256()))


def test_signing_key_needs_the_signing_password_not_the_auth_pin(card: VirtualCard, terminal: Terminal) -> None:
    terminal.verify(JPKI, AUTH_PIN, b"1234")
    terminal.ok(select_ef(SIGN_KEY))
    assert sw(terminal.send(compute_signature(digest_info(b"contract")))) == 0x6982
    terminal.verify(JPKI, SIGN_PIN, b"ABC123")
    terminal.ok(select_ef(SIGN_KEY))
    signature = terminal.ok(compute_signature(digest_info(b"contract")))
    public = card.public_key("sign")
    assert public is not None
    public.verify(signature, b"contract", padding.PKCS1v15(), hashes.SHA256())


def test_sign_needs_a_key_ef(terminal: Terminal) -> None:
    terminal.verify(JPKI, AUTH_PIN, b"1234")  # the PIN EF is current
    assert sw(terminal.send(compute_signature(digest_info(b"x")))) == 0x6981
    terminal.ok(select_ef(AUTH_CERT))
    assert sw(terminal.send(compute_signature(digest_info(b"x")))) == 0x6981
    Terminal(terminal.card).select(JPKI)
    assert sw(terminal.send(compute_signature(digest_info(b"x")))) == 0x6986


def test_sign_parameters_and_lengths(terminal: Terminal) -> None:
    terminal.verify(JPKI, AUTH_PIN, b"1234")
    terminal.ok(select_ef(AUTH_KEY))
    assert sw(terminal.send(short(0x80, 0x2A, 0x9E, 0x9A, digest_info(b"x"), le=256))) == 0x6A86
    assert sw(terminal.send(bytes.fromhex("802A008000"))) == 0x6700  # nothing to sign
    assert sw(terminal.send(compute_signature(bytes(246)))) == 0x6700  # more than 256 - 11 bytes
    assert len(terminal.ok(compute_signature(bytes(245)))) == 256


def test_a_signature_without_le_comes_through_get_response(terminal: Terminal) -> None:
    terminal.verify(JPKI, AUTH_PIN, b"1234")
    terminal.ok(select_ef(AUTH_KEY))
    first = terminal.send(compute_signature(digest_info(b"x"), le=None))
    assert sw(first) == 0x6100 and body(first) == b""
    part = terminal.send(get_response(128))
    assert sw(part) == 0x6180 and len(body(part)) == 128
    rest = terminal.send(get_response(256))
    assert sw(rest) == 0x9000 and len(body(rest)) == 128
    assert body(part) + body(rest) == terminal.ok(compute_signature(digest_info(b"x")))


def test_another_command_discards_a_waiting_response(terminal: Terminal) -> None:
    terminal.verify(JPKI, AUTH_PIN, b"1234")
    terminal.ok(select_ef(AUTH_KEY))
    assert sw(terminal.send(compute_signature(digest_info(b"x"), le=None))) == 0x6100
    terminal.ok(select_ef(AUTH_KEY))
    assert sw(terminal.send(get_response(256))) == 0x6985


@pytest.mark.parametrize("algorithm", [hashes.SHA1(), hashes.SHA256(), hashes.SHA384(), hashes.SHA512()])
def test_fast_and_raw_paths_agree(algorithm: hashes.HashAlgorithm) -> None:
    key = random_rsa_key()
    digest = hashes.Hash(algorithm)
    digest.update(b"message")
    value = digest.finalize()
    prefixes = {"sha1": "3021300906052b0e03021a05000414", "sha256": "3031300d060960864801650304020105000420",
                "sha384": "3041300d060960864801650304020205000430",
                "sha512": "3051300d060960864801650304020305000440"}
    info = bytes.fromhex(prefixes[algorithm.name]) + value
    assert signing.sign(key, info) == signing.raw_sign(key, info)
    key.public_key().verify(signing.sign(key, info), value, padding.PKCS1v15(), utils.Prehashed(algorithm))


def test_the_card_signs_any_data_as_given() -> None:
    key = random_rsa_key()
    data = b"not a DigestInfo at all"
    signature = signing.sign(key, data)
    numbers = key.public_key().public_numbers()
    recovered = pow(int.from_bytes(signature, "big"), numbers.e, numbers.n).to_bytes(256, "big")
    assert recovered == b"\x00\x01" + b"\xff" * (256 - 3 - len(data)) + b"\x00" + data


def test_a_digest_info_without_null_parameters_takes_the_raw_path() -> None:
    key = random_rsa_key()
    info = bytes.fromhex("302f300b0609608648016503040201" "0420") + hashlib.sha256(b"m").digest()
    signature = signing.sign(key, info)
    numbers = key.public_key().public_numbers()
    recovered = pow(int.from_bytes(signature, "big"), numbers.e, numbers.n).to_bytes(256, "big")
    assert recovered.endswith(b"\x00" + info)


def test_the_minor_card_cannot_sign_with_a_signing_key(make_card: CardFactory) -> None:
    terminal = Terminal(make_card("minor"))
    terminal.select(JPKI)
    assert sw(terminal.send(select_ef(SIGN_KEY))) == 0x6A82
