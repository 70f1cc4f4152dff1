"""``kiosk staff``: the counter staff who may sign in at this terminal (kiosk/staff.py).

    kiosk staff add ID [--passphrase-fd N]
    kiosk staff list
    kiosk staff remove ID

The passphrase is typed twice without echo (or read from ``--passphrase-fd``), never on the command line;
only its scrypt hash reaches ``staff.toml``.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("staff", help="counter staff who may sign in at this terminal")
    commands = parser.add_subparsers(dest="staff_command", metavar="SUBCOMMAND")
    add = commands.add_parser("add", help="add a staff member, or set a new passphrase")
    add.add_argument("staff_id")
    add.add_argument("--passphrase-fd", type=int, metavar="N", help="read the passphrase from this file descriptor")
    add.set_defaults(handler=_add)
    listing = commands.add_parser("list", help="the staff IDs that may sign in")
    listing.set_defaults(handler=_list)
    remove = commands.add_parser("remove", help="no longer let a staff member sign in")
    remove.add_argument("staff_id")
    remove.set_defaults(handler=_remove)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return ExitCode.USAGE

    parser.set_defaults(handler=usage)


def _add(args: argparse.Namespace) -> int:
    from kiosk import staff
    from kiosk.cli.pin_entry import PinSource
    from kiosk.domain.pins import wipe

    source = PinSource(args.passphrase_fd)
    first = source.read(tr("cli", "Passphrase for {staff}: ", staff=args.staff_id)) or bytearray()
    try:
        if args.passphrase_fd is None:
            again = source.read(tr("cli", "The same passphrase again: ")) or bytearray()
            try:
                if again != first:
                    print(tr("cli", "The two entries differ; nothing was changed."))
                    return ExitCode.USAGE
            finally:
                wipe(again)
        staff.add(args.staff_id, first)
    finally:
        wipe(first)
    print(tr("cli", "{staff} can sign in at this terminal.", staff=args.staff_id))
    return ExitCode.OK


def _list(_args: argparse.Namespace) -> int:
    from kiosk import staff

    for staff_id in sorted(staff.load()):
        print(staff_id)
    return ExitCode.OK


def _remove(args: argparse.Namespace) -> int:
    from kiosk import staff

    if not staff.remove(args.staff_id):
        print(tr("cli", "No staff member {staff} here.", staff=args.staff_id))
        return ExitCode.USAGE
    print(tr("cli", "{staff} can no longer sign in at this terminal.", staff=args.staff_id))
    return ExitCode.OK
