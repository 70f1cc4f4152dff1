"""Colours, type sizes and target sizes for the three display settings: normal, large text, high contrast.

One ``Theme`` holds every colour pair the widgets use, so a test can hold each pair to WCAG 2.x AA (4.5:1
for text, JIS X 8341-3 being WCAG 2.0) and to the target sizes (44 px at least; PIN keys far larger).
Large text and high contrast are independent settings of a kiosk screen: ``theme_for`` combines them.

Widgets do not pick colours themselves: they carry a ``role`` property (``set_role``) that the style sheet
below selects on, and ``apply`` puts the sheet, the palette and the font on the application (or on one
widget, for a second window). The font family is named explicitly: without it, fontconfig's order decides
which CJK font draws Japanese, and Chinese glyph forms can appear (environment.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from PySide6 import QtCore
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

FONT_FAMILY: Final = "Noto Sans CJK JP"
MIN_TARGET_PX: Final = 44  # WCAG 2.5.5 (AAA) target size; the kiosk is touched by everyone

# Roles a widget can carry (``set_role``); the style sheet styles each.
ROLE_HEADING: Final = "heading"
ROLE_PROMPT: Final = "prompt"
ROLE_PIN_KEY: Final = "pin-key"
ROLE_PIN_DOTS: Final = "pin-dots"
ROLE_PRIMARY: Final = "primary"
ROLE_NOTICE: Final = "notice"  # tries left, still several
ROLE_WARNING: Final = "warning"  # the last try, sending paused
ROLE_ERROR: Final = "error"  # a problem sentence under the PIN
ROLE_STATUS_OK: Final = "status-ok"
ROLE_STATUS_PROBLEM: Final = "status-problem"
ROLE_BANNER: Final = "banner"  # training mode
ROLE_LINK: Final = "link"  # a status item that opens something (rejected records)
# A second property, ``big`` (True), makes a button nearly as large as a PIN key (OK, Cancel on the pad).


@dataclass(frozen=True)
class Theme:
    name: str
    # sizes in device-independent pixels
    font_px: int
    heading_px: int
    key_font_px: int
    key_px: int  # edge of a PIN key
    letter_key_px: int  # edge of a letter key (26 of them share the pad's height with 10 digit keys)
    dots_px: int
    target_px: int  # every other touch target
    border_px: int  # high contrast draws every edge thicker
    # colours, "#rrggbb"
    background: str
    text: str
    muted_text: str
    border: str
    focus: str
    button_background: str
    button_text: str
    pressed_background: str
    pressed_text: str
    primary_background: str
    primary_text: str
    disabled_background: str
    disabled_text: str
    notice_background: str
    notice_text: str
    warning_background: str
    warning_text: str
    error_text: str
    ok_text: str
    banner_background: str
    banner_text: str
    link_text: str
    tooltip_background: str
    tooltip_text: str

    def contrast_pairs(self) -> list[tuple[str, str, str]]:
        """(what, foreground, background) for every text or indicator drawn on a background."""
        return [
            ("text", self.text, self.background),
            ("muted text", self.muted_text, self.background),
            ("border", self.border, self.background),
            ("focus ring on the window", self.focus, self.background),
            ("focus ring on a button", self.focus, self.button_background),
            ("button", self.button_text, self.button_background),
            ("pressed button", self.pressed_text, self.pressed_background),
            ("primary button", self.primary_text, self.primary_background),
            ("disabled button", self.disabled_text, self.disabled_background),
            ("notice", self.notice_text, self.notice_background),
            ("warning", self.warning_text, self.warning_background),
            ("error", self.error_text, self.background),
            ("status ok", self.ok_text, self.background),
            ("training banner", self.banner_text, self.banner_background),
            ("link", self.link_text, self.background),
            ("tooltip", self.tooltip_text, self.tooltip_background),
        ]

    def font(self) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(self.font_px)
        return font

    def palette(self) -> QPalette:
        """For what the style sheet does not reach (native dialogs, item views, selection)."""
        palette = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, self.background), (QPalette.ColorRole.WindowText, self.text),
            (QPalette.ColorRole.Base, self.background), (QPalette.ColorRole.Text, self.text),
            (QPalette.ColorRole.AlternateBase, self.button_background),
            (QPalette.ColorRole.Button, self.button_background), (QPalette.ColorRole.ButtonText, self.button_text),
            (QPalette.ColorRole.Highlight, self.primary_background),
            (QPalette.ColorRole.HighlightedText, self.primary_text),
            (QPalette.ColorRole.ToolTipBase, self.tooltip_background),
            (QPalette.ColorRole.ToolTipText, self.tooltip_text),
            (QPalette.ColorRole.PlaceholderText, self.muted_text), (QPalette.ColorRole.Link, self.link_text),
        ):
            palette.setColor(role, QColor(colour))
        for role, colour in ((QPalette.ColorRole.Button, self.disabled_background),
                             (QPalette.ColorRole.ButtonText, self.disabled_text),
                             (QPalette.ColorRole.WindowText, self.disabled_text),
                             (QPalette.ColorRole.Text, self.disabled_text)):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
        return palette

    def style_sheet(self) -> str:
        t = self
        border_px = t.border_px
        return f"""
QWidget {{
    background-color: {t.background}; color: {t.text};
    font-family: "{FONT_FAMILY}"; font-size: {t.font_px}px;
}}
QLabel {{ background-color: transparent; }}
QLabel[role="{ROLE_HEADING}"] {{ font-size: {t.heading_px}px; font-weight: bold; }}
QLabel[role="{ROLE_PROMPT}"] {{ color: {t.muted_text}; }}
QLabel[role="{ROLE_PIN_DOTS}"] {{ font-size: {t.dots_px}px; }}
QLabel[role="{ROLE_NOTICE}"] {{
    background-color: {t.notice_background}; color: {t.notice_text}; padding: 6px 12px;
}}
QLabel[role="{ROLE_WARNING}"] {{
    background-color: {t.warning_background}; color: {t.warning_text}; font-weight: bold;
    border: {border_px}px solid {t.warning_text}; padding: 6px 12px;
}}
QLabel[role="{ROLE_ERROR}"] {{ color: {t.error_text}; font-weight: bold; }}
QLabel[role="{ROLE_STATUS_OK}"] {{ color: {t.ok_text}; }}
QLabel[role="{ROLE_STATUS_PROBLEM}"] {{ color: {t.error_text}; font-weight: bold; }}
QLabel[role="{ROLE_BANNER}"] {{
    background-color: {t.banner_background}; color: {t.banner_text}; font-weight: bold; padding: 4px 12px;
}}
QPushButton {{
    background-color: {t.button_background}; color: {t.button_text};
    border: {border_px}px solid {t.border}; border-radius: 8px;
    min-width: {t.target_px}px; min-height: {t.target_px}px; padding: 4px 16px;
}}
QPushButton:focus {{ border: {border_px + 1}px solid {t.focus}; }}
QPushButton:pressed {{ background-color: {t.pressed_background}; color: {t.pressed_text}; }}
QPushButton:disabled {{
    background-color: {t.disabled_background}; color: {t.disabled_text};
    border: {border_px}px dashed {t.disabled_text};
}}
QPushButton[role="{ROLE_PIN_KEY}"] {{
    min-width: {t.key_px}px; min-height: {t.key_px}px; padding: 0px;
    font-size: {t.key_font_px}px; font-weight: bold;
}}
QPushButton[role="{ROLE_PIN_KEY}"][letter="true"] {{
    min-width: {t.letter_key_px}px; min-height: {t.letter_key_px}px;
}}
QPushButton[big="true"] {{ min-width: {t.key_px * 5 // 4}px; min-height: {t.key_px * 3 // 4}px; }}
QPushButton[role="{ROLE_PRIMARY}"] {{
    background-color: {t.primary_background}; color: {t.primary_text}; font-weight: bold;
}}
QPushButton[role="{ROLE_PRIMARY}"]:disabled {{
    background-color: {t.disabled_background}; color: {t.disabled_text};
}}
QPushButton[role="{ROLE_LINK}"] {{
    background-color: {t.background}; color: {t.link_text}; text-decoration: underline;
    border: {border_px}px solid {t.link_text};
}}
QPushButton > QLabel {{ color: {t.button_text}; }}
QPushButton > QLabel[buttonRole="{ROLE_PRIMARY}"] {{ color: {t.primary_text}; font-weight: bold; }}
QPushButton > QLabel[pressed="true"] {{ color: {t.pressed_text}; }}
QPushButton > QLabel:disabled {{ color: {t.disabled_text}; }}
QToolTip {{
    background-color: {t.tooltip_background}; color: {t.tooltip_text}; border: 1px solid {t.tooltip_text};
}}
"""


NORMAL = Theme(
    name="normal", font_px=20, heading_px=28, key_font_px=36, key_px=88, letter_key_px=64, dots_px=40,
    target_px=MIN_TARGET_PX + 4,
    border_px=2,
    background="#ffffff", text="#1a1a1a", muted_text="#4a4a4a", border="#5c5c5c", focus="#0b57a4",
    button_background="#eef2f6", button_text="#1a1a1a", pressed_background="#c9d6e3", pressed_text="#1a1a1a",
    primary_background="#0b57a4", primary_text="#ffffff",
    disabled_background="#f2f2f2", disabled_text="#5c5c5c",
    notice_background="#e8f0fa", notice_text="#0a3d73",
    warning_background="#fff3cd", warning_text="#6b3d00",
    error_text="#b3001b", ok_text="#1d6b2a",
    banner_background="#9c3d00", banner_text="#ffffff",
    link_text="#0b57a4", tooltip_background="#1a1a1a", tooltip_text="#ffffff",
)

HIGH_CONTRAST = replace(
    NORMAL, name="high_contrast", border_px=3,
    background="#000000", text="#ffffff", muted_text="#ffffff", border="#ffffff", focus="#00ffff",
    button_background="#000000", button_text="#ffff00", pressed_background="#ffff00", pressed_text="#000000",
    primary_background="#ffff00", primary_text="#000000",
    disabled_background="#000000", disabled_text="#b3b3b3",
    notice_background="#000000", notice_text="#ffffff",
    warning_background="#ffff00", warning_text="#000000",
    error_text="#ff8080", ok_text="#80ff80",
    banner_background="#ff00ff", banner_text="#000000",
    link_text="#00ffff", tooltip_background="#ffffff", tooltip_text="#000000",
)


def _large(theme: Theme, name: str) -> Theme:
    # 150 %: the step the municipal kiosks' "large text" buttons take; PIN keys grow with the text.
    return replace(theme, name=name, font_px=30, heading_px=40, key_font_px=52, key_px=124, letter_key_px=88,
                   dots_px=56, target_px=64)


LARGE_TEXT = _large(NORMAL, "large_text")
LARGE_HIGH_CONTRAST = _large(HIGH_CONTRAST, "large_high_contrast")
THEMES: tuple[Theme, ...] = (NORMAL, LARGE_TEXT, HIGH_CONTRAST, LARGE_HIGH_CONTRAST)


def theme_for(*, large_text: bool = False, high_contrast: bool = False) -> Theme:
    if high_contrast:
        return LARGE_HIGH_CONTRAST if large_text else HIGH_CONTRAST
    return LARGE_TEXT if large_text else NORMAL


def apply(target: QApplication | QWidget, theme: Theme) -> None:
    """Style the whole application, or one window and its children (a customer-facing second screen)."""
    target.setFont(theme.font())
    target.setPalette(theme.palette())
    target.setStyleSheet(theme.style_sheet())


def set_role(widget: QWidget, role: str | None) -> None:
    """Give ``widget`` a style role; re-polished so a change after it is shown takes effect."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    if not widget.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_Polished):
        return  # its first polish reads the role, and PySide6's QStyle type (10 ms to create) waits
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
