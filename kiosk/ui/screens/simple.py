"""The small screens: insert the card, the procedure's progress, the last-try question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from kiosk.domain.pins import PinKind
from kiosk.flows.interaction import Step
from kiosk.messages import pin_name
from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.widgets.flow import FlowLayout


class InsertCardScreen(Screen):
    insert_training_card = Signal()

    def __init__(self, *, training: bool, parent: QWidget | None = None) -> None:
        super().__init__("insertCardScreen", parent)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("insertCardHeading", lambda: translate(
            "screens", "Please place your My Number Card on the card reader.")))
        self.layout_.addWidget(self.paragraph("insertCardHint", lambda: translate(
            "screens", "Leave it there until the screen tells you to take it.")))
        self.training_button = self.button("insertTrainingCardButton", lambda: translate(
            "screens", "Insert the training card"))
        self.training_button.setVisible(training)
        self.training_button.clicked.connect(self.insert_training_card)
        self.layout_.addWidget(self.training_button)
        self.layout_.addStretch(1)


_STEP_TEXTS = {
    Step.READING_CARD: lambda: translate("steps", "Reading the card…"),
    Step.CHECKING_IDENTITY: lambda: translate("steps", "Checking identity…"),
    Step.READING_CARD_INFO: lambda: translate("steps", "Reading the card's information…"),
    Step.ENTERING_PINS: lambda: translate("steps", "Entering PINs…"),
    Step.PROVING: lambda: translate("steps", "Confirming it is your card…"),
    Step.AUTHORISING: lambda: translate("steps", "Asking the central service for authorisation…"),
    Step.GENERATING_KEY: lambda: translate("steps", "The card is making a new key…"),
    Step.ISSUING_CERTIFICATE: lambda: translate("steps", "The new certificate is being issued…"),
    Step.WRITING_CERTIFICATE: lambda: translate("steps", "Writing the new certificate to the card…"),
    Step.VERIFYING_CERTIFICATE: lambda: translate("steps", "Checking the card…"),
    Step.RESETTING_PIN: lambda: translate("steps", "Setting the new PIN…"),
    Step.CHANGING_PIN: lambda: translate("steps", "Changing the PIN…"),
    Step.RECORDING: lambda: translate("steps", "Saving the record…"),
}


def step_text(step: Step) -> str:
    return _STEP_TEXTS[step]()


class ProgressScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("progressScreen", parent)
        self._step = Step.READING_CARD
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("progressHeading", lambda: translate(
            "screens", "Please wait. Do not remove the card.")))
        self.step_label = self.paragraph("progressStep", lambda: step_text(self._step))
        self.layout_.addWidget(self.step_label)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progressBar")
        self.bar.setRange(0, 0)  # busy: the card and the service do not say how long
        self.bar.setAccessibleName(translate("screens", "Working"))
        self.layout_.addWidget(self.bar)
        self.layout_.addStretch(1)

    def show_step(self, step: Step) -> None:
        self._step = step
        self.bar.setRange(0, 0)  # busy until a long operation reports its parts
        self.retranslate()

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))


class LastTryScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("lastTryScreen", parent)
        self._kind = PinKind.AUTH
        self._done: Callable[[bool], None] | None = None
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("lastTryHeading", lambda: translate(
            "screens", "Only one try is left")))
        self.layout_.addWidget(self.paragraph("lastTryText", lambda: translate(
            "screens", "If the next {pin} you enter is wrong, it will be locked and can only be reset at "
            "the counter. Do you want to try?").format(pin=pin_name(str(self._kind)))))
        # Side by side when both fit, one above the other when not.
        row = FlowLayout(align=Qt.AlignmentFlag.AlignHCenter, fill=True)
        no = self.button("lastTryNoButton", lambda: translate("screens", "No, stop here"), wrap=True)
        yes = self.button("lastTryYesButton", lambda: translate("screens", "Yes, enter it"), primary=True,
                          wrap=True)
        no.clicked.connect(lambda: self._answer(False))
        yes.clicked.connect(lambda: self._answer(True))
        row.addWidget(no)
        row.addWidget(yes)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)

    def ask(self, kind: PinKind, done: Callable[[bool], None]) -> None:
        self._kind, self._done = kind, done
        self.retranslate()

    def _answer(self, use_it: bool) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(use_it)
