"""Copies the checkout's top-level resources/ and migrations/ into the wheel, as kiosk/_shipped/.

They stay at the top of the checkout (translators, Alembic and pcscd find them there); a wheel can carry
only what lies inside its packages, so the build puts a copy there. ``kiosk.paths`` looks in both places.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "migrations")


class BuildWithShippedFolders(build_py):
    def run(self) -> None:
        editable = getattr(self, "editable_mode", False)
        if not editable:
            # setuptools never deletes from build/lib: a module renamed or removed in the checkout (an Alembic
            # migration, say) would otherwise ship beside its successor.
            shutil.rmtree(Path(self.build_lib) / "kiosk", ignore_errors=True)
        super().run()
        if editable:
            return  # an editable install reads them from the checkout itself
        target = Path(self.build_lib) / "kiosk" / "_shipped"
        for name in SHIPPED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(ROOT / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm.tmp"))


setup(cmdclass={"build_py": BuildWithShippedFolders})
