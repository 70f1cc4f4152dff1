"""The service's terminal CA: it signs terminals' client certificates and the service's own TLS certificate.

Generated on first use into a directory of the service (``central-tls`` in the data directory unless told
otherwise): an EC P-256 key (file mode 0600, never leaves the directory) and a self-signed root. A terminal
pins this root by its SHA-256 fingerprint at enrolment (``kiosk provision enrol --ca-fingerprint``), so
the service's TLS certificate needs no public CA. The server certificate is made afresh at every start for
the names the service is told it is reached by.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_LIFETIME = timedelta(days=3650)
SERVER_LIFETIME = timedelta(days=365)
# Short enough that a stolen terminal key is worth little for long; renewal at two thirds (the terminal's
# job) leaves a month for a terminal that was switched off.
TERMINAL_LIFETIME = timedelta(days=90)
BACKDATE = timedelta(minutes=5)  # a terminal whose clock is a little behind still accepts a new certificate

CA_CERT_FILE = "terminal-ca.pem"
CA_KEY_FILE = "terminal-ca.key"
SERVER_CERT_FILE = "server.pem"
SERVER_KEY_FILE = "server.key"
IDENTIFIER_KEY_FILE = "identifier.key"


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the DER encoding, lower-case hex: what a technician pins."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@dataclass(frozen=True)
class TerminalCa:
    directory: Path
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def certificate_path(self) -> Path:
        return self.directory / CA_CERT_FILE

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def _builder(self, subject: x509.Name, public_key: ec.EllipticCurvePublicKey, now: datetime,
                 lifetime: timedelta) -> x509.CertificateBuilder:
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(self.certificate.subject)
                .public_key(public_key).serial_number(x509.random_serial_number())
                .not_valid_before(now - BACKDATE).not_valid_after(now + lifetime)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                               critical=False))

    def issue_terminal(self, public_key: ec.EllipticCurvePublicKey, terminal_id: str, site: str, now: datetime,
                       lifetime: timedelta = TERMINAL_LIFETIME) -> x509.Certificate:
        subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, site),
                             x509.NameAttribute(NameOID.COMMON_NAME, terminal_id)])
        builder = (self._builder(subject, public_key, now, lifetime)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False))
        return builder.sign(self.key, hashes.SHA256())

    def write_server_certificate(self, names: tuple[str, ...], now: datetime) -> tuple[Path, Path]:
        """A fresh TLS certificate for ``names`` (host names or IP addresses): (certificate chain, key) files."""
        key = ec.generate_private_key(ec.SECP256R1())
        alternatives: list[x509.GeneralName] = []
        for name in names:
            try:
                alternatives.append(x509.IPAddress(ipaddress.ip_address(name)))
            except ValueError:
                alternatives.append(x509.DNSName(name))
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0] if names else "central")])
        builder = (self._builder(subject, key.public_key(), now, SERVER_LIFETIME)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                   .add_extension(x509.SubjectAlternativeName(alternatives), critical=False))
        certificate = builder.sign(self.key, hashes.SHA256())
        cert_path, key_path = self.directory / SERVER_CERT_FILE, self.directory / SERVER_KEY_FILE
        _write_private(key_path, _pem_key(key))
        cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM)
                              + self.certificate.public_bytes(serialization.Encoding.PEM))
        return cert_path, key_path


def load_or_create(directory: Path, now: datetime) -> TerminalCa:
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / CA_CERT_FILE, directory / CA_KEY_FILE
    if cert_path.exists() and key_path.exists():
        certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{key_path} is not an EC private key")
        return TerminalCa(directory, certificate, key)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "E-certificate terminal CA")])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE).not_valid_after(now + CA_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256()))
    _write_private(key_path, _pem_key(key))
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return TerminalCa(directory, certificate, key)


def identifier_key(directory: Path) -> str:
    """The municipality's identifier key (hex), which keys residents' subject HMACs on every terminal.

    Generated on first use beside the CA; handed to a terminal only at enrolment, inside mutual TLS.
    """
    path = directory / IDENTIFIER_KEY_FILE
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        _write_private(path, os.urandom(32).hex().encode("ascii"))
    return path.read_text(encoding="ascii").strip()
