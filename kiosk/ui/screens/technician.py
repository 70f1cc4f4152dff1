"""The hidden technician screen (Ctrl+Alt+D): ``kiosk diagnose``'s checks, one line each, with the fix."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.i18n import tr_message
from kiosk.provision.checks import Check, State
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen, translate


class TechnicianScreen(Screen):
    rerun = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("technicianScreen", parent)
        self._checks: Sequence[Check] = ()
        self.layout_.addWidget(self.heading("technicianHeading", lambda: translate(
            "screens", "Technician: checks of this terminal")))
        self.lines = QLabel(self)
        self.lines.setObjectName("technicianChecks")
        self.lines.setWordWrap(True)
        self.layout_.addWidget(self.lines, 1)
        row = QHBoxLayout()
        again = self.button("technicianRerunButton", lambda: translate("screens", "Check again"))
        done = self.button("technicianBackButton", lambda: translate("screens", "Back"), primary=True)
        again.clicked.connect(self.rerun)
        done.clicked.connect(self.back)
        row.addWidget(again)
        row.addWidget(done)
        self.layout_.addLayout(row)
        self._texts.append(self._fill)

    def running(self) -> None:
        self._checks = ()
        self.lines.setText(translate("screens", "Checking…"))

    def show_checks(self, checks: Sequence[Check]) -> None:
        self._checks = checks
        self._fill()

    def _fill(self) -> None:
        if not self._checks:
            return
        words = {State.OK: translate("screens", "ok"), State.WARNING: translate("screens", "warning"),
                 State.FAULT: translate("screens", "fault")}
        lines = []
        for check in self._checks:
            line = f"[{words[check.state]}] {tr_message(check.title)}: {check.detail}"
            fix = check.fix_text()
            if fix and check.state is not State.OK:
                line += f"\n    → {fix}"
            lines.append(line)
        self.lines.setText("\n".join(lines))
        self.lines.setAccessibleName(self.lines.text())
        healthy = all(check.state is State.OK for check in self._checks)
        theme.set_role(self.lines, theme.ROLE_PROMPT if healthy else theme.ROLE_WARNING)
