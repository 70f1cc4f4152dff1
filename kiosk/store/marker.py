"""The marker that remembers, apart from the database file, that this terminal had a database.

A database truncated to nothing or deleted would otherwise be created afresh with numbering restarting at
1: new records would take the sequence numbers of lost ones and the central service's counts would close
over the hole. The marker (a small JSON file beside the database: ``kiosk.sqlite3.marker.json``) holds the
last sequence number the terminal is known to have used. It is written after each commit, never before,
so it can lag behind the database but never run ahead of it: a database behind its marker lost records.

Not a security measure (whoever deletes the database can delete the marker): it catches the accidents a
terminal meets, a disk restored from an old image, a technician's wrong ``rm``, a file system repair.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".marker.json"


@dataclass(frozen=True)
class Marker:
    terminal_id: str
    last_sequence: int


def path_for(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def read(database: Path) -> Marker | None:
    """The marker of ``database``; None if there is none. An unreadable marker counts as a marker that
    knows nothing (last sequence 0): the database's absence is still noticed."""
    path = path_for(database)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        return Marker("", 0)
    if not isinstance(document, dict):
        return Marker("", 0)
    last = document.get("last_sequence")
    terminal_id = document.get("terminal_id")
    return Marker(terminal_id if isinstance(terminal_id, str) else "",
                  last if isinstance(last, int) and not isinstance(last, bool) and last >= 0 else 0)


def write(database: Path, marker: Marker) -> None:
    """Replace the marker atomically (a crash leaves the old one or the new one, never half of one).

    No fsync: a marker lost with the last seconds before a power cut only lags, which it may."""
    path = path_for(database)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_text(json.dumps({"terminal_id": marker.terminal_id, "last_sequence": marker.last_sequence}),
                         encoding="utf-8")
    os.replace(temporary, path)
