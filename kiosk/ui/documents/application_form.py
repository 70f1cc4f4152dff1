"""The paperless form: an application pre-filled from the card-info applet, for the resident to check and sign.

Name, address, birth date (by era and Western) and sex come from the card-info applet
(``CardInfoAttributes``); the date and the signature are left blank for the resident's own hand. This is
personal data, and the terminal keeps none of it: the form is drawn straight onto the printer, or into
the one PDF file the caller names (a file in ``printing.temporary_pdf()`` that the caller prints and lets
go). Nothing here logs, caches or names the holder anywhere else: the PDF's metadata title is the form's
name only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.i18n import Message, tr_noop
from kiosk.ui.documents.dates import era_date, western_english, western_japanese
from kiosk.ui.documents.labels import ENGLISH, JAPANESE, Language
from kiosk.ui.documents.printing import Draw, PageSize, Sheet, print_document, unprintable_characters, write_pdf

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

TITLE = tr_noop("documents", "Application for electronic certificates")
_INTRO = tr_noop(
    "documents", "The details below were read from your My Number Card. Please check them, then write "
    "the date and sign.")
_HOLDER = tr_noop("documents", "Card holder")
_NAME = tr_noop("documents", "Name")
_ADDRESS = tr_noop("documents", "Address")
_BIRTH_DATE = tr_noop("documents", "Date of birth")
_SEX = tr_noop("documents", "Sex")
_DATE = tr_noop("documents", "Date")
_SIGNATURE = tr_noop("documents", "Signature")
_DATE_HINT = tr_noop("documents", "Year          Month          Day")
_KEPT_NOWHERE = tr_noop(
    "documents", "These details were read from the card for this form only; the terminal keeps no copy.")
_SEXES: dict[str, Message] = {  # ISO 5218, as the card stores it
    "1": tr_noop("documents", "Male"),
    "2": tr_noop("documents", "Female"),
    "9": tr_noop("documents", "Not applicable"),
}


class CardHolder(Protocol):
    """What the form needs of ``kiosk.card.cardinfo.CardInfoAttributes`` (the flows hand it over; the UI
    does not import the card layer)."""

    @property
    def name(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def birth_date(self) -> date: ...

    @property
    def sex(self) -> str: ...  # ISO 5218 code: "1", "2" or "9"


def birth_date_text(attributes: CardHolder, language: Language) -> str:
    """Japanese: 昭和60年3月5日（1985年3月5日）; English: 5 March 1985 (Showa 60)."""
    day = attributes.birth_date
    era = era_date(day)
    if language.code == "ja":
        return f"{era.japanese}（{western_japanese(day)}）" if era else western_japanese(day)
    return f"{western_english(day)} ({era.english})" if era else western_english(day)


def unprintable(attributes: CardHolder) -> list[str]:
    """Characters of the name or address the form's font cannot print (rare kanji): the screen asks staff to
    write them in by hand. Empty for almost every card."""
    return unprintable_characters(attributes.name + attributes.address)


def _draw(attributes: CardHolder) -> Draw:
    def draw(sheet: Sheet) -> None:
        sheet.text(JAPANESE.text(TITLE), size=16, bold=True, centre=True)
        sheet.text(ENGLISH.text(TITLE), size=9.5, grey=True, centre=True)
        sheet.space(5)
        sheet.text(JAPANESE.text(_INTRO), size=10)
        sheet.text(ENGLISH.text(_INTRO), size=8.5, grey=True)
        sheet.space(4)
        sheet.text(f"{JAPANESE.text(_HOLDER)}  {ENGLISH.text(_HOLDER)}", size=10.5, bold=True)
        sheet.space(1)
        sheet.rule(weight_mm=0.5)
        sheet.space(3)
        # Name and address are the card's own text, the same in both languages.
        sheet.pair((JAPANESE.text(_NAME), ENGLISH.text(_NAME)), (attributes.name, attributes.name),
                   value_size=14)
        sheet.pair((JAPANESE.text(_ADDRESS), ENGLISH.text(_ADDRESS)), (attributes.address, attributes.address))
        sheet.pair((JAPANESE.text(_BIRTH_DATE), ENGLISH.text(_BIRTH_DATE)),
                   (birth_date_text(attributes, JAPANESE), birth_date_text(attributes, ENGLISH)))
        sex = _SEXES.get(str(attributes.sex))
        sheet.pair((JAPANESE.text(_SEX), ENGLISH.text(_SEX)),
                   (JAPANESE.text(sex), ENGLISH.text(sex)) if sex else (str(attributes.sex),) * 2)
        sheet.rule()
        sheet.space(8)
        sheet.box((JAPANESE.text(_DATE), ENGLISH.text(_DATE)), height_mm=14,
                  hint=f"{JAPANESE.text(_DATE_HINT)}    /    {ENGLISH.text(_DATE_HINT)}")
        sheet.box((JAPANESE.text(_SIGNATURE), ENGLISH.text(_SIGNATURE)), height_mm=28)
        sheet.space(4)
        sheet.text(JAPANESE.text(_KEPT_NOWHERE), size=8.5)
        sheet.text(ENGLISH.text(_KEPT_NOWHERE), size=8, grey=True)

    return draw


def render_application_form(attributes: CardHolder, path: Path, *,
                            page_size: PageSize = PageSize.A4) -> Path:
    """Write the pre-filled form as a PDF at ``path`` and nowhere else (see the module's note on where)."""
    return write_pdf(_draw(attributes), path, title=ENGLISH.text(TITLE), page_size=page_size)


def print_application_form(attributes: CardHolder, printer: QPrinter, *,
                           page_size: PageSize = PageSize.A4) -> None:
    """Print the pre-filled form on ``printer``: no file is written."""
    print_document(_draw(attributes), printer, title=ENGLISH.text(TITLE), page_size=page_size)
