"""Procedure and outcome names on screen: the report's words, in the window's language (QTranslator)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.i18n import Message
from kiosk.reports.labels import KINDS, KIOSK_STAFF, OUTCOMES


def _shown(message: Message | None, fallback: str) -> str:
    return QCoreApplication.translate(message.context, message.text) if message else fallback


def kind_label(kind: str) -> str:
    return _shown(KINDS.get(kind), kind)


def outcome_label(outcome: str) -> str:
    return _shown(OUTCOMES.get(outcome), outcome)


def staff_label(staff_id: str | None) -> str:
    return staff_id or _shown(KIOSK_STAFF, "")
