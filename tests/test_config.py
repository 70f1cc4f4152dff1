"""Settings: defaults, the terminal's TOML file, environment overrides, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.errors import ConfigError


def test_defaults_are_the_demo(tmp_path: Path) -> None:
    settings = load_settings({"KIOSK_DATA_DIR": str(tmp_path)}, file=tmp_path / "absent.toml")
    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    assert settings.central_url.startswith("http://127.0.0.1:")
    assert settings.mode == "counter"


def test_file_then_environment(tmp_path: Path) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text('site = "chuo-1"\nterminal_id = "k-07"\nmode = "kiosk"\nsync_batch_size = 50\n',
                    encoding="utf-8")
    settings = load_settings({"KIOSK_TERMINAL_ID": "k-08"}, file=file)
    assert (settings.site, settings.terminal_id, settings.mode, settings.sync_batch_size) == (
        "chuo-1", "k-08", "kiosk", 50)


@pytest.mark.parametrize("content", ['mode = "vending"\n', 'colour = "blue"\n', "site = \n",
                                     'sync_batch_size = "many"\n'])
def test_bad_configuration_is_a_config_error(tmp_path: Path, content: str) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings({}, file=file)
