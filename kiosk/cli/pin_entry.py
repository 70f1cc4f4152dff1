"""Reading a PIN from the person at the terminal, without echo, into a wipeable buffer.

Where it reads: standard input, or the file descriptor named by ``--pin-fd`` (``PinSource``). When standard
input is a terminal, echo is switched off while the PIN is typed (and restored whatever happens); from a
pipe (scripts, tests) one line is read as it comes. PINs are never taken from the command line, where every
user of the machine could read them in the process list. Prompts go to standard error, so standard output
carries only results.

The PIN goes byte by byte from the file descriptor into a ``bytearray`` (``os.readv`` into a preallocated
buffer): no ``str`` or ``bytes`` copy of it is made, and the caller wipes the buffer when done.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from kiosk.domain.pins import wipe

MAX_LENGTH = 64  # far beyond any PIN: a longer line is not a PIN, and is cut (then refused by the format)
_END_OF_LINE = (0x0A, 0x0D)


@contextlib.contextmanager
def _echo_off(fd: int) -> Iterator[None]:
    if not os.isatty(fd):
        yield
        return
    import termios

    saved = termios.tcgetattr(fd)
    quiet = termios.tcgetattr(fd)
    quiet[3] &= ~(termios.ECHO | termios.ECHONL)
    termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSAFLUSH, saved)


def _read_line(fd: int, into: bytearray) -> bool:
    """Append one line from ``fd`` to ``into`` (without its end); False at end of input with nothing read."""
    one = bytearray(1)
    view = memoryview(one)
    got_any = False
    try:
        while True:
            if os.readv(fd, [view]) == 0:
                return got_any
            got_any = True
            if one[0] in _END_OF_LINE:
                return True
            if len(into) < MAX_LENGTH:
                into.append(one[0])
    finally:
        one[0] = 0


def read_pin(prompt: str) -> bytearray:
    """Ask with ``prompt`` on the terminal and return what was typed; empty if nothing was (the format check
    says so)."""
    return PinSource().read_or_empty(prompt)


class PinSource:
    """Where a command's PINs come from: the terminal (standard input, without echo), or the file descriptor a
    script passed with ``--pin-fd`` (one PIN per line, in the order the command asks; nothing is echoed
    there either, and the prompt still goes to standard error so a log shows what was asked)."""

    def __init__(self, fd: int | None = None) -> None:
        self.fd = fd

    @property
    def scripted(self) -> bool:
        return self.fd is not None

    def read(self, prompt: str) -> bytearray | None:
        """The next PIN, or None at the end of the input (nothing more will come)."""
        if self.fd is None:
            fd = sys.stdin.fileno()
            pin = bytearray()
            got = False
            try:
                with _echo_off(fd):
                    sys.stderr.write(prompt)
                    sys.stderr.flush()
                    got = _read_line(fd, pin)
            except BaseException:
                wipe(pin)
                raise
            finally:
                if os.isatty(fd):
                    sys.stderr.write("\n")
                    sys.stderr.flush()
            return pin if got else None
        sys.stderr.write(prompt + "\n")
        sys.stderr.flush()
        pin = bytearray()
        try:
            got = _read_line(self.fd, pin)
        except BaseException:
            wipe(pin)
            raise
        return pin if got else None

    def read_or_empty(self, prompt: str) -> bytearray:
        """The next PIN; empty at the end of the input (the PIN format check then refuses it)."""
        pin = self.read(prompt)
        return pin if pin is not None else bytearray()


def read_answer(prompt: str) -> str:
    """Ask a question whose answer is not secret (a confirmation) and return it, stripped."""
    fd = sys.stdin.fileno()
    sys.stderr.write(prompt)
    sys.stderr.flush()
    answer = bytearray()
    _read_line(fd, answer)
    return answer.decode("utf-8", errors="replace").strip()
