"""The terminal's own identity on disk: its EC P-256 key, its client certificate, the pinned CA.

The key is generated here and never leaves the machine (file mode 0600 from the moment it exists); the
service sees only a certificate request. A certificate is due for renewal once two thirds of its
lifetime have passed (as step-ca does), which leaves a month for a terminal switched off for a while.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.errors import ConfigError

KEY_FILE = "terminal.key"
CERT_FILE = "terminal.pem"
CA_FILE = "central-ca.pem"
RENEW_AT = 2 / 3


@dataclass(frozen=True)
class IdentityFiles:
    directory: Path

    @property
    def key(self) -> Path:
        return self.directory / KEY_FILE

    @property
    def certificate(self) -> Path:
        return self.directory / CERT_FILE

    @property
    def ca(self) -> Path:
        return self.directory / CA_FILE


def fingerprint_of_pem(pem: bytes) -> str:
    """SHA-256 of a PEM certificate's DER, lower-case hex."""
    certificate = x509.load_pem_x509_certificate(pem)
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def normalise_fingerprint(text: str) -> str:
    """``AB:CD:...`` or ``abcd...`` -> lower-case hex without separators; ConfigError unless 64 hex digits."""
    cleaned = text.replace(":", "").replace(" ", "").lower()
    if len(cleaned) != 64 or any(c not in "0123456789abcdef" for c in cleaned):
        raise ConfigError("the CA fingerprint must be a SHA-256 (64 hex digits, colons allowed)")
    return cleaned


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def write_private_key(key: ec.EllipticCurvePrivateKey, path: Path) -> None:
    """Write ``key`` to ``path`` through a temporary file created 0600 (never readable by others)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()))
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def write_public(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def certificate_request(key: ec.EllipticCurvePrivateKey, terminal_hint: str) -> str:
    """A PEM CSR; the service ignores the subject and names the certificate after the enrolled terminal."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, terminal_hint or "terminal")])
    csr = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_certificate(path: Path) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the certificate {path}: {exc}") from exc


def renewal_due(certificate: x509.Certificate, now: datetime) -> bool:
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    return now >= start + (end - start) * RENEW_AT
