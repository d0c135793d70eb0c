"""Printing ticket PDFs through Qt's print system, silently, and keeping a PDF of every ticket.

- ``print_pdf(pdf, printer_name)``: QtPdf renders each page at the thermal printers' 203 dpi onto a
  ``QPrinter`` whose page is the PDF page (zero margins, full page); no dialog is ever shown.
- ``available_printers()``: the system's printers, for the station settings page.
- ``issue_output(pdf, settings, code=…, day=…)``: what the receptionist window calls for every
  ticket (and reprint): save the PDF in the ticket folder, then print it when the station has a
  printer that exists. The result carries one plain line to show when it could not print.
- ``print_test_ticket(settings)``: the settings page's "print a test ticket".

Everything here needs a ``QGuiApplication`` (the app has one; tests use pytest-qt's ``qapp``).
Tests (and anyone without a printer) pass ``print_to_file``: a ``QPrinter`` in PDF format
writing that file stands in for the printer.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
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

from pst_desktop.settings import StationSettings

#: thermal receipt printers print 8 dots per millimetre
THERMAL_DPI = 203


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    printer: str
    pages: int = 0
    error: str = ""  # why it did not print, one line (English, for logs and the message)


@dataclass(frozen=True)
class TicketOutput:
    """What happened to one ticket's PDF: saved where, printed where."""

    pdf_path: Path | None  # None only when the folder could not be written
    printed: bool
    printer: str  # the configured printer ("" for none)
    message: str  # "" when all went well; otherwise one line to show the receptionist

    @property
    def ok(self) -> bool:
        return self.printed and self.pdf_path is not None


# -- printers ---------------------------------------------------------------------------------
def available_printers() -> list[str]:
    """The names of the printers the system knows (what ``StationSettings.printer`` holds)."""
    _require_gui()
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    """The system's default printer, "" when none."""
    _require_gui()
    return QPrinterInfo.defaultPrinterName()


def print_pdf(
    pdf: bytes,
    printer_name: str,
    *,
    print_to_file: str | os.PathLike[str] | None = None,
    dpi: int = THERMAL_DPI,
    title: str = "PST ticket",
) -> PrintResult:
    """Print every page of ``pdf`` on ``printer_name``, silently; never raises for a bad printer.

    With ``print_to_file`` the "printer" is a PDF file written there (tests, no-printer PCs).
    """
    _require_gui()
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
            return PrintResult(False, printer_name, 0, f"printer {printer_name!r} not found")
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
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
        buffer.close()
    return PrintResult(True, printer_name, pages)


def _set_page(printer: QPrinter, size_pt: QSizeF) -> None:
    millimetres = QSizeF(size_pt.width() * 25.4 / 72, size_pt.height() * 25.4 / 72)
    page_size = QPageSize(
        millimetres, QPageSize.Unit.Millimeter, "PST ticket", QPageSize.SizeMatchPolicy.ExactMatch
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(page_size)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


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


# -- the ticket folder ------------------------------------------------------------------------
def default_ticket_folder() -> Path:
    """``tickets`` in the user data folder (``PST_DATA_DIR`` when set, like the database)."""
    from platformdirs import user_data_dir

    return Path(os.environ.get("PST_DATA_DIR") or user_data_dir("PST Desktop", "BPS")) / "tickets"


def ticket_folder(settings: StationSettings) -> Path:
    return Path(settings.ticket_folder) if settings.ticket_folder else default_ticket_folder()


def ticket_pdf_path(folder: Path, code: str, day: dt.date) -> Path:
    """``<folder>/2026-11-24/K-001.pdf``; a reprint overwrites the same file."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", code) or "ticket"
    return folder / day.isoformat() / f"{safe}.pdf"


def save_pdf(pdf: bytes, path: Path) -> Path:
    """Write ``pdf`` to ``path`` whole (a temp file renamed), creating the folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".ticket-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


# -- one ticket, end to end -------------------------------------------------------------------
def issue_output(
    pdf: bytes,
    settings: StationSettings,
    folder: Path | None = None,
    *,
    code: str,
    day: dt.date,
    print_to_file: str | os.PathLike[str] | None = None,
) -> TicketOutput:
    """Save the ticket PDF, then print it on the station's printer when it has one that exists.

    ``folder`` overrides the station's ticket folder; ``print_to_file`` makes a PDF file stand
    in for the printer (tests). The ticket is issued either way: a printing problem only gives
    ``message``, one line such as "Printer X was not found; ticket K-001 was saved as PDF: …".
    """
    path: Path | None = None
    save_error = ""
    try:
        path = save_pdf(pdf, ticket_pdf_path(folder or ticket_folder(settings), code, day))
    except OSError as exc:
        save_error = f"{exc.strerror or exc} ({exc.filename or ''})".replace(" ()", "")

    name = settings.printer
    result: PrintResult | None = None
    if name:
        if print_to_file is None and name not in available_printers():
            reason = QCoreApplication.translate(
                "Printing", "Printer {printer} was not found"
            ).format(printer=name)
        else:
            result = print_pdf(pdf, name, print_to_file=print_to_file, title=code)
            reason = (
                ""
                if result.ok
                else QCoreApplication.translate(
                    "Printing", "Printing on {printer} failed ({error})"
                ).format(printer=name, error=result.error)
            )
    else:
        reason = QCoreApplication.translate("Printing", "No ticket printer is set")
    printed = result is not None and result.ok

    if path is not None and printed:
        message = ""
    elif path is not None:
        message = QCoreApplication.translate(
            "Printing", "{reason}; ticket {code} was saved as PDF: {path}"
        ).format(reason=reason, code=code, path=path)
    elif printed:
        message = QCoreApplication.translate(
            "Printing", "Ticket {code} was printed, but its PDF could not be saved: {error}"
        ).format(code=code, error=save_error)
    else:
        message = QCoreApplication.translate(
            "Printing", "{reason}, and ticket {code} could not be saved as PDF: {error}"
        ).format(reason=reason, code=code, error=save_error)
    return TicketOutput(path, printed, name, message)


def print_test_ticket(
    settings: StationSettings,
    office_name: str = "",
    *,
    printer_name: str | None = None,
    paper: str | None = None,
    print_to_file: str | os.PathLike[str] | None = None,
) -> PrintResult:
    """Print a made-up ticket on ``printer_name`` and ``paper`` (default: the station's).

    For the settings page's "Print a test ticket"; nothing is saved or issued.
    """
    from pst_desktop import tickets

    name = settings.printer if printer_name is None else printer_name
    data = tickets.sample_ticket_data(office_name or "PST Desktop", code="TEST")
    pdf = tickets.render_ticket(data, paper=paper or settings.ticket_paper)
    return print_pdf(pdf, name, print_to_file=print_to_file, title="PST test ticket")
