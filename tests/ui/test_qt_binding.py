"""The Qt binding itself: PySide6-Essentials 6.12.0 on CPython 3.11 released a reference to ``None`` on every
call of a method returning void, so a running window aborted ("none_dealloc: deallocating None") after some
thousands of calls. pyproject.toml excludes that release; this test catches a binding that does it again.

From Python 3.12 on, ``None`` is immortal: the count does not move and the test passes trivially.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QPushButton


def test_void_calls_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    button = QPushButton()
    before = sys.getrefcount(None)
    for _ in range(1000):
        button.setEnabled(True)
        button.setText("x")
        button.setAccessibleName("x")
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references in 3000 void calls"
