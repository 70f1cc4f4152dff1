"""Key pairs for the training PKI and the virtual card, random or derived from a seed.

A seed gives the same keys on every machine, so tests and training material are reproducible without
committing a private key. ``cryptography`` cannot take a seed for RSA, so the primes are searched here
from an HMAC-SHA256 stream (NIST SP 800-90A style, without reseeding: this is for training keys only,
never for a key that protects a resident).
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache

from cryptography.hazmat.primitives.asymmetric import ec, rsa

PUBLIC_EXPONENT = 65537
_SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p**0.5) + 1))]


class _Stream:
    """Deterministic bytes from (seed, label)."""

    def __init__(self, seed: bytes, label: str) -> None:
        self._key = hmac.new(seed, b"kiosk-training-key:" + label.encode(), hashlib.sha256).digest()
        self._counter = 0

    def read(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            self._counter += 1
            out += hmac.new(self._key, self._counter.to_bytes(8, "big"), hashlib.sha256).digest()
        return bytes(out[:n])

    def integer(self, bits: int) -> int:
        return int.from_bytes(self.read((bits + 7) // 8), "big") >> ((8 - bits % 8) % 8)


def _probably_prime(n: int, stream: _Stream, rounds: int = 40) -> bool:
    if any(n % p == 0 for p in _SMALL_PRIMES):
        return n in _SMALL_PRIMES
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = 2 + stream.integer(n.bit_length()) % (n - 3)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int, stream: _Stream) -> int:
    while True:
        # Top two bits set so that p*q has exactly 2*bits bits; odd.
        candidate = stream.integer(bits) | (0b11 << (bits - 2)) | 1
        if (candidate - 1) % PUBLIC_EXPONENT == 0:
            continue
        if _probably_prime(candidate, stream):
            return candidate


@cache
def seeded_rsa_key(seed: bytes, label: str, bits: int = 2048) -> rsa.RSAPrivateKey:
    """The same RSA key for the same (seed, label, bits), everywhere."""
    stream = _Stream(seed, f"rsa{bits}:{label}")
    while True:
        p = _prime(bits // 2, stream)
        q = _prime(bits // 2, stream)
        if p != q and abs(p - q).bit_length() > bits // 2 - 100:
            break
    p, q = max(p, q), min(p, q)
    lam = (p - 1) * (q - 1) // _gcd(p - 1, q - 1)
    d = pow(PUBLIC_EXPONENT, -1, lam)
    numbers = rsa.RSAPrivateNumbers(
        p=p,
        q=q,
        d=d,
        dmp1=d % (p - 1),
        dmq1=d % (q - 1),
        iqmp=pow(q, -1, p),
        public_numbers=rsa.RSAPublicNumbers(PUBLIC_EXPONENT, p * q),
    )
    return numbers.private_key()


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


@cache
def seeded_ec_key(seed: bytes, label: str) -> ec.EllipticCurvePrivateKey:
    stream = _Stream(seed, f"p256:{label}")
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    value = 1 + stream.integer(320) % (order - 1)
    return ec.derive_private_key(value, ec.SECP256R1())


def random_rsa_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=PUBLIC_EXPONENT, key_size=bits)


def random_ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())
