"""The counter's "today" view driven with pytest-qt against the real reference central service, with the
terminal's records in every state (delivered by the real sender, rejected by the service, pending)."""

from __future__ import annotations

import asyncio
import csv
import json
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, CentralHandle
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot
from reports.records import DAY, Day, record_every_state
from sync.helpers import terminal_settings

from kiosk.cli import main
from kiosk.config import Settings
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient
from kiosk.ui.dashboard.reconciliation import KEY_ROLE, number_ranges
from kiosk.ui.dashboard.screen import DashboardScreen
from ui.helpers import save_screenshot

WAIT_S = 30.0  # a bound against hanging, not a speed target
_LOOPS_KEPT: list[asyncio.AbstractEventLoop] = []


@pytest.fixture(autouse=True)
async def keep_the_loop() -> None:
    """A qasync loop owns a QObject (its timer). Freed by the cycle collector, which may run in any thread (a
    ``to_thread`` worker here), it would leave the main thread's timer list pointing at a deleted object:
    a segmentation fault some tests later. Kept, it dies with the process."""
    _LOOPS_KEPT.append(asyncio.get_running_loop())


@pytest.fixture
def settings(tmp_path: Path, central: CentralHandle) -> Settings:
    return terminal_settings(tmp_path / "terminal", central.base_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[CentralClient]:
    async with CentralClient.from_settings(settings) as opened:
        yield opened


@pytest.fixture
async def recorded(store: Store, client: CentralClient, central: CentralHandle, settings: Settings) -> Day:
    return await record_every_state(store, client, central, settings)


@pytest.fixture
def dashboard(qtbot: QtBot, styled: QApplication, settings: Settings, store: Store) -> DashboardScreen:
    screen = DashboardScreen()
    qtbot.addWidget(screen)
    screen.attach(settings, store, today=lambda: DAY)
    screen.resize(1280, 800)
    screen.show()
    return screen


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited for {what}")
        await asyncio.sleep(0.01)


def cells(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())]
            for r in range(table.rowCount())]


async def test_today_s_counts_per_kind_outcome_and_staff_for_the_terminal_and_the_site(
        dashboard: DashboardScreen, recorded: Day) -> None:
    dashboard.refresh_button.click()
    await until(lambda: dashboard.day_report is not None, "the counts")
    kinds = {(row[0], row[1]): (row[2], row[3]) for row in cells(dashboard.kinds_table)}
    assert kinds[("Certificate renewal", "Completed")] == ("3", "4")
    assert kinds[("Certificate check", "Failed")] == ("1", "1")
    assert kinds[("PIN change", "Completed")] == ("2", "0")  # rejected and pending: not at the service
    assert kinds[("Certificate check", "Completed")] == ("0", str(recorded.other_counter))
    assert kinds[("Total", "")] == ("6", str(5 + recorded.other_counter))
    assert cells(dashboard.staff_table) == [["S0012", "Certificate renewal", "3"],
                                            ["S0034", "Certificate check", "1"],
                                            ["(kiosk, no staff)", "PIN change", "2"]]
    # Per day over 14 days (the terminal and the site), per month over 12 (the terminal).
    days = dashboard.days_chart.series
    assert sum(days["This terminal"]) == 8 and days["This terminal"][-1] == 6 and days["This terminal"][-4] == 2
    assert days["Whole site"][-1] == 5 + recorded.other_counter and days["Whole site"][-4] == 2
    months = dashboard.months_chart.series["This terminal"]
    assert len(months) == 12 and sum(months) == 9 and months[-1] == 8


async def test_the_site_unreachable_still_shows_this_terminal(dashboard: DashboardScreen, tmp_path: Path,
                                                              recorded: Day, store: Store) -> None:
    # The fixture's screen, attached to a service that is not there: a screen made in the test body would be
    # freed by Python's cycle collector at any moment, possibly in the middle of a Qt event.
    down = terminal_settings(tmp_path / "down", "http://127.0.0.1:9", sync_timeout_s=0.5)
    dashboard.attach(down, store, today=lambda: DAY)
    await dashboard.refresh()
    assert ["Total", "", "6", "-"] in cells(dashboard.kinds_table)
    assert "could not be fetched" in dashboard.notice.text()
    assert "Whole site" not in dashboard.days_chart.series


async def test_reconciliation_on_screen_is_kiosk_reconcile_s(
        dashboard: DashboardScreen, recorded: Day, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    dashboard.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dashboard.reconcile_button.click()
    await until(lambda: dashboard.reconciliation is not None, "the reconciliation")
    table = dashboard.reconcile_table
    rows = cells(table)
    by_key = {table.item(n, 0).data(KEY_ROLE): row for n, row in enumerate(rows) if row[0]}
    assert all(len(row[0]) == 8 for row in rows if row[0])
    assert by_key[recorded.pending][4] == "Pending"
    assert "if it stays pending, check the network" in by_key[recorded.pending][5]
    assert by_key[recorded.rejected][4] == "Rejected"
    assert by_key[recorded.stranger][4] == "Missing at this terminal"
    gap_rows = [row for row in rows if row[4] == "Sequence gap"]
    assert len(gap_rows) == 1 and gap_rows[0][1].startswith(f"{DEMO_TERMINAL.terminal_id} #")
    assert "differences" in dashboard.reconcile_summary.text()

    # The same as `kiosk reconcile` for that day.
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KIOSK_CENTRAL_URL", settings.central_url)
    monkeypatch.setenv("KIOSK_API_TOKEN", DEMO_TERMINAL.token)
    printed = await asyncio.to_thread(_cli_json, ["reconcile", "--date", DAY.isoformat(), "--json"])
    assert {(d["key"], d["problem"]) for d in printed["differences"]} == {
        (d.key, str(d.problem)) for d in dashboard.reconciliation.differences}  # type: ignore[union-attr]
    assert set(by_key) == {d["key"] for d in printed["differences"]}
    gaps = printed["central_sequence_gaps"][DEMO_TERMINAL.terminal_id]
    assert gap_rows[0][1] == f"{DEMO_TERMINAL.terminal_id} #{number_ranges(gaps)}"
    assert number_ranges([3, 4, 5, 7, 9, 10]) == "3-5, 7, 9-10"


def _cli_json(argv: list[str]) -> dict[str, object]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(argv)
    return dict(json.loads(out.getvalue()))


async def test_a_day_that_matches_says_so(dashboard: DashboardScreen, store: Store, client: CentralClient) -> None:
    from store.helpers import on, renewal
    from sync.helpers import sender_for

    for hour in (9, 10):
        store.record(renewal(occurred_at=on(DAY.isoformat(), hour=hour)))
    await sender_for(store, client).run_once()
    result = await dashboard.reconcile_day(DAY)
    assert result is not None and result.matches
    assert dashboard.reconcile_table.rowCount() == 0
    assert "Everything matches." in dashboard.reconcile_summary.text()


async def test_exports_from_the_dashboard(dashboard: DashboardScreen, recorded: Day, tmp_path: Path) -> None:
    written: list[str] = []
    dashboard.exported.connect(written.append)
    day_csv = await dashboard.export("day", "csv", tmp_path / "day.csv")
    month_pdf = await dashboard.export("month", "pdf", tmp_path / "month.pdf")
    assert day_csv is not None and month_pdf is not None
    assert written == [str(day_csv), str(month_pdf)]
    with open(day_csv, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert sum(int(r[7]) for r in rows[1:] if r[2] == "この端末") == 6
    assert sum(int(r[7]) for r in rows[1:] if r[2] == "拠点全体") == 5 + recorded.other_counter
    assert month_pdf.read_bytes().startswith(b"%PDF-")
    assert dashboard.default_name("month", "csv") == "counts-demo-site-2026-11.csv"

    missing = await dashboard.export("day", "csv", tmp_path / "no-such-folder" / "day.csv")
    assert missing is None
    assert "could not be saved" in dashboard.notice.text()


async def test_screenshots_in_japanese(japanese: object, dashboard: DashboardScreen, recorded: Day,
                                       screenshot_dir: Path) -> None:
    await dashboard.refresh()
    assert dashboard.tabs.tabText(0) == "件数"
    assert ["電子証明書の更新", "完了", "3", "4"] in cells(dashboard.kinds_table)
    save_screenshot(dashboard, screenshot_dir, "dashboard-counts", width=1280)
    dashboard.tabs.setCurrentIndex(1)
    save_screenshot(dashboard, screenshot_dir, "dashboard-charts", width=1280)
    await dashboard.reconcile_day(DAY)
    dashboard.resize(1280, 800)
    dashboard.tabs.setCurrentIndex(2)
    assert "送信待ち" in {row[4] for row in cells(dashboard.reconcile_table)}
    table = dashboard.reconcile_table
    await until(lambda: table.rowHeight(0) < table.viewport().height() // 2, "the rows fitted to the columns")
    # Grabbed at the window's size as it is: shrinking it first (save_screenshot) would wrap the advice anew.
    assert dashboard.grab().save(str(screenshot_dir / "dashboard-reconciliation.png"))
    assert dashboard.findChild(QTableWidget, "reconcileDifferences") is dashboard.reconcile_table
    assert dashboard.reconcile_table.item(0, 5).toolTip()  # the whole advice, even when the column is narrow
    assert dashboard.layoutDirection() == Qt.LayoutDirection.LeftToRight
