"""The ``kiosk`` command.

Each subcommand group lives in its own module with a ``register(subparsers)`` function that adds its
parser and sets ``handler`` (a function taking the parsed arguments and returning an exit code). Only the
group named on the command line is imported, so ``kiosk card status`` never pays for SQLAlchemy or Qt.
Handlers raise ``KioskError``; this module prints the translated message and maps it to an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from kiosk import __version__
from kiosk.cli.exitcodes import ExitCode, exit_code_for
from kiosk.errors import KioskError

# group name -> (module, one-line help). The help text is for technicians and stays English in --help.
GROUPS: dict[str, tuple[str, str]] = {
    "card": ("kiosk.cli.card", "inspect the card in the reader, watch readers, verify and change PINs"),
    "flow": ("kiosk.cli.flow", "run a resident or staff procedure: check, renew, PIN reset and change, "
                               "the paperless form"),
    "cardsim": ("kiosk.cli.cardsim", "run a virtual My Number Card on the vpcd virtual reader"),
    "db": ("kiosk.cli.db", "the local database: upgrade, status"),
    "outbox": ("kiosk.cli.outbox", "transactions waiting for the central service"),
    "audit": ("kiosk.cli.audit", "the append-only audit trail"),
    "central": ("kiosk.cli.central", "run the reference central service"),
    "reconcile": ("kiosk.cli.reconcile", "compare this terminal's daily counts with the central service"),
    "report": ("kiosk.cli.report", "the office's reports: counts of a period as CSV or PDF"),
    "pki": ("kiosk.cli.pki", "the training PKI shared by the virtual card and the central service"),
    "calendar": ("kiosk.cli.calendar", "a site's open hours and closed days"),
    "demo": ("kiosk.cli.demo", "run the terminal on its embedded defaults"),
    "app": ("kiosk.cli.app", "open the counter or kiosk window"),
    "staff": ("kiosk.cli.staff", "counter staff who may sign in at this terminal"),
    "provision": ("kiosk.cli.provision", "enrol this terminal, renew its certificate, test the reader"),
    "diagnose": ("kiosk.cli.diagnose", "check everything a terminal needs, one line each (--json)"),
}

Handler = Callable[[argparse.Namespace], int]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The e-certificate terminal.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subparsers = parser.add_subparsers(dest="group", metavar="COMMAND")
    for name, (module_name, help_text) in GROUPS.items():
        if only is not None and name != only:
            subparsers.add_parser(name, help=help_text)
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a group not built yet
        module.register(subparsers)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    group = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(group if group in GROUPS else None)
    args = parser.parse_args(args_list)
    _configure_logging(args.verbose)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return ExitCode.USAGE
    try:
        return int(handler(args))
    except KioskError as error:
        from kiosk.messages import message_for

        logging.getLogger("kiosk.cli").debug("command failed", exc_info=True)
        print(message_for(error), file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
