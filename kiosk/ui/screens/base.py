"""What every screen shares: retranslation on a language change, and accessible, named controls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.wrapping_button import WrappingButton

MIN_TARGET = 64  # px: well above WCAG's 44 for fingers at a kiosk
# ``QtCore.Qt`` is reached through its module, when used: creating the namespace of enums costs 12 ms, which
# the window's first paint does without (it imports this module for the two names above and below).


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class Screen(QWidget):
    """A screen: subclasses build their widgets, then put their texts in ``retranslate``."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(40, 16, 40, 16)
        self.layout_.setSpacing(12)
        self._texts: list[Callable[[], None]] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for apply in self._texts:
            apply()

    def text(self, widget: QLabel | QPushButton, source: Callable[[], str], *, accessible: bool = True) -> None:
        """Give ``widget`` a text that follows the language (and the same accessible name)."""
        def apply() -> None:
            value = source()
            widget.setText(value)
            if accessible:
                widget.setAccessibleName(value)
        self._texts.append(apply)
        apply()

    def labelled(self, widget: QAbstractButton, source: Callable[[], str]) -> None:
        """A check box or button whose text (and accessible name) follows the language."""
        def apply() -> None:
            widget.setText(source())
            widget.setAccessibleName(source())
        self._texts.append(apply)

    def named_by(self, field: QWidget, label: QLabel) -> None:
        """An input's accessible name is its label's text, in the current language."""
        label.setBuddy(field)

        def apply() -> None:
            field.setAccessibleName(label.text())
        self._texts.append(apply)  # after the label's own text (name the label first)
        apply()

    def heading(self, object_name: str, source: Callable[[], str]) -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        theme.set_role(label, theme.ROLE_HEADING)
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.text(label, source)
        return label

    def paragraph(self, object_name: str, source: Callable[[], str] | None = None) -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        if source is not None:
            self.text(label, source)
        return label

    def button(self, object_name: str, source: Callable[[], str], *, primary: bool = False,
               wrap: bool = False) -> QPushButton:
        """``wrap``: a text that may not fit one line (a sentence, not a word or two) wraps onto more."""
        button = WrappingButton(self) if wrap else QPushButton(self)
        button.setObjectName(object_name)
        button.setMinimumHeight(MIN_TARGET)
        button.setMinimumWidth(MIN_TARGET * 3)
        if primary:
            theme.set_role(button, theme.ROLE_PRIMARY)
        button.setAutoDefault(primary)
        self.text(button, source)
        return button
