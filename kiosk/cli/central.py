"""``kiosk central``: run the reference central service and manage its terminals.

    kiosk central serve [--db URL] [--host 127.0.0.1] [--port 8765] [--demo] [--plain-http] [--pki-dir DIR]
                        [--tls-dir DIR] [--tls-name NAME ...]
    kiosk central enrol-code [--db URL] --site S --terminal T --mode counter|kiosk [--hours 24]
    kiosk central terminals list [--db URL] [--json] | revoke [--db URL] ID
    kiosk central add-terminal [--db URL] --site S --terminal T --mode counter|kiosk
    kiosk central upgrade [--db URL]
    kiosk central report [--db URL] --from YYYY-MM-DD --to YYYY-MM-DD [--site S] [--gaps N] [--json]
    kiosk central openapi

The service serves HTTPS with client certificates (mutual TLS) from its terminal CA; a terminal enrols
with a one-time code from ``enrol-code`` and pins the CA fingerprint that command prints. Plain HTTP
(``--plain-http``, implied by ``--demo``) is refused on anything but a loopback address.

``--demo`` registers the demo terminal of the embedded defaults (token ``demo-terminal-token``, terminal
``demo-01``, site ``demo-site``, counter mode). Its token is public: development and training only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
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
    serve.add_argument("--plain-http", action="store_true",
                       help="plain HTTP with bearer tokens (loopback only; development and training)")
    serve.add_argument("--tls-dir", type=Path, help="the terminal CA and TLS certificate (default: data directory)")
    serve.add_argument("--tls-name", action="append", default=[], metavar="NAME",
                       help="a host name or address terminals use to reach the service (repeatable)")
    serve.set_defaults(handler=needs_central(_explained(_serve)))

    code = commands.add_parser("enrol-code", help="a one-time enrolment code for a terminal, printed once")
    _database_option(code)
    code.add_argument("--site", required=True)
    code.add_argument("--terminal", required=True, help="the terminal ID")
    code.add_argument("--mode", required=True, choices=("counter", "kiosk"))
    code.add_argument("--hours", type=float, default=24.0, help="how long the code stays valid (default 24)")
    code.add_argument("--tls-dir", type=Path, help="the terminal CA directory (default: data directory)")
    code.set_defaults(handler=needs_central(_explained(_enrol_code)))

    terminals_parser = commands.add_parser("terminals", help="list or revoke terminals")
    terminal_commands = terminals_parser.add_subparsers(dest="terminals_command", metavar="COMMAND", required=True)
    listing = terminal_commands.add_parser("list", help="every terminal, its site, mode and credential")
    _database_option(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=needs_central(_explained(_list_terminals)))
    revoke = terminal_commands.add_parser("revoke", help="refuse every credential of a terminal from now on")
    _database_option(revoke)
    revoke.add_argument("terminal", help="the terminal ID")
    revoke.set_defaults(handler=needs_central(_explained(_revoke_terminal)))

    add = commands.add_parser("add-terminal", help="register a terminal and print its new token once")
    _database_option(add)
    add.add_argument("--site", required=True)
    add.add_argument("--terminal", required=True, help="the terminal ID")
    add.add_argument("--mode", required=True, choices=("counter", "kiosk"))
    add.set_defaults(handler=needs_central(_explained(_add_terminal)))

    upgrade = commands.add_parser("upgrade", help="bring the database schema up to date")
    _database_option(upgrade)
    upgrade.set_defaults(handler=needs_central(_explained(_upgrade)))

    report = commands.add_parser("report", help="counts per site, day, kind and outcome, and the oldest "
                                 "sequence gaps, read from the database (every site unless --site)")
    _database_option(report)
    report.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD", help="first Japan-time day")
    report.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD", help="last day, included")
    report.add_argument("--site", help="one site (default: every site)")
    report.add_argument("--gaps", type=int, default=20, metavar="N", help="gappy terminals listed (default 20)")
    report.add_argument("--json", action="store_true", help="the API's JSON (site null for every site)")
    report.set_defaults(handler=_report)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (resources/openapi.json)")
    openapi.set_defaults(handler=needs_central(_explained(_openapi)))


def _explained(handler: Any) -> Any:
    """The central service's commands are for its operator: a refused setting is printed as it is (English,
    with what to change), not as the terminal's calm message for staff."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except ConfigError as exc:
            print(f"kiosk central: {exc}", file=sys.stderr)
            return 2

    return run


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="SQLAlchemy URL (default: central.sqlite3 in the data directory; "
                             "postgresql+psycopg://user:password@host/db for PostgreSQL)")


def _database_url(args: argparse.Namespace) -> str:
    from kiosk.central.settings import default_database_url

    return str(args.db) if args.db else default_database_url()


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> int:
    from kiosk.central.server import serve
    from kiosk.central.settings import CentralSettings, demo_terminal

    plain = args.plain_http or args.demo
    if plain and not _is_loopback(args.host):
        raise ConfigError(f"plain HTTP only on a loopback address, not {args.host}: leave out --plain-http/--demo "
                          "to serve HTTPS with client certificates")
    if not plain and not args.tls_name and not _is_loopback(args.host):
        raise ConfigError(f"serving HTTPS on {args.host}: name the host or address terminals use to reach it "
                          "with --tls-name (its TLS certificate is made for those names)")
    terminals = (demo_terminal(),) if args.demo else ()
    names = tuple(args.tls_name) or (args.host,)
    names = names + tuple(n for n in ("127.0.0.1", "localhost") if n not in names)
    settings = CentralSettings(database_url=_database_url(args), terminals=terminals, pki_dir=args.pki_dir,
                               upgrade_schema=not args.no_upgrade, tls=not plain, tls_dir=args.tls_dir,
                               tls_names=names)
    serve(settings, args.host, args.port, log_level="info" if args.verbose else "warning")
    return 0


def _open_database(args: argparse.Namespace) -> Any:
    from kiosk.central import database

    engine = database.engine_for(_database_url(args))
    database.upgrade_schema(engine)
    return engine


def _enrol_code(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from sqlalchemy.orm import Session

    from kiosk.central import enrolment, terminal_ca, terminals
    from kiosk.central.settings import default_tls_dir, utc_now
    from kiosk.domain.transactions import Mode

    if not 0 < args.hours <= 24 * 7:
        raise ConfigError("--hours must be more than 0 and at most a week")
    ca = terminal_ca.load_or_create(args.tls_dir or default_tls_dir(), utc_now())
    engine = _open_database(args)
    try:
        with Session(engine) as session, session.begin():
            try:
                code = enrolment.new_code(session, args.terminal, args.site, Mode(args.mode), utc_now(),
                                          timedelta(hours=args.hours))
            except terminals.TerminalConflict as exc:
                raise ConfigError(str(exc)) from exc
    finally:
        engine.dispose()
    print(code)
    print(f"terminal {args.terminal} at {args.site} ({args.mode}): the code above works once, for {args.hours:g} h; "
          f"on the terminal run\n  kiosk provision enrol --url https://HOST:PORT --code {code} "
          f"--ca-fingerprint {ca.fingerprint}", file=sys.stderr)
    return 0


def _list_terminals(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from kiosk.central import enrolment
    from kiosk.central.settings import utc_now

    engine = _open_database(args)
    try:
        with Session(engine) as session:
            summaries = enrolment.list_terminals(session, utc_now())
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps([{"terminal_id": t.terminal_id, "site": t.site, "mode": t.mode,
                           "registered_at": t.registered_at.isoformat(),
                           "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
                           "credential": t.credential,
                           "certificate_not_after": t.certificate_not_after.isoformat()
                           if t.certificate_not_after else None} for t in summaries], indent=2))
        return 0
    for t in summaries:
        state = "revoked" if t.revoked_at else t.credential
        until = f" until {t.certificate_not_after:%Y-%m-%d}" if t.certificate_not_after else ""
        print(f"{t.terminal_id}\t{t.site}\t{t.mode}\t{state}{until}")
    return 0


def _revoke_terminal(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from kiosk.central import enrolment
    from kiosk.central.settings import utc_now

    engine = _open_database(args)
    try:
        with Session(engine) as session, session.begin():
            found = enrolment.revoke_terminal(session, args.terminal, utc_now())
    finally:
        engine.dispose()
    if not found:
        raise ConfigError(f"no terminal {args.terminal}")
    print(f"terminal {args.terminal}: every credential revoked", file=sys.stderr)
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


def _report(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from kiosk.central import database, reports
    from kiosk.cli.exitcodes import ExitCode

    try:
        wanted = reports.report_range(args.first, args.last, args.site)
        if not 0 <= args.gaps <= reports.MAX_GAPS:
            raise reports.InvalidReportRange(f"--gaps: 0 to {reports.MAX_GAPS}")
    except reports.InvalidReportRange as exc:
        print(f"kiosk central report: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    engine = database.engine_for(_database_url(args))
    try:
        try:
            database.check_schema(engine)  # a report never changes the database, not even its schema
        except database.SchemaOutOfDate as exc:
            raise ConfigError(str(exc)) from exc
        with Session(engine) as session:
            report = reports.build_report(session, wanted, args.gaps)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(report.to_wire(), indent=2, ensure_ascii=False))
    else:
        print(_report_text(report))
    return 0


def _report_text(report: Any) -> str:
    scope = report.range.site or "every site"
    lines = [f"{scope}, {report.range.first} to {report.range.last}: {report.total} records"]
    rows = [(c.site, c.day.isoformat(), c.kind, c.outcome, str(c.count)) for c in report.counts]
    lines += _columns(("site", "date", "kind", "outcome", "count"), rows)
    gaps = [(g.site, g.terminal_id, str(g.first_missing), str(g.missing_count), g.next_received_at.isoformat())
            for g in report.oldest_gaps]
    lines.append("")
    lines.append("sequence gaps, the longest open first:" if gaps else "no sequence gaps")
    if gaps:
        lines += _columns(("site", "terminal", "first missing", "missing", "open since"), gaps)
    return "\n".join(lines)


def _columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=False)]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in (header, *rows)]


def openapi_document() -> str:
    """The OpenAPI document as committed in resources/openapi.json: sorted keys, stable across runs."""
    from kiosk.central.app import create_app
    from kiosk.central.settings import CentralSettings

    document = create_app(CentralSettings(database_url="sqlite:///unused.sqlite3")).openapi()
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _openapi(_args: argparse.Namespace) -> int:
    sys.stdout.write(openapi_document())
    return 0
