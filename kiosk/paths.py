"""Where the terminal keeps its files.

Data, configuration and logs go where platformdirs says for the platform, unless a setting overrides
them (``KIOSK_DATA_DIR``, ``KIOSK_CONFIG_DIR``). Resources (translations, styles, the OpenAPI document)
and the terminal's migrations ship beside the package in a source checkout, inside the package
(``kiosk/_shipped``, copied there by setup.py) in an installed wheel, and inside the bundle when frozen.
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


PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str, override_variable: str) -> Path:
    """A top-level folder of the project: the override, the frozen bundle's copy, the installed wheel's copy,
    or the checkout's folder beside the package, the first that applies."""
    override = os.environ.get(override_variable)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    installed = PACKAGE_DIR / "_shipped" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    return _shipped("resources", "KIOSK_RESOURCES")


def migrations_dir() -> Path:
    """The terminal's Alembic migrations (/migrations)."""
    return _shipped("migrations", "KIOSK_MIGRATIONS")
