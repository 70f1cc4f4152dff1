"""What the store's commands share: settings, opening the store, showing times and ages."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from kiosk.i18n import tr

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.store.database import Store


def settings() -> Settings:
    from kiosk.config import load_settings
    from kiosk.errors import ConfigError

    try:
        return load_settings()
    except OSError as exc:  # KIOSK_DATA_DIR is a file, a directory cannot be created or read, ...
        raise ConfigError(f"the terminal's directories or settings cannot be used: {exc}") from exc


def open_store(current: Settings | None = None, *, read_only: bool = False) -> Store:
    """The store; ``read_only`` for the commands that only look: they create, upgrade and write nothing."""
    from kiosk.store.database import open_store as open_database

    return open_database(current or settings(), read_only=read_only)


def when(moment: datetime | None) -> str:
    """A moment as the office reads it: Japan time."""
    if moment is None:
        return tr("cli", "never")
    from kiosk.domain.validity import JST

    return moment.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S JST")


def age(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return tr("cli", "{minutes} min", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return tr("cli", "{hours} h {minutes} min", hours=hours, minutes=minutes)
    return tr("cli", "{days} days", days=hours // 24)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


def compact(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
