"""The terminal's settings.

Read, lowest priority first, from built-in defaults (the demo: a local database, a local central service),
the terminal's ``kiosk.toml`` in the configuration directory (written at enrolment), and ``KIOSK_*``
environment variables. Nothing here opens a file other than that one TOML document.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.errors import ConfigError, NotEnrolled

if TYPE_CHECKING:
    from kiosk.calendar_config import CalendarSettings

DEFAULT_CENTRAL_PORT = 8765
# The demo terminal's token: public, accepted only by a central service started with --demo.
DEMO_API_TOKEN = "demo-terminal-token"  # noqa: S105 - public on purpose
# "demo" and "training" run on the embedded public secrets; "production" (written by enrolment) refuses them.
ENVIRONMENTS = ("demo", "training", "production")
ENROL_COMMAND = "kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256"
# The demo's identifier key (hex): public, for demo and training data only. Enrolment writes the
# municipality's own secret key into kiosk.toml (identifier_key), which keys the resident's subject HMAC.
DEMO_IDENTIFIER_KEY = "6b696f736b2d64656d6f2d6964656e7469666965722d6b65792d6e6f742d736563726574"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    central_url: str
    api_token: str | None
    site: str
    terminal_id: str
    mode: str  # "counter" or "kiosk"
    ca_bundle: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None
    reader: str | None = None
    sync_batch_size: int = 200
    sync_timeout_s: float = 10.0
    delivered_retention_days: int = 90
    identifier_key: str = DEMO_IDENTIFIER_KEY
    environment: str = "demo"
    # The [calendar] table (kiosk.calendar_config); None: the built-in example centre.
    calendar: CalendarSettings | None = None


_ENV = {
    "data_dir": "KIOSK_DATA_DIR",
    "database_url": "KIOSK_DATABASE_URL",
    "central_url": "KIOSK_CENTRAL_URL",
    "api_token": "KIOSK_API_TOKEN",
    "site": "KIOSK_SITE",
    "terminal_id": "KIOSK_TERMINAL_ID",
    "mode": "KIOSK_MODE",
    "ca_bundle": "KIOSK_CA_BUNDLE",
    "client_cert": "KIOSK_CLIENT_CERT",
    "client_key": "KIOSK_CLIENT_KEY",
    "reader": "KIOSK_READER",
    "sync_batch_size": "KIOSK_SYNC_BATCH_SIZE",
    "sync_timeout_s": "KIOSK_SYNC_TIMEOUT_S",
    "delivered_retention_days": "KIOSK_DELIVERED_RETENTION_DAYS",
    "identifier_key": "KIOSK_IDENTIFIER_KEY",
    "environment": "KIOSK_ENVIRONMENT",
}


def config_file() -> Path:
    return paths.config_dir() / "kiosk.toml"


def _coerce(name: str, raw: Any) -> Any:
    types = {f.name: f.type for f in fields(Settings)}
    kind = str(types[name])
    try:
        if raw is None:
            return None
        if "Path" in kind:
            return Path(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} has an invalid value") from exc


def defaults() -> Settings:
    data_dir = paths.data_dir()
    return Settings(
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'kiosk.sqlite3'}",
        central_url=f"http://127.0.0.1:{DEFAULT_CENTRAL_PORT}",
        api_token=DEMO_API_TOKEN,
        site="demo-site",
        terminal_id="demo-01",
        mode="counter",
    )


def load_settings(environ: Mapping[str, str] | None = None, file: Path | None = None, *,
                  check_enrolled: bool = True) -> Settings:
    """The settings; outside demo and training, ``NotEnrolled`` while the demo's public secrets are in use
    (``check_enrolled=False`` for the commands that repair that: enrolment, diagnosis)."""
    env = os.environ if environ is None else environ
    settings = defaults()
    path = file or config_file()
    if path.exists():
        import tomllib  # here: a terminal without its file (the demo) starts its window without the parser

        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from exc
        known = {f.name for f in fields(Settings)}
        unknown = set(document) - known
        if unknown:
            raise ConfigError(f"{path}: unknown settings {sorted(unknown)}")
        calendar_table = document.pop("calendar", None)
        settings = replace(settings, **{k: _coerce(k, v) for k, v in document.items()})
        if calendar_table is not None:
            from kiosk.calendar_config import parse_calendar

            settings = replace(settings, calendar=parse_calendar(calendar_table, str(path)))
    overrides = {name: _coerce(name, env[var]) for name, var in _ENV.items() if var in env}
    if "data_dir" in overrides and "database_url" not in overrides:
        overrides["database_url"] = f"sqlite:///{overrides['data_dir'] / 'kiosk.sqlite3'}"
    settings = replace(settings, **overrides)
    if settings.mode not in ("counter", "kiosk"):
        raise ConfigError(f"mode must be 'counter' or 'kiosk', not {settings.mode!r}")
    if settings.environment not in ENVIRONMENTS:
        raise ConfigError(f"environment must be one of {ENVIRONMENTS}, not {settings.environment!r}")
    if check_enrolled:
        check_production_secrets(settings)
    return settings


def demo_secrets_in_use(settings: Settings) -> list[str]:
    """Which of the demo's public secrets ``settings`` would use: empty for an enrolled terminal."""
    used = []
    if settings.identifier_key == DEMO_IDENTIFIER_KEY:
        used.append("identifier_key")
    if settings.api_token == DEMO_API_TOKEN:
        used.append("api_token")
    return used


def check_production_secrets(settings: Settings) -> None:
    if settings.environment in ("demo", "training"):
        return
    used = demo_secrets_in_use(settings)
    if used:
        raise NotEnrolled(f"{settings.environment} terminal with the demo's public {' and '.join(used)}: "
                          f"run `{ENROL_COMMAND}`")
    if settings.central_url.startswith("http://"):
        raise ConfigError(f"{settings.environment} terminal with a plain-HTTP central service "
                          f"({settings.central_url}): run `{ENROL_COMMAND}`")
