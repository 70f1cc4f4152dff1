"""Reading a PIN from the person at the terminal, without echo, into a wipeable buffer.

Where it reads: standard input. When that is a terminal, echo is switched off while the PIN is typed (and
restored whatever happens); when it is a pipe (scripts, tests), one line is read from it as it comes. PINs
are never taken from the command line, where every user of the machine could read them in the process
list. Prompts go to standard error, so standard output carries only results.

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
    """Ask with ``prompt`` and return what was typed; empty if nothing was (the format check says so)."""
    fd = sys.stdin.fileno()
    pin = bytearray()
    try:
        with _echo_off(fd):  # before the prompt: nothing typed after it is ever echoed
            sys.stderr.write(prompt)
            sys.stderr.flush()
            _read_line(fd, pin)
    except BaseException:
        wipe(pin)
        raise
    finally:
        if os.isatty(fd):
            sys.stderr.write("\n")
            sys.stderr.flush()
    return pin


def read_answer(prompt: str) -> str:
    """Ask a question whose answer is not secret (a confirmation) and return it, stripped."""
    fd = sys.stdin.fileno()
    sys.stderr.write(prompt)
    sys.stderr.flush()
    answer = bytearray()
    _read_line(fd, answer)
    return answer.decode("utf-8", errors="replace").strip()
