"""Certificates shaped like the real JPKI ones (jpki-reference.md, "Certificates").

Used by the virtual card to mint a card's first certificates and by the reference central service to issue
renewed ones. Roots are self-signed RSA-2048 with sha256WithRSA and the JPKI names; several generations
share one name and are told apart by key identifiers. End-entity certificates are issued directly by a
root. The signing certificate carries the holder's data as subjectAltName otherName values under
1.2.392.200149.8.5.5; the authentication certificate carries nothing personal.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from kiosk.domain.validity import end_of_japan_day, start_of_japan_day


class Purpose(StrEnum):
    AUTH = "auth"
    SIGN = "sign"


ORGANISATION_UNIT = "Japan Agency for Local Authority Information Systems"
ROOT_UNIT = {
    Purpose.AUTH: "JPKI for user authentication",
    Purpose.SIGN: "JPKI for digital signature",
}
# Certificate policies. The signing policy is the one published with the reference; the authentication
# policy follows the same arc (one public source only: treat as indicative).
POLICY = {
    Purpose.AUTH: x509.ObjectIdentifier("1.2.392.200149.8.5.1.3.30"),
    Purpose.SIGN: x509.ObjectIdentifier("1.2.392.200149.8.5.1.1.20"),
}
HOLDER_ARC = "1.2.392.200149.8.5.5"
OID_NAME = x509.ObjectIdentifier(f"{HOLDER_ARC}.1")
OID_NAME_FLAGS = x509.ObjectIdentifier(f"{HOLDER_ARC}.2")
OID_SEX = x509.ObjectIdentifier(f"{HOLDER_ARC}.3")
OID_BIRTH_DATE = x509.ObjectIdentifier(f"{HOLDER_ARC}.4")
OID_ADDRESS = x509.ObjectIdentifier(f"{HOLDER_ARC}.5")
OID_ADDRESS_FLAGS = x509.ObjectIdentifier(f"{HOLDER_ARC}.6")

# Era digits of the birth-date value: Meiji 1, Taisho 2, Showa 3, Heisei 4, Reiwa 5.
_ERAS = ((date(2019, 5, 1), "5"), (date(1989, 1, 8), "4"), (date(1926, 12, 25), "3"),
         (date(1912, 7, 30), "2"), (date(1868, 1, 1), "1"))


def root_name(purpose: Purpose) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ROOT_UNIT[purpose]),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ORGANISATION_UNIT),
    ])


def era_digit(birth: date) -> str:
    return next(digit for start, digit in _ERAS if birth >= start)


@dataclass(frozen=True)
class Holder:
    """What the signing certificate says of its holder."""

    name: str
    birth_date: date
    sex: str  # "1" male, "2" female, "9" not applicable
    address: str


def new_serial() -> int:
    return secrets.randbits(63) | 1 << 62


def _der_string(tag: int, text: str) -> bytes:
    body = text.encode("utf-8")
    if len(body) < 0x80:
        length = bytes([len(body)])
    else:
        size = (len(body).bit_length() + 7) // 8
        length = bytes([0x80 | size]) + len(body).to_bytes(size, "big")
    return bytes([tag]) + length + body


def utf8_string(text: str) -> bytes:
    return _der_string(0x0C, text)


def printable_string(text: str) -> bytes:
    return _der_string(0x13, text)


def make_root(
    purpose: Purpose, key: rsa.RSAPrivateKey, valid_from: date, valid_to: date, serial: int | None = None
) -> x509.Certificate:
    name = root_name(purpose)
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(serial or new_serial())
        .not_valid_before(start_of_japan_day(valid_from))
        .not_valid_after(end_of_japan_day(valid_to))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def _end_entity(
    purpose: Purpose,
    issuer_cert: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    subject: x509.Name,
    not_before: datetime,
    not_after: datetime,
    serial: int,
) -> x509.CertificateBuilder:
    signing = purpose is Purpose.SIGN
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_cert.subject)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=signing, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(POLICY[purpose], None)]),
                       critical=signing)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def issue_auth_certificate(
    issuer_cert: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    *,
    issued_on: date,
    expires_on: date,
    serial: int | None = None,
    subject_id: str | None = None,
) -> x509.Certificate:
    """A user-authentication certificate: an opaque subject, nothing personal."""
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
        x509.NameAttribute(NameOID.COMMON_NAME, subject_id or secrets.token_hex(16).upper()),
    ])
    builder = _end_entity(Purpose.AUTH, issuer_cert, issuer_key, public_key, subject,
                          start_of_japan_day(issued_on), end_of_japan_day(expires_on), serial or new_serial())
    builder = builder.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]),
                                    critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def issue_sign_certificate(
    issuer_cert: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    holder: Holder,
    *,
    issued_on: date,
    expires_on: date,
    serial: int | None = None,
    locality: tuple[str, str] = ("Tokyo-to", "Chiyoda-ku"),
) -> x509.Certificate:
    """A signing certificate with the holder's data in subjectAltName, as the real one carries it."""
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
        x509.NameAttribute(NameOID.LOCALITY_NAME, locality[0]),
        x509.NameAttribute(NameOID.LOCALITY_NAME, locality[1]),
        x509.NameAttribute(NameOID.COMMON_NAME, secrets.token_hex(16).upper()),
    ])
    alt_names = x509.SubjectAlternativeName([
        x509.OtherName(OID_NAME, utf8_string(holder.name)),
        x509.OtherName(OID_NAME_FLAGS, printable_string("0")),
        x509.OtherName(OID_SEX, printable_string(holder.sex)),
        x509.OtherName(OID_BIRTH_DATE,
                       printable_string(era_digit(holder.birth_date) + holder.birth_date.strftime("%Y%m%d"))),
        x509.OtherName(OID_ADDRESS, utf8_string(holder.address)),
        x509.OtherName(OID_ADDRESS_FLAGS, printable_string("0")),
    ])
    builder = _end_entity(Purpose.SIGN, issuer_cert, issuer_key, public_key, subject,
                          start_of_japan_day(issued_on), end_of_japan_day(expires_on), serial or new_serial())
    return builder.add_extension(alt_names, critical=False).sign(issuer_key, hashes.SHA256())


def find_issuer(certificate: x509.Certificate, roots: list[x509.Certificate]) -> x509.Certificate | None:
    """The root that issued ``certificate``, matched by key identifier (several generations share a name)."""
    try:
        aki = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    except x509.ExtensionNotFound:
        aki = None
    for root in roots:
        if root.subject != certificate.issuer:
            continue
        if aki is None:
            return root
        try:
            ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
        except x509.ExtensionNotFound:
            continue
        if ski == aki:
            return root
    return None
