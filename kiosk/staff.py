"""Counter staff and their sign-in passphrases, kept as scrypt hashes in ``staff.toml`` beside ``kiosk.toml``.

    [staff.S0012]
    passphrase = "scrypt$16384$8$1$<salt hex>$<hash hex>"

``kiosk staff add ID`` writes an entry (the passphrase typed without echo); the counter window checks a
sign-in against it. Training mode uses ``TRAINING_STAFF`` instead, whose passphrase is public. A
passphrase travels as a ``bytearray`` that the caller wipes; only its hash is ever written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.errors import ConfigError

STAFF_ID = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
_N, _R, _P = 2**14, 8, 1
MIN_PASSPHRASE = 8
TRAINING_STAFF = ("T0001", "training")  # training mode only: shown on its sign-in screen


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    passphrase_hash: str


def staff_file() -> Path:
    return paths.config_dir() / "staff.toml"


def hash_passphrase(passphrase: bytearray, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(bytes(passphrase), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def matches(passphrase: bytearray, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(bytes(passphrase), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected) // 2)
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)


def load(path: Path | None = None) -> dict[str, StaffMember]:
    path = path or staff_file()
    if not path.exists():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    members = {}
    for staff_id, entry in document.get("staff", {}).items():
        if not STAFF_ID.match(staff_id) or not isinstance(entry, dict) or not isinstance(entry.get("passphrase"), str):
            raise ConfigError(f"{path}: a malformed entry for staff {staff_id!r}")
        members[staff_id] = StaffMember(staff_id, entry["passphrase"])
    return members


def verify(staff_id: str, passphrase: bytearray, *, training: bool = False, path: Path | None = None) -> bool:
    """Whether ``passphrase`` is ``staff_id``'s. Constant work whether or not the staff ID exists."""
    if training:
        return staff_id == TRAINING_STAFF[0] and hmac.compare_digest(bytes(passphrase),
                                                                     TRAINING_STAFF[1].encode())
    member = load(path).get(staff_id)
    stored = member.passphrase_hash if member else hash_passphrase(bytearray(b"-"), salt=b"0" * 16)
    return matches(passphrase, stored) and member is not None


def add(staff_id: str, passphrase: bytearray, path: Path | None = None) -> None:
    """Add or replace ``staff_id``'s passphrase (written atomically, readable by the owner only)."""
    if not STAFF_ID.match(staff_id):
        raise ConfigError("a staff ID is 1 to 32 letters, digits, dots, dashes or underscores")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ConfigError(f"a passphrase has at least {MIN_PASSPHRASE} characters")
    path = path or staff_file()
    members = load(path)
    members[staff_id] = StaffMember(staff_id, hash_passphrase(passphrase))
    lines = [f'[staff."{m.staff_id}"]\npassphrase = "{m.passphrase_hash}"\n' for m in members.values()]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    temporary.replace(path)
