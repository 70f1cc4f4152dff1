"""Counts and exports against the real reference central service, with records in every state.

The CSV is read back as Excel would be asked to (UTF-8 with BOM, CRLF) and must give the same numbers as
the store and the service; the PDF must carry its Japanese font embedded; neither holds anything personal.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from central_server import CentralHandle

from kiosk.config import Settings
from kiosk.errors import ExportFailed, InvalidPeriod, ServerUnavailable
from kiosk.reports import counts as reports
from kiosk.reports import csv_export
from kiosk.reports.labels import COLUMNS, KIOSK_STAFF, SCOPES, kind_name, outcome_name, say
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from reports.records import DAY, record_every_state


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


async def test_counts_per_kind_outcome_and_staff_from_the_store_and_the_service(
        store: Store, client: CentralClient, central: CentralHandle, settings: Settings) -> None:
    day = await record_every_state(store, client, central, settings)
    report = await reports.build(store, client, settings.site, DAY, DAY)
    lines = {(k, o): (here, site) for k, o, here, site in report.by_kind_outcome()}
    # The terminal counts what it recorded, sent or not; the site counts what the service received.
    assert lines[("renewal", "completed")] == (3, 4)  # + the record the service holds and the terminal does not
    assert lines[("check", "failed")] == (1, 1)
    assert lines[("pin_change", "completed")] == (2, 0)  # one rejected, one pending
    assert lines[("check", "completed")] == (0, day.other_counter)
    assert report.by_staff() == [("S0012", "renewal", 3), ("S0034", "check", 1), (None, "pin_change", 2)]
    assert (report.terminal_total, report.site_total) == (6, 4 + 1 + day.other_counter)


async def test_the_store_counts_by_day_kind_outcome_and_staff(store: Store, client: CentralClient,
                                                              central: CentralHandle, settings: Settings) -> None:
    await record_every_state(store, client, central, settings)
    rows = store.counts(settings.site, DAY - timedelta(days=3), DAY - timedelta(days=3))
    assert [(r.kind, r.outcome, r.staff_id, r.count) for r in rows] == [
        ("check", "completed", None, 1), ("check", "completed", "S0034", 1)]
    assert store.counts("another-site", DAY, DAY) == []
    assert sum(r.count for r in store.counts(settings.site, DAY - timedelta(days=60), DAY)) == 9


@pytest.mark.parametrize(("first", "last", "reason"), [
    (date(2026, 11, 2), date(2026, 11, 1), "reversed"), (date(2025, 1, 1), date(2026, 1, 2), "too_long")])
def test_a_period_that_makes_no_sense_is_a_typed_error(store: Store, first: date, last: date, reason: str) -> None:
    with pytest.raises(InvalidPeriod) as raised:
        store.counts("demo-site", first, last)
    assert raised.value.reason == reason


async def test_the_csv_opens_back_with_the_same_numbers(store: Store, client: CentralClient,
                                                        central: CentralHandle, settings: Settings,
                                                        tmp_path: Path) -> None:
    await record_every_state(store, client, central, settings)
    first, last = reports.month_of(DAY)
    report = await reports.build(store, client, settings.site, first, last)
    path = csv_export.write(report, tmp_path / "month.csv")

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel's cue for UTF-8
    assert data.count(b"\r\n") == data.count(b"\n") > 1  # CRLF, never a bare LF
    rows = _read_csv(path)
    header = list(rows[0])
    assert header == [say(c, "ja") for c in COLUMNS]
    assert header[0] == "日付"

    scope, kind, outcome, count = (say(COLUMNS[i], "ja") for i in (2, 4, 5, 7))
    read_back = Counter[tuple[str, str, str]]()
    for row in rows:
        read_back[(row[scope], row[kind], row[outcome])] += int(row[count])
    expected = Counter[tuple[str, str, str]]()
    for r in store.counts(settings.site, first, last):
        expected[(say(SCOPES["terminal"], "ja"), kind_name(r.kind), outcome_name(r.outcome))] += r.count
    for d in (first + timedelta(days=n) for n in range((last - first).days + 1)):
        for k, o, n in (await client.counts(settings.site, d)).counts:
            expected[(say(SCOPES["site"], "ja"), kind_name(k), outcome_name(o))] += n
    assert read_back == expected
    assert read_back[("この端末", "電子証明書の更新", "完了")] == 3


async def test_nothing_personal_is_exported(store: Store, client: CentralClient, central: CentralHandle,
                                            settings: Settings, tmp_path: Path) -> None:
    day = await record_every_state(store, client, central, settings)
    report = await reports.build(store, client, settings.site, DAY, DAY)
    text = csv_export.to_text(report)
    record = store.transaction(day.delivered[0])
    assert record is not None and record.subject_hmac_hex
    for secret in (record.subject_hmac_hex, record.key, *(c.new_serial_hex or "" for c in record.certificates)):
        assert secret not in text
    staff = {row[say(COLUMNS[6], "ja")] for row in csv.DictReader(text.splitlines())}
    assert staff <= {"S0012", "S0034", "", say(KIOSK_STAFF, "ja")}


async def test_the_central_service_down_still_gives_the_terminal_s_counts(
        store: Store, settings: Settings, tmp_path: Path) -> None:
    from central_server import DEMO_TERMINAL
    from store.helpers import on, renewal

    store.record(renewal(occurred_at=on(DAY.isoformat())))
    async with CentralClient("http://127.0.0.1:9", token=DEMO_TERMINAL.token, timeout_s=0.5) as down:
        report = await reports.build(store, down, settings.site, DAY, DAY,
                                     explain=lambda e: type(e).__name__)
    assert report.site_rows is None and report.site_missing == ServerUnavailable.__name__
    rows = _read_csv(csv_export.write(report, tmp_path / "day.csv"))
    assert [int(r[say(COLUMNS[7], "ja")]) for r in rows] == [1]


def test_an_unwritable_place_is_a_typed_error_and_leaves_nothing(store: Store, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    report = reports.CountsReport("demo-site", "demo-01", DAY, DAY, datetime.now(UTC), ())
    with pytest.raises(ExportFailed):
        csv_export.write(report, tmp_path / "no-such-folder" / "day.csv")
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    blocked.chmod(0o500)
    try:
        if (blocked / "probe").exists() or _can_write(blocked):
            return  # root writes anywhere: the missing folder above is the case that holds for root too
        with pytest.raises(ExportFailed):
            csv_export.write(report, blocked / "day.csv")
        assert list(blocked.iterdir()) == []
    finally:
        blocked.chmod(0o700)


def _can_write(folder: Path) -> bool:
    try:
        (folder / ".probe").write_text("x")
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


async def test_the_pdf_embeds_its_japanese_font(qapp: object, store: Store, client: CentralClient,
                                                central: CentralHandle, settings: Settings, tmp_path: Path) -> None:
    from kiosk.ui.dashboard import pdf

    await record_every_state(store, client, central, settings)
    first, last = reports.month_of(DAY)
    report = await reports.build(store, client, settings.site, first, last)
    path = pdf.write(report, tmp_path / "month.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data))
    assert any(b"NotoSansCJKjp" in f for f in fonts), fonts
    assert re.search(rb"/FontFile[23]?\s", data), "the font program is not embedded"

    pdffonts, pdftotext = shutil.which("pdffonts"), shutil.which("pdftotext")
    assert pdffonts and pdftotext, "poppler-utils is missing (make system-packages installs it)"
    listing = subprocess.run([pdffonts, str(path)], check=True, capture_output=True, text=True).stdout
    noto = [line for line in listing.splitlines() if "NotoSansCJKjp" in line]
    assert noto and all(" yes " in line for line in noto), listing  # emb = yes
    text = subprocess.run([pdftotext, "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    # The font maps some kanji to their look-alike Kangxi radicals (手 as U+2F3F); NFKC reads them back.
    text = unicodedata.normalize("NFKC", text)
    assert "電子証明書の更新" in text and "この端末" in text and "手続件数" in text
    record_keys = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
    assert not record_keys.search(text)  # no transaction keys, no hashes: counts only
