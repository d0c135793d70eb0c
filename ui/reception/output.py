"""A ticket's PDF and print-out: render (``tickets``), save and print (``printing``).

One small object the window calls for every ticket and reprint. ``output(visit_id)`` renders the
ticket and keeps its PDF in the ticket folder at once, on the calling (GUI) thread, and returns;
the printer is asked and fed on a worker thread (``PrintRunner``: one job at a time, in order), and
``printed(OutputResult)`` brings the answer back to the GUI thread. The ticket is issued in the
database before any of this, so a slow or stuck printer never holds the receptionist up.

Tests give it a folder, a PDF file standing in for the printer and a fake printer state.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from pst_desktop import printing, tickets
from pst_desktop.clock import Clock
from pst_desktop.settings import StationSettings


@dataclass(frozen=True)
class OutputResult:
    code: str
    pdf: bytes
    pdf_path: Path | None
    printed: bool
    message: str  # "" when printed and saved; else one line for the receptionist
    pending: bool = False  # the printer is still being asked: ``printed`` will follow
    printer: str = ""


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


class TicketOutput(QObject):
    """Renders, keeps and prints tickets; ``printed(OutputResult)`` when the printer answered."""

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
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self.folder = folder
        self.print_to_file = print_to_file
        self.status = status
        self.runner = PrintRunner(self)
        self.runner.finished.connect(self._finished)

    def output(self, visit_id: int) -> OutputResult:
        """Render and keep the ticket now; print it on the worker thread.

        The result is final (``pending`` False) when there is no printer to ask; otherwise
        ``printed`` brings the final one.
        """
        language = self.settings.ticket_language or tickets.DEFAULT_LANGUAGE
        data = tickets.ticket_data_for(visit_id, self.clock, language)
        pdf = tickets.render_ticket(data, paper=self.settings.ticket_paper, language=language)
        path, save_error = printing.save_ticket_pdf(
            pdf, self.settings, self.folder, code=data.code, day=data.day
        )
        name = self.settings.printer
        if not name and self.print_to_file is None:
            message = printing.output_message(data.code, path, save_error, name, None)
            return OutputResult(data.code, pdf, path, False, message, printer=name)
        pending = OutputResult(data.code, pdf, path, False, "", pending=True, printer=name)
        print_to_file, status = self.print_to_file, self.status

        def work() -> printing.PrintResult:
            return printing.print_pdf(
                pdf, name, print_to_file=print_to_file, title=data.code, status=status
            )

        self.runner.submit((pending, save_error), work)
        return pending

    def _finished(self, key: tuple[OutputResult, str], value: object) -> None:
        pending, save_error = key
        if isinstance(value, printing.PrintResult):
            result = value
        else:
            result = printing.PrintResult(False, pending.printer, 0, str(value) or repr(value))
        message = printing.output_message(
            pending.code, pending.pdf_path, save_error, pending.printer, result
        )
        self.printed.emit(replace(pending, printed=result.ok, message=message, pending=False))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.runner.wait(msecs)
