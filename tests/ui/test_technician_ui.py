"""The hidden technician screen: Ctrl+Alt+D shows kiosk diagnose's checks in the window, and Back leaves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.harness import UiTerminal

pytestmark = pytest.mark.pcsc


async def test_ctrl_alt_d_shows_every_check_with_its_state(counter_app: UiTerminal) -> None:
    app = counter_app
    await app.screen("signInScreen")
    QTest.keyClick(app.window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    await app.screen("technicianScreen")
    checks = app.controller.technician.lines
    await app.until(lambda: checks.text().startswith("["), "the checks")
    text = checks.text()
    states = [line.split("]")[0] + "]" for line in text.splitlines() if line.startswith("[")]
    assert len(states) >= 10  # every check of kiosk diagnose: service, readers, card, central, database, ...
    assert set(states) <= {"[ok]", "[warning]", "[fault]"}
    assert "[ok]" in states
    app.click("technicianBackButton")
    await app.screen("signInScreen")
