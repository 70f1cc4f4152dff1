"""Reconciliation on screen: this terminal's records of a day against the central service's, for staff.

The comparison is ``kiosk.sync.reconcile`` (the same as ``kiosk reconcile``); this module only shows it:
every difference by transaction, with what to do about it, and the sequence numbers the service is
missing. Shown in the staff's words; a technician's command is named where a technician must act.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.sync.reconcile import Difference, Problem, Reconciliation
from kiosk.ui.dashboard.names import kind_label, outcome_label
from kiosk.ui.theme import ROLE_STATUS_OK, ROLE_STATUS_PROBLEM

translate = QCoreApplication.translate
KEY_ROLE = Qt.ItemDataRole.UserRole  # a difference row's whole transaction key


def problem_name(problem: Problem) -> str:
    names = {
        Problem.NOT_SENT_YET: translate("Dashboard", "Pending"),
        Problem.REJECTED: translate("Dashboard", "Rejected"),
        Problem.MISSING_AT_CENTRAL: translate("Dashboard", "Missing at the central service"),
        Problem.MISSING_HERE: translate("Dashboard", "Missing at this terminal"),
        Problem.DIFFERENT: translate("Dashboard", "Different"),
    }
    return names[problem]


def advice(difference: Difference) -> str:
    """What staff do about one difference."""
    problem = difference.problem
    if problem is Problem.NOT_SENT_YET:
        return translate("Dashboard", "The terminal will send it; if it stays pending, check the network.")
    if problem is Problem.REJECTED:
        return translate("Dashboard", "The central service refused it: call a technician to correct it and send "
                                      "it again (kiosk outbox rejected, kiosk outbox retry). It is kept here.")
    if problem is Problem.MISSING_AT_CENTRAL:
        return translate("Dashboard", "It was delivered but the central service does not have it: call a "
                                      "technician. The record is kept here.")
    if problem is Problem.MISSING_HERE:
        return translate("Dashboard", "The central service has a record of this terminal that the terminal does "
                                      "not: tell your supervisor (was the terminal restored or replaced?).")
    return translate("Dashboard", "The central service has it as {kind} ({outcome}): tell a technician, and "
                                  "count it as this terminal recorded it until it is resolved.").format(
        kind=kind_label(difference.central_kind or ""), outcome=outcome_label(difference.central_outcome or ""))


def gap_advice() -> str:
    return translate("Dashboard", "If these numbers are pending here, the terminal will send them; otherwise "
                                  "call a technician.")


def summary(result: Reconciliation) -> tuple[str, str]:
    """The one sentence above the table, and its role (colour repeats the words)."""
    if result.matches:
        return translate("Dashboard", "Everything matches."), ROLE_STATUS_OK
    return (translate("Dashboard", "{count} differences. What to do about each is in the last column.")
            .format(count=len(result.differences) + len(result.central_gaps)),
            ROLE_STATUS_PROBLEM)


def headers() -> list[str]:
    return [translate("Dashboard", "Transaction"), translate("Dashboard", "Terminal and number"),
            translate("Dashboard", "Procedure"), translate("Dashboard", "Outcome"),
            translate("Dashboard", "Difference"), translate("Dashboard", "What to do")]


def fill(table: QTableWidget, result: Reconciliation | None) -> None:
    """One row per difference, then one per terminal with sequence numbers the service has not received."""
    table.clearContents()
    table.setColumnCount(6)
    table.setHorizontalHeaderLabels(headers())
    if result is None:
        table.setRowCount(0)
        return
    gaps = list(result.central_gaps.items())
    table.setRowCount(len(result.differences) + len(gaps))
    for row, difference in enumerate(result.differences):
        cells = [difference.key, f"{difference.terminal_id} #{difference.sequence}",
                 kind_label(difference.kind), outcome_label(difference.outcome),
                 problem_name(difference.problem), advice(difference)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:  # 8 digits tell rows apart; the whole key is in the tooltip and the item's data
                item.setText(text[:8])
                item.setData(KEY_ROLE, text)
            table.setItem(row, column, item)
    for offset, (terminal, missing) in enumerate(gaps):
        row = len(result.differences) + offset
        numbers = number_ranges(missing)
        cells = ["", f"{terminal} #{numbers}", "", "", translate("Dashboard", "Sequence gap"), gap_advice()]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    for column in range(5):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the advice wraps in what is left
    table.resizeRowsToContents()
    if not table.property("rowsFollowWidths"):  # the advice wraps anew when the window changes width
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        table.setProperty("rowsFollowWidths", True)


def number_ranges(numbers: tuple[int, ...] | list[int]) -> str:
    """8, 9, 10, 12 -> "8-10, 12": a long gap stays one short line."""
    parts: list[str] = []
    ordered = sorted(numbers)
    start = previous = ordered[0] if ordered else 0
    for n in [*ordered[1:], None]:
        if n is not None and n == previous + 1:
            previous = n
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if n is not None:
            start = previous = n
    return ", ".join(parts) if ordered else ""
