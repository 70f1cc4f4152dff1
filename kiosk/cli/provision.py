"""``kiosk provision``: enrol this terminal with the central service, renew its certificate, test the reader.

    kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256
    kiosk provision renew [--force]        (due at two thirds of the certificate's lifetime; a timer runs it)
    kiosk provision self-test [--reader R]

Enrolment writes the terminal's key (0600), certificate and pinned CA into ``tls/`` of the configuration
directory and its settings into ``kiosk.toml`` (other settings there are kept), then runs the self-test.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from typing import Any

from kiosk.cli.exitcodes import ExitCode
from kiosk.errors import AuthenticationFailed, RequestRejected
from kiosk.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("provision", help="enrol this terminal, renew its certificate, test the reader")
    commands = parser.add_subparsers(dest="provision_command", metavar="COMMAND", required=True)
    enrol = commands.add_parser("enrol", help="enrol this terminal with a one-time code")
    enrol.add_argument("--url", required=True, help="the central service, https://HOST:PORT")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--ca-fingerprint", required=True, metavar="SHA256",
                       help="the SHA-256 fingerprint of the service's terminal CA (from kiosk central enrol-code)")
    enrol.set_defaults(handler=_enrol)
    renew = commands.add_parser("renew", help="renew the client certificate when two thirds of it are used")
    renew.add_argument("--force", action="store_true", help="renew now, whatever its age")
    renew.set_defaults(handler=_renew)
    selftest = commands.add_parser("self-test", help="the PC/SC service, the readers and the card in a reader")
    selftest.add_argument("--reader", help="the reader to test (default: the configured one, else the first)")
    selftest.set_defaults(handler=_self_test)


def _refusal_line(error: RequestRejected) -> str:
    if error.reason == "enrolment_code_unknown":
        return tr("provision", "This enrolment code is not known to the central service. Check it, or ask for "
                  "a new one.")
    if error.reason == "enrolment_code_used":
        return tr("provision", "This enrolment code was already used. Ask for a new one (kiosk central "
                  "enrol-code).")
    if error.reason == "enrolment_code_expired":
        return tr("provision", "This enrolment code has expired. Ask for a new one (kiosk central enrol-code).")
    return tr("provision", "The central service refused the enrolment ({reason}).", reason=error.reason)


def _enrol(args: argparse.Namespace) -> int:
    from kiosk import config, paths
    from kiosk.provision import settings_file
    from kiosk.provision.enrolment import enrol
    from kiosk.provision.identity import IdentityFiles

    files = IdentityFiles(paths.config_dir() / "tls")
    try:
        enrolled = asyncio.run(enrol(args.url, args.code, args.ca_fingerprint, files))
    except RequestRejected as error:
        print(_refusal_line(error), file=sys.stderr)
        return ExitCode.CENTRAL_UNAVAILABLE
    except AuthenticationFailed as error:
        if "fingerprint" in str(error):
            print(tr("provision", "The central service's CA does not have the fingerprint you gave. Nothing was "
                     "changed: check the fingerprint and the URL."), file=sys.stderr)
            return ExitCode.CENTRAL_UNAVAILABLE
        raise
    values: dict[str, str | int | float] = {
        "central_url": enrolled.central_url, "site": enrolled.site, "terminal_id": enrolled.terminal_id,
        "mode": enrolled.mode, "api_token": "", "ca_bundle": str(files.ca), "client_cert": str(files.certificate),
        "client_key": str(files.key), "environment": enrolled.environment}
    if enrolled.identifier_key:
        values["identifier_key"] = enrolled.identifier_key
    settings_file.update(config.config_file(), values)
    print(tr("provision", "Enrolled: terminal {terminal} at {site} ({mode}); certificate valid until {until}.",
             terminal=enrolled.terminal_id, site=enrolled.site, mode=enrolled.mode,
             until=f"{enrolled.not_after:%Y-%m-%d}"))
    print(tr("provision", "Settings written to {path}.", path=config.config_file()))
    return _print_checks(config.load_settings(check_enrolled=False).reader)


def _renew(args: argparse.Namespace) -> int:
    from kiosk import config
    from kiosk.provision.renewal import renew

    settings = config.load_settings()
    result = asyncio.run(renew(settings, datetime.now(UTC), config.config_file(), force=args.force))
    if result.renewed:
        print(tr("provision", "The terminal certificate was renewed; valid until {until}.",
                 until=f"{result.not_after:%Y-%m-%d}"))
    else:
        print(tr("provision", "The terminal certificate is not due for renewal (valid until {until}).",
                 until=f"{result.not_after:%Y-%m-%d}"))
    return ExitCode.OK


def _print_checks(reader: str | None) -> int:
    from kiosk.provision.checks import State
    from kiosk.provision.selftest import reader_checks

    checks = reader_checks(reader)
    from kiosk.cli.diagnose_output import print_checks

    print_checks(checks)
    # No card on the reader is a warning: the technician may test one later.
    return ExitCode.ERROR if any(c.state is State.FAULT for c in checks) else ExitCode.OK


def _self_test(args: argparse.Namespace) -> int:
    from kiosk import config

    reader = args.reader or config.load_settings(check_enrolled=False).reader
    return _print_checks(reader)
