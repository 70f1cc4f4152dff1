"""The words of a report, in the language of the office that reads it (Japanese unless asked otherwise).

A report is a document for the office, not a screen for whoever stands at the terminal: its language is
chosen explicitly rather than taken from the process's locale, so a technician's English shell still
writes the Japanese CSV the office's Excel expects.
"""

from __future__ import annotations

from kiosk.i18n import SOURCE_LANGUAGE, Message, catalog, tr_noop

REPORT_LANGUAGE = "ja"

KINDS: dict[str, Message] = {
    "check": tr_noop("reports", "Certificate check"),
    "renewal": tr_noop("reports", "Certificate renewal"),
    "new_issuance": tr_noop("reports", "New certificate"),
    "pin_reset": tr_noop("reports", "PIN reset"),
    "pin_change": tr_noop("reports", "PIN change"),
    "card_info_read": tr_noop("reports", "Card details read"),
}
OUTCOMES: dict[str, Message] = {
    "completed": tr_noop("reports", "Completed"),
    "failed": tr_noop("reports", "Failed"),
    "cancelled": tr_noop("reports", "Cancelled"),
}
SCOPES: dict[str, Message] = {
    "terminal": tr_noop("reports", "This terminal"),
    "site": tr_noop("reports", "Whole site"),
}
COLUMNS: tuple[Message, ...] = (
    tr_noop("reports", "Date"),
    tr_noop("reports", "Site"),
    tr_noop("reports", "Scope"),
    tr_noop("reports", "Terminal ID"),
    tr_noop("reports", "Procedure"),
    tr_noop("reports", "Outcome"),
    tr_noop("reports", "Staff ID"),
    tr_noop("reports", "Count"),
)
KIOSK_STAFF = tr_noop("reports", "(kiosk, no staff)")
TITLE = tr_noop("reports", "Procedures at {site}, {first} to {last}")
TITLE_DAY = tr_noop("reports", "Procedures at {site} on {day}")
MADE = tr_noop("reports", "Terminal {terminal}; made {made}")
NO_SITE = tr_noop("reports", "Whole site: not available ({reason})")
TOTAL = tr_noop("reports", "Total")
BY_KIND = tr_noop("reports", "By procedure and outcome")
BY_STAFF = tr_noop("reports", "By staff member (this terminal)")
BY_DAY = tr_noop("reports", "By day")
PAGE = tr_noop("reports", "Page {page}")


def say(message: Message, lang: str = REPORT_LANGUAGE, /, **values: object) -> str:
    text = message.text if lang == SOURCE_LANGUAGE else catalog(lang).get((message.context, message.text),
                                                                         message.text)
    return text.format(**values) if values else text


def kind_name(kind: str, lang: str = REPORT_LANGUAGE) -> str:
    message = KINDS.get(kind)
    return say(message, lang) if message else kind  # a kind from a newer terminal: its code, not nothing


def outcome_name(outcome: str, lang: str = REPORT_LANGUAGE) -> str:
    message = OUTCOMES.get(outcome)
    return say(message, lang) if message else outcome
