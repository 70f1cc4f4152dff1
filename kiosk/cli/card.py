"""``kiosk card``: the card in the reader, reader events, PIN checks and changes, the card-info attributes.

    kiosk card status [--reader NAME] [--on DATE] [--json]
    kiosk card watch [--json]
    kiosk card verify-pin --kind auth|sign|card-info [--reader NAME] [--pin-fd N [--confirm-last-try]]
    kiosk card change-pin --kind auth|sign|card-info [--reader NAME] [--pin-fd N [--confirm-last-try]]
    kiosk card info [--reader NAME]

``status --json`` is a contract for technicians' scripts: docs/cli-card-status.md. PINs are read from
standard input without echo (``kiosk.cli.pin_entry``) or, for scripts, one per line from the file descriptor
``--pin-fd`` names; never from the command line. Before a PIN's last try is spent, the command warns and asks
for a typed confirmation (with ``--pin-fd``: only ``--confirm-last-try`` allows it).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from types import FrameType
from typing import Any

from kiosk.card.cardinfo import CardInfoAttributes, CardInfoSession, Sex
from kiosk.card.check import CardStatus, read_card_status
from kiosk.card.connection import Connection
from kiosk.card.jpki import JpkiSession
from kiosk.card.pins import PinStatus
from kiosk.card.transport import CardTransport
from kiosk.cli.exitcodes import ExitCode, exit_code_for
from kiosk.cli.pin_entry import PinSource, read_answer
from kiosk.domain.certificates import CertificateState, CertificateStatus, RenewalState
from kiosk.domain.generation import Applet, CardGeneration, GenerationProfile, PinLocation, PinUse
from kiosk.domain.pins import PinKind, normalise, prepare, require_match, wipe
from kiosk.domain.validity import JST
from kiosk.errors import KioskError, OperationCancelled, PinBlocked
from kiosk.i18n import tr
from kiosk.messages import message_for, pin_name

JSON_SCHEMA_VERSION = 1
_CONFIRMATION_WORDS = ("yes", "y", "はい")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("card", help="inspect the card in the reader, watch readers, verify and change PINs")
    commands = parser.add_subparsers(dest="card_command", metavar="SUBCOMMAND")

    def with_reader(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--reader", metavar="NAME",
                         help="the reader to use (default: KIOSK_READER, else the first reader holding a card)")
        return sub

    status = with_reader(commands.add_parser("status", help="generation, certificate, renewal state, PIN tries"))
    status.add_argument("--on", type=_japan_date, metavar="YYYY-MM-DD",
                        help="judge the renewal state on this Japan-time date instead of today")
    status.add_argument("--json", action="store_true", help="machine-readable output (docs/cli-card-status.md)")
    status.set_defaults(handler=status_command)

    watch = commands.add_parser("watch", help="print reader and card events until interrupted")
    watch.add_argument("--json", action="store_true", help="one JSON object per line")
    watch.set_defaults(handler=watch_command)

    for name, handler, help_text in (("verify-pin", verify_pin_command, "check a PIN (spends a try if wrong)"),
                                     ("change-pin", change_pin_command, "change a PIN, knowing the current one")):
        sub = with_reader(commands.add_parser(name, help=help_text))
        sub.add_argument("--kind", required=True, choices=[use.replace("_", "-") for use in PinUse],
                         help="which PIN: auth (4 digits), sign (signing password), card-info (4 digits)")
        sub.add_argument("--pin-fd", type=pin_fd, metavar="N",
                         help="read the PINs from file descriptor N, one per line (change-pin: current, new, "
                              "new again) instead of the terminal")
        sub.add_argument("--confirm-last-try", action="store_true",
                         help="with --pin-fd: the PIN's last try may be used")
        sub.set_defaults(handler=handler)

    info = with_reader(commands.add_parser("info", help="name, address, birth date and sex (needs the card-info PIN)"))
    info.set_defaults(handler=info_command)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return ExitCode.USAGE

    parser.set_defaults(handler=usage)


def pin_fd(text: str) -> int:
    """``--pin-fd``: an open file descriptor other than standard output and error."""
    import os

    try:
        fd = int(text)
        os.fstat(fd)
    except (ValueError, OSError):
        raise argparse.ArgumentTypeError(f"not an open file descriptor: {text!r}") from None
    if fd in (1, 2):
        raise argparse.ArgumentTypeError("--pin-fd cannot be standard output or standard error")
    return fd


def _japan_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def _japan_today() -> date:
    return datetime.now(JST).date()


# --- connecting ----------------------------------------------------------------------------------------------


def _reader_setting(args: argparse.Namespace) -> str | None:
    if args.reader:
        return str(args.reader)
    from kiosk.config import load_settings

    return load_settings().reader


@contextmanager
def _card(args: argparse.Namespace) -> Iterator[CardTransport]:
    from kiosk.card.pcsc import open_connection

    connection: Connection = open_connection(_reader_setting(args))
    try:
        yield CardTransport(connection)
    finally:
        connection.close()


# --- text layout ---------------------------------------------------------------------------------------------


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: Japanese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _rows(rows: list[tuple[str, str]], indent: int = 0) -> list[str]:
    width = max((_width(label) for label, _ in rows), default=0)
    return [" " * indent + label + " " * (width - _width(label) + 2) + value for label, value in rows]


def _out(lines: list[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


# --- status ---------------------------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(JST).isoformat()


def _unlocks(profile: GenerationProfile, pin: PinStatus) -> list[str]:
    return [str(use) for use in profile.uses_of(pin.kind)]


def status_document(status: CardStatus, day: date, atr: bytes) -> dict[str, Any]:
    """The ``kiosk card status --json`` document (docs/cli-card-status.md)."""
    certificate = status.auth_certificate
    standing = status.certificate_status_on(day)
    return {
        "schema": JSON_SCHEMA_VERSION,
        "reader": status.reader,
        "on": day.isoformat(),
        "card": {"generation": str(status.profile.generation), "token": status.token, "atr": atr.hex().upper()},
        "auth_certificate": {
            "serial": certificate.serial_hex,
            "issuer": certificate.issuer,
            "subject": certificate.subject,
            "not_before": _iso(certificate.not_before),
            "not_after": _iso(certificate.not_after),
            "sha256": certificate.sha256,
            "state": str(standing.state),
        },
        "renewal": {
            "state": str(standing.renewal),
            "opens_on": standing.renewal_opens_on.isoformat(),
            "expires_on": standing.expires_on.isoformat(),
            "days_left": standing.days_left,
        },
        "pins": {
            str(pin.kind): {"tries_left": pin.tries_left, "max_tries": pin.max_tries, "blocked": pin.blocked,
                            "unlocks": _unlocks(status.profile, pin)}
            for pin in status.pins
        },
        "diagnostics": {
            "apdus": status.io.apdus,
            "card_io_ms": round(status.io.milliseconds, 3),
            "extended_length": status.extended_length,
        },
    }


def _generation_text(generation: CardGeneration) -> str:
    if generation is CardGeneration.NEXT:
        return tr("cli", "My Number Card (next generation)")
    return tr("cli", "My Number Card (current generation)")


def _renewal_text(standing: CertificateStatus) -> str:
    if standing.renewal is RenewalState.EXPIRED:
        return tr("cli", "Expired on {date}: a new certificate is issued at the counter.",
                  date=standing.expires_on.isoformat())
    if standing.renewal is RenewalState.OPEN:
        return tr("cli", "Renewal is possible now (since {date}).", date=standing.renewal_opens_on.isoformat())
    if standing.state is CertificateState.NOT_YET_VALID:
        return tr("cli", "Not valid yet: valid from {date}.", date=standing.valid_from.isoformat())
    return tr("cli", "Not due yet: renewal opens on {date}.", date=standing.renewal_opens_on.isoformat())


def _days_text(standing: CertificateStatus) -> str:
    if standing.days_left < 0:
        return tr("cli", "{date} (expired {days} days ago)", date=standing.expires_on.isoformat(),
                  days=-standing.days_left)
    return tr("cli", "{date} ({days} days left)", date=standing.expires_on.isoformat(), days=standing.days_left)


def _pin_text(pin: PinStatus) -> str:
    if pin.blocked:
        return tr("cli", "LOCKED: it can be reset at the counter.")
    return tr("cli", "{left} of {max} tries left", left=pin.tries_left, max=pin.max_tries)


def status_lines(status: CardStatus, day: date) -> list[str]:
    certificate = status.auth_certificate
    standing = status.certificate_status_on(day)
    rows: list[tuple[int, str, str | None]] = [  # (indent, label, value); no value: a heading
        (0, tr("cli", "Reader"), status.reader),
        (0, tr("cli", "Card"), _generation_text(status.profile.generation)),
        (0, tr("cli", "Checked for"), day.isoformat()),
        (0, tr("cli", "User-authentication certificate"), None),
        (2, tr("cli", "Serial number"), certificate.serial_hex),
        (2, tr("cli", "Valid from"), standing.valid_from.isoformat()),
        (2, tr("cli", "Expires on"), _days_text(standing)),
        (2, tr("cli", "Renewal"), _renewal_text(standing)),
        (0, tr("cli", "PINs"), None),
        *[(2, pin_name(str(pin.kind)), _pin_text(pin)) for pin in status.pins],
        (0, tr("cli", "Diagnostics"), tr("cli", "{apdus} APDUs, {ms} ms card I/O", apdus=status.io.apdus,
                                         ms=f"{status.io.milliseconds:.1f}")),
    ]
    width = max(indent + _width(label) for indent, label, value in rows if value is not None)
    return [" " * indent + label if value is None
            else " " * indent + label + " " * (width - indent - _width(label) + 2) + value
            for indent, label, value in rows]


def status_command(args: argparse.Namespace) -> int:
    day = args.on or _japan_today()
    try:
        with _card(args) as transport:
            status = read_card_status(transport)
            atr = transport.connection.atr
    except KioskError as error:
        if not args.json:
            raise
        _out([json.dumps({"schema": JSON_SCHEMA_VERSION, "error": {"code": error.code,
                                                                    "message": message_for(error)}},
                         ensure_ascii=False)])
        return exit_code_for(error)
    if args.json:
        _out([json.dumps(status_document(status, day, atr), ensure_ascii=False, indent=2)])
    else:
        _out(status_lines(status, day))
    return ExitCode.OK


# --- watch ----------------------------------------------------------------------------------------------------


def _event_text(kind: str) -> str:
    texts: dict[str, Callable[[], str]] = {
        "reader-added": lambda: tr("cli", "reader connected"),
        "reader-removed": lambda: tr("cli", "reader disconnected"),
        "card-inserted": lambda: tr("cli", "card placed on the reader"),
        "card-removed": lambda: tr("cli", "card taken off the reader"),
        "pcsc-unavailable": lambda: tr("cli", "card reader service stopped"),
        "pcsc-available": lambda: tr("cli", "card reader service running"),
    }
    return texts[kind]()


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def watch_command(args: argparse.Namespace) -> int:
    from kiosk.card.watch import ReaderWatcher

    signal.signal(signal.SIGTERM, _raise_interrupt)
    watcher = ReaderWatcher()
    try:
        for event in watcher.events():
            moment = datetime.now(JST).isoformat(timespec="milliseconds")
            if args.json:
                line = json.dumps({"time": moment, "event": str(event.kind), "reader": event.reader,
                                   "atr": event.atr.hex().upper() if event.atr else None}, ensure_ascii=False)
            else:
                where = f"  {event.reader}" if event.reader else ""
                line = f"{moment}  {event.kind:<16}{where}  ({_event_text(event.kind)})"
            _out([line])
    except KeyboardInterrupt:
        watcher.stop()
    return ExitCode.OK


# --- PINs -----------------------------------------------------------------------------------------------------


def _use(args: argparse.Namespace) -> PinUse:
    return PinUse(args.kind.replace("-", "_"))


class _Applet:
    """The session of the applet where a PIN lives, opened after identifying the card."""

    def __init__(self, transport: CardTransport, use: PinUse) -> None:
        jpki = JpkiSession(transport)
        _token, profile = jpki.identify()
        self.location: PinLocation = profile.pin_for(use)
        self.jpki = jpki
        self.card_info = CardInfoSession(transport) if self.location.applet is Applet.CARD_INFO else None

    def status(self) -> PinStatus:
        if self.card_info is not None:
            return self.card_info.pin_status(self.location)
        return self.jpki.pin_status(self.location)

    def verify(self, pin: bytearray) -> None:
        if self.card_info is not None:
            self.card_info.verify_pin(self.location, pin)
        else:
            self.jpki.verify_pin(self.location, pin)

    def change(self, old: bytearray, new: bytearray) -> None:
        if self.card_info is not None:
            self.card_info.change_pin(self.location, old, new)
        else:
            self.jpki.change_pin(self.location, old, new)


def _source(args: argparse.Namespace) -> PinSource:
    return PinSource(getattr(args, "pin_fd", None))


def _check_tries(transport: CardTransport, use: PinUse, args: argparse.Namespace) -> PinLocation:
    """Refuse a blocked PIN; before its last try, warn and ask for a typed confirmation (``--confirm-last-try``
    with ``--pin-fd``)."""
    with transport.transaction():
        applet = _Applet(transport, use)
        status = applet.status()
    kind = applet.location.kind
    if status.blocked:
        raise PinBlocked(str(kind))
    if status.last_try:
        sys.stderr.write(tr("cli", "Warning: the {pin} has only one try left. If this try is wrong, the PIN is "
                                   "locked and can only be reset at the counter.", pin=pin_name(str(kind))) + "\n")
        if _source(args).scripted:
            confirmed = bool(getattr(args, "confirm_last_try", False))
        else:
            confirmed = read_answer(tr("cli", "Type yes to use the last try: ")).lower() in _CONFIRMATION_WORDS
        if not confirmed:
            raise OperationCancelled("last try not confirmed")
    return applet.location


def _ask_pin(source: PinSource, kind: PinKind, prompt: str) -> bytearray:
    pin = source.read_or_empty(prompt)
    try:
        prepare(kind, pin)
    except BaseException:
        wipe(pin)
        raise
    return pin


def verify_pin_command(args: argparse.Namespace) -> int:
    use = _use(args)
    with _card(args) as transport:
        location = _check_tries(transport, use, args)
        pin = _ask_pin(_source(args), location.kind, tr("cli", "Enter the {pin}: ", pin=pin_name(str(location.kind))))
        try:
            with transport.transaction():
                _Applet(transport, use).verify(pin)
        finally:
            wipe(pin)
    _out([tr("cli", "The {pin} is correct.", pin=pin_name(str(location.kind)))])
    return ExitCode.OK


def change_pin_command(args: argparse.Namespace) -> int:
    use = _use(args)
    with _card(args) as transport:
        location = _check_tries(transport, use, args)
        name = pin_name(str(location.kind))
        source = _source(args)
        secrets: list[bytearray] = []
        try:
            secrets.append(_ask_pin(source, location.kind, tr("cli", "Enter the current {pin}: ", pin=name)))
            secrets.append(_ask_pin(source, location.kind, tr("cli", "Enter the new {pin}: ", pin=name)))
            secrets.append(source.read_or_empty(tr("cli", "Enter the new {pin} again: ", pin=name)))
            normalise(location.kind, secrets[2])
            require_match(location.kind, secrets[1], secrets[2])
            with transport.transaction():
                _Applet(transport, use).change(secrets[0], secrets[1])
        finally:
            for secret in secrets:
                wipe(secret)
    _out([tr("cli", "The {pin} was changed.", pin=name)])
    return ExitCode.OK


def _sex_text(sex: Sex) -> str:
    if sex is Sex.MALE:
        return tr("cli", "male")
    if sex is Sex.FEMALE:
        return tr("cli", "female")
    return tr("cli", "not applicable")


def info_command(args: argparse.Namespace) -> int:
    with _card(args) as transport:
        location = _check_tries(transport, PinUse.CARD_INFO, args)
        pin = _ask_pin(_source(args), location.kind, tr("cli", "Enter the {pin}: ", pin=pin_name(str(location.kind))))
        try:
            with transport.transaction():
                applet = _Applet(transport, PinUse.CARD_INFO)
                applet.verify(pin)
                assert applet.card_info is not None
                attributes = applet.card_info.read_attributes()
        finally:
            wipe(pin)
    _out(card_info_rows(attributes))
    return ExitCode.OK


def card_info_rows(attributes: CardInfoAttributes) -> list[str]:
    """The holder's attributes as ``kiosk card info`` and ``kiosk flow card-info`` print them."""
    return _rows([
        (tr("cli", "Name"), attributes.name),
        (tr("cli", "Address"), attributes.address),
        (tr("cli", "Date of birth"), attributes.birth_date.isoformat()),
        (tr("cli", "Sex"), _sex_text(attributes.sex)),
    ])
