"""The check: what the card says, in plain words, and what can be done next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.calendar_config import SiteRules
from kiosk.calendar_text import date_text, renewal_visit_text
from kiosk.card.check import CardStatus
from kiosk.domain.certificates import CertificateState, CertificateStatus, RenewalState
from kiosk.domain.generation import CardGeneration
from kiosk.domain.renewal_visits import check_appointment, renewal_visit, require_bookable
from kiosk.errors import AppointmentRefused
from kiosk.messages import message_for, pin_name
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.scroll import ScrollingColumn


def renewal_text(standing: CertificateStatus) -> str:
    if standing.renewal is RenewalState.EXPIRED:
        return translate("check", "The certificate expired on {date}. A new one can be issued at the counter.") \
            .format(date=standing.expires_on.isoformat())
    if standing.renewal is RenewalState.OPEN:
        return translate("check", "The certificate can be renewed now, at the counter (since {date}).") \
            .format(date=standing.renewal_opens_on.isoformat())
    if standing.state is CertificateState.NOT_YET_VALID:
        return translate("check", "The certificate is valid from {date}.").format(date=standing.valid_from.isoformat())
    return translate("check", "Nothing to do now. Renewal opens on {date}.") \
        .format(date=standing.renewal_opens_on.isoformat())


def expiry_text(standing: CertificateStatus) -> str:
    if standing.days_left < 0:
        return translate("check", "{date} (expired {days} days ago)").format(
            date=standing.expires_on.isoformat(), days=-standing.days_left)
    return translate("check", "{date} ({days} days left)").format(
        date=standing.expires_on.isoformat(), days=standing.days_left)


def tries_text(tries_left: int, max_tries: int) -> str:
    if tries_left == 0:
        return translate("check", "Locked. It can be reset at the counter, or with your other PIN at a kiosk.")
    if tries_left == 1:
        return translate("check", "Only 1 try left of {max}").format(max=max_tries)
    return translate("check", "{left} of {max} tries left").format(left=tries_left, max=max_tries)


VISIT_NOTICE_DAYS = 30  # when to come is said from a month before renewal opens; earlier it is noise


class CheckScreen(Screen):
    """``procedure_requested``: "renew", "reset", "change", "card_info" or "done"."""

    procedure_requested = Signal(str)

    def __init__(self, *, counter: bool, parent: QWidget | None = None) -> None:
        super().__init__("checkScreen", parent)
        self._counter = counter
        self._status: CardStatus | None = None
        self._day = date.today()
        self.layout_.addWidget(self.heading("checkHeading", lambda: translate("screens", "Your card")))
        # What the card says scrolls if it must (long translations in large text); the heading and the
        # buttons stay in view.
        self.details_area = ScrollingColumn("checkDetails", self)
        column = self.details_area.column
        self.layout_.addWidget(self.details_area, 1)
        self.summary = self.paragraph("checkSummary")
        theme.set_role(self.summary, theme.ROLE_PROMPT)
        column.addWidget(self.summary)
        self.visit = self.paragraph("checkVisit")
        column.addWidget(self.visit)
        self._rules: SiteRules | None = None
        # A grid of word-wrapped labels, not a QFormLayout: a form gives a wrapped row label one line's height.
        self.details = QGridLayout()
        self.details.setColumnStretch(0, 2)
        self.details.setColumnStretch(1, 3)
        self._detail_labels: list[QLabel] = []
        column.addLayout(self.details)
        # Counter: an appointment date staff type is checked against the renewal window and the calendar
        # before the resident is booked.
        appointment = QHBoxLayout()
        self.appointment_label = QLabel(self)
        self.appointment_date = QDateEdit(self)
        self.appointment_date.setObjectName("appointmentDate")
        self.appointment_date.setCalendarPopup(True)
        self.appointment_date.setDisplayFormat("yyyy-MM-dd")
        self.text(self.appointment_label, lambda: translate("screens", "Appointment date"), accessible=False)
        self.named_by(self.appointment_date, self.appointment_label)
        self.appointment_button = self.button("appointmentCheckButton",
                                              lambda: translate("screens", "Check the date"))
        self.appointment_button.setMinimumWidth(0)
        self.appointment_button.clicked.connect(self._check_appointment)
        self.appointment_verdict = self.paragraph("appointmentVerdict")
        for widget in (self.appointment_label, self.appointment_date, self.appointment_button):
            appointment.addWidget(widget)
            widget.setVisible(counter)
        self.appointment_verdict.hide()  # until a date is checked
        column.addStretch(1)
        # Staff type the date: an input stays in view, under the details.
        self.layout_.addLayout(appointment)
        self.layout_.addWidget(self.appointment_verdict)
        # Two a row (three at the counter, which has five), or fewer when they do not fit.
        buttons = FlowLayout(fill=True, columns=3 if counter else 2)
        self.renew_button = self.button("renewButton", lambda: translate("screens", "Renew the certificates"))
        self.reset_button = self.button("resetPinButton", lambda: translate("screens", "Reset a forgotten PIN"))
        self.change_button = self.button("changePinButton", lambda: translate("screens", "Change a PIN"))
        self.card_info_button = self.button("cardInfoButton", lambda: translate("screens", "Fill in a form"))
        self.done_button = self.button("checkDoneButton", lambda: translate("screens", "Done"), primary=True)
        wanted = [self.reset_button, self.change_button, self.done_button]
        if counter:
            wanted = [self.renew_button, self.card_info_button, *wanted]
        else:
            self.renew_button.hide()
            self.card_info_button.hide()
        for button in wanted:
            buttons.addWidget(button)
        for name, button in (("renew", self.renew_button), ("reset", self.reset_button),
                             ("change", self.change_button), ("card_info", self.card_info_button),
                             ("done", self.done_button)):
            button.clicked.connect(lambda _checked=False, name=name: self.procedure_requested.emit(name))
        self.layout_.addLayout(buttons)
        self._texts.append(self._fill)

    def show_status(self, status: CardStatus, day: date, rules: SiteRules | None = None) -> None:
        """``rules``: the site's calendar and walk-in rule, to say when the resident can come to renew."""
        self._status, self._day, self._rules = status, day, rules
        self.appointment_date.setDate(QDate(day.year, day.month, day.day))
        self.appointment_verdict.setText("")
        self.appointment_verdict.hide()
        self._fill()

    def _check_appointment(self) -> None:
        if self._status is None or self._rules is None:
            return
        chosen = self.appointment_date.date()
        standing = self._status.certificate_status_on(self._day)
        check = check_appointment(date(chosen.year(), chosen.month(), chosen.day()), today=self._day,
                                  renewal_opens_on=standing.renewal_opens_on, expires_on=standing.expires_on,
                                  calendar=self._rules.calendar)
        try:
            booked = require_bookable(check)
        except AppointmentRefused as refused:
            text = message_for(refused)
        else:
            text = translate("screens", "{date} can be booked.").format(date=date_text(booked))
        self.appointment_verdict.setText(text)
        self.appointment_verdict.setAccessibleName(text)
        self.appointment_verdict.show()

    def clear(self) -> None:
        self._status = None
        self._fill()

    def _fill(self) -> None:
        for old in self._detail_labels:
            self.details.removeWidget(old)
            old.hide()  # not drawn in the moment before it is deleted
            old.deleteLater()
        self._detail_labels = []
        status = self._status
        if status is None:
            self.summary.setText("")
            self.visit.setText("")
            return
        standing = status.certificate_status_on(self._day)
        self.summary.setText(renewal_text(standing))
        self.summary.setAccessibleName(self.summary.text())
        visit_lines: list[str] = []
        soon = (standing.renewal_opens_on - self._day).days <= VISIT_NOTICE_DAYS
        if self._rules is not None and (standing.renewal is not RenewalState.NOT_DUE or soon):
            visit = renewal_visit(renewal_opens_on=standing.renewal_opens_on, expires_on=standing.expires_on,
                                  today=self._day, calendar=self._rules.calendar, rule=self._rules.walk_in)
            visit_lines = renewal_visit_text(visit, self._day)
        self.visit.setText("\n".join(visit_lines))
        self.visit.setAccessibleName(self.visit.text())
        self.renew_button.setEnabled(standing.renewal is not RenewalState.NOT_DUE)
        generation = (translate("check", "My Number Card (next generation)")
                      if status.profile.generation is CardGeneration.NEXT
                      else translate("check", "My Number Card"))
        rows = [(translate("check", "Card"), generation, "checkGeneration", False),
                (translate("check", "Certificate expires on"), expiry_text(standing), "checkExpiry",
                 standing.renewal is not RenewalState.NOT_DUE)]
        rows += [(pin_name(str(pin.kind)), tries_text(pin.tries_left, pin.max_tries), f"checkPin_{pin.kind}",
                  pin.tries_left <= 1) for pin in status.pins]
        if self._counter:
            rows.append((translate("check", "Certificate serial"), status.auth_certificate.serial_hex,
                         "checkSerial", False))
        for row, (label, value, name, warning) in enumerate(rows):
            caption = QLabel(label, self)
            caption.setObjectName(f"{name}Label")
            field = QLabel(value, self)
            field.setObjectName(name)
            field.setAccessibleName(f"{label}: {value}")
            caption.setBuddy(field)
            theme.set_role(field, theme.ROLE_WARNING if warning else None)
            for column, shown in enumerate((caption, field)):
                shown.setWordWrap(True)
                self.details.addWidget(shown, row, column, Qt.AlignmentFlag.AlignTop)
                self._detail_labels.append(shown)
