"""Where the terminal keeps its files.

Data, configuration and logs go where platformdirs says for the platform, unless a setting overrides
them (``KIOSK_DATA_DIR``, ``KIOSK_CONFIG_DIR``). Resources (translations, styles, the OpenAPI document)
ship beside the package in a source checkout and inside the bundle when frozen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "kiosk"
APP_AUTHOR = "ecert-terminal"


def data_dir() -> Path:
    override = os.environ.get("KIOSK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("KIOSK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get("KIOSK_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _shipped(name: str, override_variable: str) -> Path:
    """A top-level folder of the project: beside the package in a checkout, inside the bundle when frozen."""
    override = os.environ.get(override_variable)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    return Path(__file__).resolve().parent.parent / name


def resources_dir() -> Path:
    return _shipped("resources", "KIOSK_RESOURCES")


def migrations_dir() -> Path:
    """The terminal's Alembic migrations (/migrations)."""
    return _shipped("migrations", "KIOSK_MIGRATIONS")
