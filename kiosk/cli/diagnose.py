"""``kiosk diagnose [--json]``: one line per check (ok, warning, fault) with the fix for each problem.

Exit code 0 only when every check is ok, 1 otherwise. ``--json`` is for remote support: the same checks,
with stable names, states and the fix text in the chosen language.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.exitcodes import ExitCode


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("diagnose", help="check everything a terminal needs, one line each")
    parser.add_argument("--json", action="store_true", help="machine-readable output for remote support")
    parser.set_defaults(handler=_diagnose)


def _diagnose(args: argparse.Namespace) -> int:
    from kiosk.cli.diagnose_output import print_checks, print_json
    from kiosk.config import load_settings
    from kiosk.provision.checks import State
    from kiosk.provision.diagnose import run_all

    checks = run_all(load_settings(check_enrolled=False))
    if args.json:
        print_json(checks)
    else:
        print_checks(checks)
    return ExitCode.OK if all(c.state is State.OK for c in checks) else ExitCode.ERROR
