"""The kiosk's "call staff" screen: it follows the call (``kiosk.flows.staff_call``) in words.

The resident is told only what is true: that the call is on its way, that the counters have it, that
someone is coming, or, when the counters could not be told, to go to the counter themselves. The texts are
written for someone who may be reading their third language: short, concrete, one instruction each.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.flows.staff_call import CallState
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen, translate


def _heading(state: CallState) -> str:
    if state is CallState.SENDING:
        return translate("screens", "Calling a staff member…")
    if state is CallState.ANSWERED:
        return translate("screens", "A staff member is on the way.")
    if state is CallState.NOT_REACHED:
        return translate("screens", "The staff could not be called from here.")
    return translate("screens", "A staff member has been called.")


def _text(state: CallState) -> str:
    if state is CallState.NOT_REACHED:
        return translate("screens", "Please go to the counter, or ask anyone working here for help.")
    if state is CallState.SENT:
        return translate("screens", "Please wait here. Someone will come to help you.")
    return translate("screens", "Please wait here.")


class CallStaffScreen(Screen):
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("callStaffScreen", parent)
        self._state = CallState.SENDING
        self.layout_.addStretch(1)
        self.heading_label = self.heading("callStaffHeading", lambda: _heading(self._state))
        self.layout_.addWidget(self.heading_label)
        self.text_label = self.paragraph("callStaffText", lambda: _text(self._state))
        self.layout_.addWidget(self.text_label)
        back = self.button("callStaffBackButton", lambda: translate("screens", "Back"))
        back.clicked.connect(self.back)
        self.layout_.addWidget(back)
        self.layout_.addStretch(1)

    @property
    def state(self) -> CallState:
        return self._state

    def set_state(self, state: CallState) -> None:
        self._state = state
        theme.set_role(self.text_label, theme.ROLE_WARNING if state is CallState.NOT_REACHED else None)
        self.retranslate()
