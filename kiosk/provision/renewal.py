"""Renewal of the terminal's client certificate at two thirds of its lifetime, over mutual TLS.

A new key is generated for each renewal (a key that leaked earlier stops being useful). The new pair is
written under new file names beside the old one, and ``kiosk.toml`` is then switched to it by one atomic
rename: a renewal interrupted anywhere leaves the terminal on the old pair or the new one, never a key of
one and the certificate of the other. The service keeps the old certificate valid until it expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.config import Settings
from kiosk.errors import ConfigError, ProtocolError
from kiosk.provision import settings_file
from kiosk.provision.identity import (
    certificate_request,
    load_certificate,
    new_key,
    renewal_due,
    write_private_key,
    write_public,
)
from kiosk.sync.client import CentralClient


@dataclass(frozen=True)
class Renewal:
    renewed: bool
    not_after: datetime


async def renew(settings: Settings, now: datetime, config_file: Path, *, force: bool = False) -> Renewal:
    if settings.client_cert is None or settings.client_key is None:
        raise ConfigError("this terminal has no client certificate to renew: enrol it first")
    current = load_certificate(settings.client_cert)
    if not force and not renewal_due(current, now):
        return Renewal(False, current.not_valid_after_utc)
    key = new_key()
    async with CentralClient.from_settings(settings) as client:
        document = await client.renew_terminal_certificate(certificate_request(key, settings.terminal_id))
    pem = str(document["certificate_pem"]).encode("ascii")
    from cryptography import x509

    try:
        issued = x509.load_pem_x509_certificate(pem)
    except ValueError as exc:
        raise ProtocolError("renewal: the issued certificate is not readable") from exc
    if issued.public_key() != key.public_key():
        raise ProtocolError("renewal: the issued certificate is not for the new key")
    stem = f"terminal-{issued.serial_number:x}"[:24]
    key_path = settings.client_key.with_name(stem + ".key")
    cert_path = settings.client_cert.with_name(stem + ".pem")
    write_private_key(key, key_path)
    write_public(pem, cert_path)
    settings_file.update(config_file, {"client_cert": str(cert_path), "client_key": str(key_path)})
    for old in (settings.client_key, settings.client_cert):
        if old not in (key_path, cert_path):
            old.unlink(missing_ok=True)
    return Renewal(True, issued.not_valid_after_utc)
