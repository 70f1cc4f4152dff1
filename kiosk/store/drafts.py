"""What a flow fills in to record a procedure: everything but the key, the sequence and the terminal.

Light on purpose (no SQLAlchemy) so that flows and the UI can build drafts without paying for the store.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.transactions import CertificateChange, Outcome, TransactionKind


@dataclass(frozen=True)
class TransactionDraft:
    kind: TransactionKind
    outcome: Outcome
    occurred_at: datetime | None = None  # None: the moment it is recorded
    failure_code: str | None = None  # an error code (``card.removed``, ...) when outcome is FAILED
    staff_id: str | None = None
    card_generation: str | None = None
    pin_kind: str | None = None  # for PIN procedures: "auth", "sign", "card_info", "resident_register"
    certificates: tuple[CertificateChange, ...] = field(default_factory=tuple)
    # The DER of the auth certificate's subject Name. Only its HMAC is stored; None if unreadable.
    auth_subject_der: bytes | None = field(default=None, repr=False)


def subject_hmac_hex(identifier_key: bytes, subject_der: bytes) -> str:
    """HMAC-SHA256 of the subject under the municipality's identifier key (docs/central-api.md)."""
    return hmac.new(identifier_key, subject_der, hashlib.sha256).hexdigest()
