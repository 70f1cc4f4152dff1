"""Building stores and drafts for the store's and the sync's tests."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from kiosk.config import Settings, load_settings
from kiosk.domain.transactions import CertificateChange, Outcome, TransactionKind
from kiosk.domain.validity import JST
from kiosk.store.drafts import TransactionDraft

# The subject of a JPKI auth certificate: a serial-like common name, nothing in clear about the resident.
SUBJECT_DER = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
                         x509.NameAttribute(NameOID.COMMON_NAME, "201912345678901234567890ABCDE")]).public_bytes()


def settings_for(directory: Path, **overrides: Any) -> Settings:
    """The demo settings with the database in ``directory``."""
    base = load_settings(environ={}, file=directory / "absent.toml")
    return replace(base, data_dir=directory, database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", **overrides)


def database_path(settings: Settings) -> Path:
    return Path(settings.database_url.removeprefix("sqlite:///"))


def renewal(**overrides: Any) -> TransactionDraft:
    fields: dict[str, Any] = {
        "kind": TransactionKind.RENEWAL, "outcome": Outcome.COMPLETED, "staff_id": "S0012",
        "card_generation": "current", "auth_subject_der": SUBJECT_DER,
        "certificates": (CertificateChange("auth", "5a3f", "6b10"), CertificateChange("sign", "5a40", "6b11")),
    }
    fields.update(overrides)
    return TransactionDraft(**fields)


def check(**overrides: Any) -> TransactionDraft:
    fields: dict[str, Any] = {"kind": TransactionKind.CHECK, "outcome": Outcome.COMPLETED,
                              "card_generation": "current", "auth_subject_der": SUBJECT_DER}
    fields.update(overrides)
    return TransactionDraft(**fields)


def pin_change(**overrides: Any) -> TransactionDraft:
    fields: dict[str, Any] = {"kind": TransactionKind.PIN_CHANGE, "outcome": Outcome.COMPLETED, "pin_kind": "auth"}
    fields.update(overrides)
    return TransactionDraft(**fields)


def on(day: str, hour: int = 10) -> datetime:
    """A moment of a Japan-time day."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=JST)


def raw(settings: Settings) -> sqlite3.Connection:
    """A plain sqlite3 connection to the terminal's database, as a technician (or an intruder) would open it."""
    return sqlite3.connect(database_path(settings), isolation_level=None, check_same_thread=False)


def count(settings: Settings, sql: str) -> int:
    with raw(settings) as connection:
        return int(connection.execute(sql).fetchone()[0])
