"""The counts report as a PDF with its Japanese font embedded (QPdfWriter), for filing or printing.

Qt embeds the subset of the font a document uses, so the PDF reads the same on a machine without Japanese
fonts. The font is named explicitly ("Noto Sans CJK JP"): left to fontconfig, Japanese text could come
out in a Chinese font's glyph forms. Needs a QGuiApplication (the window's, or ``ensure_application``'s
offscreen one for the CLI). Like the CSV, it holds counts and staff IDs, nothing about residents.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from kiosk.domain.validity import JST
from kiosk.errors import ExportFailed
from kiosk.reports.counts import CountsReport
from kiosk.reports.labels import (
    BY_DAY,
    BY_KIND,
    BY_STAFF,
    COLUMNS,
    KIOSK_STAFF,
    MADE,
    NO_SITE,
    PAGE,
    REPORT_LANGUAGE,
    SCOPES,
    TITLE,
    TITLE_DAY,
    TOTAL,
    kind_name,
    outcome_name,
    say,
)

FONT_FAMILY = "Noto Sans CJK JP"
RESOLUTION_DPI = 300


def ensure_application() -> QGuiApplication:
    """The running Qt application, or an offscreen one (the CLI has no window and may have no display)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    if FONT_FAMILY not in QFontDatabase.families():
        raise ExportFailed(f"the font {FONT_FAMILY!r} is not installed (Debian: fonts-noto-cjk)", "")
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


class _Page:
    """A cursor down A4 pages: text lines and simple tables, a new page when the current one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, lang: str) -> None:
        self.writer, self.painter, self.lang = writer, painter, lang
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0
        self.page = 1
        self.body = report_font(10)
        self._footer()

    def _metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def _footer(self) -> None:
        self.painter.setFont(self.body)
        line = self._metrics(self.body).height()
        self.painter.drawText(QRectF(0, self.height - line, self.width, line), int(Qt.AlignmentFlag.AlignRight),
                              say(PAGE, self.lang, page=self.page))

    def _room(self, needed: float) -> None:
        if self.y + needed > self.height - 2 * self._metrics(self.body).height():
            self.writer.newPage()
            self.page += 1
            self.y = 0.0
            self._footer()

    def text(self, value: str, font: QFont, *, gap: float = 0.3) -> None:
        metrics = self._metrics(font)
        bounds = metrics.boundingRect(QRectF(0, 0, self.width, 10 * self.height),
                                      int(Qt.TextFlag.TextWordWrap), value)
        self._room(bounds.height())
        self.painter.setFont(font)
        self.painter.drawText(QRectF(0, self.y, self.width, bounds.height()), int(Qt.TextFlag.TextWordWrap), value)
        self.y += bounds.height() + metrics.height() * gap

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """Columns by share of the width; the last ``len(widths) - text_columns`` are numbers, right-aligned."""
        metrics = self._metrics(self.body)
        line = metrics.height() * 1.35
        bold = report_font(10, bold=True)
        total = sum(widths)
        edges = [0.0]
        for share in widths:
            edges.append(edges[-1] + self.width * share / total)

        def draw(cells: Sequence[str], font: QFont) -> None:
            self._room(line)
            self.painter.setFont(font)
            for index, cell in enumerate(cells):
                numeric = cell.lstrip("-").isdigit() or cell == "-"
                align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
                pad = metrics.averageCharWidth()
                box = QRectF(edges[index] + pad, self.y, edges[index + 1] - edges[index] - 2 * pad, line)
                self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter),
                                      metrics.elidedText(cell, Qt.TextElideMode.ElideRight, box.width()))
            self.y += line
            self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))

        draw(header, bold)
        for row in rows:
            draw(row, self.body)
        self.y += line * 0.6


def render(report: CountsReport, writer: QPdfWriter, lang: str = REPORT_LANGUAGE) -> None:
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter, lang)
        title = (say(TITLE_DAY, lang, site=report.site, day=report.first.isoformat()) if report.first == report.last
                 else say(TITLE, lang, site=report.site, first=report.first.isoformat(),
                          last=report.last.isoformat()))
        page.text(title, report_font(16, bold=True))
        page.text(say(MADE, lang, terminal=report.terminal_id,
                      made=report.made_at.astimezone(JST).strftime("%Y-%m-%d %H:%M")), page.body, gap=0.8)
        if report.site_rows is None and report.site_missing:
            page.text(say(NO_SITE, lang, reason=report.site_missing), page.body, gap=0.8)
        heading = report_font(12, bold=True)
        terminal, site = say(SCOPES["terminal"], lang), say(SCOPES["site"], lang)
        procedure, outcome, staff, count = (say(COLUMNS[i], lang) for i in (4, 5, 6, 7))

        def number(value: int | None) -> str:
            return "-" if value is None else str(value)

        page.text(say(BY_KIND, lang), heading)
        lines = [[kind_name(k, lang), outcome_name(o, lang), str(here), number(whole)]
                 for k, o, here, whole in report.by_kind_outcome()]
        lines.append([say(TOTAL, lang), "", str(report.terminal_total), number(report.site_total)])
        page.table([procedure, outcome, terminal, site], lines, [3, 2, 1.5, 1.5])

        page.text(say(BY_STAFF, lang), heading)
        kiosk = say(KIOSK_STAFF, lang)
        page.table([staff, procedure, count],
                   [[who or kiosk, kind_name(k, lang), str(n)] for who, k, n in report.by_staff()], [3, 3, 1.5])

        if len(report.days) > 1:
            page.text(say(BY_DAY, lang), heading)
            by_site = report.site_by_day()
            page.table([say(COLUMNS[0], lang), terminal, site],
                       [[day.isoformat(), str(n), number(None if by_site is None else by_site.get(day))]
                        for day, n in report.terminal_by_day().items()], [3, 1.5, 1.5])
    finally:
        painter.end()


def write(report: CountsReport, path: Path, lang: str = REPORT_LANGUAGE) -> Path:
    """Write the PDF at ``path`` whole or not at all. On the Qt thread (QPainter): it takes milliseconds."""
    ensure_application()
    temporary = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(temporary))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(say(TITLE, lang, site=report.site, first=report.first.isoformat(), last=report.last.isoformat()))
    writer.setCreator("kiosk")
    try:
        render(report, writer, lang)
        del writer  # closes the file
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise OSError(f"Qt wrote nothing to {temporary}")
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise ExportFailed(f"cannot write {path}: {exc}", str(path)) from exc
    return path
