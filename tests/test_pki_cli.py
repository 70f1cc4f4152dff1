"""``kiosk pki``: shows the training PKI the virtual card and central service share; exports only public roots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cryptography import x509

from kiosk.pki.training import TrainingPki


def _kiosk(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *arguments], capture_output=True, text=True,
                          check=False, timeout=120)


def test_show_names_the_shared_pki(training_pki: TrainingPki) -> None:
    result = _kiosk("pki", "show", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["fingerprint"] == training_pki.fingerprint()
    issuing = [(r["purpose"], r["generation"]) for r in document["roots"] if r["issues_new_certificates"]]
    assert issuing == [("auth", "2023"), ("sign", "2023")]


def test_export_writes_public_roots_only(tmp_path: Path, training_pki: TrainingPki) -> None:
    result = _kiosk("pki", "export-roots", str(tmp_path / "roots"))
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "roots").iterdir())
    assert len(files) == len(training_pki.authorities)
    exported = {x509.load_pem_x509_certificate(f.read_bytes()) for f in files}
    assert exported == {a.certificate for a in training_pki.authorities}
    assert not any(b"PRIVATE KEY" in f.read_bytes() for f in files)
