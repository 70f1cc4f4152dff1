"""What a running central service holds: its database, its training PKI, its settings and its clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.central import database, terminal_ca, terminals
from kiosk.central.settings import CentralSettings, default_tls_dir
from kiosk.central.terminal_ca import TerminalCa
from kiosk.pki import training
from kiosk.pki.training import TrainingPki


@dataclass(frozen=True)
class Service:
    settings: CentralSettings
    engine: Engine
    sessions: sessionmaker[Session]
    pki: TrainingPki
    terminal_ca: TerminalCa

    def now(self) -> datetime:
        moment = self.settings.clock()
        if moment.tzinfo is None:
            raise ValueError("the service clock must give aware datetimes")
        return moment


def open_service(settings: CentralSettings) -> Service:
    """Load the PKI, bring the schema up to date (or check it) and register the configured terminals."""
    pki = settings.pki or training.load_or_create(settings.pki_dir)
    engine = database.engine_for(settings.database_url)
    try:
        if settings.upgrade_schema:
            database.upgrade_schema(engine)
        else:
            database.check_schema(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        ca = terminal_ca.load_or_create(settings.tls_dir or default_tls_dir(), settings.clock())
        service = Service(settings, engine, sessions, pki, ca)
        with sessions.begin() as session:
            for registration in settings.terminals:
                terminals.register(session, registration, service.now())
    except BaseException:
        engine.dispose()
        raise
    return service
