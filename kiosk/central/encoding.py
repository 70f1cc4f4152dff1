"""Binary values on the wire: base64 (standard alphabet, padded), strictly decoded."""

from __future__ import annotations

import base64
import binascii

from kiosk.central.problems import invalid_request


def b64decode(value: str, field: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid_request(f"{field} is not base64") from exc


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def serial_hex(serial_number: int) -> str:
    """A certificate serial as the contract writes it: lower-case hex, no leading zeros."""
    return f"{serial_number:x}"
