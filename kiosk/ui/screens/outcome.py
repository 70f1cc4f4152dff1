"""How a procedure ended: the result in plain words, what to do next, the receipt; and the card's
information for the paperless form (shown, exportable, kept nowhere)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from kiosk.card.cardinfo import CardInfoAttributes, Sex
from kiosk.messages import Advice, Remedy
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen, translate


class ResultScreen(Screen):
    """``chosen``: "again" (retry), "start" (back to the start), "staff" (call staff), "receipt"."""

    chosen = Signal(str)

    def __init__(self, *, counter: bool, parent: QWidget | None = None) -> None:
        super().__init__("resultScreen", parent)
        self._counter = counter
        self.layout_.addStretch(1)
        self.title = self.heading("resultHeading", lambda: "")
        self.layout_.addWidget(self.title)
        self.body = self.paragraph("resultText")
        self.layout_.addWidget(self.body)
        self.lines = QFormLayout()
        self.layout_.addLayout(self.lines)
        self.layout_.addStretch(1)
        row = QHBoxLayout()
        self.again = self.button("resultAgainButton", lambda: translate("screens", "Try again"))
        self.staff = self.button("resultCallStaffButton", lambda: translate("screens", "Call staff"))
        self.receipt = self.button("resultReceiptButton", lambda: translate("screens", "Print the receipt"))
        self.start = self.button("resultDoneButton", lambda: translate("screens", "Done"), primary=True)
        for name, button in (("again", self.again), ("staff", self.staff), ("receipt", self.receipt),
                             ("start", self.start)):
            button.clicked.connect(lambda _checked=False, name=name: self.chosen.emit(name))
            row.addWidget(button)
        self.layout_.addLayout(row)

    def show_success(self, title: str, text: str, lines: list[tuple[str, str]], *, receipt: bool) -> None:
        self._show(title, text, lines)
        theme.set_role(self.title, theme.ROLE_HEADING)
        theme.set_role(self.body, theme.ROLE_PROMPT)
        self.again.hide()
        self.staff.hide()
        self.receipt.setVisible(receipt and self._counter)

    def show_problem(self, title: str, advice: Advice) -> None:
        self._show(title, advice.text, [])
        theme.set_role(self.title, theme.ROLE_HEADING)
        theme.set_role(self.body, theme.ROLE_ERROR if advice.remedy is not Remedy.NONE else theme.ROLE_PROMPT)
        self.again.setVisible(advice.remedy in (Remedy.RETRY, Remedy.REINSERT_CARD))
        self.staff.setVisible(not self._counter and advice.remedy in (Remedy.CALL_STAFF, Remedy.TECHNICIAN))
        self.receipt.hide()

    def _show(self, title: str, text: str, lines: list[tuple[str, str]]) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.body.setText(text)
        self.body.setAccessibleName(text)
        while self.lines.rowCount():
            self.lines.removeRow(0)
        for label, value in lines:
            field = QLabel(value, self)
            field.setAccessibleName(f"{label}: {value}")
            self.lines.addRow(label, field)


def sex_text(sex: Sex) -> str:
    if sex is Sex.MALE:
        return translate("cardinfo", "Male")
    if sex is Sex.FEMALE:
        return translate("cardinfo", "Female")
    return translate("cardinfo", "Not applicable")


class CardInfoScreen(Screen):
    """``chosen``: "export" (the pre-filled form as PDF) or "done". ``clear`` forgets what was shown."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("cardInfoScreen", parent)
        self.layout_.addWidget(self.heading("cardInfoHeading", lambda: translate(
            "screens", "The card's information for the application")))
        self.layout_.addWidget(self.paragraph("cardInfoHint", lambda: translate(
            "screens", "Shown for filling in the form only; the terminal keeps none of it.")))
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        row = QHBoxLayout()
        export = self.button("cardInfoExportButton", lambda: translate("screens", "Print the pre-filled form"))
        done = self.button("cardInfoDoneButton", lambda: translate("screens", "Done"), primary=True)
        export.clicked.connect(lambda: self.chosen.emit("export"))
        done.clicked.connect(lambda: self.chosen.emit("done"))
        row.addWidget(export)
        row.addWidget(done)
        self.layout_.addLayout(row)

    def show_attributes(self, attributes: CardInfoAttributes) -> None:
        self.clear()
        for name, label, value in (
                ("cardInfoName", translate("cardinfo", "Name"), attributes.name),
                ("cardInfoAddress", translate("cardinfo", "Address"), attributes.address),
                ("cardInfoBirthDate", translate("cardinfo", "Date of birth"), attributes.birth_date.isoformat()),
                ("cardInfoSex", translate("cardinfo", "Sex"), sex_text(attributes.sex))):
            field = QLabel(value, self)
            field.setObjectName(name)
            field.setWordWrap(True)
            field.setAccessibleName(label)
            self.form.addRow(label, field)

    def clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)


def _constant(text: str) -> Callable[[], str]:
    """A language's own name: the same in every language."""
    return lambda: text


class AttractScreen(Screen):
    """The kiosk at rest: touch to start, in the resident's language."""

    start = Signal()
    language_chosen = Signal(str)

    def __init__(self, languages: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__("attractScreen", parent)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("attractHeading", lambda: translate(
            "kiosk", "My Number Card certificates and PINs")))
        self.layout_.addWidget(self.paragraph("attractText", lambda: translate(
            "kiosk", "Check when your certificate expires, or reset a forgotten PIN with your other PIN.")))
        begin = self.button("attractStartButton", lambda: translate("kiosk", "Start"), primary=True)
        begin.clicked.connect(self.start)
        self.layout_.addWidget(begin)
        row = QHBoxLayout()
        for code, name in languages.items():
            button = self.button(f"language_{code}", _constant(name))
            button.clicked.connect(lambda _checked=False, code=code: self.language_chosen.emit(code))
            row.addWidget(button)
        self.layout_.addStretch(1)
        self.layout_.addLayout(row)


class ClosedScreen(Screen):
    """Outside the site's service hours: when the kiosk opens next (a text that follows the language)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("closedScreen", parent)
        self._next: Callable[[], str] = lambda: ""
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.heading("closedHeading", lambda: translate(
            "kiosk", "This kiosk is closed now.")))
        self.layout_.addWidget(self.paragraph("closedNext", lambda: self._next()))  # noqa: PLW0108 - late: _next changes
        self.layout_.addStretch(1)

    def show_next_opening(self, text: Callable[[], str]) -> None:
        self._next = text
        self.retranslate()
