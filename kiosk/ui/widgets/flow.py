"""A row of buttons that goes on in a new row when the width runs out, instead of widening the window.

Long translations and the large-text theme make a row of buttons wider than a kiosk's 1280 px: a
QHBoxLayout then forces the window wider and everything beyond the screen's edge is lost. ``FlowLayout``
keeps each button's whole size and starts a new row instead (its height follows its width, as a wrapped
label's does). ``fill`` widens the buttons of a row to the row's full width, as a QHBoxLayout would;
``columns`` caps how many share a row (a 2-column grid that still breaks up when a pair does not fit).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                 fill: bool = False, columns: int | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._align = align
        self._fill = fill
        self._columns = columns
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item list
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._grown(QSize(width, height))

    def minimumSize(self) -> QSize:
        """One button a row: as narrow as the widest button."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return self._grown(QSize(width, height))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _grown(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size.grownBy(margins)

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            full = self._columns is not None and rows and len(rows[-1]) >= self._columns
            if not rows or full or used + self.spacing() + wanted > width:
                rows.append([item])
                used = wanted
            else:
                rows[-1].append(item)
                used += self.spacing() + wanted
        return rows

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (when ``place``); the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        top = area.top()
        for row in self._rows(area.width()):
            widths = [min(item.sizeHint().width(), area.width()) for item in row]
            free = area.width() - sum(widths) - self.spacing() * (len(row) - 1)
            if self._fill and free > 0:
                share, rest = divmod(free, len(row))
                widths = [width + share + (1 if index < rest else 0) for index, width in enumerate(widths)]
                free = 0
            heights = [item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
                       for item, width in zip(row, widths, strict=True)]
            row_height = max(heights)
            if self._align & Qt.AlignmentFlag.AlignRight:
                x = area.left() + free
            elif self._align & Qt.AlignmentFlag.AlignHCenter:
                x = area.left() + free // 2
            else:
                x = area.left()
            if place:
                for item, width in zip(row, widths, strict=True):
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, row_height)))
                    x += width + self.spacing()
            top += row_height + self.spacing()
        used = top - self.spacing() - area.top() if top > area.top() else 0
        margins = self.contentsMargins()
        return used + margins.top() + margins.bottom()
