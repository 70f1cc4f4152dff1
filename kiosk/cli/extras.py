"""Optional parts of the installation: a terminal installs only what it runs.

The reference central service (FastAPI, uvicorn, psycopg) is the ``central`` extra. A command that needs a
part that is not installed says in one line what to install, instead of a traceback about a module.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable

from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr

CENTRAL_MODULES = ("fastapi", "uvicorn", "psycopg")
CENTRAL_INSTALL = "pip install 'kiosk[central]'"

Handler = Callable[[argparse.Namespace], int]


def missing(modules: tuple[str, ...]) -> list[str]:
    return [name for name in modules if importlib.util.find_spec(name) is None]


def central_missing_line() -> str | None:
    """The one line to print when the central extra is absent; None when it is installed."""
    absent = missing(CENTRAL_MODULES)
    if not absent:
        return None
    return tr("cli", "The reference central service is not installed here ({modules} missing). "
              "Install it with: {command}", modules=", ".join(absent), command=CENTRAL_INSTALL)


def needs_central(handler: Handler) -> Handler:
    """``handler``, refused with one line when the central extra is not installed."""

    def guarded(args: argparse.Namespace) -> int:
        line = central_missing_line()
        if line is not None:
            print(line, file=sys.stderr)
            return ExitCode.USAGE
        return handler(args)

    return guarded
