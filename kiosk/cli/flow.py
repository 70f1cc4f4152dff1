"""``kiosk flow``: the resident and staff procedures of kiosk/flows, run from a terminal or a script.

    kiosk flow check [--reader R] [--json]
    kiosk flow renew --staff-id S --identity-check KIND... --card-expires-on DATE [--certificates auth,sign]
    kiosk flow reset-pin --kind auth|sign|card-info [--proof auth|sign | --staff-id S --identity-check KIND...]
    kiosk flow change-pin --kind auth|sign|card-info
    kiosk flow card-info --staff-id S [--identity-check KIND...]

Every subcommand also takes ``--reader R``, ``--pin-fd N`` (with ``--confirm-last-try``) and ``--json``.
Each run is one attempt with one record, delivered to the central service at once when it can be, kept in
the outbox otherwise. docs/flows.md lists, per procedure, which PINs are asked in which order (the order
of the lines on ``--pin-fd``), what is recorded, and what an interruption leaves on the card.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.cli.card import pin_fd
from kiosk.cli.exitcodes import ExitCode, exit_code_for
from kiosk.domain.generation import PinUse
from kiosk.domain.identity import IdentityDocument
from kiosk.domain.transactions import TransactionRecord
from kiosk.errors import KioskError
from kiosk.i18n import tr

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.domain.renewal_visits import RenewalVisit
    from kiosk.flows.procedure import FlowContext, FlowResult
    from kiosk.store.database import Store
    from kiosk.sync.client import CentralClient

JSON_SCHEMA_VERSION = 1
_T = TypeVar("_T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("flow", help="run a resident or staff procedure: check, renew, PIN reset and "
                                                "change, the paperless form")
    commands = parser.add_subparsers(dest="flow_command", metavar="PROCEDURE")
    pin_kinds = [use.replace("_", "-") for use in PinUse]

    def common(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--reader", metavar="NAME",
                         help="the reader to use (default: KIOSK_READER, else the first reader holding a card)")
        sub.add_argument("--pin-fd", type=pin_fd, metavar="N",
                         help="read the PINs from file descriptor N, one per line in the order the procedure asks "
                              "(docs/flows.md); an empty line skips an optional PIN")
        sub.add_argument("--confirm-last-try", action="store_true",
                         help="with --pin-fd: a PIN's last try may be used (without it the procedure stops there)")
        sub.add_argument("--json", action="store_true", help="print the outcome as JSON on standard output")
        sub.set_defaults(handler=handler)
        return sub

    def staff(sub: argparse.ArgumentParser, *, expiry: bool) -> None:
        sub.add_argument("--staff-id", metavar="S", help="the staff member who checked the holder's identity")
        sub.add_argument("--identity-check", nargs="+", default=[], metavar="KIND",
                         choices=[str(document) for document in IdentityDocument],
                         help="the documents seen: one with a photo, or two without")
        if expiry:
            sub.add_argument("--card-expires-on", type=_date, metavar="YYYY-MM-DD",
                             help="the card's expiry date as printed on its face")

    common("check", "read the card as the check screen does, and record the check", _check)

    renew = common("renew", "renew (or newly issue) the card's certificates: counter only", _renew)
    staff(renew, expiry=True)
    renew.add_argument("--certificates", type=_certificates, default=("auth", "sign"), metavar="auth,sign",
                       help="which certificates (default: both; a child's card has only auth)")

    reset = common("reset-pin", "reset a PIN: by proof with the other PIN, or on staff grounds", _reset_pin)
    reset.add_argument("--kind", required=True, choices=pin_kinds, help="the PIN to reset")
    reset.add_argument("--proof", choices=["auth", "sign"],
                       help="self-service: prove possession with this (other) PIN instead of staff grounds")
    staff(reset, expiry=True)

    change = common("change-pin", "change a PIN, knowing the current one", _change_pin)
    change.add_argument("--kind", required=True, choices=pin_kinds, help="the PIN to change")

    info = common("card-info", "the paperless form: name, address, birth date, sex (counter only)", _card_info)
    staff(info, expiry=True)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return ExitCode.USAGE

    parser.set_defaults(handler=usage)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def _certificates(text: str) -> tuple[str, ...]:
    wanted = tuple(part.strip() for part in text.split(",") if part.strip())
    if not wanted or any(part not in ("auth", "sign") for part in wanted):
        raise argparse.ArgumentTypeError(f"expected auth, sign or auth,sign, not {text!r}")
    return wanted


def _use(text: str) -> PinUse:
    return PinUse(text.replace("-", "_"))


# --- running one procedure -------------------------------------------------------------------------------------


@dataclass
class _Run:
    """One procedure's outcome as the command reports it."""

    result: FlowResult[Any]
    delivery: str  # "delivered", "waiting" or "rejected"


async def _run_procedure(args: argparse.Namespace, settings: Settings,
                         procedure: Callable[[FlowContext], Awaitable[FlowResult[_T]]]) -> _Run:
    from kiosk.card.session import CardChannel
    from kiosk.cli.flow_terminal import TerminalInteraction
    from kiosk.flows.interaction import IdentityCheck
    from kiosk.flows.procedure import FlowContext
    from kiosk.store.database import open_store
    from kiosk.sync.client import CentralClient

    identity = IdentityCheck(tuple(getattr(args, "identity_check", ())), getattr(args, "card_expires_on", None))
    interaction = TerminalInteraction(args.pin_fd, confirm_last_try=args.confirm_last_try, identity=identity)
    store = open_store(settings)
    channel = CardChannel(args.reader or settings.reader)
    try:
        async with CentralClient.from_settings(settings) as client:
            context = FlowContext(channel, store, interaction, client, getattr(args, "staff_id", None))
            result = await procedure(context)
            delivery = await _deliver(store, client, result.record)
    finally:
        await channel.close()
        store.close()
    return _Run(result, delivery)


async def _deliver(store: Store, client: CentralClient, record: TransactionRecord) -> str:
    """One pass of the outbox sender, as the terminal's background sync would make right after a record."""
    from kiosk.sync.backoff import Backoff
    from kiosk.sync.sender import OutboxSender

    report = await OutboxSender(store, client, backoff=Backoff()).run_once()
    if record.key in report.rejected_keys:
        return "rejected"
    return "delivered" if report.error is None else "waiting"


def _execute(args: argparse.Namespace, procedure: Callable[[FlowContext], Awaitable[FlowResult[_T]]],
             show: Callable[[FlowResult[_T]], list[str]],
             document: Callable[[FlowResult[_T]], dict[str, Any]]) -> int:
    from kiosk.config import load_settings

    if args.confirm_last_try and args.pin_fd is None:
        return _refuse(tr("flow", "--confirm-last-try goes with --pin-fd; at the terminal the confirmation is typed."))
    try:
        run = _run_until_interrupted(_run_procedure(args, load_settings(), procedure))
    except KioskError as error:  # before any attempt began (settings, database, central client)
        if not args.json:
            raise
        from kiosk.cli.flow_terminal import explain

        _print(json.dumps({"schema": JSON_SCHEMA_VERSION, "flow": args.flow_command,
                           "error": {"code": error.code, "message": explain(error)}}, ensure_ascii=False))
        return exit_code_for(error)
    if run is None:
        return ExitCode.INTERRUPTED
    result = run.result
    if args.json:
        outcome = {"schema": JSON_SCHEMA_VERSION, "flow": args.flow_command, **_record_document(result),
                   "delivery": run.delivery}
        if result.completed:
            outcome.update(document(result))
        _print(json.dumps(outcome, ensure_ascii=False, indent=2))
    if result.error is not None:
        from kiosk.cli.flow_terminal import explain

        _say(explain(result.error))
        if result.card_changed:
            _say(_changed_text(result.record))
    elif not args.json:
        _print("\n".join(show(result)))
    _say(_delivery_text(result.record, run.delivery))
    if result.error is not None:
        return exit_code_for(result.error)
    return ExitCode.OK


def _run_until_interrupted(coroutine: Coroutine[Any, Any, _Run]) -> _Run | None:
    """Run the procedure; Ctrl+C cancels it (it records the attempt as cancelled) and returns None.

    Not ``asyncio.run``: its Ctrl+C handler waits for the next await, and a PIN prompt is a blocking read."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(coroutine)
    try:
        while True:
            try:
                return loop.run_until_complete(task)
            except KeyboardInterrupt:
                if task.done():  # it ended with the interrupt itself: nothing is left to cancel
                    return None
                task.cancel()
            except asyncio.CancelledError:
                _say(tr("flow", "Interrupted. The attempt is recorded (as cancelled if it was still running)."))
                return None
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


def _refuse(text: str) -> int:
    """Wrong usage found after parsing: said, and nothing run or recorded."""
    _say(text)
    return ExitCode.USAGE


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _delivery_text(record: TransactionRecord, delivery: str) -> str:
    if delivery == "delivered":
        return tr("flow", "Record {key} was delivered to the central service.", key=record.key)
    if delivery == "rejected":
        return tr("flow", "The central service refused record {key}: see kiosk outbox rejected.", key=record.key)
    return tr("flow", "Record {key} is waiting in the outbox; it will be delivered when the central service "
                      "can be reached.", key=record.key)


def _changed_text(record: TransactionRecord) -> str:
    """What a procedure that stopped half-way had already done: never "nothing was changed" then."""
    installed = [tr("flow", "{purpose} certificate {serial}", purpose=_purpose_text(change.purpose),
                    serial=change.new_serial_hex or "") for change in record.certificates]
    if installed:
        return tr("flow", "Before it stopped, the procedure had already installed on the card: {installed}. "
                          "Its PIN may still be the old one (docs/flows.md).", installed=", ".join(installed))
    return tr("flow", "The card was changed before the procedure stopped.")


def _record_document(result: FlowResult[Any]) -> dict[str, Any]:
    from kiosk.cli.flow_terminal import explain

    record = result.record
    error = result.error
    return {
        "record": {
            "key": record.key,
            "sequence": record.sequence,
            "kind": str(record.kind),
            "outcome": str(record.outcome),
            "failure_code": record.failure_code,
            "pin_kind": record.pin_kind,
            "staff_id": record.staff_id,
            "card_generation": record.card_generation,
            "certificates": [{"purpose": change.purpose, "old_serial": change.old_serial_hex,
                              "new_serial": change.new_serial_hex} for change in record.certificates],
        },
        "card_changed": result.card_changed,
        "error": None if error is None else {"code": error.code, "message": explain(error)},
    }


def _nothing(_result: FlowResult[Any]) -> dict[str, Any]:
    return {}


# --- the procedures ----------------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from kiosk.card.check import CardStatus
    from kiosk.cli.card import status_document, status_lines
    from kiosk.flows.check import check
    from kiosk.flows.procedure import japan_today

    day = japan_today()

    def visit(status: CardStatus) -> RenewalVisit:
        """When to come to the counter, from the certificate's dates and this site's calendar."""
        from kiosk.calendar_config import site_rules
        from kiosk.config import load_settings
        from kiosk.domain.renewal_visits import renewal_visit

        standing = status.certificate_status_on(day)
        rules = site_rules(load_settings())
        return renewal_visit(renewal_opens_on=standing.renewal_opens_on, expires_on=standing.expires_on,
                             today=day, calendar=rules.calendar, rule=rules.walk_in)

    def show(result: FlowResult[CardStatus]) -> list[str]:
        from kiosk.calendar_text import renewal_visit_text

        assert result.value is not None
        return status_lines(result.value, day) + renewal_visit_text(visit(result.value), day)

    def document(result: FlowResult[CardStatus]) -> dict[str, Any]:
        assert result.value is not None
        status = status_document(result.value, day, b"")
        status["card"].pop("atr")  # the flow's read does not keep the ATR
        planned = visit(result.value)
        return {"status": status, "visit": {
            "kind": str(planned.kind), "first_day": planned.first_day.isoformat(),
            "last_day": planned.last_day.isoformat() if planned.last_day else None,
            "walk_in_now": planned.walk_in_now,
            "walk_in_from": planned.walk_in_from.isoformat() if planned.walk_in_from else None}}

    return _execute(args, check, show, document)


def _renew(args: argparse.Namespace) -> int:
    from kiosk.flows.renewal import Renewal, renew

    def show(result: FlowResult[Renewal]) -> list[str]:
        assert result.value is not None
        lines = [tr("flow", "Renewal completed.") if str(result.value.kind) == "renewal"
                 else tr("flow", "New certificates issued.")]
        for new in result.value.certificates:
            lines.append(tr("flow", "{purpose} certificate: serial {serial}, valid {start} to {end}",
                            purpose=_purpose_text(new.purpose), serial=new.serial_hex,
                            start=new.certificate.not_before.date().isoformat(),
                            end=new.certificate.not_after.date().isoformat()))
        return lines

    def document(result: FlowResult[Renewal]) -> dict[str, Any]:
        assert result.value is not None
        return {"new_certificates": [
            {"purpose": new.purpose, "serial": new.serial_hex,
             "not_before": new.certificate.not_before.isoformat(), "not_after": new.certificate.not_after.isoformat()}
            for new in result.value.certificates]}

    purposes: tuple[str, ...] = args.certificates
    return _execute(args, lambda context: renew(context, purposes), show, document)


def _purpose_text(purpose: str) -> str:
    if purpose == "sign":
        return tr("flow", "Signing")
    return tr("flow", "User-authentication")


def _reset_pin(args: argparse.Namespace) -> int:
    from kiosk.flows.pin_reset import PROOF_FOR, PinReset, reset_pin_by_proof, reset_pin_by_staff
    from kiosk.messages import pin_name

    target = _use(args.kind)
    if args.proof is not None:
        proof = PinUse(args.proof)
        allowed = PROOF_FOR.get(target)
        if allowed is not None and proof is not allowed:
            return _refuse(tr("flow", "The {target} can be reset only by proving the {proof}.",
                              target=pin_name(str(target)), proof=pin_name(str(allowed))))
        if args.staff_id or args.identity_check:
            return _refuse(tr("flow", "--proof is the self-service reset: it takes no staff grounds."))

    def show(result: FlowResult[PinReset]) -> list[str]:
        assert result.value is not None
        return [tr("flow", "The {pin} was reset.", pin=pin_name(result.value.kind))]

    def by_proof(context: FlowContext) -> Awaitable[FlowResult[PinReset]]:
        return reset_pin_by_proof(context, target)

    def by_staff(context: FlowContext) -> Awaitable[FlowResult[PinReset]]:
        return reset_pin_by_staff(context, target)

    return _execute(args, by_proof if args.proof else by_staff, show, _nothing)


def _change_pin(args: argparse.Namespace) -> int:
    from kiosk.flows.pin_change import change_pin
    from kiosk.messages import pin_name

    use = _use(args.kind)

    def show(result: FlowResult[None]) -> list[str]:
        return [tr("flow", "The {pin} was changed.", pin=pin_name(result.record.pin_kind or str(use)))]

    return _execute(args, lambda context: change_pin(context, use), show, _nothing)


def _card_info(args: argparse.Namespace) -> int:
    from kiosk.card.cardinfo import CardInfoAttributes
    from kiosk.cli.card import card_info_rows
    from kiosk.flows.card_info import read_card_info

    def show(result: FlowResult[CardInfoAttributes]) -> list[str]:
        assert result.value is not None
        return card_info_rows(result.value)

    def document(result: FlowResult[CardInfoAttributes]) -> dict[str, Any]:
        attributes = result.value
        assert attributes is not None
        return {"card_info": {"name": attributes.name, "address": attributes.address,
                              "birth_date": attributes.birth_date.isoformat(), "sex": attributes.sex.name.lower()}}

    return _execute(args, read_card_info, show, document)
