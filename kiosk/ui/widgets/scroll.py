"""A column of text that scrolls when it is taller than its room: the last resort, so a long translation in
large text is read whole instead of being cut off. What must stay in view (buttons, keys, the PIN's dots)
stays outside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QSizePolicy, QVBoxLayout, QWidget


class ScrollingColumn(QScrollArea):
    """A frameless vertical scroll area; ``column`` is the layout of its content (add, then a stretch).

    It asks for the height its content needs at its width (so what follows it in a layout sits right under
    the text) and takes less, scrolling, only when the layout has no more.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalScrollBar().setObjectName(f"{object_name}ScrollBar")
        self.horizontalScrollBar().setObjectName(f"{object_name}SidewaysScrollBar")
        content = QWidget(self)
        content.setObjectName(f"{object_name}Content")
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.setWidget(content)
        # A finger drags the text (a touch screen has no wheel); a mouse click still reaches what it clicks.
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.retranslate()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        width = self.viewport().width()
        needed = content.heightForWidth(width) if content is not None and width > 0 else -1
        return QSize(hint.width(), needed) if needed >= 0 else hint  # -1: nothing in it wraps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # new text in it: the height it asks for changed
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height it asks for follows the width

    def retranslate(self) -> None:
        name = QCoreApplication.translate("screens", "Scroll the text")
        self.verticalScrollBar().setAccessibleName(name)
        self.horizontalScrollBar().setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
