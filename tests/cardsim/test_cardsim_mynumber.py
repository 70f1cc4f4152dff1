"""The public My Number check-digit algorithm."""

from __future__ import annotations

import pytest

from kiosk.cardsim import mynumber


@pytest.mark.parametrize("number", ["123456789018", "000000000000", "111111111118"])
def test_known_numbers_are_valid(number: str) -> None:
    assert mynumber.is_valid(number)


def test_check_digit_by_hand() -> None:
    # 1 2 3 4 5 6 7 8 9 0 1, weights from the right 2..7 then 2..6: 1*2+0*3+9*4+8*5+7*6+6*7+5*2+4*3+3*4+2*5+1*6
    total = 1 * 2 + 0 * 3 + 9 * 4 + 8 * 5 + 7 * 6 + 6 * 7 + 5 * 2 + 4 * 3 + 3 * 4 + 2 * 5 + 1 * 6
    assert mynumber.check_digit("12345678901") == (0 if total % 11 <= 1 else 11 - total % 11) == 8


@pytest.mark.parametrize("number", ["123456789012", "12345678901", "1234567890180", "12345678901a", ""])
def test_wrong_numbers_are_invalid(number: str) -> None:
    assert not mynumber.is_valid(number)


def test_every_single_digit_change_is_caught() -> None:
    number = "123456789018"
    for position in range(11):
        for digit in "0123456789":
            if digit != number[position]:
                changed = number[:position] + digit + number[position + 1:]
                assert not mynumber.is_valid(changed), changed
