"""A certificate read from the card: its DER, parsed, and the few facts the terminal shows.

``parse_certificate`` is the boundary between card bytes and ``cryptography``: whatever the bytes, it
returns a ``CardCertificate`` whose fields were all decoded (``cryptography`` parses some lazily), or raises
``MalformedCardData``; the issuer and subject names, which the check screen does not need, are decoded on
first use and raise ``MalformedCardData`` then if they do not decode.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from kiosk.card import tlv
from kiosk.errors import MalformedCardData

TAG_SEQUENCE = 0x30


@dataclass(frozen=True)
class CardCertificate:
    der: bytes
    certificate: x509.Certificate
    serial: int
    not_before: datetime  # aware, UTC
    not_after: datetime  # aware, UTC

    @cached_property
    def issuer(self) -> str:
        """RFC 4514. Decoded on first use: the check screen does not show it."""
        return _name(lambda: self.certificate.issuer)

    @cached_property
    def subject(self) -> str:
        return _name(lambda: self.certificate.subject)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")


def parse_certificate(der: bytes | bytearray) -> CardCertificate:
    data = bytes(der)
    header = tlv.read_header(data)
    if header.tag != TAG_SEQUENCE or header.total != len(data):
        raise MalformedCardData("certificate: not one DER SEQUENCE")
    try:
        certificate = x509.load_der_x509_certificate(data)
        return CardCertificate(
            der=data,
            certificate=certificate,
            serial=certificate.serial_number,
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
        )
    except (ValueError, TypeError, OverflowError, UnsupportedAlgorithm) as exc:
        raise MalformedCardData(f"certificate: {type(exc).__name__}") from exc


def _name(read: Callable[[], x509.Name]) -> str:
    try:
        return read().rfc4514_string()
    except (ValueError, TypeError) as exc:
        raise MalformedCardData(f"certificate name: {type(exc).__name__}") from exc
