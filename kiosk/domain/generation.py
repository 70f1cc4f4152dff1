"""Card generations: the current card (2016-) and the next-generation card (FY2026-)."""

from __future__ import annotations

from enum import StrEnum


class CardGeneration(StrEnum):
    CURRENT = "current"
    NEXT = "next"
