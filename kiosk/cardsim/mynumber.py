"""The My Number (個人番号) check digit: the public algorithm of the Ministry of Internal Affairs ordinance.

For the 11 leading digits P(n), numbered n = 1..11 from the right, with weights Q(n) = n + 1 for n <= 6
and n - 5 for n >= 7: r = sum(P(n) * Q(n)) mod 11, and the check digit is 0 when r <= 1, else 11 - r.
"""

from __future__ import annotations

LENGTH = 12


def check_digit(leading: str) -> int:
    if len(leading) != LENGTH - 1 or not leading.isascii() or not leading.isdigit():
        raise ValueError("the leading part of a My Number is 11 digits")
    total = 0
    for n, digit in enumerate(reversed(leading), start=1):
        weight = n + 1 if n <= 6 else n - 5
        total += int(digit) * weight
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid(number: str) -> bool:
    if len(number) != LENGTH or not number.isascii() or not number.isdigit():
        return False
    return check_digit(number[:-1]) == int(number[-1])


def complete(leading: str) -> str:
    """The 12-digit My Number that starts with these 11 digits."""
    return leading + str(check_digit(leading))
