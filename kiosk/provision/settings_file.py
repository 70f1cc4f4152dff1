"""Writing the enrolment's settings into ``kiosk.toml`` without losing what a technician put there.

Only the keys enrolment owns are replaced; every other line of an existing file is kept as it was. The
file is written through a temporary file and renamed, so a crash leaves the old or the new one.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from kiosk.errors import ConfigError


def _toml_value(value: str | int | float) -> str:
    if isinstance(value, bool):
        raise TypeError("no booleans in kiosk.toml")
    if isinstance(value, int | float):
        return repr(value)
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def update(path: Path, values: Mapping[str, str | int | float]) -> None:
    lines: list[str] = []
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
            tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from exc
        lines = [line for line in text.splitlines()
                 if line.split("=", 1)[0].strip() not in values]
    lines += [f"{name} = {_toml_value(value)}" for name, value in values.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, path)
