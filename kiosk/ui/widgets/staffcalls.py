"""The counter's notice of kiosks calling for staff: which kiosk, on what screen, in what language, since when.

Shown above every counter screen (signed in or locked) while a kiosk of the site has an unanswered call; it
beeps when a new call arrives. "I'm going" answers the oldest call for the whole site: the other counters'
notices clear, and the kiosk tells its resident that someone is coming. When another counter answered first,
this one says who is going instead, so that two staff members do not both leave their counters.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.theme import ROLE_NOTICE, ROLE_WARNING, set_role
from kiosk.ui.widgets.statusbar import format_age

if TYPE_CHECKING:  # the window is made before the first paint: httpx and the client come later
    from kiosk.sync.client import StaffCall

translate = QCoreApplication.translate

AGE_TICK_MS = 15_000
NOTE_MS = 20_000  # what happened to this counter's answer stays long enough to read from a step away


def _now() -> datetime:
    return datetime.now(UTC)


def screen_name(object_name: str) -> str:
    """The kiosk screen a resident called from, in the staff's words (docs/ui.md lists the objectNames)."""
    names: dict[str, Callable[[], str]] = {
        "attractScreen": lambda: translate("StaffCalls", "start screen"),
        "closedScreen": lambda: translate("StaffCalls", "closed screen"),
        "insertCardScreen": lambda: translate("StaffCalls", "placing the card"),
        "checkScreen": lambda: translate("StaffCalls", "certificate check"),
        "choosePinScreen": lambda: translate("StaffCalls", "choosing a PIN"),
        "pinEntryScreen": lambda: translate("StaffCalls", "entering a PIN"),
        "lastTryScreen": lambda: translate("StaffCalls", "last PIN try"),
        "progressScreen": lambda: translate("StaffCalls", "procedure running"),
        "resultScreen": lambda: translate("StaffCalls", "procedure result"),
    }
    name = names.get(object_name)
    return name() if name is not None else object_name


def language_name(code: str) -> str:
    names: dict[str, Callable[[], str]] = {
        "ja": lambda: translate("StaffCalls", "Japanese"),
        "en": lambda: translate("StaffCalls", "English"),
        "zh": lambda: translate("StaffCalls", "Chinese"),
        "ko": lambda: translate("StaffCalls", "Korean"),
        "vi": lambda: translate("StaffCalls", "Vietnamese"),
    }
    name = names.get(code)
    return name() if name is not None else code


class StaffCallBanner(QWidget):
    """Fed through ``show_calls`` (the site's open calls), ``show_answer`` and ``show_failure``.
    Signal: ``answer_requested(call_id)``."""

    answer_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = _now,
                 beep: Callable[[], None] = QApplication.beep) -> None:
        super().__init__(parent)
        self.setObjectName("staffCallBanner")
        self._clock = clock
        self._beep = beep
        self._calls: tuple[StaffCall, ...] = ()
        self._seen: set[str] = set()
        self._answering: str | None = None
        self._note_text: Callable[[], str] | None = None

        self.text = QLabel(self)
        self.text.setObjectName("staffCallText")
        self.text.setWordWrap(True)
        set_role(self.text, ROLE_WARNING)
        self.answer_button = QPushButton(self)
        self.answer_button.setObjectName("answerStaffCallButton")
        self.answer_button.setMinimumHeight(48)
        self.answer_button.clicked.connect(self._answer)
        self.note = QLabel(self)
        self.note.setObjectName("staffCallNote")
        self.note.setWordWrap(True)
        set_role(self.note, ROLE_NOTICE)

        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.addLayout(row)
        layout.addWidget(self.note)

        self._ages = QTimer(self)  # "3 min ago" keeps counting while nobody answers
        self._ages.setInterval(AGE_TICK_MS)
        self._ages.timeout.connect(self._render)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._note_timer.timeout.connect(self._clear_note)
        self._render()

    @property
    def calls(self) -> tuple[StaffCall, ...]:
        return self._calls

    def show_calls(self, calls: tuple[StaffCall, ...]) -> None:
        """The site's unanswered calls, oldest first (kiosk.ui.services)."""
        waiting = {found.call_id for found in calls}
        arrived = waiting - self._seen
        self._seen = waiting  # an answered call never comes back: remembering only these keeps this bounded
        self._calls = calls
        if self._answering not in {found.call_id for found in calls}:
            self._answering = None
        if arrived:
            self._beep()
        self._render()

    def show_answer(self, answered: StaffCall, mine: bool) -> None:
        """The service's word on this counter's answer: ours stands, or someone else is already going."""
        self._calls = tuple(found for found in self._calls if found.call_id != answered.call_id)
        self._answering = None
        kiosk = answered.terminal_id
        if mine:
            self._set_note(lambda: translate("StaffCalls", "You answered the call from kiosk {kiosk}.")
                           .format(kiosk=kiosk))
        else:
            who = answered.answered_staff or translate("StaffCalls", "a staff member")
            counter = answered.answered_by or "?"
            self._set_note(lambda: translate("StaffCalls", "{staff} at {counter} already answered the call from "
                                                           "kiosk {kiosk}.")
                           .format(staff=who, counter=counter, kiosk=kiosk))
        self._render()

    def show_failure(self, advice: str) -> None:
        self._answering = None
        self._set_note(lambda: translate("StaffCalls", "The answer did not reach the central service: {advice}")
                       .format(advice=advice))
        self._render()

    def _answer(self) -> None:
        if not self._calls or self._answering is not None:
            return
        self._answering = self._calls[0].call_id
        self._render()
        self.answer_requested.emit(self._answering)

    def _set_note(self, text: Callable[[], str]) -> None:
        self._note_text = text
        self._note_timer.start()

    def _clear_note(self) -> None:
        self._note_text = None
        self._render()

    def _render(self) -> None:
        self.note.setVisible(self._note_text is not None)
        if self._note_text is not None:
            self.note.setText(self._note_text())
            self.note.setAccessibleName(self.note.text())
        self.text.setVisible(bool(self._calls))
        self.answer_button.setVisible(bool(self._calls))
        self.setVisible(bool(self._calls) or self._note_text is not None)
        self.answer_button.setText(translate("StaffCalls", "Sending…") if self._answering
                                   else translate("StaffCalls", "I'm going"))
        self.answer_button.setEnabled(self._answering is None)
        if not self._calls:
            self._ages.stop()
            self.answer_button.setAccessibleName(self.answer_button.text())
            return
        self._ages.start()
        oldest = self._calls[0]
        age = format_age(max(0.0, (self._clock() - oldest.received_at).total_seconds()))
        text = translate("StaffCalls", "Kiosk {kiosk} is calling for staff ({screen}, {language}) for {age}.").format(
            kiosk=oldest.terminal_id, screen=screen_name(oldest.screen), language=language_name(oldest.language),
            age=age)
        if len(self._calls) > 1:
            text += " " + translate("StaffCalls", "Calls waiting in all: {count}.").format(count=len(self._calls))
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.answer_button.setAccessibleName(
            translate("StaffCalls", "Answer the call from kiosk {kiosk}").format(kiosk=oldest.terminal_id))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
