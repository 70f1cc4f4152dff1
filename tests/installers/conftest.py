"""The bundle is built once per test run for the bundle and the Debian package tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from installers.installed import build_bundle, once_per_run


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return once_per_run(tmp_path_factory, "bundle", build_bundle)
