"""Counter mode's "today" view: the day's counts, charts, reconciliation with the central service, exports.

Every read runs off the Qt thread: the store through ``asyncio.to_thread``, the central service through
the async client on the qasync loop. The central service being unreachable is not an error of the view:
the terminal's own counts are shown and a sentence says the site's could not be fetched. Staff see IDs,
kinds and outcomes; nothing about residents is on this screen or in its exports.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Settings
from kiosk.domain.validity import JST
from kiosk.errors import KioskError
from kiosk.messages import message_for
from kiosk.reports import counts as reports
from kiosk.reports import csv_export
from kiosk.reports.counts import CountsReport
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from kiosk.sync.reconcile import Reconciliation, reconcile
from kiosk.ui.dashboard import pdf
from kiosk.ui.dashboard import reconciliation as shown
from kiosk.ui.dashboard.charts import SITE_BRUSH, TERMINAL_BRUSH, BarChart
from kiosk.ui.dashboard.names import kind_label, outcome_label, staff_label
from kiosk.ui.screens.base import Screen, translate
from kiosk.ui.theme import ROLE_ERROR, ROLE_PROMPT, set_role

log = logging.getLogger("kiosk.ui.dashboard")
DAYS_CHARTED = 14
MONTHS_CHARTED = 12

ClientFactory = Callable[[], CentralClient]


def japan_today() -> date:
    return datetime.now(JST).date()


def months_back(day: date, months: int) -> date:
    """The first day of the month ``months`` before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _table(object_name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(object_name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _put(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if text.isdigit() or text == "-":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


class DashboardScreen(Screen):
    """``attach`` it to the running terminal, then ``refresh()`` (a coroutine) whenever it is shown."""

    back = Signal()
    refreshed = Signal()  # the counts and charts are up to date (tests wait on it)
    reconciled = Signal(object)  # the Reconciliation shown
    exported = Signal(str)  # the path of a file written

    def _scrollable_tabs(self) -> None:
        """Each tab scrolls rather than making the counter window taller than a 768 px laptop screen."""
        for index in range(self.tabs.count()):
            page, label = self.tabs.widget(index), self.tabs.tabText(index)
            assert page is not None
            self.tabs.removeTab(index)
            scroller = QScrollArea()
            scroller.setObjectName(f"{page.objectName() or 'dashboardTab'}Scroller")
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(page)
            self.tabs.insertTab(index, scroller, label)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashboardScreen", parent)
        self.settings: Settings | None = None
        self.store: Store | None = None
        self.client_factory: ClientFactory | None = None
        self.today: Callable[[], date] = japan_today
        self.day_report: CountsReport | None = None  # today, both scopes
        self.days_report: CountsReport | None = None  # the last 14 days, both scopes
        self.months_report: CountsReport | None = None  # the last 12 months, this terminal
        self.reconciliation: Reconciliation | None = None
        self._tasks: set[asyncio.Future[Any]] = set()

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("dashboardTitle")
        self.title.setProperty("role", "heading")
        top.addWidget(self.title, 1)
        self.refresh_button = self.button("dashboardRefresh", lambda: translate("Dashboard", "Refresh"))
        self.back_button = self.button("dashboardBack", lambda: translate("Dashboard", "Back"))
        top.addWidget(self.refresh_button)
        top.addWidget(self.back_button)
        self.layout_.addLayout(top)
        self.notice = self.paragraph("dashboardNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignLeft)
        set_role(self.notice, ROLE_PROMPT)
        self.layout_.addWidget(self.notice)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.layout_.addWidget(self.tabs, 1)
        self._build_counts_tab()
        self._build_charts_tab()
        self._build_reconcile_tab()
        self._scrollable_tabs()

        exports = QHBoxLayout()
        self.csv_day = self.button("exportDayCsv", lambda: translate("Dashboard", "Day as CSV"))
        self.csv_month = self.button("exportMonthCsv", lambda: translate("Dashboard", "Month as CSV"))
        self.pdf_day = self.button("exportDayPdf", lambda: translate("Dashboard", "Day as PDF"))
        self.pdf_month = self.button("exportMonthPdf", lambda: translate("Dashboard", "Month as PDF"))
        for button in (self.csv_day, self.csv_month, self.pdf_day, self.pdf_month):
            exports.addWidget(button)
        self.layout_.addLayout(exports)

        self.refresh_button.clicked.connect(lambda: self._background(self.refresh()))
        self.back_button.clicked.connect(self.back.emit)
        self.reconcile_button.clicked.connect(lambda: self._background(self.reconcile_day(self.chosen_day())))
        self.csv_day.clicked.connect(lambda: self._ask_and_export("day", "csv"))
        self.csv_month.clicked.connect(lambda: self._ask_and_export("month", "csv"))
        self.pdf_day.clicked.connect(lambda: self._ask_and_export("day", "pdf"))
        self.pdf_month.clicked.connect(lambda: self._ask_and_export("month", "pdf"))
        # The advice wraps: row heights follow the column widths once the layout has settled.
        self.tabs.currentChanged.connect(self._fit_rows_later)
        self._texts.append(self._retranslate_views)
        self._retranslate_views()

    # --- building ------------------------------------------------------------------------------------------

    def _build_counts_tab(self) -> None:
        page = QWidget(self)
        page.setObjectName("dashboardCountsTab")
        layout = QHBoxLayout(page)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.kinds_label = QLabel(page)
        self.kinds_table = _table("dashboardKinds", page)
        self.staff_label = QLabel(page)
        self.staff_table = _table("dashboardStaff", page)
        left.addWidget(self.kinds_label)
        left.addWidget(self.kinds_table)
        right.addWidget(self.staff_label)
        right.addWidget(self.staff_table)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.tabs.addTab(page, "")

    def _build_charts_tab(self) -> None:
        page = QWidget(self)
        page.setObjectName("dashboardChartsTab")
        layout = QVBoxLayout(page)
        self.days_chart = BarChart("dashboardDaysChart", page)
        self.months_chart = BarChart("dashboardMonthsChart", page)
        layout.addWidget(self.days_chart)
        layout.addWidget(self.months_chart)
        self.tabs.addTab(page, "")

    def _build_reconcile_tab(self) -> None:
        page = QWidget(self)
        page.setObjectName("dashboardReconcileTab")
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.date_label = QLabel(page)
        self.date_edit = QDateEdit(page)
        self.date_edit.setObjectName("reconcileDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumHeight(48)
        self.named_by(self.date_edit, self.date_label)
        self.reconcile_button = self.button("reconcileButton", lambda: translate("Dashboard", "Compare"))
        row.addWidget(self.date_label)
        row.addWidget(self.date_edit)
        row.addWidget(self.reconcile_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reconcile_summary = QLabel(page)
        self.reconcile_summary.setObjectName("reconcileSummary")
        self.reconcile_summary.setWordWrap(True)
        layout.addWidget(self.reconcile_summary)
        self.reconcile_table = _table("reconcileDifferences", page)
        self.reconcile_table.setWordWrap(True)
        layout.addWidget(self.reconcile_table, 1)
        self.tabs.addTab(page, "")

    def _retranslate_views(self) -> None:
        self.tabs.setTabText(0, translate("Dashboard", "Counts"))
        self.tabs.setTabText(1, translate("Dashboard", "Charts"))
        self.tabs.setTabText(2, translate("Dashboard", "Reconciliation"))
        self.kinds_label.setText(translate("Dashboard", "By procedure and outcome"))
        self.staff_label.setText(translate("Dashboard", "By staff member (this terminal)"))
        self.date_label.setText(translate("Dashboard", "Date"))
        self._show_counts()
        self._show_charts()
        shown.fill(self.reconcile_table, self.reconciliation)
        self._show_summary()

    # --- attaching -----------------------------------------------------------------------------------------

    def attach(self, settings: Settings, store: Store, *, client_factory: ClientFactory | None = None,
               today: Callable[[], date] = japan_today) -> None:
        """``client_factory`` makes a fresh client per refresh (default: from ``settings``)."""
        self.settings, self.store, self.today = settings, store, today
        self.client_factory = client_factory or (lambda: CentralClient.from_settings(settings))
        self.date_edit.setDate(QDate(today().year, today().month, today().day))
        self.date_edit.setMaximumDate(self.date_edit.date())
        self._show_title()

    @property
    def site(self) -> str:
        assert self.settings is not None, "attach() first"
        return self.settings.site

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows_later()

    def _fit_rows_later(self, *_: object) -> None:
        # With the table as context, Qt drops the call if the table is gone by then (a closed window).
        QTimer.singleShot(0, self.reconcile_table, self.reconcile_table.resizeRowsToContents)

    def chosen_day(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _background(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _explain(self, error: KioskError) -> str:
        return message_for(error)

    def _show_error(self, error: KioskError) -> None:
        self.notice.setText(message_for(error))
        set_role(self.notice, ROLE_ERROR)

    # --- the counts ----------------------------------------------------------------------------------------

    async def refresh(self) -> None:
        """Read today's, the last 14 days' and the last 12 months' counts; show them."""
        assert self.store is not None and self.client_factory is not None, "attach() first"
        today = self.today()
        self.refresh_button.setEnabled(False)
        try:
            async with self.client_factory() as client:
                days = await reports.build(self.store, client, self.site, today - timedelta(days=DAYS_CHARTED - 1),
                                           today, explain=self._explain)
            months = await reports.build(self.store, None, self.site, months_back(today, MONTHS_CHARTED - 1),
                                         today)
        except KioskError as error:
            log.warning("dashboard refresh failed: %s", error)
            self._show_error(error)
            return
        finally:
            self.refresh_button.setEnabled(True)
        self.days_report, self.months_report = days, months
        self.day_report = restrict(days, today, today)
        self._show_title()
        self._show_counts()
        self._show_charts()
        self.refreshed.emit()

    def _show_title(self) -> None:
        if self.settings is None:
            return
        self.title.setText(translate("Dashboard", "{site}, {day}: terminal {terminal}").format(
            site=self.site, day=self.today().isoformat(), terminal=self.settings.terminal_id))

    def _show_counts(self) -> None:
        report = self.day_report
        self.kinds_table.setColumnCount(4)
        self.kinds_table.setHorizontalHeaderLabels([
            translate("Dashboard", "Procedure"), translate("Dashboard", "Outcome"),
            translate("Dashboard", "This terminal"), translate("Dashboard", "Whole site")])
        self.staff_table.setColumnCount(3)
        self.staff_table.setHorizontalHeaderLabels([
            translate("Dashboard", "Staff ID"), translate("Dashboard", "Procedure"), translate("Dashboard", "Count")])
        if report is None:
            _put(self.kinds_table, [])
            _put(self.staff_table, [])
            return
        lines = [[kind_label(k), outcome_label(o), str(here), "-" if whole is None else str(whole)]
                 for k, o, here, whole in report.by_kind_outcome()]
        lines.append([translate("Dashboard", "Total"), "", str(report.terminal_total),
                      "-" if report.site_total is None else str(report.site_total)])
        _put(self.kinds_table, lines)
        _put(self.staff_table, [[staff_label(who), kind_label(k), str(n)] for who, k, n in report.by_staff()])
        if report.site_rows is None and report.site_missing:
            self.notice.setText(translate("Dashboard", "The whole site's counts could not be fetched: {reason}")
                                .format(reason=report.site_missing))
            set_role(self.notice, ROLE_ERROR)
        else:
            self.notice.setText(translate("Dashboard", "Counts of Japan-time days. The whole site's come from "
                                                       "the central service and include only what it has "
                                                       "received."))
            set_role(self.notice, ROLE_PROMPT)

    def _show_charts(self) -> None:
        terminal, site = translate("Dashboard", "This terminal"), translate("Dashboard", "Whole site")
        if self.days_report is not None:
            by_day = self.days_report.terminal_by_day()
            by_site = self.days_report.site_by_day()
            keys = list(by_day)
            self.days_chart.show_series(
                translate("Dashboard", "Procedures per day, last 14 days"), keys,
                [(terminal, TERMINAL_BRUSH, list(by_day.values())),
                 (site, SITE_BRUSH, None if by_site is None else [by_site[k] for k in keys])])
        if self.months_report is not None:
            by_month = self.months_report.terminal_by_month()
            self.months_chart.show_series(
                translate("Dashboard", "Procedures per month, last 12 months (this terminal)"), list(by_month),
                [(terminal, TERMINAL_BRUSH, list(by_month.values()))], label="%Y/%m")

    # --- reconciliation ------------------------------------------------------------------------------------

    async def reconcile_day(self, day: date) -> Reconciliation | None:
        """This terminal's records of ``day`` against the central service's, shown by transaction."""
        assert self.store is not None and self.client_factory is not None and self.settings is not None
        self.reconcile_button.setEnabled(False)
        try:
            local = await asyncio.to_thread(self.store.local_day, self.site, day)
            async with self.client_factory() as client:
                central = await client.counts(self.site, day)
        except KioskError as error:
            self.reconciliation = None
            shown.fill(self.reconcile_table, None)
            self.reconcile_summary.setText(translate("Dashboard", "Could not compare: {reason}")
                                           .format(reason=message_for(error)))
            set_role(self.reconcile_summary, ROLE_ERROR)
            return None
        finally:
            self.reconcile_button.setEnabled(True)
        self.reconciliation = reconcile(self.site, day, self.settings.terminal_id, local, central)
        shown.fill(self.reconcile_table, self.reconciliation)
        self._show_summary()
        self.reconciled.emit(self.reconciliation)
        return self.reconciliation

    def _show_summary(self) -> None:
        if self.reconciliation is None:
            return
        text, role = shown.summary(self.reconciliation)
        self.reconcile_summary.setText(translate("Dashboard", "{day}: {summary}").format(
            day=self.reconciliation.day.isoformat(), summary=text))
        set_role(self.reconcile_summary, role)

    # --- exports -------------------------------------------------------------------------------------------

    def period(self, which: str) -> tuple[date, date]:
        today = self.today()
        if which == "day":
            return today, today
        first, _ = reports.month_of(today)
        return first, today  # the month so far: the days to come have nothing to count yet

    def default_name(self, which: str, kind: str) -> str:
        first, _ = self.period(which)
        span = first.isoformat() if which == "day" else first.strftime("%Y-%m")
        return f"counts-{self.site}-{span}.{kind}"

    async def export(self, which: str, kind: str, path: Path) -> Path | None:
        """Write the day's or the month's counts (``which``: "day" | "month") as ``kind`` ("csv" | "pdf")."""
        assert self.store is not None and self.client_factory is not None
        first, last = self.period(which)
        try:
            async with self.client_factory() as client:
                report = await reports.build(self.store, client, self.site, first, last, explain=self._explain)
            if kind == "csv":
                written = await asyncio.to_thread(csv_export.write, report, path)
            else:
                written = pdf.write(report, path)  # QPainter belongs to the Qt thread
        except KioskError as error:
            self._show_error(error)
            return None
        self.notice.setText(translate("Dashboard", "Saved: {path}").format(path=str(written)))
        set_role(self.notice, ROLE_PROMPT)
        self.exported.emit(str(written))
        return written

    def _ask_and_export(self, which: str, kind: str) -> None:
        dialog = QFileDialog(self, translate("Dashboard", "Save the report"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same dialog in every desktop session
        dialog.selectFile(str(Path.home() / self.default_name(which, kind)))
        dialog.setNameFilter("CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)")

        def chosen(path: str) -> None:
            if path:
                self._background(self.export(which, kind, Path(path)))
        dialog.fileSelected.connect(chosen)
        dialog.open()  # not exec(): a nested event loop would stall the qasync loop


def restrict(report: CountsReport, first: date, last: date) -> CountsReport:
    """The part of ``report`` from ``first`` to ``last``."""
    site_rows = (None if report.site_rows is None
                 else tuple(s for s in report.site_rows if first <= s.day <= last))
    return CountsReport(report.site, report.terminal_id, first, last, report.made_at,
                        tuple(r for r in report.rows if first <= r.day <= last), site_rows, report.site_missing)
