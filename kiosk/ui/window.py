"""The terminal's window: a training banner, the screens, and the status bar; a kiosk's is locked down.

Counter mode is an ordinary window (staff may move it, a second screen may face the resident). Kiosk
mode is full screen and frameless, hides the cursor for touch and ignores close requests and Alt+F4; what
lies beyond the application (switching sessions, the desktop) is the compositor's job (a cage session).

``kiosk.ui.app.run`` paints the window before it has its status bar and training banner
(``starting=True``), then ``furnish``es it: those two need PySide6's ``Qt`` namespace of enums (12 ms to
create) and the text fonts, which the first paint of a counter window then does without. A kiosk's
lockdown needs ``Qt`` before its first show, so a kiosk pays it before its paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.modes import Mode
from kiosk.ui import theme
from kiosk.ui.screens.base import MIN_TARGET, translate

if TYPE_CHECKING:
    from kiosk.ui.widgets.staffcalls import StaffCallBanner
    from kiosk.ui.widgets.statusbar import StatusBar


class MainWindow(QMainWindow):
    status: StatusBar  # made by furnish()
    staff_calls: StaffCallBanner  # made by furnish(): a kiosk of the site calling for staff (counter)

    def __init__(self, mode: Mode, *, training: bool, lockdown: bool | None = None,
                 starting: bool = False) -> None:
        """``starting``: only what the first paint shows; ``furnish()`` adds the rest."""
        super().__init__()
        self.mode = mode
        self.training = training
        self.lockdown = mode is Mode.KIOSK if lockdown is None else lockdown
        self.setObjectName("kioskWindow" if mode is Mode.KIOSK else "counterWindow")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.banner = QLabel(body)
        self.banner.setObjectName("trainingBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)  # until furnished
        layout.addWidget(self.banner)

        top = QHBoxLayout()
        top.setContentsMargins(16, 8, 16, 8)
        self.who = QLabel(body)
        self.who.setObjectName("signedInStaff")
        top.addWidget(self.who)
        top.addStretch(1)
        self.lock_button = QPushButton(body)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setMinimumHeight(48)
        self.lock_button.setVisible(False)  # until a staff member signs in
        # The kiosk's buttons wrap their text: three of them must share 1280 px in every language and in large
        # text, and a second row would take the PIN pad's height. A counter never shows them, and its first
        # paint does without the wrapping button's Qt enums and QStyle (kiosk.ui.app.run).
        if mode is Mode.KIOSK:
            from kiosk.ui.widgets.wrapping_button import WrappingButton

            kiosk_button: type[QPushButton] = WrappingButton
        else:
            kiosk_button = QPushButton
        self.call_staff_button = kiosk_button(body)
        self.call_staff_button.setObjectName("callStaffButton")
        self.call_staff_button.setMinimumHeight(MIN_TARGET)
        self.call_staff_button.setVisible(mode is Mode.KIOSK)
        # Every kiosk screen offers larger text and higher contrast (JIS X 8341-3 / WCAG AA).
        self.large_text_button = kiosk_button(body)
        self.large_text_button.setObjectName("largeTextButton")
        self.contrast_button = kiosk_button(body)
        self.contrast_button.setObjectName("highContrastButton")
        for toggle in (self.large_text_button, self.contrast_button):
            toggle.setCheckable(True)
            toggle.setMinimumHeight(MIN_TARGET)
            toggle.setVisible(mode is Mode.KIOSK)
            toggle.toggled.connect(self._apply_theme)
            top.addWidget(toggle)
        self.today_button = QPushButton(body)
        self.today_button.setObjectName("dashboardButton")
        self.today_button.setMinimumHeight(48)
        self.today_button.setVisible(False)  # until a staff member signs in
        top.addWidget(self.today_button)
        top.addWidget(self.lock_button)
        top.addWidget(self.call_staff_button)
        layout.addLayout(top)

        self.stack = QStackedWidget(body)
        self.stack.setObjectName("screens")
        layout.addWidget(self.stack, 1)
        self._layout = layout
        self.setCentralWidget(body)
        self.retranslate()
        if self.lockdown:
            self.setWindowFlag(QtCore.Qt.WindowType.FramelessWindowHint, True)
            self.setCursor(QCursor(QtCore.Qt.CursorShape.BlankCursor))
        if not starting:
            self.furnish()

    def furnish(self) -> None:
        """The training banner's style and the status bar (once; see the module's docstring)."""
        if hasattr(self, "status"):
            return
        from kiosk.ui.widgets.staffcalls import StaffCallBanner
        from kiosk.ui.widgets.statusbar import StatusBar

        # Above every counter screen, locked or not; hidden until a counter's services feed it calls.
        self.staff_calls = StaffCallBanner(self.centralWidget())
        self._layout.insertWidget(self._layout.indexOf(self.banner) + 1, self.staff_calls)

        self.banner.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        theme.set_role(self.banner, theme.ROLE_BANNER)
        # The counter's status bar carries the training banner; a kiosk shows residents no status bar.
        self.banner.setVisible(self.training and self.mode is Mode.KIOSK)
        self.status = StatusBar(self.centralWidget())
        self.status.setObjectName("terminalStatus")
        self.status.setVisible(self.mode is Mode.COUNTER)
        self._layout.addWidget(self.status)

    def show_for_mode(self) -> None:
        screen = self.screen()
        if self.lockdown:
            if screen is not None:  # without a window manager (cage hands us the output) say the size too
                self.setGeometry(screen.geometry())
            self.showFullScreen()
            return
        if screen is not None:
            self.resize(screen.availableGeometry().size())
        self.show()

    def _apply_theme(self) -> None:
        theme.apply(self, theme.theme_for(large_text=self.large_text_button.isChecked(),
                                          high_contrast=self.contrast_button.isChecked()))

    def reset_display(self) -> None:
        """The next resident starts with the normal display."""
        self.large_text_button.setChecked(False)
        self.contrast_button.setChecked(False)

    def set_staff(self, staff_id: str | None) -> None:
        self._staff = staff_id
        self.lock_button.setVisible(self.mode is Mode.COUNTER and staff_id is not None)
        self.today_button.setVisible(self.mode is Mode.COUNTER and staff_id is not None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("window", "e-certificate terminal"))
        self.banner.setText(translate("window", "TRAINING: a virtual card and a local central service. "
                                                "Nothing here is real."))
        self.banner.setAccessibleName(self.banner.text())
        self.today_button.setText(translate("window", "Today's counts"))
        self.today_button.setAccessibleName(self.today_button.text())
        self.lock_button.setText(translate("window", "Lock"))
        self.lock_button.setAccessibleName(self.lock_button.text())
        for button, text in ((self.call_staff_button, translate("window", "Call staff")),
                             (self.large_text_button, translate("window", "Larger text")),
                             (self.contrast_button, translate("window", "High contrast"))):
            button.setText(text)
            button.setAccessibleName(text)
        staff_id = getattr(self, "_staff", None)
        self.who.setText(translate("window", "Signed in: {staff}").format(staff=staff_id) if staff_id else "")
        self.who.setVisible(bool(staff_id))  # an empty label would still take the buttons' width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lockdown and not getattr(self, "closing_for_real", False):
            event.ignore()  # Alt+F4, a stray close: a kiosk stays up
            return
        super().closeEvent(event)
