"""Where a document goes: a PDF file, or a printer. Both paint the same pages through a ``Sheet``.

- ``write_pdf(draw, path)``: a PDF through ``QPdfWriter`` at ``path`` and nowhere else. For a document
  with personal data (the application form) the caller names a path in ``temporary_pdf()``, a private
  directory removed as soon as the block ends, prints or hands it on inside the block, and keeps nothing.
- ``print_document(draw, printer)``: straight to a ``QPrinter`` (no file at all); ``choose_printer()`` asks
  staff which one with Qt's print dialog. Tests drive the same path with a ``QPrinter`` set to PDF output.

Every page is set in "Noto Sans CJK JP", named explicitly: left to fontconfig, Japanese text can come out
in Chinese glyph forms, or as empty boxes on a machine without CJK fonts. A missing font is refused with
``DocumentNotWritten`` before anything is written. The PDF embeds the glyphs it uses, so it prints the
same on any machine. A failure never leaves a partial file behind. Nothing here logs a document's text.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
)

from kiosk.errors import DocumentNotWritten

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

FONT_FAMILY = "Noto Sans CJK JP"
PDF_RESOLUTION = 300  # dots per inch: fine enough for small print, small files
CREATOR = "e-certificate terminal"
_GREY = QColor(90, 90, 90)


class PageSize(StrEnum):
    A4 = "A4"
    A5 = "A5"


_PAGE_IDS = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.A5: QPageSize.PageSizeId.A5}
_MARGINS_MM = {PageSize.A4: 18.0, PageSize.A5: 10.0}
_SCALES = {PageSize.A4: 1.0, PageSize.A5: 0.8}


def document_font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    # The font's localised forms turn digits in Latin runs into alternates Qt's PDF ToUnicode map does not
    # name: printed fine, but lost to copying, searching and screen readers. The JP font's default glyphs
    # are the Japanese forms already. (Not shaping at all would keep the digits too, but draws the
    # variation selector after a name's kanji as a box.)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


class Sheet:
    """A painter on a paged device with a cursor running down the page, in millimetres and points.

    Text is drawn top to bottom; a block that would run off the page starts a new one."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter, *, scale: float = 1.0) -> None:
        self._device = device
        self.scale = scale  # type sizes and spacing: smaller on A5
        self._painter = painter
        self._dots_per_mm = device.logicalDpiY() / 25.4
        self.width = float(device.width())  # the printable area, inside the margins
        self.height = float(device.height())
        self.y = 0.0

    def mm(self, millimetres: float) -> float:
        return millimetres * self._dots_per_mm

    def _font(self, size: float, bold: bool) -> QFont:
        return document_font(size * self.scale, bold=bold)

    def measure(self, text: str, *, size: float, width: float, bold: bool = False) -> float:
        """The height ``text`` takes when wrapped to ``width`` device units."""
        if not text:
            return 0.0
        self._painter.setFont(self._font(size, bold))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return self._painter.boundingRect(QRectF(0, 0, width, self.height), flags, text).height()

    def draw(self, text: str, *, x: float, y: float, width: float, size: float, bold: bool = False,
             grey: bool = False, centre: bool = False) -> float:
        """Draw wrapped text at (x, y) without moving the cursor; returns its height."""
        if not text:
            return 0.0
        self._painter.setFont(self._font(size, bold))
        self._painter.setPen(QPen(_GREY if grey else QColor(0, 0, 0)))
        alignment = Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft
        flags = int(alignment | Qt.TextFlag.TextWordWrap)
        rect = self._painter.boundingRect(QRectF(x, y, width, self.height), flags, text)
        self._painter.drawText(QRectF(x, y, width, rect.height()), flags, text)
        return rect.height()

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` more fits on this one."""
        if self.y > 0 and self.y + height > self.height:
            self._device.newPage()
            self.y = 0.0

    def text(self, text: str, *, size: float, indent_mm: float = 0.0, bold: bool = False, grey: bool = False,
             centre: bool = False) -> None:
        x = self.mm(indent_mm)
        width = self.width - x
        self.keep(self.measure(text, size=size, width=width, bold=bold))
        self.y += self.draw(text, x=x, y=self.y, width=width, size=size, bold=bold, grey=grey, centre=centre)

    def space(self, millimetres: float) -> None:
        self.y += self.mm(millimetres * self.scale)

    def rule(self, *, weight_mm: float = 0.3) -> None:
        self.keep(self.mm(weight_mm))
        self._painter.setPen(QPen(QColor(0, 0, 0), self.mm(weight_mm)))
        self._painter.drawLine(0, round(self.y), round(self.width), round(self.y))
        self.y += self.mm(weight_mm)

    def pair(self, label: tuple[str, str], value: tuple[str, str], *, label_share: float = 0.34,
             value_size: float = 11.0) -> None:
        """One row: the label in Japanese over English on the left, the value likewise on the right (once
        when it reads the same in both)."""
        gap = self.mm(4)
        label_width = self.width * label_share
        value_x = label_width + gap
        value_width = self.width - value_x
        label_ja, label_en = label
        value_ja, value_en = value
        if value_en == value_ja:
            value_en = ""
        rows = self.mm(1.0)
        label_height = (self.measure(label_ja, size=9.5, width=label_width, bold=True)
                        + self.measure(label_en, size=8, width=label_width))
        value_height = (self.measure(value_ja, size=value_size, width=value_width)
                        + self.measure(value_en, size=8.5, width=value_width))
        self.keep(max(label_height, value_height) + rows)
        top = self.y
        below = top + self.draw(label_ja, x=0, y=top, width=label_width, size=9.5, bold=True)
        below += self.draw(label_en, x=0, y=below, width=label_width, size=8, grey=True)
        right = top + self.draw(value_ja, x=value_x, y=top, width=value_width, size=value_size)
        right += self.draw(value_en, x=value_x, y=right, width=value_width, size=8.5, grey=True)
        self.y = max(below, right) + rows

    def box(self, label: tuple[str, str], *, height_mm: float, hint: str = "") -> None:
        """A blank field for the resident to fill in by hand: its label, then an empty framed box."""
        label_ja, label_en = label
        box_height = self.mm(height_mm)
        self.keep(self.measure(label_ja, size=9.5, width=self.width, bold=True) + self.mm(6) + box_height)
        self.y += self.draw(f"{label_ja}  {label_en}", x=0, y=self.y, width=self.width, size=9.5, bold=True)
        self.y += self.mm(1)
        self._painter.setPen(QPen(QColor(0, 0, 0), self.mm(0.3)))
        self._painter.drawRect(QRectF(0, self.y, self.width, box_height))
        if hint:
            inset = self.mm(3)
            self.draw(hint, x=inset, y=self.y + (box_height - self.measure(hint, size=11, width=self.width)) / 2,
                      width=self.width - 2 * inset, size=11, grey=True)
        self.y += box_height + self.mm(4)


Draw = Callable[[Sheet], None]


def require_japanese_font() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("documents are drawn with Qt's fonts: create the QApplication first")
    if FONT_FAMILY not in QFontDatabase.families():
        raise DocumentNotWritten(f"the font {FONT_FAMILY!r} is not installed (Debian: fonts-noto-cjk); "
                                 "Japanese would print as empty boxes")


def _is_variation_selector(code: int) -> bool:
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def unprintable_characters(text: str) -> list[str]:
    """The characters of ``text`` the document font has no glyph for, each once, in order. A name on a card
    can hold a rare kanji (gaiji) outside the font: Qt then borrows another font's glyph or draws a box,
    so staff are told and write it by hand. Variation selectors pick a glyph form and need no glyph."""
    require_japanese_font()
    font = QRawFont.fromFont(QFont(FONT_FAMILY))
    missing: list[str] = []
    for character in text:
        code = ord(character)
        if character.isspace() or _is_variation_selector(code) or character in missing:
            continue
        if not font.supportsCharacter(code):
            missing.append(character)
    return missing


def _lay_out(device: QPagedPaintDevice, page_size: PageSize) -> None:
    device.setPageSize(QPageSize(_PAGE_IDS[page_size]))
    margin = _MARGINS_MM[page_size]
    device.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def _paint(device: QPagedPaintDevice, draw: Draw, what: str, page_size: PageSize) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise DocumentNotWritten(f"{what}: cannot start painting (the file or printer cannot be opened)")
    try:
        draw(Sheet(device, painter, scale=_SCALES[page_size]))
    finally:
        ended = painter.end()
    if not ended:
        raise DocumentNotWritten(f"{what}: the output could not be completed")


def write_pdf(draw: Draw, path: Path, *, title: str, page_size: PageSize = PageSize.A4) -> Path:
    """Write the pages ``draw`` paints to ``path`` as a PDF; ``DocumentNotWritten`` and no file if it fails.
    ``title`` goes into the PDF's metadata: never put personal data in it."""
    require_japanese_font()
    path = Path(path)
    if not path.parent.is_dir():
        raise DocumentNotWritten(f"PDF: the folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    _lay_out(writer, page_size)
    try:
        _paint(writer, draw, "PDF", page_size)
    except BaseException:
        del writer
        if path.is_file():
            path.unlink()
        raise
    del writer  # the writer closes its file when it goes
    if not path.is_file() or path.stat().st_size == 0:
        path.unlink(missing_ok=True)
        raise DocumentNotWritten("PDF: nothing was written")
    return path


def print_document(draw: Draw, printer: QPrinter, *, title: str, page_size: PageSize = PageSize.A4) -> None:
    """Send the pages ``draw`` paints to ``printer`` (no file unless the printer itself is set to one)."""
    require_japanese_font()
    printer.setDocName(title)
    printer.setCreator(CREATOR)
    _lay_out(printer, page_size)
    _paint(printer, draw, "printer", page_size)


def choose_printer(parent: QWidget | None = None) -> QPrinter | None:
    """Ask staff for a printer with Qt's print dialog; None when they cancel."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


@contextmanager
def temporary_pdf(stem: str = "document") -> Iterator[Path]:
    """A path in a new private directory (readable by this user only), removed with everything in it when
    the block ends, also on an error. For documents with personal data that must be printed and forgotten."""
    with tempfile.TemporaryDirectory(prefix="kiosk-document-") as directory:
        yield Path(directory) / f"{stem}.pdf"
