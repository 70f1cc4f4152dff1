"""The reader self-test a technician runs after enrolment (and ``kiosk diagnose`` repeats): the PC/SC
service answers, a reader is there, and a card in it answers the check read, with its generation."""

from __future__ import annotations

from kiosk.errors import CardError, NoCard, NoReader, PcscUnavailable
from kiosk.i18n import tr_noop
from kiosk.provision.checks import Check, State

PCSCD = tr_noop("diagnose", "Card reader service (pcscd)")
READERS = tr_noop("diagnose", "Card readers")
CARD = tr_noop("diagnose", "Card in the reader")


def reader_checks(reader: str | None = None) -> list[Check]:
    from kiosk.card.check import read_card_status
    from kiosk.card.pcsc import PcscService, open_connection
    from kiosk.card.transport import CardTransport

    service = PcscService()
    try:
        try:
            readers = service.readers()
        except PcscUnavailable as exc:
            return [Check("pcscd", PCSCD, State.FAULT, str(exc), tr_noop(
                "diagnose", "Start the card reader service: systemctl start pcscd (or pcscd --foreground)."))]
        except NoReader:
            readers = []
        checks = [Check("pcscd", PCSCD, State.OK, "the PC/SC service answers")]
        if not readers:
            checks.append(Check("readers", READERS, State.FAULT, "no reader", tr_noop(
                "diagnose", "Connect the card reader (USB) and check its cable; then run this again.")))
            return checks
        # No reader configured: the first reader holding a card (open_connection's choice).
        chosen = reader if reader in readers else None
        if reader is not None and reader not in readers:
            checks.append(Check("readers", READERS, State.FAULT, f"configured reader {reader!r} not among {readers}",
                                tr_noop("diagnose", "Set the reader in kiosk.toml to one of the connected readers "
                                        "(kiosk card watch lists them).")))
        else:
            checks.append(Check("readers", READERS, State.OK, ", ".join(readers)))
        try:
            with open_connection(chosen, service) as connection:
                status = read_card_status(CardTransport(connection))
                chosen = connection.reader
        except NoCard:
            checks.append(Check("card", CARD, State.WARNING, f"no card in {chosen or 'any reader'}", tr_noop(
                "diagnose", "Place a My Number Card (or a training card) on the reader to test it.")))
            return checks
        except CardError as exc:
            checks.append(Check("card", CARD, State.FAULT, f"{chosen}: {type(exc).__name__}: {exc}", tr_noop(
                "diagnose", "Place the card again; if it still fails, try another card, then another reader.")))
            return checks
        checks.append(Check("card", CARD, State.OK,
                            f"{chosen}: {status.profile.generation} card ({status.token}), "
                            f"certificate until {status.auth_certificate.not_after:%Y-%m-%d}"))
        return checks
    finally:
        service.release()
