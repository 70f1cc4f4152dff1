"""Printed documents: the resident's receipt and the pre-filled application form, as PDF or on a printer."""

from kiosk.ui.documents.application_form import print_application_form, render_application_form, unprintable
from kiosk.ui.documents.printing import (
    PageSize,
    choose_printer,
    temporary_pdf,
)
from kiosk.ui.documents.receipt import NoReceipt, Receipt, print_receipt, receipt_lines, render_receipt

__all__ = [
    "NoReceipt",
    "PageSize",
    "Receipt",
    "choose_printer",
    "print_application_form",
    "print_receipt",
    "receipt_lines",
    "render_application_form",
    "render_receipt",
    "temporary_pdf",
    "unprintable",
]
