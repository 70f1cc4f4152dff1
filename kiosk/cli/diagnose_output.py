"""Printing technicians' checks: one line each (state, title, what was seen), the fix under a fault."""

from __future__ import annotations

import json
from collections.abc import Sequence

from kiosk.i18n import tr, tr_message
from kiosk.provision.checks import Check, State


def _state_word(state: State) -> str:
    if state is State.OK:
        return tr("diagnose", "ok")
    if state is State.WARNING:
        return tr("diagnose", "warning")
    return tr("diagnose", "fault")


def print_checks(checks: Sequence[Check]) -> None:
    for check in checks:
        print(f"[{_state_word(check.state)}] {tr_message(check.title)}: {check.detail}")
        fix = check.fix_text()
        if fix and check.state is not State.OK:
            print(f"    -> {fix}")


def print_json(checks: Sequence[Check]) -> None:
    print(json.dumps({"schema": 1, "ok": all(c.state is State.OK for c in checks),
                      "checks": [c.as_json() for c in checks]}, ensure_ascii=False, indent=2))
