"""benchmarks/central_scale.py at a tiny size: it runs end to end on PostgreSQL and prints every figure
(the figures themselves are the benchmark's business, never asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_the_scale_benchmark_ingests_every_record_and_times_every_query(postgres_database: str) -> None:
    # postgres_database: PostgreSQL is there (or the test skips locally and fails in CI); the benchmark
    # makes a database of its own beside it.
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "central_scale.py"), "--records", "400",
                          "--terminals", "4", "--sites", "2", "--senders", "1", "--workers", "1",
                          "--national", "3000", "--national-terminals", "20", "--repeat", "1", "--explain"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    city, national = result["city"], result["national"]
    assert (city["records"], city["delivered"], city["stored"], city["rejected"]) == (400, 400, 400, 0)
    assert city["records_per_second"] > 0 and city["batch_latency_ms"]["p99"] > 0
    assert city["bare_copy_in"]["rows"] == 400
    assert city["gaps_made"] == 1  # term-00000 lost its record 10
    assert national["records"] == 3000 - 1  # every 50th terminal (here the first) skips one number
    for figures in (city["queries"], national["queries"]):
        assert set(figures) == {"counts_one_site_year", "counts_every_site_year", "oldest_gaps_one_site",
                                "oldest_gaps_every_site"}
        assert figures["oldest_gaps_every_site"]["rows_out"] == 1
        assert all(f["copy_out_same_rows_ms"] > 0 and f["plan"] for f in figures.values())
        assert "sql_ms" in figures["counts_every_site_year"]["without_report_index"]
