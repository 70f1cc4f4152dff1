"""Screens where someone chooses: which PIN, which identity documents, who is signing in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.domain.generation import PinUse
from kiosk.domain.identity import IdentityDocument
from kiosk.flows.interaction import IdentityCheck, IdentityRequest
from kiosk.staff import TRAINING_STAFF
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen, translate

_PIN_CHOICES = {
    PinUse.AUTH: lambda: translate("screens", "The 4-digit PIN for logging in (user authentication)"),
    PinUse.SIGN: lambda: translate("screens", "The signing password (6 to 16 letters and digits)"),
    PinUse.CARD_INFO: lambda: translate("screens", "The 4-digit PIN for the card's information"),
}


class ChoosePinScreen(Screen):
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("choosePinScreen", parent)
        self._purpose = "reset"
        self._done: Callable[[PinUse], None] | None = None
        self.layout_.addWidget(self.heading("choosePinHeading", self._heading))
        self.buttons = {}
        for use, text in _PIN_CHOICES.items():
            button = self.button(f"choosePin_{use}", text, wrap=True)
            button.clicked.connect(lambda _checked=False, use=use: self._choose(use))
            self.layout_.addWidget(button)
            self.buttons[use] = button
        self.layout_.addStretch(1)
        back = self.button("choosePinBackButton", lambda: translate("screens", "Back"))
        back.clicked.connect(self.back)
        self.layout_.addWidget(back)

    def _heading(self) -> str:
        if self._purpose == "reset":
            return translate("screens", "Which PIN have you forgotten?")
        return translate("screens", "Which PIN do you want to change?")

    def ask(self, purpose: str, uses: tuple[PinUse, ...], done: Callable[[PinUse], None]) -> None:
        self._purpose, self._done = purpose, done
        for use, button in self.buttons.items():
            button.setVisible(use in uses)
        self.retranslate()

    def _choose(self, use: PinUse) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(use)


_DOCUMENTS = {
    IdentityDocument.CARD_PHOTO: lambda: translate("identity", "The photo on the My Number Card matches"),
    IdentityDocument.DRIVING_LICENCE: lambda: translate("identity", "Driving licence"),
    IdentityDocument.PASSPORT: lambda: translate("identity", "Passport"),
    IdentityDocument.RESIDENCE_CARD: lambda: translate("identity", "Residence card"),
    IdentityDocument.HEALTH_INSURANCE_CARD: lambda: translate("identity", "Health insurance card (no photo)"),
    IdentityDocument.PENSION_BOOK: lambda: translate("identity", "Pension book (no photo)"),
}


class IdentityScreen(Screen):
    """Staff's checklist: answers an ``IdentityCheck``, or None when staff cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("identityScreen", parent)
        self._done: Callable[[IdentityCheck | None], None] | None = None
        self.layout_.addWidget(self.heading("identityHeading", lambda: translate(
            "screens", "Confirm the resident's identity")))
        self.layout_.addWidget(self.paragraph("identityHint", lambda: translate(
            "screens", "Tick what you have seen: one document with a photo, or two without.")))
        self.boxes: dict[IdentityDocument, QCheckBox] = {}
        for document, text in _DOCUMENTS.items():
            box = QCheckBox(self)
            box.setObjectName(f"identity_{document}")
            box.setMinimumHeight(48)
            self.labelled(box, text)
            self.layout_.addWidget(box)
            self.boxes[document] = box
        form = QFormLayout()
        self.expiry_label = QLabel(self)
        self.expiry = QDateEdit(self)
        self.expiry.setObjectName("identityCardExpiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.expiry.setMinimumHeight(48)
        self.text(self.expiry_label, lambda: translate("screens", "Card expiry date printed on the card"))
        self.named_by(self.expiry, self.expiry_label)
        form.addRow(self.expiry_label, self.expiry)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        row = QHBoxLayout()
        cancel = self.button("identityCancelButton", lambda: translate("screens", "Cancel"))
        self.ok = self.button("identityOkButton", lambda: translate("screens", "Confirmed"), primary=True)
        cancel.clicked.connect(lambda: self._answer(None))
        self.ok.clicked.connect(self._confirm)
        row.addWidget(cancel)
        row.addWidget(self.ok)
        self.layout_.addLayout(row)
        self.retranslate()
        self._request = IdentityRequest(needs_card_expiry=True)

    def ask(self, request: IdentityRequest, done: Callable[[IdentityCheck | None], None],
            expected_expiry: date | None = None) -> None:
        self._request, self._done = request, done
        for box in self.boxes.values():
            box.setChecked(False)
        self.expiry_label.setVisible(request.needs_card_expiry)
        self.expiry.setVisible(request.needs_card_expiry)
        if expected_expiry is not None:
            self.expiry.setDate(QDate(expected_expiry.year, expected_expiry.month, expected_expiry.day))

    def _confirm(self) -> None:
        checks = tuple(str(document) for document, box in self.boxes.items() if box.isChecked())
        chosen = self.expiry.date()
        expires = date(chosen.year(), chosen.month(), chosen.day()) if self._request.needs_card_expiry else None
        self._answer(IdentityCheck(checks, expires))

    def _answer(self, check: IdentityCheck | None) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(check)


class SignInScreen(Screen):
    """Counter staff sign in. ``submitted`` carries (staff ID, passphrase as a bytearray the receiver wipes)."""

    submitted = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("signInScreen", parent)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("signInHeading", lambda: translate("screens", "Staff sign-in")))
        form = QFormLayout()
        self.staff_label, self.passphrase_label = QLabel(self), QLabel(self)
        self.staff_id = QLineEdit(self)
        self.staff_id.setObjectName("signInStaffId")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("signInPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.staff_id, self.passphrase):
            field.setMinimumHeight(48)
        self.text(self.staff_label, lambda: translate("screens", "Staff ID"))
        self.text(self.passphrase_label, lambda: translate("screens", "Passphrase"))
        self.named_by(self.staff_id, self.staff_label)
        self.named_by(self.passphrase, self.passphrase_label)
        form.addRow(self.staff_label, self.staff_id)
        form.addRow(self.passphrase_label, self.passphrase)
        self.layout_.addLayout(form)
        self.training_hint = self.paragraph("signInTrainingHint", lambda: translate(
            "screens", "Training: staff ID {staff}, passphrase \"{passphrase}\".").format(
                staff=TRAINING_STAFF[0], passphrase=TRAINING_STAFF[1]))
        self.training_hint.hide()
        self.layout_.addWidget(self.training_hint)
        self.message = self.paragraph("signInMessage")
        theme.set_role(self.message, theme.ROLE_ERROR)
        self.layout_.addWidget(self.message)
        self.sign_in = self.button("signInButton", lambda: translate("screens", "Sign in"), primary=True)
        self.sign_in.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.layout_.addWidget(self.sign_in)
        self.layout_.addStretch(1)
        self.retranslate()

    def _submit(self) -> None:
        secret = bytearray(self.passphrase.text().encode("utf-8"))
        self.passphrase.clear()
        self.submitted.emit(self.staff_id.text().strip(), secret)

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.clear()
