"""Printing ticket PDFs through Qt's print system, silently, and keeping a PDF of every ticket.

- ``print_pdf(pdf, printer_name)``: QtPdf renders each page at the thermal printers' 203 dpi onto a
  ``QPrinter`` whose page is the PDF page (zero margins, full page); no dialog is ever shown.
  It asks the printer's state first (``printer_status``; tests inject a fake) and sends nothing
  to a printer that is stopped, in error (paper out, cover open, offline) or unknown: a print
  system accepts jobs for a stopped queue and prints them in a burst hours later. After sending
  it asks again, and a printer that turned to an error makes the result a failure too.
  ``print_pdf`` may run on a worker thread (QtPdf rendering and QPainter on a QPrinter/QImage
  are thread-safe); ``ui.reception.output`` runs it on one.
- ``available_printers()``: the system's printers, for the station settings page.
- ``issue_output(pdf, settings, code=…, day=…)``: one ticket (or reprint) end to end on the
  calling thread: save the PDF in the ticket folder, then print it when the station has a
  printer that exists. The result carries one plain line to show when it could not print.
  The receptionist window does the same on its print thread (``ui.reception.output``).
- ``print_test_ticket(settings)``: the settings page's "print a test ticket".
- ``save_ticket_pdf`` / ``output_message``: the two halves of ``issue_output``, for callers that
  save and print on a worker thread and word the answer on the GUI thread.

Everything here needs a ``QGuiApplication`` (the app has one; tests use pytest-qt's ``qapp``).
Tests (and anyone without a printer) pass ``print_to_file``: a ``QPrinter`` in PDF format
writing that file stands in for the printer.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
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

logger = logging.getLogger(__name__)

#: thermal receipt printers print 8 dots per millimetre
THERMAL_DPI = 203
#: rows of the page image handed to the printer in one call (``_draw_in_strips``)
STRIP_ROWS = 128


class PrinterState(StrEnum):
    READY = "ready"  # idle or printing: a job will come out
    STOPPED = "stopped"  # stopped, in error, paper out, offline: a job would wait
    ABORTED = "aborted"  # the print system cancelled the current job
    NOT_FOUND = "not_found"  # the system has no printer of that name


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""  # the print system's own words when it gives some ("paper out")

    @property
    def ready(self) -> bool:
        return self.state is PrinterState.READY


#: how a printer's state is read; tests pass a fake
StatusReader = Callable[[str], PrinterStatus]


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    printer: str
    pages: int = 0
    error: str = ""  # why it did not print, one line (English, for logs and the message)
    sent: bool = False  # the job went to the print system (it may still fail, see ``status``)
    status: PrinterStatus | None = None  # the printer's state that made it fail, if that did


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
    return PrinterStatus(kind, _cups_reason(name))


def _cups_reason(name: str) -> str:
    """CUPS's reason for a stopped queue (``lpstat -p``'s indented line), "" when unknown."""
    lpstat = shutil.which("lpstat") if sys.platform != "win32" else None
    if lpstat is None:
        return ""
    try:
        done = subprocess.run(
            [lpstat, "-p", name], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = [line.strip() for line in done.stdout.splitlines()[1:] if line.strip()]
    lines = [line for line in lines if line != "reason unknown"]  # lpstat's filler
    return "; ".join(lines)[:200]


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
            return PrintResult(False, printer_name, 0, _status_text(before), False, before)
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
            return PrintResult(False, printer_name, 0, _status_text(missing), False, missing)
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
            return PrintResult(False, printer_name, pages, _status_text(after), True, after)
    return PrintResult(True, printer_name, pages, sent=True)


def _status_text(status: PrinterStatus) -> str:
    """The state in plain English, for the log and ``PrintResult.error``."""
    words = {
        PrinterState.READY: "ready",
        PrinterState.STOPPED: "the printer is stopped or reports an error",
        PrinterState.ABORTED: "the print system aborted the job",
        PrinterState.NOT_FOUND: "the printer was not found",
    }[status.state]
    return f"{words} ({status.detail})" if status.detail else words


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
def save_ticket_pdf(
    pdf: bytes, settings: StationSettings, folder: Path | None, *, code: str, day: dt.date
) -> tuple[Path | None, str]:
    """Keep the ticket's PDF in the ticket folder: ``(path, "")``, or ``(None, why not)``."""
    try:
        return save_pdf(pdf, ticket_pdf_path(folder or ticket_folder(settings), code, day)), ""
    except OSError as exc:
        return None, f"{exc.strerror or exc} ({exc.filename or ''})".replace(" ()", "")


def problem_line(printer: str, result: PrintResult | None) -> str:
    """What is wrong with the printer, in one translated phrase naming it."""
    if not printer:
        return QCoreApplication.translate("Printing", "No ticket printer is set")
    status = result.status if result is not None else None
    state = status.state if status is not None else None
    detail = status.detail if status is not None else ""
    if state is PrinterState.NOT_FOUND:
        return QCoreApplication.translate("Printing", "Printer {printer} was not found").format(
            printer=printer
        )
    if state is PrinterState.STOPPED:
        if detail:
            return QCoreApplication.translate(
                "Printing", "Printer {printer} is stopped ({detail})"
            ).format(printer=printer, detail=detail)
        return QCoreApplication.translate(
            "Printing", "Printer {printer} is stopped or reports an error (paper, cover, offline)"
        ).format(printer=printer)
    if state is PrinterState.ABORTED:
        return QCoreApplication.translate("Printing", "Printer {printer} cancelled the job").format(
            printer=printer
        )
    error = result.error if result is not None else ""
    return QCoreApplication.translate("Printing", "Printing on {printer} failed ({error})").format(
        printer=printer, error=error
    )


def output_message(
    code: str, path: Path | None, save_error: str, printer: str, result: PrintResult | None
) -> str:
    """The receptionist's one line for a ticket ("" when it was printed and its PDF kept)."""
    printed = result is not None and result.ok
    if path is not None and printed:
        return ""
    if printed:
        return QCoreApplication.translate(
            "Printing", "Ticket {code} was printed, but its PDF could not be saved: {error}"
        ).format(code=code, error=save_error)
    reason = problem_line(printer, result)
    if path is None:
        return QCoreApplication.translate(
            "Printing", "{reason}, and ticket {code} could not be saved as PDF: {error}"
        ).format(reason=reason, code=code, error=save_error)
    if not printer:
        return QCoreApplication.translate(
            "Printing", "{reason}; ticket {code} was saved as PDF: {path}"
        ).format(reason=reason, code=code, path=path)
    if result is not None and result.sent:  # the printer failed after taking the job
        return QCoreApplication.translate(
            "Printing",
            "{reason} after ticket {code} was sent: if no ticket came out, reprint it with "
            "Ctrl+P once the printer is ready (PDF kept: {path})",
        ).format(reason=reason, code=code, path=path)
    return QCoreApplication.translate(
        "Printing",
        "{reason}: ticket {code} was NOT printed. Its PDF is kept ({path}); reprint it with "
        "Ctrl+P once the printer is ready",
    ).format(reason=reason, code=code, path=path)


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
    from pst_desktop import tickets

    name = settings.printer if printer_name is None else printer_name
    data = tickets.sample_ticket_data(office_name or "PST Desktop", code="TEST")
    pdf = tickets.render_ticket(data, paper=paper or settings.ticket_paper)
    return print_pdf(pdf, name, print_to_file=print_to_file, title="PST test ticket", status=status)
