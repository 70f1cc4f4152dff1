"""``kiosk central``: serve as a separate process, add a terminal, migrate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
from central_server import DEMO_TERMINAL, run_central_process, transaction_wire

from kiosk.pki.training import TrainingPki


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_serve_answers_over_http_for_a_new_terminal_and_the_demo_one(tmp_path: Path,
                                                                training_pki: TrainingPki) -> None:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    added = kiosk("central", "add-terminal", "--db", url, "--site", "north", "--terminal", "north-01",
                  "--mode", "kiosk")
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip()
    assert len(token) >= 40
    assert token not in Path(tmp_path / "central.sqlite3").read_bytes().decode("latin-1")
    with run_central_process(url, terminals=(), extra_args=("--demo",)) as (base_url, _process):
        record = transaction_wire(sequence=1, terminal_id="north-01", site="north", mode="kiosk", staff_id=None)
        answer = httpx.post(f"{base_url}/v1/transactions", json={"transactions": [record]},
                            headers={"Authorization": f"Bearer {token}"})
        demo = httpx.get(f"{base_url}/v1/sites/demo-site/counts", params={"date": "2026-11-23"},
                         headers={"Authorization": f"Bearer {DEMO_TERMINAL.token}"})
    assert answer.status_code == 200
    assert demo.status_code == 200
    assert answer.json()["results"] == [{"key": record["key"], "status": "accepted"}]
    assert demo.json()["counts"] == []


def test_adding_a_terminal_twice_to_another_site_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    assert kiosk("central", "add-terminal", "--db", url, "--site", "a", "--terminal", "t1",
                 "--mode", "counter").returncode == 0
    moved = kiosk("central", "add-terminal", "--db", url, "--site", "b", "--terminal", "t1", "--mode", "counter")
    assert moved.returncode != 0
    assert moved.stdout == ""
