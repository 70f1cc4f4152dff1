"""Terminal identity: one-time enrolment codes, client certificates from the terminal CA, renewal,
revocation, and who is behind a client certificate.

A code names one terminal (its site and mode), lives a short time and works once; only its SHA-256
digest is kept. Enrolment revokes the terminal's earlier certificates and bearer tokens: re-enrolling a
terminal (a replaced machine) leaves exactly one credential. Renewal keeps the old certificate valid until
it expires, so a terminal that lost the answer to a renewal is not locked out.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.central import terminals
from kiosk.central.models import EnrolmentCode, Terminal, TerminalCertificate, TerminalToken
from kiosk.central.problems import ApiError
from kiosk.central.terminal_ca import TerminalCa
from kiosk.central.terminals import CallingTerminal, TerminalConflict
from kiosk.domain.transactions import Mode

CODE_TTL = timedelta(hours=24)
CODE_BYTES = 10  # 16 base32 characters: typed by a technician, guessed by nobody within a day
MAX_CSR_BYTES = 8 * 1024


def _normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def code_digest(code: str) -> str:
    return hashlib.sha256(_normalise_code(code).encode("ascii", "replace")).hexdigest()


def new_code(session: Session, terminal_id: str, site: str, mode: Mode, now: datetime,
             ttl: timedelta = CODE_TTL) -> str:
    """A fresh code for ``terminal_id`` (earlier unused codes for it stop working); shown once."""
    if not terminal_id or not site:
        raise TerminalConflict("terminal id and site are required")
    existing = session.get(Terminal, terminal_id)
    if existing is not None and (existing.site, existing.mode) != (site, str(mode)):
        raise TerminalConflict(f"terminal {terminal_id} is registered at {existing.site} in {existing.mode} mode")
    session.execute(update(EnrolmentCode).where(EnrolmentCode.terminal_id == terminal_id,
                                                EnrolmentCode.used_at.is_(None)).values(expires_at=now))
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")
    code = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    session.add(EnrolmentCode(code_sha256=code_digest(code), terminal_id=terminal_id, site=site, mode=str(mode),
                              created_at=now, expires_at=now + ttl, used_at=None))
    session.flush()
    return code


def _public_key_of(csr_pem: str) -> ec.EllipticCurvePublicKey:
    if len(csr_pem) > MAX_CSR_BYTES:
        raise ApiError(422, "invalid_csr", "the certificate request is too large")
    try:
        csr = x509.load_pem_x509_csr(csr_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise ApiError(422, "invalid_csr", "the certificate request is not a PEM CSR") from exc
    if not csr.is_signature_valid:
        raise ApiError(422, "invalid_csr", "the certificate request's signature does not verify")
    key = csr.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise ApiError(422, "invalid_csr", "the terminal key must be EC P-256")
    return key


@dataclass(frozen=True)
class Issued:
    certificate_pem: str
    terminal: CallingTerminal
    not_after: datetime


def _issue(session: Session, ca: TerminalCa, key: ec.EllipticCurvePublicKey, terminal: CallingTerminal,
           now: datetime) -> Issued:
    certificate = ca.issue_terminal(key, terminal.terminal_id, terminal.site, now)
    der = certificate.public_bytes(serialization.Encoding.DER)
    session.add(TerminalCertificate(sha256_hex=hashlib.sha256(der).hexdigest(),
                                    serial_hex=format(certificate.serial_number, "x"),
                                    terminal_id=terminal.terminal_id, not_before=certificate.not_valid_before_utc,
                                    not_after=certificate.not_valid_after_utc, issued_at=now, revoked_at=None))
    session.flush()
    return Issued(certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"), terminal,
                  certificate.not_valid_after_utc)


def enrol(session: Session, ca: TerminalCa, code: str, csr_pem: str, now: datetime) -> Issued:
    row = session.get(EnrolmentCode, code_digest(code), with_for_update=True)
    if row is None:
        raise ApiError(403, "enrolment_code_unknown", "no such enrolment code")
    if row.used_at is not None:
        raise ApiError(409, "enrolment_code_used", "this enrolment code was already used")
    if row.expires_at <= now:
        raise ApiError(410, "enrolment_code_expired", "this enrolment code has expired: ask for a new one")
    key = _public_key_of(csr_pem)
    terminal = session.get(Terminal, row.terminal_id)
    if terminal is None:
        session.add(Terminal(terminal_id=row.terminal_id, site=row.site, mode=row.mode, registered_at=now,
                             revoked_at=None))
    elif (terminal.site, terminal.mode) != (row.site, row.mode):
        raise ApiError(409, "terminal_conflict", "the terminal is registered at another site or mode")
    else:
        terminal.revoked_at = None
    row.used_at = now
    terminals.revoke_tokens(session, row.terminal_id, now)
    _revoke_certificates(session, row.terminal_id, now)
    return _issue(session, ca, key, CallingTerminal(row.terminal_id, row.site, Mode(row.mode)), now)


def renew(session: Session, ca: TerminalCa, caller: CallingTerminal, csr_pem: str, now: datetime) -> Issued:
    return _issue(session, ca, _public_key_of(csr_pem), caller, now)


def _revoke_certificates(session: Session, terminal_id: str, now: datetime) -> None:
    session.execute(update(TerminalCertificate).where(TerminalCertificate.terminal_id == terminal_id,
                                                      TerminalCertificate.revoked_at.is_(None))
                    .values(revoked_at=now))


def revoke_terminal(session: Session, terminal_id: str, now: datetime) -> bool:
    """Refuse every credential of ``terminal_id`` from now on; False when there is no such terminal."""
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        return False
    terminal.revoked_at = now
    terminals.revoke_tokens(session, terminal_id, now)
    _revoke_certificates(session, terminal_id, now)
    session.execute(update(EnrolmentCode).where(EnrolmentCode.terminal_id == terminal_id,
                                                EnrolmentCode.used_at.is_(None)).values(expires_at=now))
    return True


def _unauthenticated(error: str, detail: str) -> ApiError:
    return ApiError(401, error, detail)


def identify_certificate(session: Session, der: bytes, now: datetime) -> CallingTerminal:
    """The terminal a verified client certificate belongs to, or a 401 naming why it is refused."""
    row = session.execute(
        select(TerminalCertificate, Terminal)
        .join(Terminal, Terminal.terminal_id == TerminalCertificate.terminal_id)
        .where(TerminalCertificate.sha256_hex == hashlib.sha256(der).hexdigest())
    ).one_or_none()
    if row is None:
        raise _unauthenticated("certificate_unknown", "this client certificate was not issued by this service")
    certificate, terminal = row
    if terminal.revoked_at is not None or certificate.revoked_at is not None:
        raise _unauthenticated("certificate_revoked", "this terminal's certificate has been revoked")
    if not certificate.not_before <= now < certificate.not_after:
        raise _unauthenticated("certificate_expired",
                               f"this terminal's certificate is valid from {certificate.not_before.isoformat()} "
                               f"to {certificate.not_after.isoformat()}")
    return CallingTerminal(terminal.terminal_id, terminal.site, Mode(terminal.mode))


@dataclass(frozen=True)
class TerminalSummary:
    terminal_id: str
    site: str
    mode: str
    registered_at: datetime
    revoked_at: datetime | None
    credential: str  # "certificate", "token" or "none"
    certificate_not_after: datetime | None


def list_terminals(session: Session, now: datetime) -> list[TerminalSummary]:
    summaries = []
    for terminal in session.scalars(select(Terminal).order_by(Terminal.site, Terminal.terminal_id)):
        newest = session.scalars(
            select(TerminalCertificate).where(TerminalCertificate.terminal_id == terminal.terminal_id,
                                              TerminalCertificate.revoked_at.is_(None),
                                              TerminalCertificate.not_after > now)
            .order_by(TerminalCertificate.not_after.desc()).limit(1)).first()
        has_token = session.scalars(select(TerminalToken.token_sha256).where(
            TerminalToken.terminal_id == terminal.terminal_id, TerminalToken.revoked_at.is_(None))).first()
        credential = "none" if terminal.revoked_at else "certificate" if newest else "token" if has_token else "none"
        summaries.append(TerminalSummary(terminal.terminal_id, terminal.site, terminal.mode, terminal.registered_at,
                                         terminal.revoked_at, credential, newest.not_after if newest else None))
    return summaries
