"""One line of a technician's check: ok, warning or fault, what was seen, and the fix in one sentence.

What was seen (``detail``) is for the technician's log and stays as measured; the title and the fix are
translatable messages, translated where they are shown (``kiosk diagnose``, the technician screen).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.i18n import Message, tr_message


class State(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAULT = "fault"


@dataclass(frozen=True)
class Check:
    name: str  # stable identifier for scripts: "pcscd", "readers", "card", ...
    title: Message
    state: State
    detail: str
    fix: Message | None = None
    values: dict[str, object] = field(default_factory=dict)  # placeholders of ``fix``

    def fix_text(self) -> str | None:
        return tr_message(self.fix, **self.values) if self.fix is not None else None

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "state": str(self.state), "title": tr_message(self.title),
                "detail": self.detail, "fix": self.fix_text()}
