"""The counts as CSV for the office's spreadsheet: what Japanese Excel opens correctly by double-click.

Excel reads a CSV without a byte order mark as Shift_JIS on a Japanese Windows, so the file starts with
the UTF-8 BOM; lines end in CRLF (RFC 4180, and what Excel writes itself). One flat table, one row per
day, scope, procedure, outcome and staff member, so that a pivot table gives any sum; the header row is in
the office's language. Staff appear by ID only; nothing about residents is in the store's counts at all.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from pathlib import Path

from kiosk.errors import ExportFailed
from kiosk.reports.counts import CountsReport
from kiosk.reports.labels import COLUMNS, KIOSK_STAFF, REPORT_LANGUAGE, SCOPES, kind_name, outcome_name, say

ENCODING = "utf-8-sig"  # UTF-8 with the byte order mark


def rows(report: CountsReport, lang: str = REPORT_LANGUAGE) -> list[list[str]]:
    """The table, header first, every cell text (the CSV module quotes what needs it)."""
    table = [[say(column, lang) for column in COLUMNS]]
    terminal, site = say(SCOPES["terminal"], lang), say(SCOPES["site"], lang)
    kiosk = say(KIOSK_STAFF, lang)
    for row in report.rows:
        table.append([row.day.isoformat(), report.site, terminal, report.terminal_id, kind_name(row.kind, lang),
                      outcome_name(row.outcome, lang), row.staff_id or kiosk, str(row.count)])
    for s in report.site_rows or ():
        table.append([s.day.isoformat(), report.site, site, "", kind_name(s.kind, lang),
                      outcome_name(s.outcome, lang), "", str(s.count)])
    return table


def to_text(report: CountsReport, lang: str = REPORT_LANGUAGE) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(report, lang))
    return buffer.getvalue()


def write(report: CountsReport, path: Path, lang: str = REPORT_LANGUAGE) -> Path:
    """Write the CSV at ``path`` whole or not at all (a temporary file renamed into place)."""
    data = to_text(report, lang).encode(ENCODING)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}", str(path)) from exc
    return path
