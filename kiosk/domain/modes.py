"""The two kinds of terminal: a counter (staff) and a kiosk (residents).

A module of its own because the window needs it before its first paint: ``kiosk.domain.transactions``
(which re-exports it for the records) costs about 10 ms more to import (uuid, the PIN and generation rules).
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    COUNTER = "counter"
    KIOSK = "kiosk"
