"""Helpers for the enrolment tests: a central service serving HTTPS with client certificates, codes made
in its database, and a terminal's settings after enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from central_server import CentralHandle, run_central
from sqlalchemy.orm import Session

from kiosk.central import database, enrolment, terminal_ca
from kiosk.config import Settings, load_settings
from kiosk.domain.transactions import Mode
from kiosk.pki.training import TrainingPki


@dataclass
class TlsCentral:
    handle: CentralHandle
    tls_dir: Path

    @property
    def url(self) -> str:
        return self.handle.base_url

    @property
    def fingerprint(self) -> str:
        return terminal_ca.load_or_create(self.tls_dir, self.handle.clock()).fingerprint

    def code(self, terminal: str = "north-01", site: str = "north", mode: Mode = Mode.COUNTER,
             ttl: timedelta = enrolment.CODE_TTL) -> str:
        engine = database.engine_for(self.handle.database_url)
        try:
            with Session(engine) as session, session.begin():
                return enrolment.new_code(session, terminal, site, mode, self.handle.clock(), ttl)
        finally:
            engine.dispose()

    def revoke(self, terminal: str) -> None:
        engine = database.engine_for(self.handle.database_url)
        try:
            with Session(engine) as session, session.begin():
                assert enrolment.revoke_terminal(session, terminal, self.handle.clock())
        finally:
            engine.dispose()


@contextmanager
def tls_central(directory: Path, pki: TrainingPki) -> Iterator[TlsCentral]:
    tls_dir = directory / "central-tls"
    with run_central(f"sqlite:///{directory / 'central.sqlite3'}", pki, tls=True, tls_dir=tls_dir) as handle:
        yield TlsCentral(handle, tls_dir)


def enrolled_settings(config_dir: Path, data_dir: Path) -> Settings:
    """The terminal's settings as ``kiosk.toml`` in ``config_dir`` has them after enrolment."""
    settings = load_settings(environ={"KIOSK_DATA_DIR": str(data_dir)}, file=config_dir / "kiosk.toml")
    return settings
