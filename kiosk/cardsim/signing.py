"""COMPUTE DIGITAL SIGNATURE as the card does it: PKCS#1 v1.5 type 1 padding around the data it is given.

The card does not hash. It pads whatever the terminal sends (a DER DigestInfo, in practice) and applies
the raw RSA private-key operation. ``cryptography`` offers no raw RSA operation, so:
- when the data is exactly a standard DigestInfo (SHA-1 or SHA-2, with the NULL parameters) the result
  is the same bytes as ``sign(digest, PKCS1v15(), Prehashed(...))``, which OpenSSL computes ~10x faster;
- anything else goes through the raw operation here, with the CRT and the key's own private numbers.
Both paths give identical signatures for the same input (tests/cardsim checks this).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

# DER prefixes of DigestInfo with NULL parameters (RFC 8017, section 9.2, note 1).
_DIGEST_INFO_PREFIXES: tuple[tuple[bytes, hashes.HashAlgorithm], ...] = (
    (bytes.fromhex("3021300906052b0e03021a05000414"), hashes.SHA1()),  # noqa: S303 - the card signs what it is sent
    (bytes.fromhex("302d300d06096086480165030402040500041c"), hashes.SHA224()),
    (bytes.fromhex("3031300d060960864801650304020105000420"), hashes.SHA256()),
    (bytes.fromhex("3041300d060960864801650304020205000430"), hashes.SHA384()),
    (bytes.fromhex("3051300d060960864801650304020305000440"), hashes.SHA512()),
)
PADDING_OVERHEAD = 11  # 00 01, at least eight FF, 00


def max_input(key: rsa.RSAPrivateKey) -> int:
    return key.key_size // 8 - PADDING_OVERHEAD


def _standard_digest(data: bytes) -> tuple[bytes, hashes.HashAlgorithm] | None:
    for prefix, algorithm in _DIGEST_INFO_PREFIXES:
        if data.startswith(prefix) and len(data) == len(prefix) + algorithm.digest_size:
            return data[len(prefix):], algorithm
    return None


def pad_type1(data: bytes, modulus_bytes: int) -> bytes:
    filler = modulus_bytes - len(data) - 3
    if filler < 8:
        raise ValueError("data too long for the key")
    return b"\x00\x01" + b"\xff" * filler + b"\x00" + data


def raw_sign(key: rsa.RSAPrivateKey, data: bytes) -> bytes:
    """m^d mod n over the type-1 padded ``data``, by the Chinese remainder theorem."""
    numbers = key.private_numbers()
    size = key.key_size // 8
    message = int.from_bytes(pad_type1(data, size), "big")
    s_p = pow(message % numbers.p, numbers.dmp1, numbers.p)
    s_q = pow(message % numbers.q, numbers.dmq1, numbers.q)
    h = (numbers.iqmp * (s_p - s_q)) % numbers.p
    return (s_q + h * numbers.q).to_bytes(size, "big")


def sign(key: rsa.RSAPrivateKey, data: bytes) -> bytes:
    """The card's signature over ``data`` (1 to ``max_input(key)`` bytes)."""
    if not 0 < len(data) <= max_input(key):
        raise ValueError("data length out of range")
    standard = _standard_digest(data)
    if standard is not None:
        digest, algorithm = standard
        return key.sign(digest, padding.PKCS1v15(), utils.Prehashed(algorithm))
    return raw_sign(key, data)
