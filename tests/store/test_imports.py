"""Import cost: what a flow, the UI or ``kiosk --help`` imports of the store must not pull in SQLAlchemy.

SQLAlchemy costs about 335 ms and httpx tens of milliseconds (environment.md): they are loaded only when
a command or the app actually opens the database or calls the central service.
"""

from __future__ import annotations

import subprocess
import sys

LIGHT = ["kiosk.store", "kiosk.store.drafts", "kiosk.sync", "kiosk.cli.db", "kiosk.cli.outbox", "kiosk.cli.audit",
         "kiosk.cli.reconcile"]


def test_drafts_and_the_cli_modules_import_without_sqlalchemy_or_httpx() -> None:
    script = (f"import importlib, sys\nfor name in {LIGHT!r}:\n    importlib.import_module(name)\n"
              "print(sorted(m for m in ('sqlalchemy', 'httpx', 'alembic') if m in sys.modules))")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
