"""What the central service is configured with: its database, its PKI, its terminals, its limits, its clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk import config, paths
from kiosk.domain.transactions import Mode
from kiosk.pki.training import TrainingPki

MAX_BATCH = 500
MAX_BODY_BYTES = 1024 * 1024
CHALLENGE_TTL = timedelta(seconds=120)
# A proof waits while the resident types the new PIN twice and the terminal fetches the card's challenge.
PROOF_TTL = timedelta(minutes=10)
# A call for staff nobody answered in this time has been dealt with some other way (the resident went to the
# counter, or left): counters stop showing it; the kiosk's audit trail and this table keep it.
STAFF_CALL_TTL = timedelta(hours=2)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TerminalRegistration:
    """A terminal allowed to call the service, and the bearer token it presents."""

    terminal_id: str
    site: str
    mode: Mode
    token: str = field(repr=False)


@dataclass(frozen=True)
class CentralSettings:
    database_url: str
    # Registered (idempotently) at start-up, in addition to those already in the database.
    terminals: tuple[TerminalRegistration, ...] = ()
    # The training PKI: given as is (tests), or loaded from (generated into on first use) ``pki_dir``,
    # by default the shared training-PKI directory (``kiosk.pki.training.default_directory``).
    pki: TrainingPki | None = field(default=None, repr=False)
    pki_dir: Path | None = None
    clock: Callable[[], datetime] = utc_now
    upgrade_schema: bool = True
    max_batch: int = MAX_BATCH
    max_body_bytes: int = MAX_BODY_BYTES
    challenge_ttl: timedelta = CHALLENGE_TTL
    proof_ttl: timedelta = PROOF_TTL
    staff_call_ttl: timedelta = STAFF_CALL_TTL
    # The terminal CA and the server's TLS certificate (kiosk.central.terminal_ca); by default
    # ``central-tls`` in the data directory. With ``tls`` the service serves HTTPS itself and every call but
    # health and enrolment needs a client certificate from that CA; without it (loopback, demo and training
    # only) terminals show bearer tokens.
    tls: bool = False
    tls_dir: Path | None = None
    tls_names: tuple[str, ...] = ("127.0.0.1", "localhost")


def default_tls_dir() -> Path:
    return paths.data_dir() / "central-tls"


def default_database_url() -> str:
    return f"sqlite:///{paths.data_dir() / 'central.sqlite3'}"


def demo_terminal() -> TerminalRegistration:
    """The terminal of the embedded demo defaults (kiosk/config.py). Development only: its token is public."""
    defaults = config.defaults()
    if defaults.api_token is None:
        raise ValueError("the demo defaults carry no API token")
    return TerminalRegistration(defaults.terminal_id, defaults.site, Mode(defaults.mode), defaults.api_token)
