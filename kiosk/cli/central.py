"""``kiosk central``: run the reference central service and manage its terminals.

    kiosk central serve [--db URL] [--host 127.0.0.1] [--port 8765] [--demo] [--pki-dir DIR]
    kiosk central add-terminal [--db URL] --site S --terminal T --mode counter|kiosk
    kiosk central upgrade [--db URL]
    kiosk central openapi

``--demo`` registers the demo terminal of the embedded defaults (token ``demo-terminal-token``, terminal
``demo-01``, site ``demo-site``, counter mode). Its token is public: development and training only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.extras import needs_central
from kiosk.config import DEFAULT_CENTRAL_PORT
from kiosk.errors import ConfigError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("central", help="run the reference central service")
    commands = parser.add_subparsers(dest="central_command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", help="serve the central API (until Ctrl-C)")
    _database_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_CENTRAL_PORT, help=f"default {DEFAULT_CENTRAL_PORT}")
    serve.add_argument("--demo", action="store_true",
                       help="register the demo terminal (public token; development and training only)")
    serve.add_argument("--pki-dir", type=Path, help="the training PKI directory (created on first use)")
    serve.add_argument("--no-upgrade", action="store_true",
                       help="refuse to start on an old schema instead of migrating it")
    serve.set_defaults(handler=needs_central(_serve))

    add = commands.add_parser("add-terminal", help="register a terminal and print its new token once")
    _database_option(add)
    add.add_argument("--site", required=True)
    add.add_argument("--terminal", required=True, help="the terminal ID")
    add.add_argument("--mode", required=True, choices=("counter", "kiosk"))
    add.set_defaults(handler=needs_central(_add_terminal))

    upgrade = commands.add_parser("upgrade", help="bring the database schema up to date")
    _database_option(upgrade)
    upgrade.set_defaults(handler=needs_central(_upgrade))

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (resources/openapi.json)")
    openapi.set_defaults(handler=needs_central(_openapi))


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="SQLAlchemy URL (default: central.sqlite3 in the data directory; "
                             "postgresql+psycopg://user:password@host/db for PostgreSQL)")


def _database_url(args: argparse.Namespace) -> str:
    from kiosk.central.settings import default_database_url

    return str(args.db) if args.db else default_database_url()


def _serve(args: argparse.Namespace) -> int:
    from kiosk.central.server import serve
    from kiosk.central.settings import CentralSettings, demo_terminal

    terminals = (demo_terminal(),) if args.demo else ()
    settings = CentralSettings(database_url=_database_url(args), terminals=terminals, pki_dir=args.pki_dir,
                               upgrade_schema=not args.no_upgrade)
    serve(settings, args.host, args.port, log_level="info" if args.verbose else "warning")
    return 0


def _add_terminal(args: argparse.Namespace) -> int:
    from kiosk.central import database, terminals
    from kiosk.central.settings import TerminalRegistration, utc_now
    from kiosk.domain.transactions import Mode

    engine = database.engine_for(_database_url(args))
    try:
        database.upgrade_schema(engine)
        token = terminals.new_token()
        registration = TerminalRegistration(args.terminal, args.site, Mode(args.mode), token)
        from sqlalchemy.orm import Session

        with Session(engine) as session, session.begin():
            try:
                terminals.register(session, registration, utc_now())
            except terminals.TerminalConflict as exc:
                raise ConfigError(str(exc)) from exc
    finally:
        engine.dispose()
    print(token)
    print(f"terminal {args.terminal} at {args.site} ({args.mode}): the token above is shown only this once",
          file=sys.stderr)
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from kiosk.central import database

    engine = database.engine_for(_database_url(args))
    try:
        database.upgrade_schema(engine)
    finally:
        engine.dispose()
    return 0


def openapi_document() -> str:
    """The OpenAPI document as committed in resources/openapi.json: sorted keys, stable across runs."""
    from kiosk.central.app import create_app
    from kiosk.central.settings import CentralSettings

    document = create_app(CentralSettings(database_url="sqlite:///unused.sqlite3")).openapi()
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _openapi(_args: argparse.Namespace) -> int:
    sys.stdout.write(openapi_document())
    return 0
