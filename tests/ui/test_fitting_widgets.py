"""The parts that let long texts fit a kiosk screen: a button whose text wraps, a row of buttons that goes on
in a new row, a column of text that scrolls only when it has no more room."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import theme
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.scroll import ScrollingColumn
from kiosk.ui.widgets.wrapping_button import WrappingButton

LONG = "a choice described in a whole sentence, far too long for one line of this narrow window " * 3


def shown(qtbot: QtBot, root: QWidget, width: int, height: int) -> None:
    qtbot.addWidget(root)
    root.resize(width, height)
    root.show()
    qtbot.waitExposed(root)
    layout = root.layout()
    assert layout is not None
    layout.activate()


def text_colour(label: QLabel) -> str:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_wrapping_button_grows_as_tall_as_its_wrapped_text(qtbot: QtBot, styled: QApplication) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    button = WrappingButton(root)
    button.setObjectName("choice")
    button.setText(LONG)
    layout.addWidget(button)
    layout.addStretch(1)
    shown(qtbot, root, 400, 700)

    assert root.width() == 400  # the text did not widen the window
    assert button.text() == "" and button.shown_text() == LONG  # Qt's one-line measure never applies
    assert button.label.objectName() == "choiceText"
    assert button.label.wordWrap()
    assert button.label.heightForWidth(button.label.width()) <= button.label.height()
    assert button.height() >= theme.NORMAL.target_px
    assert button.height() > 3 * button.label.fontMetrics().height()  # several lines, each with its room


def test_a_wrapping_button_is_clicked_and_focused_as_a_button(qtbot: QtBot, styled: QApplication) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    button = WrappingButton(root)
    button.setText("Call staff")
    layout.addWidget(button)
    shown(qtbot, root, 400, 200)

    centre = button.label.geometry().center()
    assert root.childAt(button.mapTo(root, centre)) is button  # a touch on the text reaches the button
    with qtbot.waitSignal(button.clicked):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=centre)
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab reaches it; its text is no stop of its own
    assert button.label.focusPolicy() == Qt.FocusPolicy.NoFocus
    with qtbot.waitSignal(button.clicked):
        qtbot.keyClick(button, Qt.Key.Key_Space)


@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_a_wrapping_buttons_text_has_the_buttons_colours(qtbot: QtBot, styled: QApplication,
                                                         chosen: theme.Theme) -> None:
    theme.apply(styled, chosen)
    root = QWidget()
    layout = QVBoxLayout(root)
    plain, primary = WrappingButton(root), WrappingButton(root)
    theme.set_role(primary, theme.ROLE_PRIMARY)
    for button in (plain, primary):
        button.setText("OK")
        layout.addWidget(button)
    shown(qtbot, root, 400, 300)

    assert text_colour(plain.label) == chosen.button_text
    assert text_colour(primary.label) == chosen.primary_text
    plain.setDown(True)
    plain.pressed.emit()
    assert text_colour(plain.label) == chosen.pressed_text
    plain.setDown(False)
    plain.released.emit()
    assert text_colour(plain.label) == chosen.button_text
    plain.setEnabled(False)
    assert text_colour(plain.label) == chosen.disabled_text


def buttons_in_a_row(qtbot: QtBot, width: int, *, fill: bool = False,
                     columns: int | None = None) -> tuple[QWidget, list[QPushButton]]:
    root = QWidget()
    outer = QVBoxLayout(root)
    row = FlowLayout(fill=fill, columns=columns)
    buttons = []
    for index in range(3):
        button = QPushButton(f"Button number {index}", root)
        row.addWidget(button)
        buttons.append(button)
    outer.addLayout(row)
    outer.addStretch(1)
    shown(qtbot, root, width, 600)
    return root, buttons


def test_a_row_of_buttons_that_fits_stays_one_row(qtbot: QtBot, styled: QApplication) -> None:
    _root, buttons = buttons_in_a_row(qtbot, 1200)
    assert len({button.y() for button in buttons}) == 1
    assert all(button.size() == button.sizeHint() for button in buttons)


def test_a_row_of_buttons_goes_on_in_a_new_row_instead_of_widening_the_window(qtbot: QtBot,
                                                                              styled: QApplication) -> None:
    needed = QPushButton("Button number 0").sizeHint().width()
    root, buttons = buttons_in_a_row(qtbot, needed + 60)
    assert root.width() == needed + 60
    assert len({button.y() for button in buttons}) == 3  # one a row
    for upper, lower in itertools.pairwise(buttons):
        assert lower.y() >= upper.geometry().bottom()  # none on another
    assert all(button.width() >= button.sizeHint().width() and button.height() >= button.sizeHint().height()
               for button in buttons)
    assert all(button.geometry().right() < root.width() for button in buttons)


def test_a_filled_row_is_as_wide_as_its_room_and_columns_cap_a_row(qtbot: QtBot, styled: QApplication) -> None:
    root, buttons = buttons_in_a_row(qtbot, 1200, fill=True, columns=2)
    first, second, third = buttons
    assert first.y() == second.y() < third.y()
    content = root.contentsRect().marginsRemoved(root.layout().contentsMargins())  # type: ignore[union-attr]
    assert first.x() == third.x() == content.left()
    assert second.geometry().right() == third.geometry().right() == content.right()


def test_a_scrolling_column_asks_for_its_texts_height_and_scrolls_only_without_room(qtbot: QtBot,
                                                                                   styled: QApplication) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    column = ScrollingColumn("texts", root)
    text = QLabel(LONG, column)
    text.setWordWrap(True)
    column.column.addWidget(text)
    after = QLabel("right under the text", root)
    layout.addWidget(column)
    layout.addWidget(after)
    layout.addStretch(1)
    shown(qtbot, root, 500, 800)
    qtbot.waitUntil(lambda: column.height() >= text.heightForWidth(text.width()))
    assert not column.verticalScrollBar().isVisible()
    assert after.y() < 800 // 2  # under the text, not pushed to the bottom

    root.resize(500, 150)
    layout.activate()
    qtbot.waitUntil(lambda: column.verticalScrollBar().isVisible())
    assert text.heightForWidth(text.width()) <= text.height()  # all of it, to scroll to
    assert column.verticalScrollBar().accessibleName() and column.verticalScrollBar().objectName()
    assert column.mapTo(root, QPoint(0, column.height())).y() <= 150
