"""``kiosk cardsim``: a virtual My Number Card in pcscd's vpcd virtual reader.

    kiosk cardsim --profile renewable            # inserted until Ctrl+C; back after a pcscd restart
    kiosk cardsim --profile-file my-card.toml --port 35964
    kiosk cardsim --cycles 100 --dwell 0.2       # insert and remove it 100 times
    kiosk cardsim --list                         # the named profiles and their training PINs

Imports stay light until the handler runs: the dispatcher imports this module for every ``kiosk cardsim``.
"""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import date
from pathlib import Path
from types import FrameType

from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr

DEFAULT_PROFILE = "valid"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("cardsim", help="run a virtual My Number Card on the vpcd virtual reader",
                                   description="Run a virtual My Number Card on the vpcd virtual reader.")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--profile", metavar="NAME", help=f"a named profile (default: {DEFAULT_PROFILE}; see --list)")
    which.add_argument("--profile-file", metavar="FILE", type=Path, help="a profile file (.toml or .json)")
    parser.add_argument("--list", action="store_true", help="list the named profiles and their training PINs")
    parser.add_argument("--port", type=int, default=None, help="the vpcd port (default: 35963)")
    parser.add_argument("--host", default="127.0.0.1", help="the host pcscd runs on (default: 127.0.0.1)")
    parser.add_argument("--cycles", type=int, metavar="N", help="insert and remove the card N times, then exit")
    parser.add_argument("--dwell", type=float, default=0.5, metavar="S",
                        help="with --cycles: seconds the card stays in the reader (default: 0.5)")
    parser.add_argument("--gap", type=float, default=1.0, metavar="S",
                        help="with --cycles: seconds between removal and the next insertion; below pcscd's "
                             "polling interval (0.4 s) pcscd may miss the removal (default: 1.0)")
    parser.add_argument("--no-reconnect", action="store_true",
                        help="exit when vpcd closes the connection instead of waiting for pcscd to return")
    parser.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="resolve the profile's relative dates against this day (default: today in Japan)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.cardsim.profiles import ProfileError

    try:
        if args.list:
            return _list_profiles(args.today)
        return _run(args)
    except ProfileError as exc:
        print(tr("cardsim", "The card profile cannot be used: {reason}", reason=str(exc)), file=sys.stderr)
        return ExitCode.USAGE


def _list_profiles(today: date | None) -> int:
    from kiosk.cardsim.pins import PIN_RULES
    from kiosk.cardsim.profiles import PROFILE_NAMES, named_profile
    from kiosk.messages import pin_name

    for name in PROFILE_NAMES:
        profile = named_profile(name, today=today)
        print(tr("cardsim", "{name}: {description}", name=name, description=profile.description))
        expiry = profile.auth_certificate.expires_on.isoformat() if profile.auth_certificate else "-"
        print("  " + tr("cardsim", "born {birth}, card expires {card}, certificates expire {certificate}",
                        birth=profile.holder.birth_date.isoformat(), card=profile.card_expires_on.isoformat(),
                        certificate=expiry))
        # The virtual card's own training PINs, printed on purpose (issue 2: document each profile's PINs
        # for training). No resident's PIN ever passes through here.
        for kind, setting in profile.pins:
            print("  " + tr("cardsim", "{pin}: {value} ({tries} of {maximum} tries left)", pin=pin_name(kind),
                            value=setting.value, tries=setting.tries_left, maximum=PIN_RULES[kind].max_tries))
    return ExitCode.OK


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace) -> int:
    from kiosk.cardsim.card import VirtualCard
    from kiosk.cardsim.pcscd import DEFAULT_VPCD_PORT
    from kiosk.cardsim.profiles import load_profile
    from kiosk.cardsim.vpcd import VpcdLink, VpcdUnavailable

    source: str | Path = args.profile_file if args.profile_file else (args.profile or DEFAULT_PROFILE)
    profile = load_profile(source, today=args.today)
    card = VirtualCard.from_profile(profile)
    port = args.port or DEFAULT_VPCD_PORT
    link = VpcdLink(card, port, args.host)
    signal.signal(signal.SIGTERM, _raise_interrupt)  # a terminated simulator removes its card cleanly
    try:
        if args.cycles is not None:
            noticed = link.run_cycles(args.cycles, dwell=args.dwell, gap=args.gap)
            print(tr("cardsim", "The card was inserted and removed {count} times; the reader noticed it {noticed} "
                     "times.", count=args.cycles, noticed=noticed))
            return ExitCode.OK
        print(tr("cardsim", "Virtual card \"{profile}\" is in the virtual reader on port {port}. "
                 "Press Ctrl+C to remove it.", profile=profile.name, port=port), flush=True)
        link.run(reconnect=not args.no_reconnect)
    except VpcdUnavailable:
        print(tr("cardsim", "No virtual reader answers on port {port}. Is pcscd running with the vpcd driver?",
                 port=port), file=sys.stderr)
        return ExitCode.PCSC_UNAVAILABLE
    except KeyboardInterrupt:
        link.remove()
        print(tr("cardsim", "The virtual card was removed."))
    return ExitCode.OK
