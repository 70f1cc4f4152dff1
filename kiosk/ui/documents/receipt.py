"""The resident's receipt for a renewal, a new issuance, a PIN reset or a PIN change.

It is handed to the resident, so it says what was done and nothing the resident does not already hold:
no name, no address, no birth date, never a PIN (only which PIN was set). It names the site, the terminal,
the Japan time, the procedure and its outcome, each certificate's purpose, new serial number and expiry
date, and the record's sequence and key as the reference number staff look it up by. Printed in Japanese
with English under it whatever language the screen shows; ``receipt_lines`` gives the same content in the
screen's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain.transactions import Outcome, TransactionKind
from kiosk.domain.validity import japan_date
from kiosk.flows.pin_reset import PinReset
from kiosk.flows.procedure import FlowResult
from kiosk.flows.renewal import Renewal
from kiosk.i18n import Message, tr_noop
from kiosk.messages import pin_name_message
from kiosk.ui.documents.dates import japan_time, western_english, western_japanese
from kiosk.ui.documents.labels import ENGLISH, JAPANESE, Language, interface
from kiosk.ui.documents.printing import Draw, PageSize, Sheet, print_document, write_pdf

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

RECEIPT_KINDS = (TransactionKind.RENEWAL, TransactionKind.NEW_ISSUANCE, TransactionKind.PIN_RESET,
                 TransactionKind.PIN_CHANGE)

TITLE = tr_noop("documents", "Electronic certificate procedure: receipt (your copy)")
_SITE = tr_noop("documents", "Place")
_TERMINAL = tr_noop("documents", "Terminal")
_WHEN = tr_noop("documents", "Date and time")
_PROCEDURE = tr_noop("documents", "Procedure")
_OUTCOME = tr_noop("documents", "Outcome")
_CERTIFICATE = tr_noop("documents", "Certificate")
_SERIAL = tr_noop("documents", "New serial number")
_EXPIRES = tr_noop("documents", "Valid until")
_PIN = tr_noop("documents", "PIN set")
_REFERENCE = tr_noop("documents", "Reference number")
_NEXT = tr_noop("documents", "What happens next")
_JAPAN_TIME = tr_noop("documents", "{date}, {time} (Japan time)")

_KINDS: dict[TransactionKind, Message] = {
    TransactionKind.RENEWAL: tr_noop("documents", "Renewal of electronic certificates"),
    TransactionKind.NEW_ISSUANCE: tr_noop("documents", "New issuance of electronic certificates"),
    TransactionKind.PIN_RESET: tr_noop("documents", "PIN reset"),
    TransactionKind.PIN_CHANGE: tr_noop("documents", "PIN change"),
}
_OUTCOMES: dict[Outcome, Message] = {
    Outcome.COMPLETED: tr_noop("documents", "Completed"),
    Outcome.FAILED: tr_noop("documents", "Not completed"),
    Outcome.CANCELLED: tr_noop("documents", "Cancelled"),
}
_PURPOSES: dict[str, Message] = {
    "auth": tr_noop("documents", "User-authentication certificate"),
    "sign": tr_noop("documents", "Signing certificate"),
}
_NEXT_STEPS: dict[TransactionKind, Message] = {
    TransactionKind.RENEWAL: tr_noop(
        "documents", "Your previous certificates are revoked. Use the new ones from today."),
    TransactionKind.NEW_ISSUANCE: tr_noop("documents", "The new certificates can be used from today."),
    TransactionKind.PIN_RESET: tr_noop(
        "documents", "The new PIN works from now, and its count of wrong entries starts again."),
    TransactionKind.PIN_CHANGE: tr_noop("documents", "The new PIN works from now."),
}
_STOPPED_CHANGED = tr_noop(
    "documents", "The procedure stopped part way. What is listed above was done and the card works. "
    "Please ask at the counter to finish the procedure.")
_STOPPED_UNCHANGED = tr_noop(
    "documents", "Nothing on the card was changed. You can try again, or ask at the counter.")
_KEEP_PINS_SECRET = tr_noop(
    "documents", "Never tell anyone your PINs. Staff will never ask you for them.")
_NOTHING_PERSONAL = tr_noop(
    "documents", "Please keep this receipt. It holds no name, address or other personal details.")


class NoReceipt(ValueError):
    """A receipt was asked for a procedure that has none (a check, a card-info read)."""


@dataclass(frozen=True)
class CertificateEntry:
    purpose: str  # "auth" or "sign"
    serial_hex: str | None
    expires_on: date | None  # the Japan date it is valid until; None when not known (an unfinished renewal)


@dataclass(frozen=True)
class Receipt:
    site: str  # the site's name as residents know it (a town hall's counter)
    terminal_id: str
    occurred_at: datetime  # aware
    kind: TransactionKind
    outcome: Outcome
    reference: str
    card_changed: bool = False
    certificates: tuple[CertificateEntry, ...] = ()
    pin_kind: str | None = None  # which PIN was set (PIN reset and change); never its value

    @classmethod
    def from_result(cls, result: FlowResult[Any], site: str, terminal_id: str) -> Receipt:
        record = result.record
        if record.kind not in RECEIPT_KINDS:
            raise NoReceipt(f"no receipt for a {record.kind} procedure")
        expiries: dict[str, date] = {}
        if isinstance(result.value, Renewal):
            expiries = {c.purpose: japan_date(c.certificate.not_after) for c in result.value.certificates}
        # The record lists what was written even when the procedure failed afterwards.
        certificates = tuple(CertificateEntry(c.purpose, c.new_serial_hex, expiries.get(c.purpose))
                             for c in record.certificates if c.new_serial_hex)
        pin_kind = result.value.kind if isinstance(result.value, PinReset) else record.pin_kind
        return cls(site=site, terminal_id=terminal_id, occurred_at=record.occurred_at, kind=record.kind,
                   outcome=record.outcome, reference=reference_number(record.sequence, record.key),
                   card_changed=result.card_changed, certificates=certificates,
                   pin_kind=pin_kind if record.kind in (TransactionKind.PIN_RESET, TransactionKind.PIN_CHANGE)
                   else None)


def reference_number(sequence: int, key: str) -> str:
    """The terminal's sequence number and the first 8 hex digits of the record's key: short enough to read
    out on the phone, and enough for staff to find the one record."""
    return f"{sequence:06d}-{key.replace('-', '')[:8].upper()}"


def _serial(serial_hex: str) -> str:
    digits = serial_hex.upper()
    digits = "0" * (len(digits) % 2) + digits
    return " ".join(digits[i:i + 2] for i in range(0, len(digits), 2))


def _date(day: date, language: Language) -> str:
    return western_japanese(day) if language.code == "ja" else western_english(day)


def _lines(receipt: Receipt, language: Language) -> list[tuple[str, str]]:
    """The receipt's rows in one language, label and value."""
    moment = japan_time(receipt.occurred_at)
    lines = [
        (language.text(_SITE), receipt.site),
        (language.text(_TERMINAL), receipt.terminal_id),
        (language.text(_WHEN), language.text(_JAPAN_TIME, date=_date(moment.date(), language),
                                             time=moment.strftime("%H:%M"))),
        (language.text(_PROCEDURE), language.text(_KINDS[receipt.kind])),
        (language.text(_OUTCOME), language.text(_OUTCOMES[receipt.outcome])),
    ]
    for entry in receipt.certificates:
        purpose = _PURPOSES.get(entry.purpose)
        lines.append((language.text(_CERTIFICATE), language.text(purpose) if purpose else entry.purpose))
        if entry.serial_hex:
            lines.append((language.text(_SERIAL), _serial(entry.serial_hex)))
        if entry.expires_on:
            lines.append((language.text(_EXPIRES), _date(entry.expires_on, language)))
    if receipt.pin_kind and receipt.outcome is Outcome.COMPLETED:
        name = pin_name_message(receipt.pin_kind)  # one name for one PIN, as the messages say it
        lines.append((language.text(_PIN), language.text(name) if name else receipt.pin_kind))
    lines.append((language.text(_REFERENCE), receipt.reference))
    return lines


def _next_steps(receipt: Receipt, language: Language) -> list[str]:
    if receipt.outcome is Outcome.COMPLETED:
        first = _NEXT_STEPS[receipt.kind]
    else:
        first = _STOPPED_CHANGED if receipt.card_changed else _STOPPED_UNCHANGED
    return [language.text(first), language.text(_KEEP_PINS_SECRET), language.text(_NOTHING_PERSONAL)]


def receipt_lines(receipt: Receipt) -> list[tuple[str, str]]:
    """What the receipt says, as (label, value) rows in the screen's language, next steps last."""
    language = interface()
    label = language.text(_NEXT)
    return _lines(receipt, language) + [(label, step) for step in _next_steps(receipt, language)]


def _draw(receipt: Receipt) -> Draw:
    def draw(sheet: Sheet) -> None:
        sheet.text(JAPANESE.text(TITLE), size=15, bold=True, centre=True)
        sheet.text(ENGLISH.text(TITLE), size=9.5, grey=True, centre=True)
        sheet.space(4)
        sheet.rule(weight_mm=0.5)
        sheet.space(3)
        for (label_ja, value_ja), (label_en, value_en) in zip(
                _lines(receipt, JAPANESE), _lines(receipt, ENGLISH), strict=True):
            sheet.pair((label_ja, label_en), (value_ja, value_en))
        sheet.space(2)
        sheet.rule()
        sheet.space(3)
        sheet.text(f"{JAPANESE.text(_NEXT)}  {ENGLISH.text(_NEXT)}", size=10.5, bold=True)
        sheet.space(1.5)
        for step_ja, step_en in zip(_next_steps(receipt, JAPANESE), _next_steps(receipt, ENGLISH), strict=True):
            sheet.text(f"・{step_ja}", size=10)
            sheet.text(step_en, size=8.5, indent_mm=4, grey=True)
            sheet.space(1.5)

    return draw


def render_receipt(receipt: Receipt, path: Path, *, page_size: PageSize = PageSize.A4) -> Path:
    """Write the receipt as a PDF at ``path``; ``DocumentNotWritten`` (and no file) if that fails."""
    return write_pdf(_draw(receipt), path, title=ENGLISH.text(TITLE), page_size=page_size)


def print_receipt(receipt: Receipt, printer: QPrinter, *, page_size: PageSize = PageSize.A4) -> None:
    """Print the receipt on ``printer`` (from ``printing.choose_printer`` or the terminal's settings)."""
    print_document(_draw(receipt), printer, title=ENGLISH.text(TITLE), page_size=page_size)
