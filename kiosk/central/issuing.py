"""Certificates for renewal and new issuance (counter only), from the training PKI's newest generation.

Validity follows ``kiosk.domain.validity.certificate_expiry``: to the 5th birthday after issuance, the 6th
when the previous certificate (one of ours, of the same purpose) is inside its renewal window on the
issue date, never beyond the card; next-generation cards as long as the card. The issue date is the
Japan-time date of the service clock. Only the serial and the dates are kept; the holder's data goes into
the signing certificate and nowhere else. The renewal window is the domain's (``kiosk.domain.certificates``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.orm import Session

from kiosk.central.encoding import b64decode, serial_hex
from kiosk.central.models import IssuedCertificate
from kiosk.central.problems import invalid_request
from kiosk.central.schemas import CertificateIn
from kiosk.central.terminals import CallingTerminal, require_counter
from kiosk.central.trust import issuing_authority, load_certificate
from kiosk.domain.certificates import RenewalState, status_on
from kiosk.domain.generation import CardGeneration
from kiosk.domain.validity import certificate_expiry, japan_date
from kiosk.pki import jpki
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

KEY_BITS = 2048


@dataclass(frozen=True)
class IssuedCertificateDer:
    der: bytes
    serial_hex: str
    not_after: datetime


def issue(session: Session, pki: TrainingPki, caller: CallingTerminal, request: CertificateIn,
          now: datetime) -> IssuedCertificateDer:
    require_counter(caller)
    if not request.staff.identity_checks:
        raise invalid_request("staff must record at least one identity check")
    purpose = Purpose(request.purpose)
    public_key = _rsa_2048(b64decode(request.public_key, "public_key"))
    if (purpose is Purpose.SIGN) != (request.holder is not None):
        raise invalid_request("holder is required for a signing certificate and refused for an auth certificate")
    today = japan_date(now)
    if request.birth_date > today:
        raise invalid_request("birth_date is in the future")
    renewed_in_window = False
    if request.previous_certificate is not None:
        previous = _our_previous(pki, b64decode(request.previous_certificate, "previous_certificate"), purpose, now)
        standing = status_on(previous.not_valid_before_utc, previous.not_valid_after_utc, today)
        renewed_in_window = standing.renewal is RenewalState.OPEN
    expires_on = certificate_expiry(request.birth_date, today, generation=CardGeneration(request.card_generation),
                                    card_expires_on=request.card_expires_on, renewed_in_window=renewed_in_window)
    if expires_on <= today:
        raise invalid_request(f"a certificate issued today would expire on {expires_on} (the card's expiry)")
    authority = pki.issuing(purpose)
    if request.holder is None:
        certificate = jpki.issue_auth_certificate(authority.certificate, authority.key, public_key,
                                                  issued_on=today, expires_on=expires_on)
    else:
        holder = jpki.Holder(name=request.holder.name, birth_date=request.birth_date, sex=request.holder.sex,
                             address=request.holder.address)
        certificate = jpki.issue_sign_certificate(authority.certificate, authority.key, public_key, holder,
                                                  issued_on=today, expires_on=expires_on)
    serial = serial_hex(certificate.serial_number)
    session.add(IssuedCertificate(
        serial_hex=serial, purpose=str(purpose), authority_generation=authority.generation,
        not_before=certificate.not_valid_before_utc, not_after=certificate.not_valid_after_utc,
        renewed_in_window=renewed_in_window, site=caller.site, terminal_id=caller.terminal_id,
        staff_id=request.staff.staff_id, issued_at=now))
    session.flush()
    return IssuedCertificateDer(certificate.public_bytes(serialization.Encoding.DER), serial,
                                certificate.not_valid_after_utc)


def _rsa_2048(der: bytes) -> rsa.RSAPublicKey:
    try:
        key = serialization.load_der_public_key(der)
    except (ValueError, TypeError) as exc:
        raise invalid_request("public_key is not a DER SubjectPublicKeyInfo") from exc
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size != KEY_BITS:
        raise invalid_request("public_key must be an RSA-2048 key")
    return key


def _our_previous(pki: TrainingPki, der: bytes, purpose: Purpose, now: datetime) -> x509.Certificate:
    certificate = load_certificate(der)
    if certificate is None:
        raise invalid_request("previous_certificate is not DER X.509")
    authority = issuing_authority(pki, certificate, now)
    if authority is None:
        raise invalid_request("previous_certificate was not issued by this service's authority")
    if authority.purpose is not purpose:
        raise invalid_request(f"previous_certificate is not a {purpose} certificate")
    return certificate
