"""The on-screen PIN pad facing the resident, and its masked mirror for the staff's screen.

The pad's keys never move (a shuffled pad defeats people who type by position, and the terminal's camera
question is the site's business, not ours); the signing password adds a letter page, A to Z in order. What
has been typed is shown as dots only: no widget text, accessible name or description ever holds a typed
character, only how many there are. The value lives in a pre-sized ``bytearray`` (growing one would leave
copies behind in freed memory), is handed out once through ``entered`` and wiped at once; the receiver owns
that copy and wipes it (``kiosk.domain.pins.wipe``). Hiding the pad wipes it too, so a screen change or an
idle return never leaves a half-typed PIN behind.

Qt Virtual Keyboard is GPL or commercial only (DESIGN.md section 6): this is our own widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.pins import FOUR_DIGITS, Alphabet, PinKind, PinRule, rule_for, wipe
from kiosk.ui.theme import (
    ROLE_ERROR,
    ROLE_HEADING,
    ROLE_NOTICE,
    ROLE_PIN_DOTS,
    ROLE_PIN_KEY,
    ROLE_PRIMARY,
    ROLE_PROMPT,
    ROLE_WARNING,
    set_role,
)
from kiosk.ui.widgets.scroll import ScrollingColumn

translate = QCoreApplication.translate

DIGIT_ROWS = ("123", "456", "789")  # then the letter toggle, 0: a telephone pad, as at Japanese ATMs
# Then the digit toggle. Six a row keeps the letter page narrow and no taller than the digit page, so the
# texts keep their column beside the keys whichever page is shown.
LETTER_ROWS = ("ABCDEF", "GHIJKL", "MNOPQR", "STUVWX", "YZ")
FILLED_DOT = "\u25cf"  # ●
EMPTY_DOT = "\u25cb"  # ○: the places still to fill before the PIN is long enough
_DIGIT_BYTES = frozenset(b"0123456789")
_LETTER_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def dots(length: int, rule: PinRule) -> str:
    return FILLED_DOT * length + EMPTY_DOT * max(0, rule.minimum - length)


def progress_text(length: int, rule: PinRule) -> str:
    if rule.minimum == rule.maximum:
        return translate("PinPad", "{count} of {maximum}").format(count=length, maximum=rule.maximum)
    return translate("PinPad", "{count} entered ({minimum} to {maximum})").format(
        count=length, minimum=rule.minimum, maximum=rule.maximum)


def entered_description(length: int) -> str:
    return translate("PinPad", "{count} characters entered").format(count=length)


def rule_text(rule: PinRule) -> str:
    if rule.alphabet is Alphabet.DIGITS:
        if rule.minimum == rule.maximum:
            return translate("PinPad", "{count} digits").format(count=rule.minimum)
        return translate("PinPad", "{minimum} to {maximum} digits").format(minimum=rule.minimum,
                                                                           maximum=rule.maximum)
    return translate("PinPad", "{minimum} to {maximum} characters: letters A to Z and digits 0 to 9").format(
        minimum=rule.minimum, maximum=rule.maximum)


def _label(object_name: str, role: str | None = None) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    if role:
        set_role(label, role)
    return label


def _button(object_name: str, role: str | None = None) -> QPushButton:
    button = QPushButton()
    button.setObjectName(object_name)
    # Touching a key must not take the keyboard focus from the pad (typed digits go to the pad); Tab still
    # reaches every key for keyboard and screen-reader users.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setAutoDefault(False)
    if role:
        set_role(button, role)
    return button


class _Progress(QWidget):
    """Dots and a count: the part of the pad the mirror repeats."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots = _label(f"{prefix}Dots", ROLE_PIN_DOTS)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = _label(f"{prefix}Progress")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dots)
        layout.addWidget(self.count)

    def show_length(self, length: int, rule: PinRule) -> None:
        self.dots.setText(dots(length, rule))
        self.count.setText(progress_text(length, rule))
        description = entered_description(length)
        self.dots.setAccessibleName(translate("PinPad", "Entered so far"))
        self.dots.setAccessibleDescription(description)


class PinPad(QWidget):
    """A fixed-layout PIN pad. ``configure`` it for each PIN asked; ``entered`` hands the value out once.

    Signals: ``entered(bytearray)`` (OK with a valid length; the receiver wipes it), ``cancelled()``,
    ``skipped()`` (an optional PIN left out), ``length_changed(int)`` (for a ``PinMirror``), ``configured()``
    (rule, caption, prompt or tries changed).
    """

    entered = Signal(object)  # object, not bytearray: PySide would convert a bytearray to an immutable copy
    cancelled = Signal()
    skipped = Signal()
    length_changed = Signal(int)
    configured = Signal()

    def __init__(self, parent: QWidget | None = None, *, rule: PinRule = FOUR_DIGITS) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._rule = rule
        self._buffer = bytearray(rule.maximum)
        self._length = 0
        self._caption = ""
        self._prompt = ""
        self._tries_left: int | None = None
        self._max_tries: int | None = None
        self._problem: str | None = None
        self._optional = False

        self._caption_label = _label("pinCaption", ROLE_HEADING)
        self._prompt_label = _label("pinPrompt", ROLE_PROMPT)
        self._tries_label = _label("pinTries", ROLE_NOTICE)
        self._progress = _Progress("pin")
        self._rule_label = _label("pinRule", ROLE_PROMPT)
        self._problem_label = _label("pinProblem", ROLE_ERROR)

        self._character_keys: dict[int, QPushButton] = {}
        self._pages = QStackedWidget()
        self._pages.setObjectName("pinPages")
        self._letters_key = _button("pinShowLetters")
        self._digits_key = _button("pinShowDigits")
        self._pages.addWidget(self._digit_page())
        self._pages.addWidget(self._letter_page())
        self._letters_key.clicked.connect(lambda: self.show_letters(True))
        self._digits_key.clicked.connect(lambda: self.show_letters(False))

        self._clear_key = _button("pinClear")
        self._back_key = _button("pinBack")
        self._cancel_key = _button("pinCancel")
        self._skip_key = _button("pinSkip")
        self._ok_key = _button("pinOk", ROLE_PRIMARY)
        for key in (self._clear_key, self._back_key, self._cancel_key, self._skip_key, self._ok_key):
            key.setProperty("big", True)
        self._clear_key.clicked.connect(self.clear)
        self._back_key.clicked.connect(self.backspace)
        self._cancel_key.clicked.connect(self.cancel)
        self._skip_key.clicked.connect(self.skip)
        self._ok_key.clicked.connect(self.submit)
        actions = QHBoxLayout()
        for key in (self._clear_key, self._back_key):
            actions.addWidget(key)
        actions.addStretch(1)
        for key in (self._cancel_key, self._skip_key, self._ok_key):
            actions.addWidget(key)

        # The texts beside the keys, not above them: a 1280x800 kiosk panel has the width, not the height, for
        # both. Long texts scroll; the dots stay in view under them.
        self._texts = ScrollingColumn("pinTexts")
        texts = self._texts.column
        for label in (self._caption_label, self._prompt_label, self._tries_label, self._problem_label,
                      self._rule_label):
            texts.addWidget(label)
        texts.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self._texts)
        column.addWidget(self._progress)
        column.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(column, 0, 0)
        layout.addWidget(self._pages, 0, 1)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(0, 1)
        layout.addLayout(actions, 1, 0, 1, 2)
        self.retranslate()
        self._refresh()

    # -- building
    def _character_key(self, character: str) -> QPushButton:
        key = _button(f"pinKey{character}", ROLE_PIN_KEY)
        key.setText(character)
        code = ord(character)
        key.clicked.connect(lambda: self.press(code))
        self._character_keys[code] = key
        return key

    def _digit_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("pinDigitPage")
        grid = self._keys_grid(page)
        for row, characters in enumerate(DIGIT_ROWS):
            for column, character in enumerate(characters):
                grid.addWidget(self._character_key(character), row, column)
        grid.addWidget(self._letters_key, 3, 0)
        grid.addWidget(self._character_key("0"), 3, 1)
        set_role(self._letters_key, ROLE_PIN_KEY)
        return page

    def _letter_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("pinLetterPage")
        grid = self._keys_grid(page)
        for row, characters in enumerate(LETTER_ROWS):
            for column, character in enumerate(characters):
                key = self._character_key(character)
                key.setProperty("letter", True)  # smaller than a digit key (theme.letter_key_px)
                grid.addWidget(key, row, column)
        last = len(LETTER_ROWS) - 1
        used = len(LETTER_ROWS[last])
        grid.addWidget(self._digits_key, last, used, 1, len(LETTER_ROWS[0]) - used)
        self._digits_key.setProperty("letter", True)
        set_role(self._digits_key, ROLE_PIN_KEY)
        return page

    @staticmethod
    def _keys_grid(page: QWidget) -> QGridLayout:
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.setAlignment(Qt.AlignmentFlag.AlignCenter)  # keys keep their size on the wider page
        return grid

    # -- what the caller sets
    def configure(self, rule: PinRule | PinKind, *, caption: str = "", prompt: str = "",
                  tries_left: int | None = None, max_tries: int | None = None, problem: str | None = None,
                  optional: bool = False) -> None:
        """Ready the pad for one PIN: its rule (or the kind whose rule it is), texts and tries; ``optional``
        offers Skip. Anything typed before is wiped."""
        self.clear()
        wipe(self._buffer)
        rule = rule_for(rule) if isinstance(rule, PinKind) else rule
        self._rule = rule
        self._optional = optional
        self._buffer = bytearray(rule.maximum)
        self._caption, self._prompt, self._problem = caption, prompt, problem
        self._tries_left, self._max_tries = tries_left, max_tries
        self.show_letters(False)
        self._refresh()
        self.configured.emit()

    def set_caption(self, text: str) -> None:
        self._caption = text
        self._refresh()
        self.configured.emit()

    def set_prompt(self, text: str) -> None:
        self._prompt = text
        self._refresh()
        self.configured.emit()

    def set_tries_left(self, tries_left: int | None, max_tries: int | None = None) -> None:
        self._tries_left, self._max_tries = tries_left, max_tries
        self._refresh()
        self.configured.emit()

    def set_problem(self, text: str | None) -> None:
        """Why the PIN is asked again (wrong PIN, wrong form, the two entries differ); None hides it."""
        self._problem = text
        self._refresh()

    def rule(self) -> PinRule:
        return self._rule

    def caption(self) -> str:
        return self._caption

    def prompt(self) -> str:
        return self._prompt

    def length(self) -> int:
        return self._length

    def is_acceptable(self) -> bool:
        return self._rule.minimum <= self._length <= self._rule.maximum

    # -- typing
    def accepts(self, code: int) -> bool:
        if code in _DIGIT_BYTES:
            return True
        return code in _LETTER_BYTES and self._rule.alphabet is Alphabet.UPPER_ALPHANUMERIC

    def press(self, code: int) -> None:
        """One character typed (an ASCII code, upper case); ignored when the rule does not allow it."""
        if not self.accepts(code) or self._length >= self._rule.maximum:
            return
        self._buffer[self._length] = code
        self._length += 1
        self._changed()

    def backspace(self) -> None:
        if self._length:
            self._length -= 1
            self._buffer[self._length] = 0
            self._changed()

    def clear(self) -> None:
        """Wipe what was typed."""
        wipe(self._buffer)
        if self._length:
            self._length = 0
            self._changed()

    def submit(self) -> bool:
        """Hand the value out (``entered``) if its length is valid; the pad is empty afterwards."""
        if not self.is_acceptable():
            return False
        value = bytearray(self._buffer[: self._length])  # the one copy, owned and wiped by the receiver
        self.clear()
        self.entered.emit(value)
        return True

    def cancel(self) -> None:
        self.clear()
        self.cancelled.emit()

    def skip(self) -> None:
        """Leave an optional PIN out (ignored unless the pad was configured ``optional``)."""
        if self._optional:
            self.clear()
            self.skipped.emit()

    def show_letters(self, letters: bool) -> None:
        allowed = letters and self._rule.alphabet is Alphabet.UPPER_ALPHANUMERIC
        self._pages.setCurrentIndex(1 if allowed else 0)

    def letters_shown(self) -> bool:
        return self._pages.currentIndex() == 1

    # -- Qt
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
            # Qt's key codes are the upper-case ASCII codes: lower-case typing arrives upper-cased.
            self.press(int(key))
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        self.clear()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refresh()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(translate("PinPad", "PIN pad"))
        self._pages.setAccessibleName(translate("PinPad", "Keys"))
        for code, key in self._character_keys.items():
            character = chr(code)
            if code in _DIGIT_BYTES:
                key.setAccessibleName(translate("PinPad", "Digit {key}").format(key=character))
            else:
                key.setAccessibleName(translate("PinPad", "Letter {key}").format(key=character))
        for key, text, name in (
            (self._letters_key, "ABC", translate("PinPad", "Show the letter keys")),
            (self._digits_key, "123", translate("PinPad", "Show the digit keys")),
            (self._clear_key, translate("PinPad", "Clear"), translate("PinPad", "Clear everything entered")),
            (self._back_key, translate("PinPad", "Back"), translate("PinPad", "Delete the last character")),
            (self._cancel_key, translate("PinPad", "Cancel"), translate("PinPad", "Cancel this entry")),
            (self._skip_key, translate("PinPad", "Skip"), translate("PinPad", "Skip this PIN")),
            (self._ok_key, translate("PinPad", "OK"), translate("PinPad", "Confirm the entry")),
        ):
            key.setText(text)
            key.setAccessibleName(name)

    # -- showing
    def _changed(self) -> None:
        self._refresh_progress()
        self.length_changed.emit(self._length)

    def _refresh_progress(self) -> None:
        self._progress.show_length(self._length, self._rule)
        self.setAccessibleDescription(entered_description(self._length))
        full = self._length >= self._rule.maximum
        for code, key in self._character_keys.items():
            key.setEnabled(not full and self.accepts(code))
        self._ok_key.setEnabled(self.is_acceptable())
        self._back_key.setEnabled(self._length > 0)
        self._clear_key.setEnabled(self._length > 0)

    def _refresh(self) -> None:
        self._caption_label.setText(self._caption)
        self._caption_label.setVisible(bool(self._caption))
        self._prompt_label.setText(self._prompt)
        self._prompt_label.setVisible(bool(self._prompt))
        self._rule_label.setText(rule_text(self._rule))
        self._problem_label.setText(self._problem or "")
        self._problem_label.setVisible(bool(self._problem))
        self._letters_key.setVisible(self._rule.alphabet is Alphabet.UPPER_ALPHANUMERIC)
        self._skip_key.setVisible(self._optional)
        self._refresh_tries()
        self._refresh_progress()

    def _refresh_tries(self) -> None:
        tries = self._tries_left
        if tries is None:
            self._tries_label.setVisible(False)
            return
        if tries == 1:
            text = translate("PinPad", "Last try: if this entry is wrong, the PIN will be locked.")
            set_role(self._tries_label, ROLE_WARNING)
        else:
            set_role(self._tries_label, ROLE_NOTICE)
            if self._max_tries is None:
                text = translate("PinPad", "{count} tries left").format(count=tries)
            else:
                text = translate("PinPad", "{count} of {maximum} tries left").format(count=tries,
                                                                                     maximum=self._max_tries)
        self._tries_label.setText(text)
        self._tries_label.setAccessibleName(text)
        self._tries_label.setVisible(True)


class PinMirror(QWidget):
    """What the staff's screen shows while the resident types: caption, prompt, dots and the count, nothing
    else. Follows a pad through its signals (``follow``), so it can sit in another window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinMirror")
        self._rule = FOUR_DIGITS
        self._length = 0
        self._pad: PinPad | None = None
        self._caption_label = _label("pinMirrorCaption", ROLE_HEADING)
        self._prompt_label = _label("pinMirrorPrompt", ROLE_PROMPT)
        self._progress = _Progress("pinMirror")
        layout = QVBoxLayout(self)
        layout.addWidget(self._caption_label)
        layout.addWidget(self._prompt_label)
        layout.addWidget(self._progress)
        self.retranslate()
        self._refresh()

    def follow(self, pad: PinPad) -> None:
        self._pad = pad
        pad.length_changed.connect(self.set_length)
        pad.configured.connect(self._copy_pad)
        self._copy_pad()

    def _copy_pad(self) -> None:
        assert self._pad is not None
        self._rule = self._pad.rule()
        self._length = self._pad.length()
        self._caption_label.setText(self._pad.caption())
        self._prompt_label.setText(self._pad.prompt())
        self._refresh()

    def set_length(self, length: int) -> None:
        self._length = length
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refresh()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(translate("PinPad", "PIN entry on the resident's screen"))

    def _refresh(self) -> None:
        self._caption_label.setVisible(bool(self._caption_label.text()))
        self._prompt_label.setVisible(bool(self._prompt_label.text()))
        self._progress.show_length(self._length, self._rule)
        self.setAccessibleDescription(entered_description(self._length))
