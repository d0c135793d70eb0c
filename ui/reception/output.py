"""A ticket's PDF and print-out: read and render (``ticket_pdf``), keep
(``pst_desktop.frontdesk.ticket_printing``) and
print (``ui.printing``, the print path).

One small object the window calls for every ticket and reprint. ``output(visit_id)`` only queues
the work and returns at once: the ticket's data is read (with the worker's own database
connection), its PDF with the QR code rendered, kept in the ticket folder, and the printer asked
and fed, all on one worker thread (``PrintRunner``: one job at a time, in the order asked).
``printed(OutputResult)`` brings each job's answer back to the GUI thread, exactly once per
``output`` call: saved where, printed or not, and the one line for the receptionist. The ticket
is issued in the database before any of this, so neither a year of data, the QR code nor a slow
or stuck printer holds the receptionist up.

The worker thread reads the ticket, keeps its PDF and asks the printer's state; the render
(ReportLab) and the page drawn and sent to the printer (QtPdf, QPrinter) run in the ticket
printing helper process (``TICKETS``, ``pst_desktop.core.helper_process``), started with the
window: in the thread they held the interpreter lock the window needs, and the receptionist's
window stopped answering for 50-150 ms on F9 on a busy PC.

Tests give it a folder, a PDF file standing in for the printer and a fake printer state.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import peewee as pw
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models.database import database_proxy
from pst_desktop.core.clock import Clock
from pst_desktop.core.helper_process import HelperProcess
from pst_desktop.core.settings import StationSettings
from pst_desktop.frontdesk import ticket_pdf
from pst_desktop.frontdesk import ticket_printing as printing
from ui import printing as print_path
from ui.readers import SWITCH_INTERVAL_S

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutputResult:
    """One ticket's output. ``output`` returns it ``pending`` (only the code and printer known);
    ``printed`` brings the final one."""

    code: str
    pdf_path: Path | None = None  # where its PDF is kept; None until saved, or when it could not be
    printed: bool = False
    message: str = ""  # "" when printed and saved; else one line for the receptionist
    pending: bool = True  # the work is queued or under way: ``printed`` will follow
    printer: str = ""  # the station's printer ("" for none)
    to_printer: bool = False  # it is (was) sent to a printer, or to the file standing in for one
    reprint: bool = False  # asked again for a ticket issued earlier (Ctrl+P)
    pdf: bytes = b""  # the rendered ticket, once rendered
    failure: Exception | None = None  # why it could not even be read or rendered (nothing kept)


@dataclass(frozen=True)
class _Rendered:
    """What the worker hands back: the ticket rendered and kept, and the printer's answer."""

    code: str
    pdf: bytes
    path: Path | None
    save_error: str
    print_result: printing.PrintResult | None  # None: not sent to a printer


class _Done(QObject):
    """Lives on the GUI thread; a job's ``finished`` is queued to it."""

    finished = Signal(object, object)  # the job's key, what it returned


class _Job(QRunnable):
    def __init__(self, key: object, work: Callable[[], Any], done: _Done) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._key, self._work, self._done = key, work, done

    def run(self) -> None:
        try:
            value = self._work()
        except Exception as exc:  # a printer driver's surprise must reach the window, not kill it
            value = exc
        self._done.finished.emit(self._key, value)


class PrintRunner(QObject):
    """Runs printing work on one worker thread, in order; ``finished(key, value)`` on this
    object's thread (the value is the exception when the work raised)."""

    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # tickets come out in the order they were issued
        self._done = _Done(self)
        self._done.finished.connect(self.finished)

    def submit(self, key: object, work: Callable[[], Any]) -> None:
        self._pool.start(_Job(key, work, self._done))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the jobs under way (closing the window)."""
        return self._pool.waitForDone(msecs)


# -- the ticket printing helper process -------------------------------------------------------
_helper_app: Any = None  # the helper's QGuiApplication (QPrinter and QtPdf need one)


def _start_printing() -> None:
    """In the helper, once: the Qt application the print path needs, and a first ticket
    rendered (fonts, imports) so that the receptionist's first F9 does not wait for them."""
    global _helper_app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _helper_app = QGuiApplication(["pst-desktop ticket printing"])
    ticket_pdf.render_ticket(ticket_pdf.sample_ticket_data())


def render_ticket(data: ticket_pdf.TicketData, paper: str, language: str) -> bytes:
    """In the helper: the ticket's PDF."""
    return ticket_pdf.render_ticket(data, paper=paper, language=language)


def _ready(_name: str) -> printing.PrinterStatus:
    """The printer's state as the helper sees it when the print thread asks it (a given
    ``status`` reader: tests, a stand-in)."""
    return printing.PrinterStatus(printing.PrinterState.READY)


def send_to_printer(
    pdf: bytes,
    name: str,
    print_to_file: str | os.PathLike[str] | None,
    title: str,
    ask_printer: bool = True,
) -> printing.PrintResult:
    """In the helper: ``ui.printing.print_pdf``, the PDF drawn and sent to the printer (or the
    file standing in for it); with ``ask_printer`` the printer's state is read here too, before
    and after (``QPrinterInfo``: Qt calls that keep the interpreter lock while the print system
    answers, seconds for a printer on the network)."""
    status = None if ask_printer else _ready
    return print_path.print_pdf(pdf, name, print_to_file=print_to_file, title=title, status=status)


#: the helper process that renders and prints tickets (one for the program, started by the
#: first reception window)
TICKETS = HelperProcess("ticket printing", initializer=_start_printing)


def print_ticket(
    helper: HelperProcess,
    pdf: bytes,
    name: str,
    *,
    print_to_file: str | os.PathLike[str] | None,
    title: str,
    status: printing.StatusReader | None,
) -> printing.PrintResult:
    """``ui.printing.print_pdf`` in ``helper``: the printer's state read before (nothing is sent
    unless it is ready) and after sending, the page drawn and sent.  A ``status`` reader given
    (tests, a stand-in) is asked here, on the calling thread, instead."""
    if status is None:
        result = helper.call(send_to_printer, pdf, name, print_to_file, title)
    else:
        before = status(name)
        if not before.ready:
            error = printing.status_text(before)
            result = printing.PrintResult(False, name, 0, error, False, before)
        else:
            result = helper.call(send_to_printer, pdf, name, print_to_file, title, False)
            if result.ok:
                after = status(name)
                if not after.ready:
                    error = printing.status_text(after)
                    result = printing.PrintResult(False, name, result.pages, error, True, after)
    if result.ok:
        logger.info("printed %r on %s (%d page(s))", title, name or "a file", result.pages)
    else:
        logger.info("printing %r on %s failed: %s", title, name or "a file", result.error)
    return result


class TicketOutput(QObject):
    """Reads, renders, keeps and prints tickets off the GUI thread; ``printed(OutputResult)``
    once for every ``output`` call, when it is done."""

    printed = Signal(object)

    def __init__(
        self,
        settings: StationSettings,
        clock: Clock,
        folder: Path | None = None,
        print_to_file: str | os.PathLike[str] | None = None,
        parent: QObject | None = None,
        *,
        status: printing.StatusReader | None = None,
        db: pw.Database | None = None,
    ) -> None:
        super().__init__(parent)
        # the worker renders in Python: let the GUI thread have the interpreter back quickly
        # (see ``ui.readers``)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.settings = settings
        self.clock = clock
        self.folder = folder
        self.print_to_file = print_to_file
        self.status = status
        self.db = db  # None: the app's database (``database_proxy``) at the time of each job
        self.runner = PrintRunner(self)
        self.runner.finished.connect(self._finished)
        #: renders and prints (tests may put a stand-in here)
        self.helper = TICKETS
        self.helper.start()  # in the background: ready before the first F9

    def output(self, visit_id: int, code: str = "", *, reprint: bool = False) -> OutputResult:
        """Queue the ticket of ``visit_id`` to be read, rendered, kept and printed; returns at
        once the pending result (``code`` is only what the caller said it is).

        The station's settings are read here, on the calling thread (``QSettings`` is not shared
        with the worker); the worker uses its own database connection for the read.
        """
        language = self.settings.ticket_language or ticket_pdf.DEFAULT_LANGUAGE
        paper = self.settings.ticket_paper
        folder = self.folder or printing.ticket_folder(self.settings)
        name = self.settings.printer
        settings, clock, status, helper = self.settings, self.clock, self.status, self.helper
        print_to_file = self.print_to_file
        to_printer = bool(name) or print_to_file is not None
        db = self.db if self.db is not None else database_proxy.obj

        def work() -> _Rendered:
            with db.connection_context():
                data = ticket_pdf.ticket_data_for(visit_id, clock, language)
            pdf = helper.call(render_ticket, data, paper, language)
            path, save_error = printing.save_ticket_pdf(  # (the folder is given: no settings read)
                pdf, settings, folder, code=data.code, day=data.day
            )
            if not to_printer:
                return _Rendered(data.code, pdf, path, save_error, None)
            try:
                result = print_ticket(
                    helper, pdf, name, print_to_file=print_to_file, title=data.code, status=status
                )
            except Exception as exc:  # a driver's surprise: not printed, the PDF is still kept
                result = printing.PrintResult(False, name, 0, str(exc) or repr(exc))
            return _Rendered(data.code, pdf, path, save_error, result)

        pending = OutputResult(code, printer=name, to_printer=to_printer, reprint=reprint)
        self.runner.submit(pending, work)
        return pending

    def _finished(self, pending: OutputResult, value: object) -> None:
        if not isinstance(value, _Rendered):
            failure = value if isinstance(value, Exception) else RuntimeError(repr(value))
            logger.warning("ticket %s not rendered: %s", pending.code or "?", failure)
            message = str(failure) or type(failure).__name__
            self.printed.emit(replace(pending, pending=False, message=message, failure=failure))
            return
        result = value.print_result
        message = printing.output_message(
            value.code, value.path, value.save_error, pending.printer, result
        )
        self.printed.emit(
            replace(
                pending,
                pending=False,
                code=value.code,
                pdf=value.pdf,
                pdf_path=value.path,
                printed=result is not None and result.ok,
                message=message,
            )
        )

    def wait(self, msecs: int = 30_000) -> bool:
        return self.runner.wait(msecs)
