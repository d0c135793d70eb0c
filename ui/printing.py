"""The print path: a ticket's PDF printed silently through Qt's print system (QtPdf, QPrinter).

This is the part of printing that needs QtGui, QtPdf and QtPrintSupport, so it sits above the
core (``pst_desktop`` promises QtCore at most). What it answers and the rules it follows are the
core's, in ``pst_desktop.frontdesk.ticket_printing``: ``PrintResult``, ``PrinterStatus``,
the ticket folder and the
receptionist's line. Its interface is five functions:

- ``print_pdf(pdf, printer_name)``: QtPdf renders each page at the thermal printers' 203 dpi onto
  a ``QPrinter`` whose page is the PDF page (zero margins, full page); no dialog is ever shown.
  It asks the printer's state first (``printer_status``; tests inject a fake) and sends nothing
  to a printer that is stopped, in error (paper out, cover open, offline) or unknown: a print
  system accepts jobs for a stopped queue and prints them in a burst hours later. After sending
  it asks again, and a printer that turned to an error makes the result a failure too.
  ``print_pdf`` may run on a worker thread (QtPdf rendering and QPainter on a QPrinter/QImage
  are thread-safe); ``ui.reception.output`` runs it on one.
- ``printer_status(name)`` / ``available_printers()``: the system's printers and their state, for
  the station settings page and the setup wizard.
- ``issue_output(pdf, settings, code=…, day=…)``: one ticket (or reprint) end to end on the
  calling thread: save the PDF in the ticket folder, then print it when the station has a
  printer that exists. The result carries one plain line to show when it could not print.
  The receptionist window does the same on its print thread (``ui.reception.output``).
- ``print_test_ticket(settings)``: the settings page's "print a test ticket".

Everything here needs a ``QGuiApplication`` (the app has one; tests use pytest-qt's ``qapp``).
Tests (and anyone without a printer) pass ``print_to_file``: a ``QPrinter`` in PDF format
writing that file stands in for the printer.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from pst_desktop.core.settings import StationSettings
from pst_desktop.frontdesk.ticket_printing import (
    PrinterState,
    PrinterStatus,
    PrintResult,
    StatusReader,
    TicketOutput,
    cups_reason,
    output_message,
    save_ticket_pdf,
    status_text,
)

logger = logging.getLogger(__name__)

#: thermal receipt printers print 8 dots per millimetre
THERMAL_DPI = 203
#: rows of the page image handed to the printer in one call (``_draw_in_strips``)
STRIP_ROWS = 128


# -- printers ---------------------------------------------------------------------------------
def available_printers() -> list[str]:
    """The names of the printers the system knows (what ``StationSettings.printer`` holds)."""
    _require_gui()
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    """The system's default printer, "" when none."""
    _require_gui()
    return QPrinterInfo.defaultPrinterName()


def printer_status(name: str) -> PrinterStatus:
    """The state of printer ``name`` as the print system reports it (Qt's ``QPrinterInfo``).

    Qt reports a stopped CUPS queue, and a Windows printer that is paused, out of paper or offline,
    as ``Error``; the print system's own reason (CUPS: ``lpstat``) is added when there is one.
    """
    _require_gui()
    if not name or name not in QPrinterInfo.availablePrinterNames():
        return PrinterStatus(PrinterState.NOT_FOUND)
    state = QPrinterInfo.printerInfo(name).state()
    if state in (QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active):
        return PrinterStatus(PrinterState.READY)
    kind = PrinterState.ABORTED if state == QPrinter.PrinterState.Aborted else PrinterState.STOPPED
    return PrinterStatus(kind, cups_reason(name))


def print_pdf(
    pdf: bytes,
    printer_name: str,
    *,
    print_to_file: str | os.PathLike[str] | None = None,
    dpi: int = THERMAL_DPI,
    title: str = "PST ticket",
    status: StatusReader | None = None,
) -> PrintResult:
    """Print every page of ``pdf`` on ``printer_name``, silently; never raises for a bad printer.

    The printer's state is read before (nothing is sent unless it is ready) and after sending.
    With ``print_to_file`` the "printer" is a PDF file written there (tests, no-printer PCs), and
    ``status`` (default ``printer_status``) is only asked when given.
    """
    result = _print_pdf(pdf, printer_name, print_to_file, dpi, title, status)
    if result.ok:
        logger.info("printed %r on %s (%d page(s))", title, printer_name or "a file", result.pages)
    else:
        logger.info("printing %r on %s failed: %s", title, printer_name or "a file", result.error)
    return result


def _print_pdf(
    pdf: bytes,
    printer_name: str,
    print_to_file: str | os.PathLike[str] | None,
    dpi: int,
    title: str,
    status: StatusReader | None,
) -> PrintResult:
    _require_gui()
    if status is None and print_to_file is None:
        status = printer_status
    if status is not None:
        before = status(printer_name)
        if not before.ready:
            return PrintResult(False, printer_name, 0, status_text(before), False, before)
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # a QBuffer is random-access: loads at once
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return PrintResult(False, printer_name, 0, f"not a readable PDF ({document.error().name})")

    if print_to_file is not None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(os.fspath(print_to_file))
    else:
        if printer_name not in QPrinterInfo.availablePrinterNames():
            missing = PrinterStatus(PrinterState.NOT_FOUND)
            return PrintResult(False, printer_name, 0, status_text(missing), False, missing)
        printer = QPrinter(
            QPrinterInfo.printerInfo(printer_name), QPrinter.PrinterMode.HighResolution
        )
        printer.setPrinterName(printer_name)
    printer.setDocName(title)
    printer.setCreator("PST Desktop")
    printer.setFullPage(True)

    painter = QPainter()
    pages = document.pageCount()
    try:
        for index in range(pages):
            size_pt = document.pagePointSize(index)
            _set_page(printer, size_pt)
            if index == 0:
                if not painter.begin(printer):
                    return PrintResult(False, printer_name, 0, "the printer did not start the job")
            elif not printer.newPage():
                return PrintResult(False, printer_name, index, "the printer refused a new page")
            image = _render_page(document, index, size_pt, dpi)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            _draw_in_strips(painter, image, paper.width(), paper.height())
    finally:
        sent = painter.isActive() and painter.end()
        document.close()
        buffer.close()
    if not sent:
        return PrintResult(False, printer_name, 0, "the printer did not take the job")
    if status is not None:
        after = status(printer_name)
        if not after.ready:
            return PrintResult(False, printer_name, pages, status_text(after), True, after)
    return PrintResult(True, printer_name, pages, sent=True)


def _set_page(printer: QPrinter, size_pt: QSizeF) -> None:
    millimetres = QSizeF(size_pt.width() * 25.4 / 72, size_pt.height() * 25.4 / 72)
    page_size = QPageSize(
        millimetres, QPageSize.Unit.Millimeter, "PST ticket", QPageSize.SizeMatchPolicy.ExactMatch
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(page_size)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _draw_in_strips(painter: QPainter, image: QImage, width: float, height: float) -> None:
    """Draw ``image`` over the whole ``width`` × ``height`` page, ``STRIP_ROWS`` rows at a time.

    Each QPainter call holds Python's interpreter lock while the print engine takes the image in
    (the PDF engine compresses it): one call for a whole 80 mm ticket at 203 dpi held it 13-16 ms,
    and the receptionist's window, waiting for the lock, stopped answering that long (more on a
    busy PC) while its print thread worked. Strips of ``STRIP_ROWS`` rows take about 2 ms each.
    Their edges fall on whole device pixels, so they meet without a gap or an overlap.
    """
    rows = image.height()
    scale = height / rows if rows else 0.0
    for top in range(0, rows, STRIP_ROWS):
        bottom = min(rows, top + STRIP_ROWS + 1)  # one row more: the next strip paints over it
        source = QRectF(0, top, image.width(), bottom - top)
        painter.drawImage(QRectF(0, top * scale, width, (bottom - top) * scale), image, source)


def _render_page(document: QPdfDocument, index: int, size_pt: QSizeF, dpi: int) -> QImage:
    """The page at ``dpi`` on white, in grey levels (a receipt printer's spool stays small)."""
    pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
    rendered = document.render(index, pixels)  # transparent where the page is blank
    page = QImage(pixels, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    page.setDotsPerMeterX(round(dpi / 0.0254))
    page.setDotsPerMeterY(round(dpi / 0.0254))
    return page.convertToFormat(QImage.Format.Format_Grayscale8)


def _require_gui() -> None:
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise RuntimeError("printing needs a QGuiApplication (or QApplication) to exist")


# -- one ticket, end to end -------------------------------------------------------------------
def issue_output(
    pdf: bytes,
    settings: StationSettings,
    folder: Path | None = None,
    *,
    code: str,
    day: dt.date,
    print_to_file: str | os.PathLike[str] | None = None,
    status: StatusReader | None = None,
) -> TicketOutput:
    """Save the ticket PDF, then print it on the station's printer when it is ready.

    ``folder`` overrides the station's ticket folder; ``print_to_file`` makes a PDF file stand
    in for the printer (tests); ``status`` reads the printer's state (default: the system's).
    The ticket is issued either way: a printing problem only gives ``message``, one line such
    as "Printer X is stopped (paper out): ticket K-001 was NOT printed. Its PDF is kept (…)".
    This runs on the calling thread; ``ui.reception.output`` prints on a worker thread instead.
    """
    path, save_error = save_ticket_pdf(pdf, settings, folder, code=code, day=day)
    name = settings.printer
    result = (
        print_pdf(pdf, name, print_to_file=print_to_file, title=code, status=status)
        if name
        else None
    )
    printed = result is not None and result.ok
    return TicketOutput(path, printed, name, output_message(code, path, save_error, name, result))


def print_test_ticket(
    settings: StationSettings,
    office_name: str = "",
    *,
    printer_name: str | None = None,
    paper: str | None = None,
    print_to_file: str | os.PathLike[str] | None = None,
    status: StatusReader | None = None,
) -> PrintResult:
    """Print a made-up ticket on ``printer_name`` and ``paper`` (default: the station's).

    For the settings page's "Print a test ticket"; nothing is saved or issued.
    """
    from pst_desktop.frontdesk import ticket_pdf

    name = settings.printer if printer_name is None else printer_name
    data = ticket_pdf.sample_ticket_data(office_name or "PST Desktop", code="TEST")
    pdf = ticket_pdf.render_ticket(data, paper=paper or settings.ticket_paper)
    return print_pdf(pdf, name, print_to_file=print_to_file, title="PST test ticket", status=status)
