"""Print preview and printing of a PDF the application already wrote (the consolidated
report): QtPdf renders each page to an image, which is drawn onto the printer's whole sheet.

Why images: QtPdf has no vector path into a QPainter, and printing through the PDF keeps
one source for screen, paper and file: the Decree 30 layout is the PDF's, untouched. The
page is drawn over the full sheet (``fullPage``) so the PDF's own margins are the printed
margins; another paper size scales the page to fit, centred.

The preview renders on the GUI thread (Qt's preview asks for the pages synchronously):
a landscape A4 page takes ~4 ms at 120 dpi; the 20-commune report (6 pages) opens in
0.06 s. Printing does not: at 300 dpi a page costs ~0.14 s with Qt compressing the image,
which froze the window for a national report, so pages for a printer are rendered and
drawn in the background (``ui.background``), with progress and Cancel (the job is
aborted, nothing half-printed is kept). "Print to file" of the whole report, one copy,
is not printing at all: the original PDF is written as it is (durably), vector text and
signature included — 88 KB instead of a 4.2 MB file of page images. A page range or
several copies to a file still go through the rendering path, in the background.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from ...core.messages import AppError, Text
from ...core.progress import Cancelled, Progress, no_progress
from ...storage.durable import fsync_path, temporary_beside
from ..background import BackgroundTask, error_text
from ..dialogs import Dialogs

# Rendering resolution. Printing: 300 dpi reads as print on office lasers while a page
# stays ~35 MB in memory (600 dpi would be ~140 MB), one page at a time. The preview keeps
# every page's image at once, so it uses 120 dpi (~4 MB a landscape A4 page, flattened on
# white): sharper than the page shown whole on a 1366×768 screen (~80 dpi).
PRINT_DPI = 300
PREVIEW_DPI = 120


def open_pdf(path: Path) -> QPdfDocument:
    """The PDF loaded for rendering; a missing or damaged file is a refused input."""
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise AppError(
            "print.pdf_unreadable",
            Text(
                f"Không đọc được tệp PDF «{path.name}» để in ({error.name}).",
                f"Cannot read the PDF «{path.name}» for printing ({error.name}).",
            ),
            path=str(path),
        )
    return document


def _turn(printer: QPrinter, size: QSizeF) -> None:
    """The orientation of a page ``size`` points: a portrait report's landscape table
    prints across its sheet, not shrunk onto a portrait one (set before ``newPage``)."""
    landscape = size.width() > size.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def fit_printer_to(printer: QPrinter, document: QPdfDocument) -> None:
    """The printer's paper and orientation from the PDF's first page, drawn edge to edge
    (a later page of the other orientation turns the sheet: ``paint_pdf``)."""
    size = document.pagePointSize(0)
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    landscape = size.width() > size.height()
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    # FuzzyMatch turns 595.3 × 841.9 pt into A4, which the printer driver knows by name
    printer.setPageSize(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """0-based pages the print dialog asked for (all, a range, or "1-2,5"), in order."""
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        pages = [p for p in range(count) if ranges.contains(p + 1)]
    elif printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = printer.toPage() or count
        pages = list(range(printer.fromPage() - 1, min(last, count)))
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def sheets(printer: QPrinter, pages: list[int], preview: bool) -> list[int]:
    """Pages in the order they go to paper, copies included when the driver does not make
    them itself (the PDF writer never does; CUPS usually does)."""
    copies = 1 if preview or printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def _target(printer: QPrinter, page_points: QSizeF) -> QRectF:
    """Where a page goes on the sheet, in device pixels: the whole sheet when the sizes
    agree, else scaled to fit and centred."""
    sheet = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    scale = min(sheet.width() / page_points.width(), sheet.height() / page_points.height())
    width, height = page_points.width() * scale, page_points.height() * scale
    return QRectF(
        sheet.x() + (sheet.width() - width) / 2,
        sheet.y() + (sheet.height() - height) / 2,
        width,
        height,
    )


def on_white(image: QImage) -> QImage:
    """QtPdf renders onto a transparent background; flattened onto white the image needs 3
    bytes a pixel instead of 4, which counts in the preview, which keeps every page. (Not
    for printing: there the transparent image makes a smaller PDF — 4.2 MB against 6.0 MB
    for the 6-page report — and is never held for long.)"""
    flat = QImage(image.size(), QImage.Format.Format_RGB888)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def paint_pdf(
    printer: QPrinter, document: QPdfDocument, progress: Progress = no_progress
) -> list[int]:
    """Draw the chosen pages of ``document`` on ``printer``; returns the 0-based pages in
    the order drawn (one entry per sheet). Used by the preview and by real printing (on a
    worker thread: QPainter may draw on a QPrinter there). ``progress(sheet, sheets)``
    after each sheet; its ``Cancelled`` aborts the print job."""
    engine = printer.paintEngine()
    # the preview records into pictures (engine type Picture): lighter images there
    preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
    dpi = min(printer.resolution(), PREVIEW_DPI if preview else PRINT_DPI)
    order = sheets(printer, chosen_pages(printer, document.pageCount()), preview)
    if not order:
        return []
    _turn(printer, document.pagePointSize(order[0]))
    options = QPdfDocumentRenderOptions()
    # annotations carry the visible signature stamp of a signed report
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    painter = QPainter()
    if not painter.begin(printer):  # e.g. the output file cannot be written
        raise AppError(
            "print.cannot_start",
            Text("Không bắt đầu in được.", "Printing could not start."),
        )
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        progress(0, len(order))
        for n, page in enumerate(order):
            points = document.pagePointSize(page)
            if n:
                _turn(printer, points)
                printer.newPage()
            target = _target(printer, points)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size, options)
            painter.drawImage(target, on_white(image) if preview else image)
            progress(n + 1, len(order))
    except Cancelled:
        printer.abort()  # the spooler drops the job; a file is removed below
        raise
    finally:
        painter.end()
    return order


def is_whole_file_copy(printer: QPrinter, count: int) -> bool:
    """Print to a PDF file of every page, once, in order: the original PDF is the answer."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return (
        to_file
        and bool(printer.outputFileName())
        and sheets(printer, chosen_pages(printer, count), False) == list(range(count))
    )


def save_pdf_copy(source: Path, target: Path) -> None:
    """``source`` written to ``target`` byte for byte, surviving a power cut (a temporary
    file beside it, flushed, then renamed over it)."""
    part = temporary_beside(target)
    try:
        with source.open("rb") as reading, part.open("wb") as writing:
            shutil.copyfileobj(reading, writing)
            writing.flush()
            os.fsync(writing.fileno())
        os.replace(part, target)
        fsync_path(target.parent)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise AppError(
            "print.cannot_write",
            Text(
                f"Không ghi được tệp «{target}»: {exc.strerror or exc}",
                f"Cannot write the file «{target}»: {exc.strerror or exc}",
            ),
            path=str(target),
        ) from exc


def print_in_background(pdf_path: Path, printer: QPrinter) -> Any:
    """The work for ``BackgroundTask``: the pages rendered and drawn on ``printer`` on a
    worker thread, from the worker's own QPdfDocument; a cancelled print to a file leaves
    no file."""

    def work(progress: Progress) -> list[int]:
        document = open_pdf(pdf_path)
        try:
            return paint_pdf(printer, document, progress)
        except Cancelled:
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
                Path(printer.outputFileName()).unlink(missing_ok=True)
            raise
        finally:
            document.close()

    return work


def print_pdf_to_file(
    pdf_path: Path,
    out_pdf: Path,
    page_range: tuple[int, int] | None = None,
    copies: int = 1,
) -> int:
    """Print ``pdf_path`` through Qt's PDF printer into ``out_pdf`` (what "print to file"
    does); ``page_range`` is (first, last), 1-based and inclusive. Returns sheets printed."""
    document = open_pdf(pdf_path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out_pdf))
    fit_printer_to(printer, document)
    if page_range is not None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*page_range)
    printer.setCopyCount(copies)
    return len(paint_pdf(printer, document))


class PdfPrintPreview(QPrintPreviewDialog):
    """The preview of a PDF with Qt's print button (printer, page range, copies)."""

    painted = Signal(list)  # the 0-based pages drawn by the last paint request

    def __init__(
        self,
        pdf_path: Path,
        parent: QWidget | None = None,
        printer: QPrinter | None = None,
        *,
        dialogs: Dialogs | None = None,
        lang: str = "vi",
    ) -> None:
        self.dialogs = dialogs or Dialogs()
        self.lang = lang
        self.document = open_pdf(pdf_path)  # refuses before any window appears
        self.printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self.printer, parent)
        self.document.setParent(self)
        self.pdf_path = pdf_path
        self.last_painted: list[int] = []
        self.print_task: BackgroundTask | None = None
        self.setObjectName("pdfPrintPreview")
        self.setWindowTitle(self.tr("Xem trước khi in — %1").replace("%1", pdf_path.name))
        self.printer.setDocName(pdf_path.stem)
        fit_printer_to(self.printer, self.document)
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        engine = printer.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Picture:  # the preview
            self.last_painted = paint_pdf(printer, self.document)
            self.painted.emit(self.last_painted)
            return
        count = self.document.pageCount()
        if is_whole_file_copy(printer, count):
            try:
                save_pdf_copy(self.pdf_path, Path(printer.outputFileName()))
            except AppError as error:
                self._failed(error)
                return
            self.last_painted = list(range(count))
            self.painted.emit(self.last_painted)
            return
        # Qt closes the preview once this returns: the task lives with the window below,
        # and ``printer`` (not the dialog's to delete) in the work's closure.
        owner = self.parentWidget() or self
        self.print_task = BackgroundTask(
            owner,
            self.tr("Đang in «%1»…").replace("%1", self.pdf_path.name),
            print_in_background(self.pdf_path, printer),
        )
        self.print_task.finished.connect(self._printed)
        self.print_task.failed.connect(self._failed)
        self.print_task.start()

    def _printed(self, order: list[int]) -> None:
        self.last_painted = order
        self.painted.emit(order)

    def _failed(self, error: BaseException) -> None:
        owner = self.parentWidget() or self
        self.dialogs.error(owner, self.tr("In báo cáo"), error_text(error, self.lang))

    @property
    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)


def preview_pdf(
    pdf_path: Path, dialogs: Dialogs, lang: str = "vi", parent: QWidget | None = None
) -> PdfPrintPreview | None:
    """Open the preview window-modally without blocking; a PDF that cannot be read is
    reported through ``dialogs`` instead (None)."""
    try:
        dialog = PdfPrintPreview(pdf_path, parent, dialogs=dialogs, lang=lang)
    except AppError as error:
        title = QCoreApplication.translate("PdfPrintPreview", "In báo cáo")
        dialogs.error(parent, title, error.message.pick(lang))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = [
    "PdfPrintPreview",
    "chosen_pages",
    "fit_printer_to",
    "on_white",
    "open_pdf",
    "paint_pdf",
    "preview_pdf",
    "print_pdf_to_file",
    "sheets",
]
