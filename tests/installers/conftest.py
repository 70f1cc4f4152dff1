"""The bundle is built once per session for the bundle and the Debian package tests (one xdist group)."""

from __future__ import annotations

from pathlib import Path

import pytest

from installers.installed import build_bundle


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bundle(tmp_path_factory.mktemp("dist"))
