"""A virtual card in a process of its own, put in and taken out of a vpcd reader on command.

A real card is outside the terminal's process; an in-process ``VpcdLink`` would run the card's Python (its
RSA key generations among it) on the terminal's GIL and count its memory and threads as the terminal's.
The UI benchmarks drive this process through ``CardProcess``: one line per command on stdin ("load
PROFILE": a fresh card of that profile, out of the reader; "insert", "remove", "quit"), one line back ("ok"
or the error) once done. Loading is its own command so that an insertion costs the terminal's Qt thread
no more than a pipe round trip.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve()


class CardProcess:
    """The parent's side: ``insert``/``remove`` return once the card process has done it."""

    def __init__(self, port: int, pki_dir: Path) -> None:
        self._process = subprocess.Popen([sys.executable, str(HERE), str(port), str(pki_dir)],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def _command(self, line: str) -> None:
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(line + "\n")
        answer = stdout.readline().strip()
        if answer != "ok":
            raise RuntimeError(f"the card process answered {answer!r} to {line!r}")

    def link(self, profile: str) -> _Link:
        """A fresh card of ``profile``, out of the reader (the previous card, if any, is taken out)."""
        self._command(f"load {profile}")
        return _Link(self)

    def close(self) -> None:
        if self._process.poll() is None:
            self._command("quit")
            self._process.wait(timeout=10)


class _Link:
    """``VpcdLink``'s two calls on the loaded card: the same card each time, as one resident's."""

    def __init__(self, process: CardProcess) -> None:
        self._process = process

    def insert(self) -> None:
        self._process._command("insert")

    def remove(self) -> None:
        self._process._command("remove")


def serve(port: int, pki_dir: Path, commands: IO[str], answers: IO[str]) -> None:
    from kiosk.cardsim import VirtualCard
    from kiosk.cardsim.vpcd import VpcdLink
    from kiosk.pki.training import load_or_create

    pki = load_or_create(pki_dir)
    link: Any = None
    for line in commands:
        verb, *rest = line.split()
        try:
            if verb == "load":
                if link is not None:
                    link.remove()
                link = VpcdLink(VirtualCard.from_profile(rest[0], pki=pki), port)
            elif verb == "insert" and link is not None:
                link.insert()
            elif verb == "remove" and link is not None:
                link.remove()
            elif verb == "quit":
                answers.write("ok\n")
                answers.flush()
                return
            answers.write("ok\n")
        except Exception as error:  # said to the parent, which stops the benchmark with it
            answers.write(f"{type(error).__name__}: {error}\n")
        answers.flush()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    serve(int(sys.argv[1]), Path(sys.argv[2]), sys.stdin, sys.stdout)
