"""The training PKI shared by the virtual card and the reference central service.

It holds JPKI-like roots for authentication and for signing, two generations each (several are live at
once on real cards), and the issuer key: the EC key whose signature the virtual card demands on every
issuer-channel authorisation. It is generated on first use into the data directory (no private key is
ever committed) or derived from a seed, which gives byte-identical certificates on every machine.

Two processes starting at once (a virtual card and the central service) must end up with the same PKI:
each generates into a private temporary directory and renames it into place; the loser of that race
discards its copy and loads the winner's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from kiosk import paths
from kiosk.pki import jpki
from kiosk.pki.jpki import Purpose
from kiosk.pki.keys import random_ec_key, random_rsa_key, seeded_ec_key, seeded_rsa_key

FORMAT_VERSION = 1
# (generation, first day, last day): the last generation issues new certificates.
GENERATIONS = (("2019", date(2019, 4, 1), date(2039, 3, 31)), ("2023", date(2023, 4, 1), date(2043, 3, 31)))


@dataclass(frozen=True)
class Authority:
    purpose: Purpose
    generation: str
    certificate: x509.Certificate
    key: rsa.RSAPrivateKey


@dataclass(frozen=True)
class TrainingPki:
    authorities: tuple[Authority, ...]
    issuer_key: ec.EllipticCurvePrivateKey

    def roots(self, purpose: Purpose) -> list[x509.Certificate]:
        return [a.certificate for a in self.authorities if a.purpose is purpose]

    def issuing(self, purpose: Purpose) -> Authority:
        """The authority that signs new certificates: the newest generation."""
        return [a for a in self.authorities if a.purpose is purpose][-1]

    def authority_for(self, certificate: x509.Certificate) -> Authority | None:
        """The authority that issued ``certificate`` (any purpose, any generation)."""
        candidates = [a.certificate for a in self.authorities]
        root = jpki.find_issuer(certificate, candidates)
        return next((a for a in self.authorities if a.certificate == root), None) if root else None

    @property
    def issuer_public_key(self) -> ec.EllipticCurvePublicKey:
        return self.issuer_key.public_key()

    def fingerprint(self) -> str:
        """A short identifier of this PKI (the issuer key), to tell two PKIs apart in diagnostics."""
        raw = self.issuer_public_key.public_bytes(serialization.Encoding.X962,
                                                  serialization.PublicFormat.UncompressedPoint)
        return hashlib.sha256(raw).hexdigest()[:16]


def generate(seed: bytes | None = None) -> TrainingPki:
    """A new training PKI; the same one for the same seed."""
    authorities = []
    for purpose in (Purpose.AUTH, Purpose.SIGN):
        for generation, first, last in GENERATIONS:
            label = f"root:{purpose}:{generation}"
            key = seeded_rsa_key(seed, label) if seed is not None else random_rsa_key()
            serial = (int.from_bytes(hashlib.sha256(seed + label.encode()).digest()[:8], "big") >> 2 | 1 << 61
                      if seed is not None else None)
            certificate = jpki.make_root(purpose, key, first, last, serial=serial)
            authorities.append(Authority(purpose, generation, certificate, key))
    issuer = seeded_ec_key(seed, "issuer") if seed is not None else random_ec_key()
    return TrainingPki(tuple(authorities), issuer)


def _pem_key(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def save(pki: TrainingPki, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, object] = {"format": FORMAT_VERSION, "issuer_key": "issuer.key.pem", "roots": []}
    roots: list[dict[str, str]] = []
    for authority in pki.authorities:
        stem = f"{authority.purpose}-root-{authority.generation}"
        (directory / f"{stem}.pem").write_bytes(authority.certificate.public_bytes(serialization.Encoding.PEM))
        _write_private(directory / f"{stem}.key.pem", _pem_key(authority.key))
        roots.append({"purpose": str(authority.purpose), "generation": authority.generation,
                      "certificate": f"{stem}.pem", "key": f"{stem}.key.pem"})
    manifest["roots"] = roots
    _write_private(directory / "issuer.key.pem", _pem_key(pki.issuer_key))
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def load(directory: Path) -> TrainingPki:
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise ValueError(f"{directory}: unsupported training PKI format {manifest.get('format')!r}")
    authorities = []
    for entry in manifest["roots"]:
        certificate = x509.load_pem_x509_certificate((directory / entry["certificate"]).read_bytes())
        key = serialization.load_pem_private_key((directory / entry["key"]).read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{entry['key']}: not an RSA key")
        authorities.append(Authority(Purpose(entry["purpose"]), entry["generation"], certificate, key))
    issuer = serialization.load_pem_private_key((directory / manifest["issuer_key"]).read_bytes(), password=None)
    if not isinstance(issuer, ec.EllipticCurvePrivateKey):
        raise ValueError("issuer key: not an EC key")
    return TrainingPki(tuple(authorities), issuer)


def default_directory() -> Path:
    override = os.environ.get("KIOSK_TRAINING_PKI_DIR")
    return Path(override) if override else paths.data_dir() / "training-pki"


def load_or_create(directory: Path | None = None, seed: bytes | None = None) -> TrainingPki:
    """The training PKI in ``directory``, generating it there on first use."""
    target = directory or default_directory()
    if (target / "manifest.json").exists():
        return load(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".training-pki-", dir=target.parent))
    try:
        save(generate(seed), staging)
        try:
            staging.rename(target)
        except OSError:
            if not (target / "manifest.json").exists():
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return load(target)
