"""``kiosk report counts`` against the real reference central service, with records in every state."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, CentralHandle

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from reports.records import DAY, record_every_state


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {"KIOSK_DATABASE_URL": settings.database_url, "KIOSK_CENTRAL_URL": settings.central_url,
              "KIOSK_API_TOKEN": DEMO_TERMINAL.token}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


async def test_counts_as_json_csv_and_pdf(cli_env: dict[str, str], store: Store, client: CentralClient,
                                          central: CentralHandle, settings: Settings, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    recorded = await record_every_state(store, client, central, settings)
    target = tmp_path / "day.csv"
    argv = ["report", "counts", "--from", DAY.isoformat(), "--to", DAY.isoformat(), "--csv", str(target), "--json"]
    assert await asyncio.to_thread(main, argv) == ExitCode.OK
    printed = json.loads(capsys.readouterr().out)
    assert (printed["terminal_total"], printed["site_total"]) == (6, 5 + recorded.other_counter)
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sum(int(r["件数"]) for r in rows if r["範囲"] == "この端末") == printed["terminal_total"]
    assert sum(int(r["件数"]) for r in rows if r["範囲"] == "拠点全体") == printed["site_total"]

    pdf = tmp_path / "day.pdf"
    environment = {**os.environ, **cli_env, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "kiosk", "report", "counts", "--from", DAY.isoformat(),
                           "--to", DAY.isoformat(), "--pdf", str(pdf)], env=environment, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and b"NotoSansCJKjp" in pdf.read_bytes()


async def test_bad_periods_and_places_are_clear_messages(cli_env: dict[str, str], store: Store,
                                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = await asyncio.to_thread(main, ["report", "counts", "--from", "2026-11-30", "--to", "2026-11-01",
                                          "--no-central"])
    assert code != ExitCode.OK
    assert "first day must not be after the last" in capsys.readouterr().err
    code = await asyncio.to_thread(main, ["report", "counts", "--no-central", "--csv",
                                          str(tmp_path / "missing" / "x.csv")])
    assert code != ExitCode.OK
    assert "could not be saved" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "counts", "--from", "30/11/2026"])
