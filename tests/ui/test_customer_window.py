"""The counter's second screen: the resident types on it; the staff's window shows only dots."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.pins import PinKind
from kiosk.domain.transactions import Mode
from kiosk.flows.interaction import PinPurpose, PinRequest
from kiosk.ui.controller import Controller
from kiosk.ui.customer import CustomerWindow


def test_the_pin_pad_faces_the_resident_and_staff_see_dots(qtbot: QtBot) -> None:
    staff_window = QStackedWidget()
    qtbot.addWidget(staff_window)
    customer = CustomerWindow()
    qtbot.addWidget(customer)
    controller = Controller(Mode.COUNTER, staff_window, customer=customer)
    answers: list[bytearray | None] = []

    controller.show_pin_entry(PinRequest(PinKind.AUTH, PinPurpose.NEW), answers.append)
    assert controller.current == "pinMirrorScreen"
    assert customer.stack.currentWidget() is controller.pin_entry
    assert staff_window.findChild(QWidget, "pinOk") is None  # no keys on the staff's side

    pad = controller.pin_entry.pad
    for digit in b"4321":
        pad.press(digit)
    assert controller.pin_mirror is not None
    shown = " ".join(label.text() + label.accessibleName() + label.accessibleDescription()
                     for label in controller.pin_mirror.findChildren(QLabel))
    assert "4321" not in shown and "32" not in shown and "21" not in shown  # dots and a count, never the digits
    pad.submit()
    assert answers == [bytearray(b"4321")]

    controller.show(controller.progress)
    assert customer.stack.currentWidget() is customer.welcome
