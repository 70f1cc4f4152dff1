"""Is a certificate one of the training PKI's, and for which purpose?

A JPKI end-entity certificate is issued directly by a root; several root generations of a purpose are
live at once and share one name, so the issuer is found by key identifier (``TrainingPki.authority_for``)
and then the signature is checked with that root's key: a certificate that merely copies a root's name or
key identifier is not trusted.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from kiosk.pki.training import Authority, TrainingPki


def load_certificate(der: bytes) -> x509.Certificate | None:
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError:
        return None


def issuing_authority(pki: TrainingPki, certificate: x509.Certificate, now: datetime) -> Authority | None:
    """The live root that signed ``certificate``, or None when no trusted root did."""
    authority = pki.authority_for(certificate)
    if authority is None:
        return None
    root = authority.certificate
    if not root.not_valid_before_utc <= now <= root.not_valid_after_utc:
        return None
    try:
        certificate.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature):
        return None
    return authority


def is_valid_at(certificate: x509.Certificate, now: datetime) -> bool:
    return certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc
