"""``enrol``: from a one-time code to a terminal with its own key, client certificate and pinned CA.

The service's CA is fetched once without verification and trusted only if its SHA-256 fingerprint is the
one the technician was given: from then on every connection verifies the service against that CA alone.
The key is generated here and written 0600; only the certificate request is sent. Nothing is written
until the service has answered with a certificate for exactly this key, issued by exactly that CA.
"""

from __future__ import annotations

import ipaddress
import ssl
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kiosk import __version__
from kiosk.errors import AuthenticationFailed, ConfigError, ProtocolError, RequestRejected, ServerUnavailable
from kiosk.provision.identity import (
    IdentityFiles,
    certificate_request,
    fingerprint_of_pem,
    new_key,
    normalise_fingerprint,
    write_private_key,
    write_public,
)

TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Enrolled:
    central_url: str
    terminal_id: str
    site: str
    mode: str
    not_after: datetime
    identifier_key: str | None
    environment: str  # "production" over HTTPS, "training" over plain HTTP on loopback


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(url: str) -> str:
    url = url.rstrip("/")
    if url.startswith("https://"):
        return url
    if url.startswith("http://") and is_loopback_url(url):
        return url  # demo and training: the service on this machine
    raise ConfigError(f"the central service URL must be https:// (plain http only on loopback), not {url!r}")


async def _call(client: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.TransportError as exc:
        if isinstance(exc.__context__ or exc.__cause__, ssl.SSLError):
            raise AuthenticationFailed(f"{method} {url}: TLS failure: {exc}") from exc
        raise ServerUnavailable(f"{method} {url}: {type(exc).__name__}: {exc}") from exc
    try:
        document = response.json()
    except ValueError as exc:
        raise ProtocolError(f"{method} {url}: HTTP {response.status_code}, not JSON") from exc
    if response.status_code >= 500:
        raise ServerUnavailable(f"{method} {url}: HTTP {response.status_code}")
    if response.status_code >= 400:
        code = document.get("error") if isinstance(document, dict) else None
        raise RequestRejected(f"{method} {url}: HTTP {response.status_code} {code}", str(code or "refused"),
                              response.status_code)
    return document


async def fetch_pinned_ca(url: str, fingerprint: str, transport: httpx.AsyncBaseTransport | None = None) -> bytes:
    """The service's CA certificate (PEM), if and only if its fingerprint is ``fingerprint``."""
    expected = normalise_fingerprint(fingerprint)
    # Unverified on purpose: nothing is trusted yet, and what comes back is checked against the pin.
    async with httpx.AsyncClient(verify=False, timeout=TIMEOUT_S, transport=transport,  # noqa: S501
                                 trust_env=False) as probe:
        document = await _call(probe, "GET", f"{url}/v1/enrolment/ca")
    pem = document.get("certificate_pem") if isinstance(document, dict) else None
    if not isinstance(pem, str):
        raise ProtocolError("enrolment: the service sent no CA certificate")
    try:
        actual = fingerprint_of_pem(pem.encode("ascii"))
    except ValueError as exc:
        raise ProtocolError("enrolment: the service's CA certificate is not readable") from exc
    if actual != expected:
        raise AuthenticationFailed(f"the service's CA has fingerprint {actual}, not the pinned {expected}")
    return pem.encode("ascii")


def _check_issued(certificate_pem: str, key: ec.EllipticCurvePrivateKey, ca_pem: bytes) -> x509.Certificate:
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        ca = x509.load_pem_x509_certificate(ca_pem)
        certificate.verify_directly_issued_by(ca)
    except (ValueError, TypeError) as exc:
        raise ProtocolError(f"enrolment: the issued certificate does not check out ({exc})") from exc
    except InvalidSignature as exc:
        raise ProtocolError("enrolment: the issued certificate is not signed by the pinned CA") from exc
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    if (certificate.public_key().public_bytes(serialization.Encoding.DER, public)
            != key.public_key().public_bytes(serialization.Encoding.DER, public)):
        raise ProtocolError("enrolment: the issued certificate is not for this terminal's key")
    return certificate


async def enrol(url: str, code: str, fingerprint: str, files: IdentityFiles, *,
                transport: httpx.AsyncBaseTransport | None = None) -> Enrolled:
    url = _check_url(url)
    ca_pem = await fetch_pinned_ca(url, fingerprint, transport)
    key = new_key()
    with tempfile.TemporaryDirectory() as scratch:
        ca_file = Path(scratch) / "ca.pem"
        ca_file.write_bytes(ca_pem)
        pinned = ssl.create_default_context(cafile=str(ca_file))
        async with httpx.AsyncClient(verify=pinned, timeout=TIMEOUT_S, transport=transport, trust_env=False,
                                     headers={"User-Agent": f"kiosk/{__version__}"}) as client:
            document = await _call(client, "POST", f"{url}/v1/enrolment",
                                   json={"code": code.strip(), "csr_pem": certificate_request(key, "terminal")})
    try:
        certificate_pem = str(document["certificate_pem"])
        terminal_id, site, mode = str(document["terminal_id"]), str(document["site"]), str(document["mode"])
        identifier_key = document.get("identifier_key")
    except (KeyError, TypeError) as exc:
        raise ProtocolError("enrolment: unexpected answer") from exc
    certificate = _check_issued(certificate_pem, key, ca_pem)
    write_private_key(key, files.key)
    write_public(certificate_pem.encode("ascii"), files.certificate)
    write_public(ca_pem, files.ca)
    return Enrolled(url, terminal_id, site, mode, certificate.not_valid_after_utc,
                    str(identifier_key) if identifier_key else None,
                    "production" if url.startswith("https://") else "training")
