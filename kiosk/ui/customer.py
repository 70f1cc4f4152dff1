"""The counter's second screen, facing the resident: the PIN pad is there, and the staff's window shows only
the dots and the count (``PinMirror``). With one screen the pad stays in the staff's window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.widgets.pinpad import PinMirror, PinPad


class CustomerWindow(QWidget):
    """Frameless, on the second screen; shows a welcome line, or the PIN pad while a PIN is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("customerWindow")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("customerScreens")
        self.welcome = QLabel(self.stack)
        self.welcome.setObjectName("customerWelcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.stack.addWidget(self.welcome)
        layout.addWidget(self.stack)
        self.retranslate()

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def retranslate(self) -> None:
        self.welcome.setText(translate("window", "Please follow the staff member's instructions. "
                                                 "When asked, enter your PIN on this screen."))
        self.welcome.setAccessibleName(self.welcome.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not getattr(self, "closing_for_real", False):
            event.ignore()  # it closes with the staff's window
            return
        super().closeEvent(event)

    def show_on_second_screen(self) -> bool:
        """Full screen on the second screen; False (and hidden) when there is only one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return False
        self.setScreen(screens[1])
        self.setGeometry(screens[1].geometry())
        self.showFullScreen()
        return True


class PinMirrorScreen(Screen):
    """The staff's window while the resident types on the second screen."""

    def __init__(self, pad: PinPad, parent: QWidget | None = None) -> None:
        super().__init__("pinMirrorScreen", parent)
        self.layout_.addWidget(self.heading("pinMirrorHeading", lambda: translate(
            "screens", "The resident is entering a PIN on their screen.")))
        self.mirror = PinMirror(self)
        self.mirror.follow(pad)
        self.layout_.addWidget(self.mirror, 1)
