"""The display settings meet WCAG 2.x AA: every colour pair at 4.5:1 or more, touch targets of 44 px or more,
and Japanese drawn with the named CJK font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.ui import theme


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_formula_gives_the_known_ratios() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_every_colour_pair_has_aa_contrast(chosen: theme.Theme) -> None:
    weak = {what: round(contrast_ratio(fg, bg), 2) for what, fg, bg in chosen.contrast_pairs()
            if contrast_ratio(fg, bg) < 4.5}
    assert not weak, weak


@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_every_colour_of_the_theme_is_in_a_checked_pair(chosen: theme.Theme) -> None:
    """A colour added to the theme but left out of ``contrast_pairs`` would escape the check above."""
    colours = {name for name, value in vars(chosen).items() if isinstance(value, str) and value.startswith("#")}
    checked = {value for _, fg, bg in chosen.contrast_pairs() for value in (fg, bg)}
    unchecked = {name for name in colours if getattr(chosen, name) not in checked}
    assert not unchecked, unchecked


@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_targets_are_large_enough(chosen: theme.Theme) -> None:
    assert chosen.target_px >= theme.MIN_TARGET_PX
    assert chosen.key_px >= 2 * theme.MIN_TARGET_PX  # PIN keys: far beyond the minimum
    assert chosen.target_px <= chosen.letter_key_px < chosen.key_px  # 26 letters share the digits' height


def test_large_text_is_larger_and_high_contrast_keeps_sizes() -> None:
    assert theme.LARGE_TEXT.font_px >= 1.5 * theme.NORMAL.font_px
    assert theme.LARGE_TEXT.key_px > theme.NORMAL.key_px
    assert theme.HIGH_CONTRAST.font_px == theme.NORMAL.font_px
    assert theme.theme_for(large_text=True, high_contrast=True) is theme.LARGE_HIGH_CONTRAST
    assert theme.theme_for() is theme.NORMAL


@pytest.mark.parametrize("chosen", theme.THEMES, ids=lambda t: t.name)
def test_applied_theme_sizes_buttons_and_uses_the_cjk_font(styled: QApplication, chosen: theme.Theme,
                                                          qtbot: object) -> None:
    theme.apply(styled, chosen)
    label = QLabel("マイナンバーカード")
    button = QPushButton("OK")
    key = QPushButton("5")
    theme.set_role(key, theme.ROLE_PIN_KEY)
    for widget in (label, button, key):
        widget.ensurePolished()
    assert QFontInfo(label.font()).family() == theme.FONT_FAMILY  # installed, not a fallback
    assert min(button.sizeHint().width(), button.sizeHint().height()) >= chosen.target_px
    assert min(key.sizeHint().width(), key.sizeHint().height()) >= chosen.key_px


def test_a_second_window_can_have_its_own_theme(styled: QApplication, qtbot: object) -> None:
    """The customer-facing screen may use high contrast while the staff's stays normal."""
    window = QLabel("お客様画面")
    theme.apply(window, theme.HIGH_CONTRAST)
    window.ensurePolished()
    assert window.styleSheet() == theme.HIGH_CONTRAST.style_sheet()
    assert styled.styleSheet() == theme.NORMAL.style_sheet()
    assert window.palette().color(window.backgroundRole()).name() == theme.HIGH_CONTRAST.background
    assert QFontInfo(window.font()).family() == theme.FONT_FAMILY
