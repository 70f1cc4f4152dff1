"""The documents counter staff may see to confirm a holder's identity before a staff-grounded procedure.

The record keeps which kinds were seen (with the staff member's ID), never the documents' numbers or
contents. One document with a photo (the card itself, a driving licence, a passport, a residence card) is
enough; the card's own photo is the usual one.
"""

from __future__ import annotations

from enum import StrEnum


class IdentityDocument(StrEnum):
    CARD_PHOTO = "photo"  # the photo on the My Number Card matches the person at the counter
    DRIVING_LICENCE = "driving_licence"
    PASSPORT = "passport"
    RESIDENCE_CARD = "residence_card"
    HEALTH_INSURANCE_CARD = "health_insurance_card"  # without a photo: only with another document
    PENSION_BOOK = "pension_book"  # without a photo: only with another document


PHOTO_DOCUMENTS = frozenset({IdentityDocument.CARD_PHOTO, IdentityDocument.DRIVING_LICENCE,
                             IdentityDocument.PASSPORT, IdentityDocument.RESIDENCE_CARD})


def sufficient(checks: tuple[str, ...]) -> bool:
    """One photo document, or two without a photo."""
    known = {document.value for document in IdentityDocument}
    seen = {IdentityDocument(check) for check in checks if check in known}
    return bool(seen & PHOTO_DOCUMENTS) or len(seen) >= 2
