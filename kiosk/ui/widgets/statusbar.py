"""The strip at the bottom of every counter screen: reader and card, the central service, the outbox.

It answers the staff's first questions without a click: is the reader there, is there a card, can the
terminal reach the central service (and since when not), how much is waiting to be sent and for how long,
were records refused (a click lists them: ``rejected_clicked``), is sending stopped for a technician, and is
this training. Every state is said in words, colour only repeats it (WCAG 1.4.1).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.state import TerminalState
from kiosk.ui.theme import (
    ROLE_BANNER,
    ROLE_LINK,
    ROLE_STATUS_OK,
    ROLE_STATUS_PROBLEM,
    ROLE_WARNING,
    set_role,
)

translate = QCoreApplication.translate

STALE_BACKLOG_S = 24 * 3600  # offices reconcile daily: a record older than a day is a problem


def format_age(seconds: float) -> str:
    """A duration in its largest whole unit: "45 s", "12 min", "3 h", "2 days"."""
    whole = int(seconds)
    if whole < 60:
        return translate("StatusBar", "{count} s").format(count=whole)
    if whole < 3600:
        return translate("StatusBar", "{count} min").format(count=whole // 60)
    if whole < 86400:
        return translate("StatusBar", "{count} h").format(count=whole // 3600)
    return translate("StatusBar", "{count} days").format(count=whole // 86400)


def format_since(moment: datetime, now: datetime) -> str:
    """Local wall-clock time; with the date when it was not today."""
    local, today = moment.astimezone(), now.astimezone()
    return local.strftime("%H:%M") if local.date() == today.date() else local.strftime("%m/%d %H:%M")


def _now() -> datetime:
    return datetime.now(UTC)


def _label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    # Large Japanese text does not fit one line of a 1280 px screen: an item wraps rather than pushing the
    # others (or the rejected button) out of sight.
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class _CountButton(QPushButton):
    """A button whose text is never cut off: the style sheet's min-width is a floor for touch targets, and a
    layout short of room would squeeze a button down to that floor, hiding the count."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit()
        return handled

    def _fit(self) -> None:
        self.setMinimumWidth(self.sizeHint().width())


class StatusBar(QWidget):
    """Fed only through ``show_state``. Signal: ``rejected_clicked()``."""

    rejected_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = _now) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._clock = clock
        self._state = TerminalState()
        self._training = _label("statusTraining")
        self._training.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self._training, ROLE_BANNER)
        self._reader = _label("statusReader")
        self._central = _label("statusCentral")
        self._outbox = _label("statusOutbox")
        self._sender = _label("statusSender")
        self._rejected = _CountButton()
        self._rejected.setObjectName("statusRejected")
        set_role(self._rejected, ROLE_LINK)
        self._rejected.clicked.connect(self.rejected_clicked)

        row = QHBoxLayout()
        row.setSpacing(24)
        for widget in (self._reader, self._central, self._outbox, self._sender):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self._rejected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._training)
        layout.addLayout(row)
        self.show_state(self._state)

    def state(self) -> TerminalState:
        return self._state

    def show_state(self, state: TerminalState) -> None:
        self._state = state
        self._show_reader(state)
        self._show_central(state)
        self._show_outbox(state)
        self._training.setText(translate(
            "StatusBar", "TRAINING MODE: practice only, no real certificate is issued"))
        self._training.setAccessibleName(translate("StatusBar", "Training mode"))
        self._training.setVisible(state.training)
        self._rejected.setText(translate("StatusBar", "Rejected: {count}").format(count=state.rejected))
        self._rejected.setAccessibleName(
            translate("StatusBar", "Rejected records: {count}. Show them").format(count=state.rejected))
        self._rejected.setVisible(True)

    def _set(self, label: QLabel, text: str, name: str, role: str | None) -> None:
        label.setText(text)
        label.setAccessibleName(name)
        label.setAccessibleDescription(text)
        set_role(label, role)

    def _show_reader(self, state: TerminalState) -> None:
        name = translate("StatusBar", "Card reader")
        self._reader.setToolTip(state.reader or "")
        if not state.pcsc_available:
            self._set(self._reader, translate("StatusBar", "Card reader service not running"), name,
                      ROLE_STATUS_PROBLEM)
        elif state.reader is None:
            self._set(self._reader, translate("StatusBar", "No card reader"), name, ROLE_STATUS_PROBLEM)
        elif state.card_present:
            self._set(self._reader, translate("StatusBar", "{reader}: card inserted").format(reader=state.reader),
                      name, ROLE_STATUS_OK)
        else:
            self._set(self._reader, translate("StatusBar", "{reader}: no card").format(reader=state.reader),
                      name, None)

    def _show_central(self, state: TerminalState) -> None:
        name = translate("StatusBar", "Central service")
        since = format_since(state.central_since, self._clock()) if state.central_since else None
        if state.central_reachable is None:
            self._set(self._central, translate("StatusBar", "Central service: not checked yet"), name, None)
        elif state.central_reachable:
            text = (translate("StatusBar", "Central service: connected since {time}").format(time=since)
                    if since else translate("StatusBar", "Central service: connected"))
            self._set(self._central, text, name, ROLE_STATUS_OK)
        else:
            text = (translate("StatusBar", "Central service: unreachable since {time}").format(time=since)
                    if since else translate("StatusBar", "Central service: unreachable"))
            self._set(self._central, text, name, ROLE_STATUS_PROBLEM)

    def _show_outbox(self, state: TerminalState) -> None:
        name = translate("StatusBar", "Records waiting to be sent")
        age = state.oldest_pending_age_s
        if state.backlog == 0:
            self._set(self._outbox, translate("StatusBar", "Outbox: nothing waiting"), name, ROLE_STATUS_OK)
        elif age is None:
            self._set(self._outbox, translate("StatusBar", "Outbox: {count} waiting").format(count=state.backlog),
                      name, None)
        else:
            text = translate("StatusBar", "Outbox: {count} waiting, oldest {age}").format(
                count=state.backlog, age=format_age(age))
            self._set(self._outbox, text, name, ROLE_STATUS_PROBLEM if age >= STALE_BACKLOG_S else None)
        paused = state.sender_paused_reason
        self._sender.setVisible(paused is not None)
        self._set(self._sender, translate("StatusBar", "Sending stopped: please call a technician"),
                  translate("StatusBar", "Sending"), ROLE_WARNING)
        self._sender.setToolTip(paused or "")  # the technical reason, for the technician

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_state(self._state)
        super().changeEvent(event)
