"""A push button whose text wraps onto as many lines as its width needs.

A QPushButton draws its text on one line and asks for that whole width: a long translation in large text
then widens the window past the kiosk's screen. Here a word-wrapped label inside the button draws the
text, and the button's height follows its width (``heightForWidth``), as a wrapped label's does. The
button's own text stays empty, so Qt's one-line measure never applies: ``setText`` fills the label and
``shown_text`` reads it; callers set the accessible name, as for any button.

The label is styled as the button's text: it carries the button's role and whether it is pressed as
properties the theme's style sheet selects on (a style sheet cannot select a child by its parent's state).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QMargins, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyleOptionButton, QWidget

# ``QtCore.Qt`` and ``QtWidgets.QStyle`` are reached when used, not imported: PySide6 builds each on first
# access (about 20 ms together), and the counter window's first paint imports this module without using them.

TEXT_NAME_SUFFIX = "Text"  # the label's objectName: the button's, then this


class WrappingButton(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.label.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the button
        self.label.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.pressed.connect(self._mirror_state)
        self.released.connect(self._mirror_state)
        self._mirror_state()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.updateGeometry()

    def shown_text(self) -> str:
        return self.label.text()

    def setObjectName(self, name: str) -> None:
        super().setObjectName(name)
        self.label.setObjectName(f"{name}{TEXT_NAME_SUFFIX}")

    # -- sizes
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self._margins()
        inner = max(1, width - margins.left() - margins.right())
        return max(self._outer(QSize(inner, self.label.heightForWidth(inner))).height(), self.minimumHeight())

    def sizeHint(self) -> QSize:
        """The text on one line, if there is room for it."""
        self.ensurePolished()
        self.label.ensurePolished()
        one_line = self.label.fontMetrics().horizontalAdvance(self.label.text()) + 2
        width = self._outer(QSize(one_line, 0)).width()
        return QSize(width, self.heightForWidth(width)).expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word (or the button's minimum width)."""
        self.ensurePolished()
        self.label.ensurePolished()
        width = self._outer(QSize(self.label.minimumSizeHint().width(), 0)).width()
        width = max(width, self.minimumWidth())
        return QSize(width, self.heightForWidth(width))

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _outer(self, inner: QSize) -> QSize:
        """The button's size around a label of size ``inner``: the style's border, padding and minimum."""
        return self.style().sizeFromContents(QtWidgets.QStyle.ContentsType.CT_PushButton, self._option(), inner, self)

    def _margins(self) -> QMargins:
        """Border and padding: from the button's edge to its text."""
        option = self._option()
        option.rect = QRect(0, 0, 1000, 1000)
        inner = self.style().subElementRect(QtWidgets.QStyle.SubElement.SE_PushButtonContents, option, self)
        return QMargins(inner.left(), inner.top(), 1000 - inner.right() - 1, 1000 - inner.bottom() - 1)

    # -- Qt
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_label()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._place_label()
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DynamicPropertyChange:
            self._mirror_state()  # the role (primary) changed
        return super().event(event)

    def _place_label(self) -> None:
        self.label.setGeometry(self.rect().marginsRemoved(self._margins()))

    def _mirror_state(self) -> None:
        changed = False
        for name, value in (("buttonRole", self.property("role")), ("pressed", self.isDown())):
            if self.label.property(name) != value:
                self.label.setProperty(name, value)
                changed = True
        if changed:
            style = self.label.style()
            style.unpolish(self.label)
            style.polish(self.label)
            self.label.update()
