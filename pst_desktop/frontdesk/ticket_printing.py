"""Tickets on paper, the part with no Qt beyond QtCore: where a ticket's PDF is kept, what a print
result holds, and the receptionist's line about it.

- ``ticket_folder(settings)`` / ``ticket_pdf_path(folder, code, day)`` / ``save_ticket_pdf``: every
  ticket (and reprint) is kept as ``<folder>/2026-11-24/K-001.pdf``, written whole.
- ``PrintResult`` / ``PrinterStatus`` / ``TicketOutput``: what the print path answers.
- ``output_message`` / ``problem_line``: the one line for the receptionist, translated.
- ``cups_reason(name)``: CUPS's own words for a stopped queue (``lpstat``).

The print path itself (QtPdf renders the page, ``QPrinter`` prints it, ``QPrinterInfo`` reads the
printer's state) needs QtGui and QtPrintSupport, so it lives above the core, in ``ui.printing``:
``print_pdf``, ``printer_status``, ``available_printers``, ``issue_output``, ``print_test_ticket``.
The core never imports it; it only names the shape of its answers (this module's types and
``StatusReader``, the printer-state function tests inject).
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

from PySide6.QtCore import QCoreApplication

from pst_desktop.core.settings import StationSettings

logger = logging.getLogger(__name__)


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


# -- the printer's state ------------------------------------------------------------------
def cups_reason(name: str) -> str:
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


def status_text(status: PrinterStatus) -> str:
    """The state in plain English, for the log and ``PrintResult.error``."""
    words = {
        PrinterState.READY: "ready",
        PrinterState.STOPPED: "the printer is stopped or reports an error",
        PrinterState.ABORTED: "the print system aborted the job",
        PrinterState.NOT_FOUND: "the printer was not found",
    }[status.state]
    return f"{words} ({status.detail})" if status.detail else words


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


# -- the ticket's PDF and the receptionist's line --------------------------------------------
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
